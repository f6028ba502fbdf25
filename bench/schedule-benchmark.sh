#!/usr/bin/env bash
# Auto-schedules 2,000 candidates through the real API and handler on SQLite and prints the timings.
# A measurement, not a timed test: the figures go to docs/benchmarks.md ("Scheduling").
set -euo pipefail
cd "$(dirname "$0")/.."
PORTAL_BENCHMARKS=1 dotnet test tests/InterviewPortal.IntegrationTests -c "${CONFIGURATION:-Release}" \
  --filter "FullyQualifiedName~AutoScheduleBenchmark" --logger "console;verbosity=detailed" 2>&1 \
  | grep -E "auto-schedule|handler|machine:|Passed|Failed"
