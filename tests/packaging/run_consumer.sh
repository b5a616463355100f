#!/usr/bin/env bash
# run_consumer.sh MODE SRC BUILD PREFIX CXX [CXXFLAGS]: builds the consumer against the
# installed tree at PREFIX (MODE cmake: find_package; pkgconfig: pkg-config)
# and runs it.
# run_consumer.sh cli CORPUS BUILD PREFIX: runs the installed newsindex command
# from PREFIX with no LD_LIBRARY_PATH, as a user with PREFIX=$HOME/.local would:
# --help, --version, then an index of CORPUS and a search of it.
set -euo pipefail
mode=$1 src=$2 build=$3 prefix=$4 cxx=${5:-} cxxflags=${6:-}
rm -rf "$build"
mkdir -p "$build"
if [[ $mode == cli ]]; then
  # The installed binary must find libnewsindex through its own RPATH.
  unset LD_LIBRARY_PATH
  cli="$prefix/bin/newsindex"
  "$cli" --help >"$build/help.txt"
  grep -q '^Subcommands:' "$build/help.txt"
  "$cli" --version
  "$cli" index --db "$build/db" "$src" >/dev/null
  "$cli" search --db "$build/db" --limit 1 --no-snippets storm Ciara >"$build/search.txt"
  cat "$build/search.txt"
  if ! grep -q 'storm Ciara' "$build/search.txt"; then
    echo "cli: the installed newsindex did not find storm Ciara" >&2
    exit 1
  fi
  echo "cli: installed newsindex ran from $prefix"
  exit 0
fi
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
