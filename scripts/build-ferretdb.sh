#!/usr/bin/env bash
# Build (once) a FerretDB v1.24.2 binary from the Go module proxy and print its path.
#
#   scripts/build-ferretdb.sh            -> prints e.g. /root/.cache/order-saga/bin/ferretdb-v1.24.2
#
# The only stdout line is the binary's absolute path; progress goes to stderr.
# The binary is cached outside the repo in ${ORDER_SAGA_CACHE:-$HOME/.cache/order-saga}/bin,
# so a second run only checks it and prints the path.
#
# Why not `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: the module zip lacks the
# generated build/version/version.txt, so such a binary panics at start (FerretDB issue #2982).
# Instead we copy the downloaded module source to a temp dir, write version.txt (and commit.txt)
# there and `go build ./cmd/ferretdb`, which gives the full official CLI with all its flags.
#
# Requirements: Go >= 1.24 (`go` on PATH, else /usr/local/go/bin/go) and access to the Go module
# proxy. The SQLite backend is pure Go (modernc.org/sqlite), so the build uses CGO_ENABLED=0 and
# needs no C compiler. Go's own caches (GOMODCACHE, GOCACHE) keep their usual defaults, so set
# them in the environment to relocate them.
set -euo pipefail

readonly FERRETDB_MODULE="github.com/FerretDB/FerretDB"
readonly FERRETDB_VERSION="v1.24.2"

log() { printf 'build-ferretdb: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

cache_dir="${ORDER_SAGA_CACHE:-$HOME/.cache/order-saga}"
bin_dir="${cache_dir}/bin"
bin="${bin_dir}/ferretdb-${FERRETDB_VERSION}"

# A cached binary is good if it runs and reports the expected version.
binary_ok() {
  [[ -x "$1" ]] || return 1
  local out
  out="$("$1" --version 2>/dev/null)" || return 1
  grep -q "version: ${FERRETDB_VERSION}\$" <<<"$out"
}

mkdir -p "$bin_dir"
bin_dir="$(cd "$bin_dir" && pwd -P)"
bin="${bin_dir}/ferretdb-${FERRETDB_VERSION}"

if binary_ok "$bin"; then
  printf '%s\n' "$bin"
  exit 0
fi

# Serialize concurrent builds (e.g. two test runs starting at once).
if command -v flock >/dev/null 2>&1; then
  exec 9>"${bin_dir}/.ferretdb-${FERRETDB_VERSION}.lock"
  flock 9
  if binary_ok "$bin"; then # someone else built it while we waited
    printf '%s\n' "$bin"
    exit 0
  fi
fi

# Locate Go.
if command -v go >/dev/null 2>&1; then
  go_bin="$(command -v go)"
elif [[ -x /usr/local/go/bin/go ]]; then
  go_bin=/usr/local/go/bin/go
  log "note: 'go' is not on PATH; using ${go_bin}"
else
  die "Go toolchain not found: 'go' is not on PATH and /usr/local/go/bin/go does not exist. Install Go >= 1.24 (e.g. Debian's golang package if recent enough) and retry."
fi
log "using $("$go_bin" version) at ${go_bin}"

# Build in a temp dir under the cache, so the final mv is an atomic rename on one filesystem.
work="$(mktemp -d "${bin_dir}/.ferretdb-build.XXXXXX")"
cleanup() { chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

export GO111MODULE=on
export CGO_ENABLED=0
# Ignore any project or user GOFLAGS (e.g. -mod=vendor) that would break a module-source build.
export GOFLAGS="-buildvcs=false -trimpath"

start=$SECONDS
log "downloading ${FERRETDB_MODULE}@${FERRETDB_VERSION} via $("$go_bin" env GOPROXY)"
# Run outside any module so a go.mod/go.work nearby cannot interfere.
meta="$(cd "$work" && GOWORK=off "$go_bin" mod download -json "${FERRETDB_MODULE}@${FERRETDB_VERSION}")" ||
  die "go mod download failed: ${meta:-no output}"
json_field() { sed -n "s/^[[:space:]]*\"$1\": \"\\(.*\\)\",\\{0,1\\}\$/\\1/p" <<<"$meta" | head -n1; }
err="$(json_field Error)"
[[ -z "$err" ]] || die "go mod download: ${err}"
mod_dir="$(json_field Dir)"
commit="$(json_field Hash)"
[[ -n "$mod_dir" && -f "${mod_dir}/cmd/ferretdb/main.go" ]] ||
  die "module source not found (Dir='${mod_dir}'); output was: ${meta}"

src="${work}/src"
cp -R "$mod_dir" "$src"
chmod -R u+w "$src" # the module cache is read-only

# The generated files that the module zip lacks (see build/version/version.go).
printf '%s\n' "$FERRETDB_VERSION" >"${src}/build/version/version.txt"
if [[ "$commit" =~ ^[0-9a-f]{40}$ ]]; then
  printf '%s\n' "$commit" >"${src}/build/version/commit.txt"
fi

log "building ./cmd/ferretdb (first build takes a few minutes on 2 cores)"
(cd "$src" && GOWORK=off "$go_bin" build -o "${work}/ferretdb" ./cmd/ferretdb)

binary_ok "${work}/ferretdb" ||
  die "built binary does not report version ${FERRETDB_VERSION}: $("${work}/ferretdb" --version 2>&1 || true)"

mv -f "${work}/ferretdb" "$bin"
log "built ${bin} in $((SECONDS - start))s"
printf '%s\n' "$bin"
