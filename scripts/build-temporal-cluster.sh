#!/usr/bin/env bash
# Build (once) the binaries of a real Temporal cluster from the Go module proxy and print their paths:
#
#   scripts/build-temporal-cluster.sh   -> three lines, e.g.
#     /root/.cache/order-saga/bin/temporal-server-v1.32.2      (go.temporal.io/server/cmd/server)
#     /root/.cache/order-saga/bin/temporal-sql-tool-v1.32.2    (go.temporal.io/server/cmd/tools/sql)
#     /root/.cache/order-saga/bin/temporal-ui-server-v2.58.1   (github.com/temporalio/ui-server/v2/cmd/server)
#
# stdout carries only those paths, in that order; progress goes to stderr. The binaries are cached outside
# the repo in ${ORDER_SAGA_CACHE:-$HOME/.cache/order-saga}/bin with their version in the name, so a
# second run only checks that each still reports its version. `scripts/stack.sh up --cluster` runs this.
#
# Cost, on this project's 2-core machines: 154 MB (server), 56 MB (sql tool), 37 MB (UI server, its web
# assets embedded in its module). The server builds in about 3 minutes on a quiet machine; with other
# sessions' builds on the same cores the server and the sql tool took 15 minutes (6 of CPU), the UI server
# one more. Go's module and build caches (GOMODCACHE, GOCACHE) grow by a few GB; set them in the
# environment to relocate them.
#
# Both modules ask for Go 1.26.10, newer than the machines' Go 1.26.8, so the build runs on the Go 1.27.3
# toolchain, which the go command fetches from the Go module proxy like a module (GOTOOLCHAIN; override it
# in the environment to use another). All three are pure Go (the SQLite driver is modernc.org/sqlite), so
# CGO_ENABLED=0 and no C compiler is needed. The server and its sql tool are built by
# `go install module/cmd@version`, at exactly their tagged module graph.
#
# The UI server's tagged graph cannot be fetched here: the Go module proxy answers 403 ("This module version
# is not available") for two of its requirements, github.com/labstack/echo/v4@v4.16.1 and
# go.temporal.io/api@v1.64.0. So, as build-ferretdb.sh does, the downloaded module source is copied to a
# temp dir, those two are raised to the next patch release the proxy serves (UI_REQUIREMENT_BUMPS), and
# `go build ./cmd/server` builds it there.
set -euo pipefail

readonly SERVER_MODULE="go.temporal.io/server"
readonly SERVER_VERSION="v1.32.2"
readonly UI_MODULE="github.com/temporalio/ui-server/v2"
readonly UI_VERSION="v2.58.1"
readonly UI_REQUIREMENT_BUMPS=("github.com/labstack/echo/v4@v4.16.4" "go.temporal.io/api@v1.64.1")

