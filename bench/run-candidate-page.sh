#!/usr/bin/env bash
# Candidate page benchmark (issues 9, 19): /api/v1/me and the /Me page against the bare endpoint /health/live of the same
# process, in the same run, on SQLite and on PostgreSQL, with 20,000 candidates and 20,000 interviews; each with the
# node's record copy off (MyInterview:CacheSeconds=0: every view is a first visit to the database) and on; plus the
# process's peak resident memory (VmHWM). Load is on loopback only and bounded in time.
# One command: writes the "Candidate page" section of docs/benchmarks.md (raw JSON beside it in bench/results/) and
# prints it.
#
# Usage: bench/run-candidate-page.sh            (needs PostgreSQL from scripts/test-services.sh for the second run)
# Knobs: BENCH_PROVIDERS="Sqlite PostgreSql" (or one of them) BENCH_CONNECTIONS=64 BENCH_DURATION=15s BENCH_WARMUP=8s BENCH_CANDIDATES=20000 BENCH_PORT=5199
# Besides the three measured endpoints it loads /Me/Prepare, a candidate page with no data: what any Razor page costs
# here (layout, authorization, rendering), the floor under the /Me page.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
providers=${BENCH_PROVIDERS:-"Sqlite PostgreSql"}
connections=${BENCH_CONNECTIONS:-64}
duration=${BENCH_DURATION:-15s}
# Long enough for tiered compilation to finish with the endpoint's code (at 3 s the JIT still took a sixth of the CPU).
warmup=${BENCH_WARMUP:-8s}
candidates=${BENCH_CANDIDATES:-20000}
port=${BENCH_PORT:-5199}
postgres=${PORTAL_TEST_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=portal;Password=portal"}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/InterviewPortal.Web -c Release -nologo -v q
dotnet build bench/LoadGen -c Release -nologo -v q
app_dir=$root/src/InterviewPortal.Web/bin/Release/net10.0
loadgen=$root/bench/LoadGen/bin/Release/net10.0/LoadGen.dll
results=$root/bench/results
mkdir -p "$results"
rm -f "$results"/candidate-page-*.json  # no figure of an earlier run may reach this one's table
work=$(mktemp -d /tmp/portal-bench.XXXXXX)
pid=""
pg_db=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$pg_db" ]; then psql_admin "DROP DATABASE IF EXISTS \"$pg_db\" WITH (FORCE)" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# Runs one statement on the server named by PORTAL_TEST_POSTGRES (host, port, user, password from it), in database $1.
psql_admin_on() {
  local host port user pass
  host=$(echo "$postgres" | tr ';' '\n' | sed -n 's/^Host=//p'); port=$(echo "$postgres" | tr ';' '\n' | sed -n 's/^Port=//p')
  user=$(echo "$postgres" | tr ';' '\n' | sed -n 's/^Username=//p'); pass=$(echo "$postgres" | tr ';' '\n' | sed -n 's/^Password=//p')
  PGPASSWORD=$pass psql -h "$host" -p "${port:-5432}" -U "$user" -d "$1" -v ON_ERROR_STOP=1 -qtAc "$2"
}
psql_admin() { psql_admin_on postgres "$1"; }
# utime + stime of a process, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# utime + stime of the PostgreSQL server processes serving database $1 (their command line names it), in clock ticks.
db_ticks() {
  local total=0 p t
  for p in $(grep -l -a "$1" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3); do
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null) && total=$((total + t))
  done
  echo "$total"
}

