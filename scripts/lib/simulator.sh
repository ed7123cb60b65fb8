# The payment gateway simulator (src/adapters/payment/simulator), a stand-in for the card gateway that
# the dev run and the tests charge. Its ledger lives in memory: a restart forgets past payments.

SIMULATOR_PORT="${SIMULATOR_PORT:-4010}"
SIMULATOR_LOG="$LOG_DIR/simulator.log"

install_simulator() { :; }

start_simulator() {
  # `exec` turns the backgrounded subshell into node itself, so $! is the simulator and `down` stops it
  # (without it, $! was a copy of this script waiting for node). The cd lets `--import tsx` resolve.
  (cd "$ROOT_DIR" && HOST=127.0.0.1 PORT="$SIMULATOR_PORT" LOG_LEVEL=warn exec nohup node --import tsx \
    src/adapters/payment/simulator/main.ts </dev/null >>"$SIMULATOR_LOG" 2>&1) &
  echo $! >"$RUN_DIR/simulator.pid"
}

ready_simulator() {
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
    "http://127.0.0.1:$SIMULATOR_PORT/health" 2>/dev/null
}

stop_simulator() { stop_by_pid simulator; }
