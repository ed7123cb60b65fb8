# The private PostgreSQL cluster: initdb + pg_ctl under .data/postgres, on 127.0.0.1:$PG_PORT only.
# initdb refuses to run as root, so as root the cluster belongs to the unprivileged `postgres` user.

PG_DIR="$DATA_DIR/postgres"
PG_LOG="$LOG_DIR/postgres.log"

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_postgres() {
  pg_bin >/dev/null && return 0
  apt_install postgresql
  pg_bin >/dev/null || die "PostgreSQL installed but pg_ctl not found under /usr/lib/postgresql"
}

pg_psql() {
  PGPASSWORD="$PG_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" "$@"
}

init_postgres() {
  [ -f "$PG_DIR/PG_VERSION" ] && return 0
  local bin pwfile
  bin=$(pg_bin)
  mkdir -p "$PG_DIR"
  pwfile=$(mktemp)
  printf '%s\n' "$PG_PASSWORD" >"$pwfile"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$PG_DIR" "$pwfile"
    runuser -u postgres -- test -x "$DATA_DIR" ||
      die "user postgres cannot reach $DATA_DIR; make the folders above it world-executable (chmod o+x)"
  fi
  chmod 700 "$PG_DIR"
  say "creating the PostgreSQL cluster in $PG_DIR"
  pg_as_owner "$bin/initdb" -D "$PG_DIR" -U "$PG_USER" --pwfile="$pwfile" --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$LOG_DIR/postgres-initdb.log" 2>&1 ||
    { rm -f "$pwfile"; show_log_tail "$LOG_DIR/postgres-initdb.log"; die "initdb failed"; }
  rm -f "$pwfile"
}

start_postgres() {
  local bin
  bin=$(pg_bin)
  mkdir -p "$PG_DIR/socket"
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR/socket" && touch "$PG_LOG" && chown postgres: "$PG_LOG"
  pg_as_owner "$bin/pg_ctl" -D "$PG_DIR" -l "$PG_LOG" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR/socket" start >/dev/null ||
    return 1
  head -1 "$PG_DIR/postmaster.pid" >"$RUN_DIR/postgres.pid"
}

ready_postgres() { pg_psql -d postgres -c 'select 1' >/dev/null 2>&1; }

after_start_postgres() {
  local db
  for db in $PG_DATABASES; do
    if [ -z "$(pg_psql -d postgres -tAc "select 1 from pg_database where datname = '$db'")" ]; then
      pg_psql -d postgres -c "create database $db" || die "could not create database $db"
    fi
  done
}

# Every start brings each database's schema up to date with the committed migrations.
migrate_postgres() {
  local db
  for db in $PG_DATABASES; do
    (cd "$ROOT_DIR" && DATABASE_URL="postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$db" LOG_LEVEL=warn \
      node --import tsx src/bootstrap/migrate.ts >>"$LOG_DIR/migrate.log" 2>&1) ||
      { show_log_tail "$LOG_DIR/migrate.log"; die "migrations failed on database $db"; }
  done
}

stop_postgres() {
  [ -f "$PG_DIR/postmaster.pid" ] || return 0
  pg_as_owner "$(pg_bin)/pg_ctl" -D "$PG_DIR" -m fast -w stop >/dev/null
}
