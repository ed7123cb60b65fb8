#!/usr/bin/env bash
# Manages the local stack without Docker: PostgreSQL, FerretDB, Temporal and the payment gateway simulator,
# all on 127.0.0.1 with their state under .data/. Idempotent: `up` starts only what is not running, `down`
# stops only the processes it recorded.
#   usage: scripts/stack.sh up|down|status [--cluster] [service...]   (services: postgres ferretdb temporal simulator)
# Temporal is the CLI's dev server unless `--cluster` (or TEMPORAL_MODE=cluster) asks for a real Temporal
# cluster on the stack's PostgreSQL: its first start builds it from the Go module proxy (3 to 15 minutes on
# 2 cores, 250 MB of binaries and a few GB of Go caches; see the README's "A real Temporal cluster").
# `status` and `down` handle either.
set -euo pipefail
SCRIPT_NAME=stack
args=()
for arg in "$@"; do
  if [ "$arg" = --cluster ]; then export TEMPORAL_MODE=cluster; else args+=("$arg"); fi
done
set -- "${args[@]+"${args[@]}"}"
source "$(dirname "${BASH_SOURCE[0]}")/lib/node.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/ferretdb.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/temporal.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/simulator.sh"

SERVICES=(postgres ferretdb temporal simulator)
READY_TIMEOUT="${STACK_READY_TIMEOUT:-90}"

service_port() {
  case "$1" in
    postgres) echo "$PG_PORT" ;;
    ferretdb) echo "$MONGO_PORT" ;;
    temporal) echo "$TEMPORAL_PORT" ;;
    simulator) echo "$SIMULATOR_PORT" ;;
  esac
}

service_log() {
  case "$1" in
    postgres) echo "$PG_LOG" ;;
    ferretdb) echo "$FERRETDB_LOG" ;;
    temporal) echo "$TEMPORAL_LOG" ;;
    simulator) echo "$SIMULATOR_LOG" ;;
  esac
}

stop_by_pid() {
  local name="$1" pid
  pid=$(live_pid "$name") || { rm -f "$RUN_DIR/$name.pid"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && { say "$name (pid $pid) ignored SIGTERM; killing it"; kill -KILL "$pid"; }
  rm -f "$RUN_DIR/$name.pid"
}

fail_service() {
  local name="$1" reason="$2"
  say "$name: $reason"
  show_log_tail "$(service_log "$name")"
  exit 1
}

wait_ready() {
  local name="$1" deadline=$((SECONDS + READY_TIMEOUT))
  until "ready_$name"; do
    live_pid "$name" >/dev/null || fail_service "$name" "the process exited before it answered"
    [ "$SECONDS" -lt "$deadline" ] || fail_service "$name" "did not answer within ${READY_TIMEOUT}s"
    sleep 0.5
  done
}

bring_up() {
  local name="$1" port
  port=$(service_port "$name")
  if live_pid "$name" >/dev/null; then
    wait_ready "$name"
    say "$name already running on 127.0.0.1:$port"
    return 0
  fi
  if port_open "$port"; then
    say "$name: port $port on 127.0.0.1 is already taken by a process this script did not start"
    exit 1
  fi
  "install_$name"
  [ "$name" = postgres ] && init_postgres
  say "starting $name on 127.0.0.1:$port"
  "start_$name" || fail_service "$name" "could not start"
  wait_ready "$name"
  if declare -F "after_start_$name" >/dev/null; then "after_start_$name"; fi
}

print_settings() {
  cat <<SETTINGS
The local stack is up. Settings (also the defaults in .env.example):
  DATABASE_URL=postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/order_saga
  MONGODB_URL=mongodb://127.0.0.1:$MONGO_PORT/order_saga
  TEMPORAL_ADDRESS=127.0.0.1:$TEMPORAL_PORT
  TEMPORAL_NAMESPACE=${TEMPORAL_NAMESPACE:-default}
  PAYMENT_GATEWAY_URL=http://127.0.0.1:$SIMULATOR_PORT
  Temporal: $(describe_temporal)
  Temporal Web UI: http://127.0.0.1:$TEMPORAL_UI_PORT
  Logs: $LOG_DIR
SETTINGS
}

cmd_up() {
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  ensure_node
  ensure_deps
  local name
  for name in "${SERVICES[@]}"; do bring_up "$name"; done
  if [[ " ${SERVICES[*]} " == *" postgres "* ]]; then migrate_postgres; fi
  print_settings
}

cmd_down() {
  local name
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    name=${SERVICES[$i]}
    if live_pid "$name" >/dev/null; then
      say "stopping $name"
      "stop_$name"
    fi
    rm -f "$RUN_DIR/$name.pid"
  done
}

cmd_status() {
  local name pid state=0
  for name in "${SERVICES[@]}"; do
    if pid=$(live_pid "$name"); then
      printf '%-9s running  pid %-7s 127.0.0.1:%s' "$name" "$pid" "$(service_port "$name")"
      if [ "$name" = temporal ]; then printf '  %s' "$(describe_temporal)"; fi
      printf '\n'
    else
      printf '%-9s stopped\n' "$name"
      state=3
    fi
  done
  return "$state"
}

command="${1:-}"
shift || true
if [ "$#" -gt 0 ]; then
  for name in "$@"; do
    service_port "$name" >/dev/null && [ -n "$(service_port "$name")" ] || { echo "unknown service: $name" >&2; exit 2; }
  done
  SERVICES=("$@")
fi

case "$command" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *)
    cat >&2 <<USAGE
usage: $0 up|down|status [--cluster] [postgres|ferretdb|temporal|simulator ...]
  --cluster (or TEMPORAL_MODE=cluster): Temporal's own server on the stack's PostgreSQL instead of the dev
  server; the first start builds it (3 to 15 minutes on 2 cores, 250 MB of binaries, a few GB of Go caches)
USAGE
    exit 2
    ;;
esac
