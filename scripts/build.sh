#!/usr/bin/env bash
# Configures and builds one of the CMake presets (default: release).
#   scripts/build.sh [release|debug|asan] [extra cmake -D options...]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
shift || true
bash scripts/install-deps.sh
cmake --preset "$preset" "$@" >/dev/null
cmake --build --preset "$preset"
