#!/usr/bin/env bash
# The load test at full length: four reader processes query for
# SECONDS (600) while `newsindex index` commits and `newsindex compact`
# runs (tests/tools/load_test.cc; CTest runs it for 30 s, label slow).
#   scripts/load.sh [SECONDS] [PRESET (release)]
# Prints one line per reader (queries, failures, wrong hits, RSS) and a
# summary; exits non-zero when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
preset="${2:-release}"
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "load.sh: SECONDS must be a number, not '$seconds'" >&2; exit 2; }
[ -x "build/$preset/tests/tools_tests" ] || NEWSINDEX_TARGET=tools_tests bash scripts/build.sh "$preset"
NEWSINDEX_LOAD_SECONDS="$seconds" "build/$preset/tests/tools_tests" \
  --gtest_filter='LoadTest.*' --gtest_color=no
