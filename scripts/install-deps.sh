#!/usr/bin/env bash
# Installs the Debian 12 packages libnewsindex needs, and only those missing.
#   scripts/install-deps.sh [--tests]
# Non-interactive and idempotent: a quick no-op when everything is present.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  libxapian-dev xapian-tools libstemmer-dev libicu-dev
  libcli11-dev nlohmann-json3-dev zlib1g-dev libdeflate-dev libxml2-dev libsqlite3-dev
  wdutch googletest libgtest-dev libgmock-dev libbenchmark-dev
  libcpp-httplib-dev
)
# `install-deps.sh --tests`: also what the tests and benchmarks start
# themselves (the search page in headless Chromium, the HTTP load benchmark).
if [ "${1:-}" = "--tests" ]; then
  packages+=(python3 python3-websocket chromium wrk)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
