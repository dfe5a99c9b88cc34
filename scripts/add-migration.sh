#!/usr/bin/env bash
# Adds a migration NAME for both providers (SQLite and PostgreSQL); run after changing the model.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for ctx in Sqlite Postgres; do
  # The namespace follows the folder (DanVan.Data.Migrations.Sqlite); --namespace would misplace the snapshot.
  dotnet ef migrations add "$name" --project src/DanVan --context "${ctx}DanVanDbContext" --output-dir "Data/Migrations/$ctx"
done
