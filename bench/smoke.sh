#!/bin/sh
# bench/smoke.sh BINARY [ARGS...]: CTest's smoke run of a benchmark binary.
# Fails when it exits non-zero or when a benchmark reports an error (every
# benchmark checks what it computed before timing it) other than those the
# grep -E pattern in NEWSINDEX_BENCH_EXPECTED_ERRORS allows.
out=$("$@" 2>&1)
rc=$?
printf '%s\n' "$out"
if [ "$rc" -ne 0 ]; then
  echo "smoke: $1 exited with $rc"
  exit 1
fi
errors=$(printf '%s\n' "$out" | grep 'ERROR OCCURRED' |
  grep -Ev "${NEWSINDEX_BENCH_EXPECTED_ERRORS:-^\$}")
if [ -n "$errors" ]; then
  echo "smoke: benchmarks reported errors:"
  printf '%s\n' "$errors"
  exit 1
fi
