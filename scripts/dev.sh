#!/usr/bin/env bash
# `npm start`: the whole thing on one machine. Provisions Node 24 and the npm dependencies when missing,
# brings the local stack up (idempotent), then runs the API in the foreground until Ctrl-C.
# The stack keeps running afterwards; `npm run stack:down` stops it.
set -euo pipefail
SCRIPT_NAME=start
source "$(dirname "${BASH_SOURCE[0]}")/lib/node.sh"

ensure_node
ensure_deps
bash "$ROOT_DIR/scripts/stack.sh" up

cd "$ROOT_DIR"
say "starting the API on http://${HOST:-127.0.0.1}:${PORT:-3000} (Ctrl-C stops it)"
exec node --env-file-if-exists=.env --import tsx src/bootstrap/api.ts
