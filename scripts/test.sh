#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite.
#   scripts/test.sh [release|debug|asan]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
extra=()
if [ "${CI:-}" = "true" ]; then
  extra+=(-DNEWSINDEX_WERROR=ON)
fi
bash scripts/install-deps.sh --tests
bash scripts/build.sh "$preset" "${extra[@]}"
ctest --preset "$preset"
