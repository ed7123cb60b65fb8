#!/usr/bin/env bash
# `npm start`: the whole service on one machine. Provisions Node 24 and the npm dependencies when missing,
# brings the local stack up (PostgreSQL, FerretDB, Temporal, the payment simulator; migrations applied),
# seeds the demo catalogue, then runs the saga worker and the API until Ctrl-C, which stops what this
# run started (the stack too, unless it was already running before).
set -euo pipefail
SCRIPT_NAME=start
source "$(dirname "${BASH_SOURCE[0]}")/lib/node.sh"

ensure_node
ensure_deps
cd "$ROOT_DIR"

stack_was_up=false
bash scripts/stack.sh status >/dev/null 2>&1 && stack_was_up=true
bash scripts/stack.sh up

children=()
stop_all() {
  trap - INT TERM EXIT
  say "stopping the API and the worker"
  for pid in "${children[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait "${children[@]}" 2>/dev/null || true
  if [ "$stack_was_up" = false ]; then bash scripts/stack.sh down; fi
}
trap stop_all INT TERM EXIT

node --env-file-if-exists=.env --import tsx src/bootstrap/seed.ts

# Catalogue writes need an admin key; a dev run without one in .env gets a fresh key, printed below.
if [ -z "${ADMIN_API_KEY:-}" ] && ! grep -qs '^ADMIN_API_KEY=.' .env; then
  ADMIN_API_KEY=$(node -e 'console.log(require("node:crypto").randomBytes(24).toString("hex"))')
  export ADMIN_API_KEY
fi

node --env-file-if-exists=.env --import tsx src/bootstrap/worker.ts &
children+=($!)
node --env-file-if-exists=.env --import tsx src/bootstrap/api.ts &
children+=($!)

api="http://${HOST:-127.0.0.1}:${PORT:-3000}"
for _ in $(seq 1 60); do
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
    "$api/health/live" 2>/dev/null && break
  sleep 0.5
done
# A token for the demo customer, minted from the same settings the API verifies it with.
customer_token=$(node --env-file-if-exists=.env --import tsx src/bootstrap/token.ts alice 2>/dev/null || echo '(npm run token -- alice)')

cat >&2 <<URLS

  order-saga is running (Ctrl-C stops it)
    API          $api
    Swagger UI   $api/docs
    Temporal UI  http://127.0.0.1:${TEMPORAL_UI_PORT}
                 (payloads are encrypted; to see them decoded sign in at $api/codec/login, README "Card data in Temporal")
    Metrics      http://127.0.0.1:${API_METRICS_PORT:-9465}/metrics (API) and http://127.0.0.1:${WORKER_METRICS_PORT:-9464}/metrics (worker)
    Admin key    ${ADMIN_API_KEY:-(from .env)}
                 (header x-api-key, every scope; \`npm run keys -- create\` makes scoped ones)
    Customer     alice, token (header authorization: Bearer ..., 12 h; \`npm run token -- <customerId>\` for others):
                 $customer_token

URLS
wait -n "${children[@]}"
