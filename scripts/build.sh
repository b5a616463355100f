#!/usr/bin/env bash
# Installs what is missing, then configures and builds a CMake preset.
#   scripts/build.sh [release|debug|asan] [cmake -D options...]
#   NEWSINDEX_TARGET=newsindex_cli scripts/build.sh   # one target only
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
shift || true
bash scripts/install-deps.sh
cmake --preset "$preset" "$@" >/dev/null
if [ -n "${NEWSINDEX_TARGET:-}" ]; then
  cmake --build --preset "$preset" --target "$NEWSINDEX_TARGET"
else
  cmake --build --preset "$preset"
fi