log() { printf 'build-temporal-cluster: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

bin_dir="${ORDER_SAGA_CACHE:-$HOME/.cache/order-saga}/bin"
mkdir -p "$bin_dir"
bin_dir="$(cd "$bin_dir" && pwd -P)"
server_bin="${bin_dir}/temporal-server-${SERVER_VERSION}"
sql_tool_bin="${bin_dir}/temporal-sql-tool-${SERVER_VERSION}"
ui_bin="${bin_dir}/temporal-ui-server-${UI_VERSION}"

# A cached binary is good if it runs and reports the expected version (urfave/cli's `--version`).
binary_ok() {
  [[ -x "$1" ]] || return 1
  local out
  out="$("$1" --version 2>/dev/null)" || return 1
  grep -q "version ${2#v}\$" <<<"$out"
}

all_ok() {
  binary_ok "$server_bin" "$SERVER_VERSION" && binary_ok "$sql_tool_bin" "$SERVER_VERSION" &&
    binary_ok "$ui_bin" "$UI_VERSION"
}

print_paths() { printf '%s\n' "$server_bin" "$sql_tool_bin" "$ui_bin"; }

if all_ok; then
  print_paths
  exit 0
fi

# Serialize concurrent builds (e.g. a chaos run's stack starting beside the developer's).
if command -v flock >/dev/null 2>&1; then
  exec 9>"${bin_dir}/.temporal-cluster.lock"
  flock 9
  if all_ok; then # someone else built them while we waited
    print_paths
    exit 0
  fi
fi

if command -v go >/dev/null 2>&1; then
  go_bin="$(command -v go)"
elif [[ -x /usr/local/go/bin/go ]]; then
  go_bin=/usr/local/go/bin/go
else
  die "Go toolchain not found: 'go' is not on PATH and /usr/local/go/bin/go does not exist. Install Go >= 1.21 (it fetches the ${GOTOOLCHAIN:-go1.27.3} toolchain itself) and retry."
fi

work="$(mktemp -d "${bin_dir}/.temporal-build.XXXXXX")"
cleanup() { chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

export GOTOOLCHAIN="${GOTOOLCHAIN:-go1.27.3}"
export GO111MODULE=on
export CGO_ENABLED=0
# Ignore any project or user GOFLAGS (e.g. -mod=vendor) that would break a module build.
export GOFLAGS="-buildvcs=false -trimpath"
log "using $(cd "$work" && GOWORK=off "$go_bin" version) (GOTOOLCHAIN=${GOTOOLCHAIN}), proxy $("$go_bin" env GOPROXY)"

# install <package@version> <target path> <version>: one GOBIN per package, as two are called `server`.
install() {
  local package="$1" target="$2" version="$3" gobin name start=$SECONDS
  binary_ok "$target" "$version" && return 0
  gobin="${work}/$(basename "$target")"
  mkdir -p "$gobin"
  log "building ${package} (the first build takes minutes on 2 cores)"
  (cd "$work" && GOWORK=off GOBIN="$gobin" "$go_bin" install "$package") || die "go install ${package} failed"
  name="${package%@*}"
  name="${name##*/}"
  binary_ok "${gobin}/${name}" "$version" ||
    die "built ${package} does not report version ${version}: $("${gobin}/${name}" --version 2>&1 || true)"
  mv -f "${gobin}/${name}" "$target"
  log "built ${target} in $((SECONDS - start))s ($(du -h "$target" | cut -f1))"
}

install "${SERVER_MODULE}/cmd/server@${SERVER_VERSION}" "$server_bin" "$SERVER_VERSION"
install "${SERVER_MODULE}/cmd/tools/sql@${SERVER_VERSION}" "$sql_tool_bin" "$SERVER_VERSION"
# build_ui_server: the UI server from a copy of its module source, with UI_REQUIREMENT_BUMPS applied.
build_ui_server() {
  local meta mod_dir src start=$SECONDS
  binary_ok "$ui_bin" "$UI_VERSION" && return 0
  log "building ${UI_MODULE}@${UI_VERSION} with ${UI_REQUIREMENT_BUMPS[*]}"
  meta="$(cd "$work" && GOWORK=off "$go_bin" mod download -json "${UI_MODULE}@${UI_VERSION}")" ||
    die "go mod download ${UI_MODULE}@${UI_VERSION} failed: ${meta:-no output}"
  mod_dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' <<<"$meta" | head -n1)"
  [[ -n "$mod_dir" && -f "${mod_dir}/cmd/server/main.go" ]] || die "UI server source not found; output was: ${meta}"
  src="${work}/ui-server"
  cp -R "$mod_dir" "$src"
  chmod -R u+w "$src" # the module cache is read-only
  (cd "$src" && GOWORK=off GOFLAGS="-mod=mod" "$go_bin" get "${UI_REQUIREMENT_BUMPS[@]}" >&2 &&
    GOWORK=off "$go_bin" build -o "${work}/temporal-ui-server" ./cmd/server) || die "building the UI server failed"
  binary_ok "${work}/temporal-ui-server" "$UI_VERSION" ||
    die "built UI server does not report version ${UI_VERSION}: $("${work}/temporal-ui-server" --version 2>&1 || true)"
  mv -f "${work}/temporal-ui-server" "$ui_bin"
  log "built ${ui_bin} in $((SECONDS - start))s ($(du -h "$ui_bin" | cut -f1))"
}
build_ui_server
print_paths
