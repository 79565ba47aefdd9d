#!/usr/bin/env bash
# Adds one EF Core migration to ALL THREE providers' migrations projects: ./scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres SqlServer; do
  project=migrations/Burgerbegroting.Migrations.$provider
  dotnet restore "$project" >/dev/null   # a fresh clone: ef reads the project's assets file before it builds
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
rm -f migrations/*/design-time.db
echo "Added migration $name for Sqlite, Postgres and SqlServer. Run the Storage tests: every provider has it and nothing is pending."
