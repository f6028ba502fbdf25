#!/usr/bin/env bash
# The exam-morning run (issue 19): N candidates (default 10,000) each request a sign-in code, sign in and open their
# page (/Me and /api/v1/me) within the window (default 10 minutes), each from its own loopback address, while 50 room
# consoles and the college board stay on the exam-day hub, the first slots' T-20 notices fall due and the assistants
# invite their verified candidates. Reports p50/p99 of code request, sign-in, page, API and console push (an
# assistant's move seen by the board), T-20 lateness (sent minus due, from the outbox rows), invitations issued,
# errors, notices sent twice or lost (by SQL), and each node's peak RSS and CPU. Two set-ups: one node on SQLite;
# two nodes on PostgreSQL with the Redis backplane (needs scripts/test-services.sh). Loopback only; bounded: the
# run ends at most two minutes after the window.
#
# Usage: bench/run-exam-morning.sh
# Knobs: BENCH_SETUP_SECONDS=180 (seeding, start-up and warm-up must fit: the window starts then) BENCH_WARMUP=200
#        BENCH_SETUPS="sqlite postgres-redis" BENCH_CANDIDATES=10000 BENCH_WINDOW=10m (e.g. 3m, 90s) BENCH_CONSOLES=50
#        BENCH_INVITATIONS=50 BENCH_ADDRESSING=source (each candidate its own 127.x.y.z) | proxy (X-Forwarded-For
#        through the configured proxy) BENCH_PORT=5201 BENCH_LABEL="quiet machine"
# The nodes run in the environment "Bench" (not Production: the bench-only sign-in code reader is never routed in
# Production) with Bench:Enabled, the simulated WeLink gateway and the portal's own limits (20 sign-in requests a
# minute and 30 codes an hour per address).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
setups=${BENCH_SETUPS:-"sqlite postgres-redis"}
candidates=${BENCH_CANDIDATES:-10000}
window=${BENCH_WINDOW:-10m}
consoles=${BENCH_CONSOLES:-50}
invitations=${BENCH_INVITATIONS:-$consoles}
addressing=${BENCH_ADDRESSING:-source}
base_port=${BENCH_PORT:-5201}
label=${BENCH_LABEL:-""}
# Seconds from seeding to the start of the window (seeding, start-up, warm-up); the driver waits out what is left.
setup_s=${BENCH_SETUP_SECONDS:-180}
warmup=${BENCH_WARMUP:-200}
postgres=${PORTAL_TEST_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=portal;Password=portal"}
redis=${PORTAL_TEST_REDIS:-"127.0.0.1:6390"}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
case $window in
  *m) window_s=$(( ${window%m} * 60 )) ;;
  *s) window_s=${window%s} ;;
  *) window_s=$window ;;
esac

