# FerretDB v1.24.2 (a MongoDB wire-protocol server) on its SQLite backend, state under .data/ferretdb,
# so inventory storage fails independently of PostgreSQL. The binary is built once by build-ferretdb.sh.

FERRETDB_DIR="$DATA_DIR/ferretdb"
FERRETDB_LOG="$LOG_DIR/ferretdb.log"

install_ferretdb() {
  FERRETDB_BIN=$(bash "$ROOT_DIR/scripts/build-ferretdb.sh") || die "could not build FerretDB"
}

start_ferretdb() {
  mkdir -p "$FERRETDB_DIR/sqlite"
  # --debug-addr=- turns off its debug HTTP listener; every other default would write to the cwd.
  # At warn it logs every client's endSessions (a command it lacks) as a multi-line warning.
  nohup "$FERRETDB_BIN" --listen-addr="127.0.0.1:$MONGO_PORT" --handler=sqlite \
    --sqlite-url="file:$FERRETDB_DIR/sqlite/" --state-dir="$FERRETDB_DIR" \
    --debug-addr=- --telemetry=disable --log-level=error \
    </dev/null >>"$FERRETDB_LOG" 2>&1 &
  echo $! >"$RUN_DIR/ferretdb.pid"
}

ready_ferretdb() { node "$ROOT_DIR/scripts/ping-mongo.mjs" "mongodb://127.0.0.1:$MONGO_PORT/" >/dev/null 2>&1; }

stop_ferretdb() { stop_by_pid ferretdb; }
