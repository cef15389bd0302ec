#!/usr/bin/env bash
# Reproduce the wasm-bindgen-test "Loading scripts" stall: run each wasm test binary through
# wasm-bindgen-test-runner ROUNDS times, each bounded by LIMIT seconds (a normal run takes a few
# seconds), and print one line per run: label, binary, outcome, seconds, 1-min load average.
# Usage: [RUNNER=scripts/wasm-test-runner.mjs] .ci/stall-loop.sh LABEL ROUNDS LIMIT wasm...
# (needs CLERK_DEV_SERVER_URL as at build time; RUNNER defaults to the bare wasm-bindgen-test-runner)
# `timeout` runs each runner in its own process group and signals that group (runner, chromedriver,
# Chromium; TERM, then KILL 5 s later) on expiry, so nothing outlives its run; the wrapper stops its
# own process group on TERM.
set -u
label=$1 rounds=$2 limit=$3; shift 3
runner=$(realpath -e "${RUNNER:-$(command -v wasm-bindgen-test-runner)}") || exit 1
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
for ((r = 1; r <= rounds; r++)); do
  for wasm in "$@"; do
    name=$(basename "$wasm" .wasm); name=${name%-*}
    dir=.; case $name in clerk_wasm_example_app|app) dir=examples/rust-app ;; esac
    log=$(mktemp /tmp/stall-run.XXXXXX)
    t0=$(date +%s.%N)
    (cd "$dir" && timeout -k 5 -s TERM "$limit" "$runner" "$(realpath "$wasm")" >"$log" 2>&1)
    rc=$?
    secs=$(echo "$(date +%s.%N) - $t0" | bc)
    if grep -q "test result: ok" "$log"; then out=pass
    elif [ $rc -eq 0 ] && grep -q "no tests to run" "$log"; then out=no-tests
    elif [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
      if grep -q "test result:" "$log"; then out=killed-after-result
      elif grep -q "^running [0-9]* test" "$log"; then out=STALL-in-tests
      else out=STALL-loading; fi
    else out="FAIL(rc=$rc)"; fi
    [ "$out" = pass ] || cp "$log" "/tmp/stall-$label-$name-r$r.log"
    rm -f "$log"
    printf '%s %s r%d %s %.1f load=%s\n' "$label" "$name" "$r" "$out" "$secs" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
