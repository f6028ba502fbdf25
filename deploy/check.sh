#!/usr/bin/env bash
# Checks the deployment files on this machine without Docker: both compose files parse as YAML, both nginx
# configurations pass `nginx -t` (with a throw-away certificate, upstream names pointed at loopback), the
# systemd unit passes `systemd-analyze verify`, and deploy/sql/postgresql.sql applies twice to a fresh
# database on the test PostgreSQL (idempotent). Needs nginx, openssl, python3-yaml, psql; run from anywhere.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
t=$(mktemp -d /tmp/portal-deploy-check.XXXXXX)
trap 'rm -rf "$t"' EXIT
mkdir -p "$t/logs"

for f in docker-compose.yml docker-compose.postgres.yml; do
  python3 -c "import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); assert {'portal1', 'portal2', 'nginx', 'redis', 'migrate'} <= set(d['services'])" "$here/$f"
  echo "ok: $f parses"
done
python3 -m json.tool "$here/appsettings.Production.example.json" >/dev/null && echo "ok: appsettings.Production.example.json"

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout "$t/portal.key" -out "$t/portal.crt" 2>/dev/null
sed -e "s#/etc/ssl/certs/interview-portal.crt#$t/portal.crt#; s#/etc/ssl/private/interview-portal.key#$t/portal.key#; s#/var/log/nginx/#$t/logs/#" \
  "$here/nginx/interview-portal.conf" > "$t/site.conf"
sed -e "s#/etc/nginx/certs/#$t/#; s#portal1:8080#127.0.0.1:8081#; s#portal2:8080#127.0.0.1:8082#" "$here/nginx/compose.conf" > "$t/compose.conf"
for site in site compose; do
  printf 'pid %s/nginx.pid;\nerror_log %s/logs/error.log;\nevents {}\nhttp { access_log off; include %s/%s.conf; }\n' "$t" "$t" "$t" "$site" > "$t/nginx-$site.conf"
  nginx -q -t -c "$t/nginx-$site.conf" -p "$t"
  echo "ok: nginx -t ($site)"
done

if command -v systemd-analyze >/dev/null; then
  cp "$here/systemd/interview-portal.service" "$t/"
  out=$(systemd-analyze verify "$t/interview-portal.service" 2>&1 || true)
  if [ -n "$out" ]; then echo "$out"; exit 1; fi
  echo "ok: systemd-analyze verify"
fi

server=${PORTAL_TEST_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=portal;Password=portal"}
field() { echo "$server" | tr ';' '\n' | sed -n "s/^$1=//p"; }
export PGOPTIONS="-c client_min_messages=warning" PGHOST=$(field Host) PGPORT=$(field Port) PGUSER=$(field Username) PGPASSWORD=$(field Password)
db=portal_deploy_check_$$
psql -d postgres -qtAc "CREATE DATABASE $db"
for run in 1 2; do
  psql -d "$db" -v ON_ERROR_STOP=1 -q -f "$here/sql/postgresql.sql" >/dev/null
done
tables=$(psql -d "$db" -qtAc "select count(*) from information_schema.tables where table_schema = 'public'")
psql -d postgres -qtAc "DROP DATABASE $db WITH (FORCE)"
echo "ok: sql/postgresql.sql applied twice ($tables tables)"
