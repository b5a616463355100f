#!/usr/bin/env bash
# libFuzzer runs of the fuzz targets in tests/fuzz/ (readers, query language,
# Dutch dates), built with clang, AddressSanitizer and UBSan in build/fuzz.
#   scripts/fuzz.sh [SECONDS_PER_TARGET (60)] [TARGET...]
# Corpora grow in build/fuzz/corpus/TARGET (seeded from corpora/); a crash is
# saved as build/fuzz/crashes/TARGET-crash-… and the script exits 1.
# CTest runs the same targets without libFuzzer (seeds plus deterministic
# mutations, tests/fuzz/replay_main.cc) in every build.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_readers fuzz_query fuzz_dates)
bash scripts/install-deps.sh
if ! command -v clang++ >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends clang >/dev/null
fi
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DNEWSINDEX_FUZZ=ON -DNEWSINDEX_BUILD_BENCHMARKS=OFF -DNEWSINDEX_INSTALL=OFF >/dev/null
cmake --build build/fuzz --target "${targets[@]}"
mkdir -p build/fuzz/crashes
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1"   # Xapian 1.4's own leaks: docs/reliability.md
status=0
for t in "${targets[@]}"; do
  corpus="build/fuzz/corpus/$t"
  mkdir -p "$corpus"
  case "$t" in
    fuzz_readers)  # the first byte picks the format: 1 text, 2 jsonl, 3 csv, 4 newsml
      i=0
      for f in corpora/sample/text/* corpora/sample/jsonl/* corpora/sample/csv/* corpora/sample/newsml/*; do
        case "$f" in *text*) b='\x01';; *jsonl*) b='\x02';; *csv*) b='\x03';; *) b='\x04';; esac
        { printf "$b"; head -c 60000 "$f"; } > "$corpus/seed-$i"; i=$((i + 1))
      done ;;
    fuzz_query)
      i=0; while IFS= read -r q; do printf '%s' "$q" > "$corpus/seed-$i"; i=$((i + 1)); done \
        < corpora/queries/example-queries.txt ;;
    fuzz_dates)
      i=0; while IFS= read -r q; do printf '%s' "$q" > "$corpus/seed-$i"; i=$((i + 1)); done \
        < tests/fuzz/dates.txt ;;
  esac
  echo "== $t for ${seconds}s"
  if ! "build/fuzz/tests/$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
       -rss_limit_mb=4096 -artifact_prefix="build/fuzz/crashes/$t-" "$corpus" 2>"build/fuzz/$t.log"; then
    echo "$t: found a crash, see build/fuzz/$t.log and build/fuzz/crashes/" >&2
    status=1
  fi
  tail -n 2 "build/fuzz/$t.log"
done
exit $status
