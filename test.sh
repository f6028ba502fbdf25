#!/usr/bin/env bash
# Runs every test of InterviewPortal: unit, integration (SQLite and a real PostgreSQL) and browser.
# Installs and starts what the tests need first (scripts/test-services.sh), then prints as its last
# line "N passed, N failed, N skipped", counted from the TRX result files.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

export PORTAL_ENV_FILE="$root/TestResults/services.env"
rm -rf "$root/TestResults"; mkdir -p "$root/TestResults"
if ! bash scripts/test-services.sh; then
  echo "could not start the test services"
  echo "0 passed, 1 failed"
  exit 1
fi
set -a; . "$PORTAL_ENV_FILE"; set +a

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! dotnet build InterviewPortal.sln -c Release -nologo -v q; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
dotnet test InterviewPortal.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$root/TestResults" "$@"
status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$root"/TestResults/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); x=$(get executed); n=$(get total)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
  skipped=$((skipped + ${n:-0} - ${x:-0}))
done
if [ "$files" -eq 0 ]; then failed=$((failed + 1)); fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
