#!/usr/bin/env bash
# libFuzzer runs of the fuzz targets in tests/fuzz/, built with clang,
# AddressSanitizer and UBSan in build/fuzz.
#   scripts/fuzz.sh --list                 the targets, one a line
#   scripts/fuzz.sh TARGET [SECONDS (60)]  build and run one target
#   scripts/fuzz.sh SECONDS [TARGET...]    each target (all when none) in turn
# Exits 1 when a run finds a crash, a sanitizer report (UBSan aborts) or a
# leak (LeakSanitizer on, with tests/sanitizers/lsan.supp for Xapian's own),
# or a broken invariant (the targets trap); the input is saved as
# build/fuzz/crashes/TARGET-crash-… (or leak-…, timeout-…, oom-…) and the
# log is build/fuzz/TARGET.log. Corpora grow in build/fuzz/corpus/TARGET,
# seeded from corpora/sample, the example queries and tests/fuzz/*.txt.
# CTest runs the same targets without libFuzzer (seeds plus deterministic
# mutations, tests/fuzz/replay_main.cc) in every build.
set -euo pipefail
cd "$(dirname "$0")/.."
all_targets() { for f in tests/fuzz/fuzz_*.cc; do basename "$f" .cc; done; }
if [ "${1:-}" = "--list" ]; then all_targets; exit 0; fi
targets=()
seconds=60
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  seconds="$1"; shift
  targets=("$@")
elif [ $# -gt 0 ]; then
  targets=("$1")
  [ $# -lt 2 ] || seconds="$2"
  [[ "$seconds" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: SECONDS must be a number, not '$seconds'" >&2; exit 2; }
fi
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(all_targets)
for t in "${targets[@]}"; do
  [ -f "tests/fuzz/$t.cc" ] || { echo "fuzz.sh: no target '$t' (scripts/fuzz.sh --list)" >&2; exit 2; }
done
if [ -z "${NEWSINDEX_FUZZ_NO_DEPS:-}" ]; then bash scripts/install-deps.sh; fi
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
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

# Seeds: each file of the sample corpus (readers), each line of a list.
seed_files() {  # PREFIX_BYTES FILE...
  local prefix="$1"; shift
  local f
  for f in "$@"; do
    { printf "$prefix"; head -c 60000 "$f"; } > "$corpus/seed-$(basename "$f")-$(printf '%s' "$prefix" | od -An -tx1 | tr -d ' ')"
  done
}
seed_lines() {  # FILE...
  local i=0 q
  cat "$@" | while IFS= read -r q; do printf '%s' "$q" > "$corpus/seed-line-$i"; i=$((i + 1)); done
}
samples=(corpora/sample/text/* corpora/sample/jsonl/* corpora/sample/csv/* corpora/sample/newsml/*)
status=0
for t in "${targets[@]}"; do
  corpus="build/fuzz/corpus/$t"
  mkdir -p "$corpus"
  case "$t" in
    fuzz_readers)  # the first byte picks the format: 1 text, 2 jsonl, 3 csv, 4 newsml
      seed_files '\x01' corpora/sample/text/*; seed_files '\x02' corpora/sample/jsonl/*
      seed_files '\x03' corpora/sample/csv/*; seed_files '\x04' corpora/sample/newsml/* ;;
    fuzz_text) seed_files '' corpora/sample/text/* ;;
    fuzz_jsonl) seed_files '' corpora/sample/jsonl/* ;;
    fuzz_csv) seed_files '' corpora/sample/csv/* ;;
    fuzz_newsml) seed_files '' corpora/sample/newsml/* ;;
    fuzz_gzip)  # 0: as it is (here a real gzip file); 1: compressed by the target
      for f in "${samples[@]}"; do
        { printf '\x00\x00'; head -c 60000 "$f" | gzip -c; } > "$corpus/seed-gz-$(basename "$f")"
      done
      seed_files '\x01\x00' "${samples[@]}" ;;
    fuzz_analyzer) seed_files '' "${samples[@]}" ;;
    fuzz_query | fuzz_query_parser) seed_lines corpora/queries/example-queries.txt tests/fuzz/queries.txt ;;
    fuzz_hit_data) seed_lines corpora/sample/jsonl/sample.jsonl ;;
    fuzz_dates) seed_lines tests/fuzz/dates.txt ;;
  esac
  echo "== $t for ${seconds}s"
  if ! "build/fuzz/tests/$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
       -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="build/fuzz/crashes/$t-" \
       "$corpus" 2>"build/fuzz/$t.log"; then
    echo "$t: found a crash, a leak or a broken invariant, see build/fuzz/$t.log and build/fuzz/crashes/" >&2
    status=1
  fi
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "build/fuzz/$t.log" || tail -n 3 "build/fuzz/$t.log"
done
exit $status
