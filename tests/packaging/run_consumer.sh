#!/usr/bin/env bash
# run_consumer.sh MODE SRC BUILD PREFIX CXX [CXXFLAGS]: builds the consumer against
# the installed tree at PREFIX (MODE cmake: find_package; pkgconfig: pkg-config),
# runs it and checks its top hit.
# run_consumer.sh cli CORPUS BUILD PREFIX: runs the installed newsindex command
# from PREFIX with no LD_LIBRARY_PATH, as a user with PREFIX=$HOME/.local would:
# --help, --version, then an index of CORPUS and a search of it.
# With NEWSINDEX_EXPECTED_VERSION set (the CMake project version), the package
# version, the installed header, the runtime library and the command must all
# say that version.
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
  cliversion=$("$cli" --version)
  if [[ -n ${NEWSINDEX_EXPECTED_VERSION:-} && $cliversion != "$NEWSINDEX_EXPECTED_VERSION" ]]; then
    echo "cli: newsindex --version says $cliversion, the build $NEWSINDEX_EXPECTED_VERSION" >&2
    exit 1
  fi
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
          ${NEWSINDEX_EXPECTED_VERSION:+-DNEWSINDEX_EXPECTED_VERSION="$NEWSINDEX_EXPECTED_VERSION"} \
          -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" >/dev/null
    ;;
  pkgconfig)
    pcdir=$(dirname "$(find "$prefix" -name newsindex.pc | head -n1)")
    flags=$(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs newsindex)
    if [[ -n ${NEWSINDEX_EXPECTED_VERSION:-} ]]; then
      pcversion=$(PKG_CONFIG_PATH="$pcdir" pkg-config --modversion newsindex)
      if [[ $pcversion != "$NEWSINDEX_EXPECTED_VERSION" ]]; then
        echo "newsindex.pc says $pcversion, the build $NEWSINDEX_EXPECTED_VERSION" >&2
        exit 1
      fi
    fi
    # shellcheck disable=SC2086
    "$cxx" -std=c++20 $cxxflags -o "$build/consumer" "$src/consumer.cc" $flags
    ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
"$build/consumer" "$build/db" | tee "$build/consumer.txt"
if ! grep -qxF "consumer: top hit nl-test-2 (2 documents)" "$build/consumer.txt"; then
  echo "consumer: not the expected top hit nl-test-2 of 2 documents" >&2
  exit 1
fi
if [[ -n ${NEWSINDEX_EXPECTED_VERSION:-} ]]; then
  for what in newsindex header; do
    if ! grep -qxF "consumer: $what $NEWSINDEX_EXPECTED_VERSION" "$build/consumer.txt"; then
      echo "consumer: the $what version is not $NEWSINDEX_EXPECTED_VERSION" >&2
      exit 1
    fi
  done
fi