for provider in $providers; do
  echo "== $provider"
  export Database__Provider=$provider Database__Demo=false Database__MigrateOnStart=true Bench__Enabled=true
  # A production-shaped node on the simulated gateway: allowed explicitly (nothing leaves the machine in a benchmark).
  export WeLink__AllowSimulatedInProduction=true
  export Storage__Root=$work/$provider ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$port
  mkdir -p "$Storage__Root"
  if [ "$provider" = PostgreSql ]; then
    pg_db=portal_bench_$(date +%s)
    psql_admin "CREATE DATABASE \"$pg_db\""
    # Loopback: no TLS to the database (a deployment across a network keeps it).
    export ConnectionStrings__Portal="$postgres;Database=$pg_db;Maximum Pool Size=100;SSL Mode=Disable"
  else
    export ConnectionStrings__Portal="Data Source=$Storage__Root/portal.db"
  fi
  # The content root is the output folder, so appsettings.json and wwwroot are found.
  (cd "$app_dir" && dotnet InterviewPortal.Web.dll seed-bench --candidates "$candidates" --tokens "$connections" --tokens-out "$work/all-tokens.txt") \
    > "$work/seed-$provider.log" 2>&1 || { cat "$work/seed-$provider.log"; exit 1; }
  # One candidate per connection: each reloads as fast as the connection allows (with the copy off, every view reads the
  # database, as a first visit does).
  head -n "$connections" "$work/all-tokens.txt" > "$work/tokens.txt"
  grep -E "^(Seeded|College|Wrote)" "$work/seed-$provider.log"
  if [ "$provider" = PostgreSql ]; then
    # Settle the freshly written tables first: otherwise autovacuum and autoanalyze wake up on them during the first
    # measured minute and take CPU from the two cores being measured.
    psql_admin_on "$pg_db" "VACUUM ANALYZE" 2>/dev/null  # (warnings about system catalogs it may not vacuum)
  fi
  # Two processes on the same database: the record copy off (MyInterview:CacheSeconds=0, every view reads the
  # database: a first visit) and on (the default few seconds: the 64 candidates reloading).
  for copy in off on; do
    if [ "$copy" = off ]; then export MyInterview__CacheSeconds=0; else unset MyInterview__CacheSeconds; fi
    (cd "$app_dir" && exec dotnet InterviewPortal.Web.dll) > "$work/portal-$provider-$copy.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 60); do
      curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
      sleep 1
    done
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "the portal did not become ready"; tail -30 "$work/portal-$provider-$copy.log"; exit 1; }

    token=$(head -1 "$work/tokens.txt")
    # All endpoints get the same bearer tokens, so token decryption is in every side of the ratio. The /Me page
    # (the candidate's "my interview" page) accepts the bearer token as the API does.
    # A warm-up pass over every endpoint first: measured cold, the first endpoint (bare) still paid for compiling the
    # shared pipeline and came out a quarter slower than when measured again at the end.
    for path in /health/live /api/v1/me /Me /Me/Prepare; do
      dotnet "$loadgen" --url "http://127.0.0.1:$port$path" --connections "$connections" --duration "$warmup" --warmup 0s \
        --bearer-file "$work/tokens.txt" --label "warm-up $path" > /dev/null
    done
    # The bare endpoint is /health/live (the issue's yardstick), measured first and again last: the shared cores drift
    # between runs, and the ratio uses the mean of both.
    endpoints=("bare /health/live" "me /api/v1/me" "page /Me")
    if [ "$copy" = off ]; then endpoints+=("floor /Me/Prepare"); fi
    endpoints+=("bareagain /health/live")
    for endpoint in "${endpoints[@]}"; do
      name=${endpoint%% *}; path=${endpoint#* }
      out="$results/candidate-page-$provider-$copy-$name.json"
      status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path")
      if [ "$status" = 200 ]; then
        dotnet "$loadgen" --url "http://127.0.0.1:$port$path" --connections "$connections" --duration "$warmup" --warmup 0s \
          --bearer-file "$work/tokens.txt" --label "warm-up $name" > /dev/null
        # The portal's own CPU over the measured run (utime + stime, clock ticks): CPU per request is the steadier figure
        # on a shared machine, where throughput moves with the neighbours' load.
        ticks_before=$(cpu_ticks "$pid"); db_before=0
        if [ -n "$pg_db" ]; then db_before=$(db_ticks "$pg_db"); fi
        dotnet "$loadgen" --url "http://127.0.0.1:$port$path" --connections "$connections" --duration "$duration" --warmup 0s \
          --bearer-file "$work/tokens.txt" --label "$provider copy $copy $name" --json "$out"
        db_used=0
        if [ -n "$pg_db" ]; then db_used=$(( $(db_ticks "$pg_db") - db_before )); fi
        echo "{\"cpuTicks\": $(( $(cpu_ticks "$pid") - ticks_before )), \"databaseCpuTicks\": $db_used, \"ticksPerSecond\": $(getconf CLK_TCK)}" > "${out%.json}-cpu.json"
      else
        echo "GET $path answered $status: not measured"
        echo "{\"label\": \"$provider $name\", \"notMeasured\": \"GET $path answered $status\"}" > "$out"
      fi
    done
    peak_kb=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status")
    echo "{\"provider\": \"$provider\", \"peakRssMb\": $((peak_kb / 1024))}" > "$results/candidate-page-$provider-$copy-memory.json"
    echo "peak RSS $((peak_kb / 1024)) MB"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  done
  unset MyInterview__CacheSeconds
  if [ -n "$pg_db" ]; then psql_admin "DROP DATABASE IF EXISTS \"$pg_db\" WITH (FORCE)"; pg_db=""; fi
done

python3 "$root/bench/write-candidate-page.py" "$results" "$root/docs/benchmarks.md" "$connections" "$duration" "$warmup" "$candidates" $providers
echo "(added at the top of the section \"Candidate page at first visit\" in docs/benchmarks.md)"
