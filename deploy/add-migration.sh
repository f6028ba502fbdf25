#!/usr/bin/env bash
# Adds a migration of the same name to all three providers (SQLite, SQL Server, PostgreSQL),
# then writes each server provider's idempotent script to deploy/sql/.
# Usage: deploy/add-migration.sh MigrationName
set -euo pipefail
name=${1:?usage: deploy/add-migration.sh MigrationName}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  project=src/InterviewPortal.Migrations.$provider
  echo "== $provider: adding $name"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
"$root/deploy/migration-scripts.sh"
