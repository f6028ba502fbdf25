#!/usr/bin/env bash
# The schedule page of a college with 10 rooms × 40 interviews: server time of GET /Schedule?date=… (p50/p95/p99) on
# SQLite, and on PostgreSQL when PORTAL_TEST_POSTGRES is set (scripts/test-services.sh). A measurement, not a timed
# test: the xunit class SchedulePageBenchmark is skipped unless PORTAL_BENCHMARKS=1; the figures go to
# docs/benchmarks.md ("Schedule page"). The goal: p95 under 100 ms of server time.
# Knobs: PORTAL_BENCH_REQUESTS=200 (measured requests after 20 warm-up ones), CONFIGURATION=Release.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PORTAL_TEST_POSTGRES:-}" ] && [ -f /tmp/portal-test-services.env ]; then
  set -a; . /tmp/portal-test-services.env; set +a
fi
filter="FullyQualifiedName~SqliteSchedulePageBenchmark"
if [ -n "${PORTAL_TEST_POSTGRES:-}" ]; then
  filter="$filter|FullyQualifiedName~PostgresSchedulePageBenchmark"
else
  echo "PORTAL_TEST_POSTGRES is not set: SQLite only." >&2
fi
echo "commit: $(git rev-parse --short HEAD) · $(date -u '+%Y-%m-%d %H:%M UTC')"
log=$(mktemp /tmp/schedule-page-bench.XXXXXX)
trap 'rm -f "$log"' EXIT
status=0
PORTAL_BENCHMARKS=1 dotnet test tests/InterviewPortal.IntegrationTests -c "${CONFIGURATION:-Release}" \
  --filter "$filter" --logger "console;verbosity=detailed" >"$log" 2>&1 || status=$?
grep -E "schedule page|machine:|Passed |Failed |Error Message|Assert" "$log" || tail -30 "$log"
exit "$status"
