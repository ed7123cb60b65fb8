#!/usr/bin/env bash
# `npm test`: every suite, each with its own set-up. Provisions Node 24 and the npm dependencies when
# missing, brings the local stack up (idempotent), then runs vitest over all projects and ends with one
# plain summary line. Extra arguments go to vitest (e.g. `npm test -- --project unit`).
set -euo pipefail
SCRIPT_NAME=test
source "$(dirname "${BASH_SOURCE[0]}")/lib/node.sh"
# shellcheck source=lib/schemathesis.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/schemathesis.sh"

ensure_node
ensure_deps
ensure_debian_package docker-compose docker-compose
ensure_debian_package chromium chromium
ensure_debian_package promtool prometheus
ensure_schemathesis
export SCHEMATHESIS_BIN
bash "$ROOT_DIR/scripts/stack.sh" up >/dev/null

results="$DATA_DIR/test-results.json"
mkdir -p "$DATA_DIR"
rm -f "$results"
cd "$ROOT_DIR"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?

if [ -f "$results" ]; then
  node -e '
    const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  ' "$results"
fi
exit "$status"
