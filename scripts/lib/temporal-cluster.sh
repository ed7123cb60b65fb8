# A real Temporal cluster (TEMPORAL_MODE=cluster, or `stack.sh up --cluster`): Temporal's own server, built
# from the Go module proxy by build-temporal-cluster.sh, with its four services (frontend, history, matching,
# worker) in one process, its state and visibility in the stack's PostgreSQL, several history shards, and
# Temporal's UI server in front of it. The frontend answers where the dev server would (TEMPORAL_PORT), so
# the service, the suites and the benchmark reach either the same way.

TEMPORAL_CLUSTER_DIR="$DATA_DIR/temporal-cluster"
TEMPORAL_UI_LOG="$LOG_DIR/temporal-ui.log"
# Fixed when the cluster first writes its database: Temporal refuses to start on a different count.
TEMPORAL_CLUSTER_SHARDS="${TEMPORAL_CLUSTER_SHARDS:-4}"
TEMPORAL_CLUSTER_DB="${TEMPORAL_CLUSTER_DB:-temporal}"
TEMPORAL_CLUSTER_VISIBILITY_DB="${TEMPORAL_CLUSTER_VISIBILITY_DB:-temporal_visibility}"
# The services' own gRPC and membership ports: TEMPORAL_CLUSTER_PORT_BASE to base+6.
TEMPORAL_CLUSTER_PORT_BASE="${TEMPORAL_CLUSTER_PORT_BASE:-6930}"
TEMPORAL_NAMESPACE_RETENTION="${TEMPORAL_NAMESPACE_RETENTION:-72h}"

install_temporal_cluster() {
  local paths
  paths=$(bash "$ROOT_DIR/scripts/build-temporal-cluster.sh") || die "could not build the Temporal cluster"
  { read -r TEMPORAL_SERVER_BIN; read -r TEMPORAL_SQL_TOOL_BIN; read -r TEMPORAL_UI_SERVER_BIN; } <<<"$paths"
}

start_temporal_cluster() {
  ready_postgres || die "the Temporal cluster keeps its state in the stack's PostgreSQL: start it first (stack.sh up postgres)"
  migrate_temporal_databases
  write_temporal_cluster_config
  nohup "$TEMPORAL_SERVER_BIN" --config-file "$TEMPORAL_CLUSTER_DIR/server.yaml" --allow-no-auth start \
    </dev/null >>"$TEMPORAL_LOG" 2>&1 &
  echo $! >"$RUN_DIR/temporal.pid"
}

# Creates both databases when missing and brings their schemas to the version this server ships (the schema
# files are embedded in temporal-sql-tool, copied from schema/postgresql/v12 of the server's module).
# Both steps are idempotent, so every start runs them.
migrate_temporal_databases() {
  local db schema log="$LOG_DIR/temporal-schema.log"
  for db in "$TEMPORAL_CLUSTER_DB:temporal" "$TEMPORAL_CLUSTER_VISIBILITY_DB:visibility"; do
    schema="postgresql/v12/${db#*:}"
    db="${db%%:*}"
    if [ -z "$(pg_psql -d postgres -tAc "select 1 from pg_database where datname = '$db'")" ]; then
      pg_psql -d postgres -c "create database $db" || die "could not create database $db"
    fi
    temporal_sql_tool "$db" setup-schema -v 0.0 >>"$log" 2>&1 &&
      temporal_sql_tool "$db" update-schema --schema-name "$schema" >>"$log" 2>&1 ||
      { show_log_tail "$log"; die "temporal-sql-tool could not set up the schema $schema in database $db"; }
  done
}

temporal_sql_tool() {
  local db="$1"
  shift
  SQL_PASSWORD="$PG_PASSWORD" "$TEMPORAL_SQL_TOOL_BIN" --plugin postgres12 --endpoint 127.0.0.1 --port "$PG_PORT" \
    --user "$PG_USER" --database "$db" "$@"
}

