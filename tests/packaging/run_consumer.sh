#!/usr/bin/env bash
# run_consumer.sh MODE SRC BUILD PREFIX CXX [CXXFLAGS]: builds the consumer against the
# installed tree at PREFIX (MODE cmake: find_package; pkgconfig: pkg-config)
# and runs it.
set -euo pipefail
mode=$1 src=$2 build=$3 prefix=$4 cxx=$5 cxxflags=${6:-}
rm -rf "$build"
mkdir -p "$build"
libdir=$(ls -d "$prefix"/lib*/ | head -n1)
export LD_LIBRARY_PATH="${libdir}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
case "$mode" in
  cmake)
    cmake -S "$src" -B "$build" -DCMAKE_PREFIX_PATH="$prefix" \
          -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_FLAGS="$cxxflags" \
          -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" >/dev/null
    ;;
  pkgconfig)
    pcdir=$(dirname "$(find "$prefix" -name newsindex.pc | head -n1)")
    flags=$(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs newsindex)
    # shellcheck disable=SC2086
    "$cxx" -std=c++20 $cxxflags -o "$build/consumer" "$src/consumer.cc" $flags
    ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
"$build/consumer" "$build/db"
