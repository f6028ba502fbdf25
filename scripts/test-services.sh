#!/usr/bin/env bash
# Installs (when missing) and starts what the tests need beyond the .NET SDK, on loopback only.
# Safe to run again: every step checks first. Debian packages; run as root or with sudo.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
need_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  echo "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# PostgreSQL: Debian's server package, its default cluster, a test role that may create databases.
need_packages postgresql postgresql-client
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  as_root pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  as_root pg_ctlcluster "$version" main start
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
for _ in $(seq 1 30); do
  as_root su postgres -c "psql -p $port -tAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
as_root su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -q" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal') THEN
    CREATE ROLE portal LOGIN PASSWORD 'portal' CREATEDB;
  END IF;
END \$\$;
-- DROP DATABASE ... WITH (FORCE) ends the test host's lingering connections.
GRANT pg_signal_backend TO portal;
ALTER SYSTEM SET max_connections = 300;
SQL
# max_connections only takes effect after a restart; do it once, when it is still lower.
if [ "$(as_root su postgres -c "psql -p $port -tAc 'show max_connections'")" -lt 300 ]; then
  as_root pg_ctlcluster "$version" main restart
fi
echo "PostgreSQL $version on 127.0.0.1:$port"
echo "PORTAL_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=portal;Password=portal;Persist Security Info=true;Pooling=true;Maximum Pool Size=40'" > "${PORTAL_ENV_FILE:-/tmp/portal-test-services.env}"

# ---- Browser tests (tests/InterviewPortal.BrowserTests) ------------------------------------------------
# Debian's Chromium (Playwright drives it; never a downloaded browser), a CJK font so Chinese pages render
# (and screenshots are readable), and axe-core from the npm registry into a gitignored cache folder.
need_packages chromium fonts-wqy-microhei
axe_dir="$(cd "$(dirname "$0")/.." && pwd)/tests/InterviewPortal.BrowserTests/.axe"
axe_version="4.10.3"
if [ "$(node -p "try { require('$axe_dir/node_modules/axe-core/package.json').version } catch { '' }" 2>/dev/null)" != "$axe_version" ]; then
  command -v npm >/dev/null || need_packages nodejs npm
  npm install --prefix "$axe_dir" --no-save --no-audit --no-fund --no-package-lock --silent "axe-core@$axe_version" >/dev/null
fi
echo "Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), axe-core $axe_version"
# Redis: the SignalR backplane of the two-node scale-out test. Our own instance on a fixed loopback port,
# in memory only, so it never clashes with a Redis the package may have started on 6379.
need_packages redis-server
redis_port=6390
if ! redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG; then
  redis-server --bind 127.0.0.1 --port "$redis_port" --daemonize yes --save "" --appendonly no \
    --dir /tmp --pidfile "/tmp/portal-test-redis-$redis_port.pid" --logfile "/tmp/portal-test-redis-$redis_port.log"
  for _ in $(seq 1 30); do
    redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG && break
    sleep 0.2
  done
fi
redis-cli -h 127.0.0.1 -p "$redis_port" ping | grep -q PONG
echo "Redis on 127.0.0.1:$redis_port"
echo "PORTAL_TEST_REDIS='127.0.0.1:$redis_port'" >> "${PORTAL_ENV_FILE:-/tmp/portal-test-services.env}"
