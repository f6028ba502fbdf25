#!/usr/bin/env bash
# Writes idempotent migration scripts for the server databases to deploy/sql/ (safe to run on a database at any version).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
mkdir -p deploy/sql
for provider in SqlServer PostgreSql; do
  project=src/InterviewPortal.Migrations.$provider
  out=deploy/sql/$(echo "$provider" | tr '[:upper:]' '[:lower:]').sql
  dotnet ef migrations script --idempotent --project "$project" --startup-project "$project" --output "$out"
  echo "wrote $out"
done
