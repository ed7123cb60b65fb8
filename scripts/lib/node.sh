# Puts a Node.js >= 22.17 first on PATH, installing Node 24 from the npm registry when the machine's is
# older (the npm package `node` carries the binary). Cached outside the repository.
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

NODE_MAJOR=24
NODE_HOME="$CACHE_DIR/node"

node_recent_enough() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=17)?0:1)'
}

ensure_node() {
  if node_recent_enough; then return 0; fi
  if [ -x "$NODE_HOME/node_modules/node/bin/node" ]; then
    export PATH="$NODE_HOME/node_modules/node/bin:$PATH"
    node_recent_enough && return 0
  fi
  command -v npm >/dev/null 2>&1 || die "neither Node.js >= 22.17 nor npm is installed; install Node.js $NODE_MAJOR"
  say "Node $(node --version 2>/dev/null || echo none) is too old; installing Node $NODE_MAJOR from the npm registry into $NODE_HOME"
  mkdir -p "$NODE_HOME"
  (cd "$NODE_HOME" && npm install --no-save --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >&2) ||
    die "could not install node@$NODE_MAJOR from the npm registry"
  export PATH="$NODE_HOME/node_modules/node/bin:$PATH"
  node_recent_enough || die "installed node@$NODE_MAJOR but $(command -v node) reports $(node --version)"
}

# Installs the project's npm dependencies when node_modules is missing or older than the lockfile.
ensure_deps() {
  local stamp="$ROOT_DIR/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$ROOT_DIR/package-lock.json" ]; then return 0; fi
  say "installing npm dependencies (npm ci)"
  (cd "$ROOT_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci failed"
}