dotnet build src/InterviewPortal.Web -c Release -nologo -v q
dotnet build bench/ExamMorning -c Release -nologo -v q
app_dir=$root/src/InterviewPortal.Web/bin/Release/net10.0
driver=$root/bench/ExamMorning/bin/Release/net10.0/ExamMorning.dll
results=$root/bench/results
mkdir -p "$results"
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo "+changes")
password="Bench#$(head -c 9 /dev/urandom | base64 | tr -d '/+')"
work=$(mktemp -d /tmp/portal-morning.XXXXXX)
pids=()
sampler=""
pg_db=""
cleanup() {
  [ -n "$sampler" ] && { kill "$sampler" 2>/dev/null || true; }
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  if [ -n "$pg_db" ]; then psql_on postgres "DROP DATABASE IF EXISTS \"$pg_db\" WITH (FORCE)" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
pg_part() { echo "$postgres" | tr ';' '\n' | sed -n "s/^$1=//p"; }
psql_on() {
  PGPASSWORD=$(pg_part Password) psql -h "$(pg_part Host)" -p "$(pg_part Port)" -U "$(pg_part Username)" -d "$1" -v ON_ERROR_STOP=1 -qtAF ' ' -c "$2"
}

for setup in $setups; do
  echo "== $setup: $candidates candidates in ${window_s} s, $consoles consoles, $invitations invitations"
  export Bench__Enabled=true ASPNETCORE_ENVIRONMENT=Bench Database__Demo=false Database__MigrateOnStart=true
  export WeLink__AllowSimulatedInProduction=true Storage__Root=$work/$setup
  # Every node must hash sign-in codes alike (the key file under Storage:Root would do on one machine; say it outright).
  export CandidateSignIn__Pepper=$(head -c 32 /dev/urandom | base64 -w0)
  unset Redis__Connection Redis__ChannelPrefix ForwardedHeaders__KnownProxies__0 || true
  [ "$addressing" = proxy ] && export ForwardedHeaders__KnownProxies__0=127.0.0.1
  mkdir -p "$Storage__Root"
  if [ "$setup" = sqlite ]; then
    nodes=1
    export Database__Provider=Sqlite ConnectionStrings__Portal="Data Source=$Storage__Root/portal.db"
  else
    nodes=2
    pg_db=portal_morning_$(date +%s)
    psql_on postgres "CREATE DATABASE \"$pg_db\""
    export Database__Provider=PostgreSql ConnectionStrings__Portal="$postgres;Database=$pg_db;Maximum Pool Size=100;SSL Mode=Disable"
    export Redis__Connection=$redis Redis__ChannelPrefix=$pg_db
  fi
  # The window starts BENCH_SETUP_SECONDS from now (the driver waits for it after seeding, start-up and warm-up); the
  # first slot of every room starts so that its T-20 notice falls due a third into the window.
  start_epoch=$(( $(date +%s) + setup_s ))
  start_at=$(date -u -d "@$start_epoch" +%Y-%m-%dT%H:%M:%SZ)
  first_start=$(date -u -d "@$(( start_epoch + 20 * 60 + window_s / 3 ))" +%Y-%m-%dT%H:%M:%SZ)
  (cd "$app_dir" && dotnet InterviewPortal.Web.dll seed-bench --candidates "$((candidates + warmup))" --first-start "$first_start" \
      --staff-password "$password" --consoles "$consoles" --verified "$invitations" --notices --plan-out "$work/plan.txt") \
    > "$work/seed-$setup.log" 2>&1 || { cat "$work/seed-$setup.log"; exit 1; }
  grep -E "^(Seeded|Staff|Staged)" "$work/seed-$setup.log"
  [ "$setup" != sqlite ] && psql_on "$pg_db" "VACUUM ANALYZE" 2>/dev/null
  urls=()
  pids=()
  for n in $(seq 1 "$nodes"); do
    port=$((base_port + n - 1))
    (cd "$app_dir" && ASPNETCORE_URLS=http://127.0.0.1:$port ScaleOut__NodeName=node$n Logging__Folder=$work/logs-$setup-$n \
      exec dotnet InterviewPortal.Web.dll) > "$work/portal-$setup-$n.log" 2>&1 &
    pids+=($!)
    urls+=("http://127.0.0.1:$port")
  done
  for u in "${urls[@]}"; do
    for _ in $(seq 1 90); do curl -fs "$u/health/ready" >/dev/null 2>&1 && break; sleep 1; done
    curl -fs "$u/health/ready" >/dev/null || { echo "$u did not become ready"; tail -30 "$work"/portal-$setup-*.log; exit 1; }
  done
  # CPU of each node, one sample a second (percent of one core): the peak and the mean over the window.
  python3 "$root/bench/sample-cpu.py" "$work/cpu-$setup.txt" "${pids[@]}" &
  sampler=$!
  proxy_flag=()
  [ "$addressing" = proxy ] && proxy_flag=(--proxy-header)
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  set +e
  dotnet "$driver" --nodes "$(IFS=,; echo "${urls[*]}")" --candidates "$candidates" --window "$window_s" --consoles "$consoles" \
    --plan "$work/plan.txt" --staff-password "$password" --warmup "$warmup" --start-at "$start_at" --out "$work/driver-$setup.json" "${proxy_flag[@]}"
  set -e
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""
  load_after=$(cut -d' ' -f1 /proc/loadavg)
  rss=$(for p in "${pids[@]}"; do sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$p/status"; done | paste -sd' ')
  # T-20 notices due by the end of the run (the report says how many fell inside the window): sent minus due
  # (seconds), those not sent, and recipients sent one twice.
  start=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['startedUtc'][:19].replace('T',' '))" "$work/driver-$setup.json")
  finish=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['finishedUtc'][:19].replace('T',' '))" "$work/driver-$setup.json")
  sleep 5 # the last due notices' sends are recorded
  if [ "$setup" = sqlite ]; then
    q() { sqlite3 -separator ' ' "$Storage__Root/portal.db" "$1"; }
    late_sql="SELECT Status, COALESCE((julianday(SentAt) - julianday(DueAt)) * 86400.0, -1), DueAt FROM Notifications WHERE Template = 'pre-exam' AND DueAt <= '$finish'"
    twice_sql="SELECT COUNT(*) FROM (SELECT Recipient FROM GatewayOutbox WHERE Kind = 'Notice' GROUP BY Recipient HAVING COUNT(*) > 1)"
  else
    q() { psql_on "$pg_db" "$1"; }
    late_sql="SELECT \"Status\", COALESCE(EXTRACT(EPOCH FROM \"SentAt\" - \"DueAt\"), -1), to_char(\"DueAt\", 'YYYY-MM-DD HH24:MI:SS') FROM \"Notifications\" WHERE \"Template\" = 'pre-exam' AND \"DueAt\" <= '$finish'"
    twice_sql="SELECT COUNT(*) FROM (SELECT \"Recipient\" FROM \"GatewayOutbox\" WHERE \"Kind\" = 'Notice' GROUP BY \"Recipient\" HAVING COUNT(*) > 1) t"
  fi
  q "$late_sql" > "$work/notices-$setup.txt"
  twice=$(q "$twice_sql")
  python3 "$root/bench/write-exam-morning.py" "$work/driver-$setup.json" "$work/notices-$setup.txt" "$twice" "$work/cpu-$setup.txt" \
    "$rss" "$setup" "$commit" "$addressing" "${label:+$label; }load avg $load_before → $load_after" "$results/exam-morning-$setup.json" | tee -a "$results/exam-morning-rows.md"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  pids=()
  grep -h -E '"(Level|@l)":"(Error|Fatal)"|\[(ERR|FTL)\]|fail:' "$work"/portal-$setup-*.log | head -5 || true
  if [ -n "$pg_db" ]; then psql_on postgres "DROP DATABASE IF EXISTS \"$pg_db\" WITH (FORCE)"; pg_db=""; fi
done
echo "rows appended to bench/results/exam-morning-rows.md (copy them into docs/benchmarks.md, section Exam morning)"
