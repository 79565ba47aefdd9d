#!/usr/bin/env bash
# Adds one EF Core migration to BOTH providers' migrations projects: ./scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
export EF_DESIGN=1
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project=migrations/Burgerbegroting.Migrations.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
rm -f migrations/*/design-time.db
echo "Added migration $name for Sqlite and Postgres. Run ./test.sh to check both apply and nothing is pending."
