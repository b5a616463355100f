#!/usr/bin/env bash
# scripts/eval/run-fusion.sh BUILD OUT [DB]
#
# Score fusion of BM25 with Xapian's other weighting schemes, offline
# (docs/evaluation.md, "Score fusion"): one run of the top 1000 per scheme
# (`newsindex eval --weighting`, the defaults otherwise), then fuse.py of
# BM25 with each of them, every method and weight, into OUT/fuse.*.perq.tsv.
# DB defaults to the lead x2 known-item index. Reuses runs already in OUT.
# scripts/eval/split-halves.sh OUT 'fuse.*' prints the halves.
set -euo pipefail
BUILD=${1:?usage: run-fusion.sh BUILD OUT [DB]}
OUT=${2:?usage: run-fusion.sh BUILD OUT [DB]}
DB=${3:-/tmp/r2-out/ki-lead2.db}
KI=${KI:-../shared/testdata/known-item-nl}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"

run() {  # run NAME [eval flags...]
  local name=$1; shift
  [ -s "$OUT/$name.run" ] && return 0
  nice -n 19 "$BUILD/tools/newsindex" eval --db "$DB" --queries "$KI/queries.jsonl" \
    --qrels "$KI/qrels.tsv" --json --limit 1000 --per-query "$OUT/$name.perq.tsv" \
    --run-out "$OUT/$name.run" "$@" > "$OUT/$name.json"
}

SCHEMES=${SCHEMES:-"bm25 lm-1000 lm-2000 dph dlh pl2-30 inl2-7 ifb2-1 bb2-1"}
for s in $SCHEMES; do
  scheme=${s%%-*}; param=0
  [ "$s" != "$scheme" ] && param=${s#*-}
  run "w=$s" --weighting "$scheme" --weighting-param "$param"
done

RAW_WEIGHTS=${RAW_WEIGHTS:-"0.05,0.1,0.2,0.3,0.5,0.75,1,1.5,2,3"}
NORM_WEIGHTS=${NORM_WEIGHTS:-"0.1,0.2,0.3,0.5,0.75,1"}
for s in $SCHEMES; do
  [ "$s" = bm25 ] && continue
  [ -s "$OUT/fuse.rrf.$s=${NORM_WEIGHTS##*,}.perq.tsv" ] && continue
  nice -n 19 python3 "$HERE/fuse.py" --qrels "$KI/qrels.tsv" --method raw --weights "$RAW_WEIGHTS" \
    --out "$OUT/fuse.{m}.$s={w}.perq.tsv" "$OUT/w=bm25.run:1" "$OUT/w=$s.run" > /dev/null
  nice -n 19 python3 "$HERE/fuse.py" --qrels "$KI/qrels.tsv" --method minmax,sum,rrf \
    --weights "$NORM_WEIGHTS" --out "$OUT/fuse.{m}.$s={w}.perq.tsv" "$OUT/w=bm25.run:1" \
    "$OUT/w=$s.run" > /dev/null
done
