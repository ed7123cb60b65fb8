#!/bin/sh
# docker-compose.yml's temporal-schema job (temporalio/admin-tools): creates Temporal's two databases on
# the compose PostgreSQL and brings their schemas up to date. Safe to run at every `up`: a database that
# exists is kept, and update-schema applies only the versions it lacks.
set -eu
: "${POSTGRES_SEEDS:?}" "${POSTGRES_USER:?}" "${SQL_PASSWORD:?}"
tool() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -u "$POSTGRES_USER" -p "${DB_PORT:-5432}" "$@"; }
for pair in temporal:temporal visibility:temporal_visibility; do
  schema=${pair%%:*}
  db=${pair#*:}
  tool --db "$db" create 2>/dev/null || echo "database $db exists"
  tool --db "$db" setup-schema -v 0.0
  tool --db "$db" update-schema -d "/etc/temporal/schema/postgresql/v12/$schema/versioned"
done
echo 'Temporal schemas up to date'