write_temporal_cluster_config() {
  local base="$TEMPORAL_CLUSTER_PORT_BASE"
  mkdir -p "$TEMPORAL_CLUSTER_DIR"
  cat >"$TEMPORAL_CLUSTER_DIR/server.yaml" <<YAML
# Written by scripts/stack.sh at every start of the cluster; edit scripts/lib/temporal-cluster.sh instead.
log:
  stdout: true
  level: warn
  format: json
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: $TEMPORAL_CLUSTER_SHARDS
  datastores:
    default:
      sql:
        pluginName: postgres12
        databaseName: $TEMPORAL_CLUSTER_DB
        connectAddr: "127.0.0.1:$PG_PORT"
        connectProtocol: tcp
        user: $PG_USER
        password: $PG_PASSWORD
        maxConns: 20
        maxIdleConns: 20
        maxConnLifetime: 1h
    visibility:
      sql:
        pluginName: postgres12
        databaseName: $TEMPORAL_CLUSTER_VISIBILITY_DB
        connectAddr: "127.0.0.1:$PG_PORT"
        connectProtocol: tcp
        user: $PG_USER
        password: $PG_PASSWORD
        maxConns: 10
        maxIdleConns: 10
        maxConnLifetime: 1h
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
  metrics:
    prometheus:
      framework: tally
      timerType: histogram
      listenAddress: "127.0.0.1:$TEMPORAL_METRICS_PORT"
services:
  frontend:
    rpc:
      grpcPort: $TEMPORAL_PORT
      httpPort: $TEMPORAL_HTTP_PORT
      membershipPort: $base
      bindOnIP: 127.0.0.1
  history:
    rpc:
      grpcPort: $((base + 1))
      membershipPort: $((base + 2))
      bindOnIP: 127.0.0.1
  matching:
    rpc:
      grpcPort: $((base + 3))
      membershipPort: $((base + 4))
      bindOnIP: 127.0.0.1
  worker:
    rpc:
      grpcPort: $((base + 5))
      membershipPort: $((base + 6))
      bindOnIP: 127.0.0.1
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: "127.0.0.1:$TEMPORAL_PORT"
      httpAddress: "127.0.0.1:$TEMPORAL_HTTP_PORT"
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: "$TEMPORAL_CLUSTER_DIR/dynamic-config.yaml"
  pollInterval: 60s
YAML
  # As the dev server does: a search attribute registered by `up` is usable at once, not after the
  # namespace cache's refresh.
  cat >"$TEMPORAL_CLUSTER_DIR/dynamic-config.yaml" <<YAML
system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
YAML
  cat >"$TEMPORAL_CLUSTER_DIR/base.yaml" <<YAML
# Temporal's UI server (temporalio/ui-server), written by scripts/stack.sh.
temporalGrpcAddress: "127.0.0.1:$TEMPORAL_PORT"
host: 127.0.0.1
port: $TEMPORAL_UI_PORT
enableUi: true
defaultNamespace: ${TEMPORAL_NAMESPACE:-default}
disableNewsFetch: true
notifyOnNewVersion: false
distribution: server
cors:
  cookieInsecure: true
  unsafeAllowAllOrigins: false
YAML
}

# Ready: the frontend serves, the namespace exists and holds the sagas' search attributes, and the UI runs.
# A namespace is visible to the other services only after their namespace cache refreshes (~10 s), so the
# attributes are registered on a later call if the first attempt is refused.
ready_temporal_cluster() {
  "$TEMPORAL_BIN" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" 2>/dev/null | grep -q SERVING ||
    return 1
  ensure_namespace && ensure_search_attributes 2>/dev/null && ensure_temporal_ui
}

ensure_namespace() {
  local namespace="${TEMPORAL_NAMESPACE:-default}"
  "$TEMPORAL_BIN" operator namespace describe --address "127.0.0.1:$TEMPORAL_PORT" -n "$namespace" \
    >/dev/null 2>&1 && return 0
  "$TEMPORAL_BIN" operator namespace create --address "127.0.0.1:$TEMPORAL_PORT" -n "$namespace" \
    --retention "$TEMPORAL_NAMESPACE_RETENTION" >/dev/null 2>&1 || true
  return 1
}

ensure_temporal_ui() {
  live_pid temporal-ui >/dev/null && return 0
  if port_open "$TEMPORAL_UI_PORT"; then
    say "temporal: UI port $TEMPORAL_UI_PORT on 127.0.0.1 is already taken by a process this script did not start"
    return 0
  fi
  [ -n "${TEMPORAL_UI_SERVER_BIN:-}" ] || install_temporal_cluster
  # The UI server reads base.yaml, then <env>.yaml if present, from --root/--config.
  nohup "$TEMPORAL_UI_SERVER_BIN" --root "$TEMPORAL_CLUSTER_DIR" --config . --env stack start \
    </dev/null >>"$TEMPORAL_UI_LOG" 2>&1 &
  echo $! >"$RUN_DIR/temporal-ui.pid"
}

stop_temporal_cluster() {
  stop_by_pid temporal-ui
  stop_by_pid temporal
}
