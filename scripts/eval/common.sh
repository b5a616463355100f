# scripts/eval/common.sh: shared settings for the evaluation scripts (sourced).
#
# Usage in a script:  . "$(dirname "$0")/common.sh" "$@"
# Before sourcing, a script may set EVAL_USAGE (its arguments, default
# "BUILD_DIR OUT_DIR"; every word counts as a required argument) and
# EVAL_NEEDS (the tools it runs, default "newsindex raw_xapian_eval
# ablation_index"). Sets BUILD, OUT, HERE, SRC, SHARED, KI (known-item-nl),
# CORPORA, NEWSINDEX, RAW, ABL, QUERIES, QRELS and the helpers below. Heavy
# steps run under `nice -n 10` with one thread: the machine is shared.
set -euo pipefail

EVAL_USAGE=${EVAL_USAGE:-BUILD_DIR OUT_DIR}
EVAL_NEEDS=${EVAL_NEEDS:-newsindex raw_xapian_eval ablation_index}
read -r -a usage_words <<<"$EVAL_USAGE"
if [ $# -lt ${#usage_words[@]} ]; then
  echo "usage: $0 $EVAL_USAGE" >&2
  exit 2
fi
BUILD=$(cd "$1" && pwd)
mkdir -p "$2"
OUT=$(cd "$2" && pwd)
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
SHARED=${NEWSINDEX_SHARED:-$(cd "$SRC/.." && pwd)/shared}
KI="$SHARED/testdata/known-item-nl"
CORPORA=("$SHARED"/corpora/*/articles.jsonl.gz)
NEWSINDEX="$BUILD/tools/newsindex"
RAW="$BUILD/bench/eval_baseline/raw_xapian_eval"
ABL="$BUILD/bench/eval_baseline/ablation_index"
NICE=(nice -n 10)

case "$OUT" in
  "$SHARED"*) echo "refusing to write into $SHARED" >&2; exit 2 ;;
esac
for need in $EVAL_NEEDS; do
  case $need in
    newsindex) tool=$NEWSINDEX; target=newsindex_cli ;;
    raw_xapian_eval) tool=$RAW; target=$need ;;
    ablation_index) tool=$ABL; target=$need ;;
    *) echo "common.sh: unknown tool $need" >&2; exit 2 ;;
  esac
  [ -x "$tool" ] || { echo "missing $tool: build $target" >&2; exit 2; }
done
[ -f "$KI/queries.jsonl" ] || { echo "missing $KI (../shared)" >&2; exit 3; }

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# raw_index NAME STEMMER INPUT...: the raw Xapian baseline index OUT/NAME.db.
raw_index() {
  local name=$1 stemmer=$2; shift 2
  [ -d "$OUT/$name.db" ] && [ -z "${REBUILD:-}" ] && { log "reuse $name.db"; return; }
  rm -rf "$OUT/$name.db"
  log "index $name (raw Xapian, Stem($stemmer))"
  "${NICE[@]}" "$RAW" index --db "$OUT/$name.db" --stemmer "$stemmer" "$@" 2>>"$OUT/$name.index.log"
}

# raw_eval ROW DB STEMMER [raw options]: scores the baseline, writes OUT/ROW.{json,run,perq.tsv}.
raw_eval() {
  local row=$1 db=$2 stemmer=$3; shift 3
  log "eval $row"
  "${NICE[@]}" "$RAW" search --db "$OUT/$db.db" --stemmer "$stemmer" \
    --queries "$QUERIES" --qrels "$QRELS" --json \
    --run-out "$OUT/$row.run" --per-query "$OUT/$row.perq.tsv" "$@" >"$OUT/$row.json"
  cat "$OUT/$row.json" >&2
}

# ours_index NAME [ablation_index switches] -- INPUT...: OUT/NAME.db, body only.
# ABL_THREADS (default "--threads 1") sets how it writes, e.g. "--bulk --threads 2".
ours_index() {
  local name=$1; shift
  local opts=()
  while [ "$1" != "--" ]; do opts+=("$1"); shift; done
  shift
  [ -d "$OUT/$name.db" ] && [ -z "${REBUILD:-}" ] && { log "reuse $name.db"; return; }
  rm -rf "$OUT/$name.db"
  log "index $name (newsindex ${opts[*]:-defaults}, body only)"
  local threads
  read -r -a threads <<<"${ABL_THREADS:---threads 1}"
  "${NICE[@]}" "$ABL" --db "$OUT/$name.db" "${threads[@]}" "${opts[@]}" "$@" 2>>"$OUT/$name.index.log"
  tail -1 "$OUT/$name.index.log" >&2
}

# eval_db ROW DB_PATH [newsindex eval options]: writes OUT/ROW.{json,run,perq.tsv}.
# The match alone (--no-rerank): the levers measured here come before the
# learned rerank (docs/evaluation.md, "A learned rerank of the top k").
eval_db() {
  local row=$1 db=$2; shift 2
  log "eval $row"
  "${NICE[@]}" "$NEWSINDEX" eval --db "$db" --no-rerank \
    --queries "$QUERIES" --qrels "$QRELS" --json --run-tag "$row" \
    --run-out "$OUT/$row.run" --per-query "$OUT/$row.perq.tsv" "$@" >"$OUT/$row.json"
  cat "$OUT/$row.json" >&2
}

# lead2_row ROW [newsindex eval options]: eval_db on LEAD2_DB (use_lead2_db)
# unless OUT/ROW.json is there (RERUN=1 scores it again).
lead2_row() {
  local row=$1; shift
  [ -s "$OUT/$row.json" ] && [ -z "${RERUN:-}" ] && return
  eval_db "$row" "$LEAD2_DB" "$@"
}

# use_lead2_db [DB]: LEAD2_DB, the lead x2 index lead2_row scores (default
# OUT/ki-lead2.db, run-ranking.sh's); exits 2 when it is missing.
use_lead2_db() {
  LEAD2_DB=${1:-$OUT/ki-lead2.db}
  [ -d "$LEAD2_DB" ] || { echo "missing $LEAD2_DB: run run-ranking.sh first or give DB" >&2; exit 2; }
}

# ours_eval ROW DB [newsindex eval options]: eval_db on OUT/DB.db.
ours_eval() {
  local row=$1 db=$2; shift 2
  eval_db "$row" "$OUT/$db.db" "$@"
}

QUERIES="$KI/queries.jsonl"
QRELS="$KI/qrels.tsv"
