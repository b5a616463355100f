#!/usr/bin/env bash
# scripts/eval/run-fusion.sh BUILD OUT [DB]
#
# Score fusion of BM25 with Xapian's other weighting schemes, offline
# (docs/evaluation.md, "Score fusion"): one run of the top 1000 per scheme
# (`newsindex eval --weighting`, the defaults otherwise), then fuse.py of
# BM25 with each of them, every method and weight, into OUT/fuse.*.perq.tsv.
# DB defaults to the lead x2 known-item index. Reuses runs already in OUT.
# Prints the table of docs/evaluation.md at the end; scripts/eval/split-halves.sh
# OUT 'fuse.*' prints every row.
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
  nice -n 19 "$BUILD/tools/newsindex" eval --db "$DB" --no-rerank --queries "$KI/queries.jsonl" \
    --qrels "$KI/qrels.tsv" --json --limit 1000 --per-query "$OUT/$name.perq.tsv" \
    --run-out "$OUT/$name.run" "$@" > "$OUT/$name.json"
}

SCHEMES=${SCHEMES:-"bm25 lm-300 lm-500 lm-1000 lm-2000 lm-5000 qlm-1000 qlm-2000 qlm-5000 dph dlh pl2-7 pl2-30 inl2-7 inl2-30 ifb2-1 bb2-1"}
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

# Three-way: BM25 + SECOND x W2 + THIRD x W3 (THREE="SECOND+THIRD ..."), raw
# and sum-normalised, W2 from SECOND_WEIGHTS, W3 the grid.
THREE=${THREE:-"lm-1000+dph lm-1000+pl2-30 lm-1000+inl2-7"}
SECOND_WEIGHTS=${SECOND_WEIGHTS:-"0.3 0.5 0.75 1"}
THIRD_WEIGHTS=${THIRD_WEIGHTS:-"0.05,0.1,0.2,0.3,0.5"}
for pair in $THREE; do
  second=${pair%+*} third=${pair#*+}
  for w2 in $SECOND_WEIGHTS; do
    [ -s "$OUT/fuse3.sum.$second=$w2+$third=${THIRD_WEIGHTS##*,}.perq.tsv" ] && continue
    nice -n 19 python3 "$HERE/fuse.py" --qrels "$KI/qrels.tsv" --method raw,sum \
      --weights "$THIRD_WEIGHTS" --out "$OUT/fuse3.{m}.$second=$w2+$third={w}.perq.tsv" \
      "$OUT/w=bm25.run:1" "$OUT/w=$second.run:$w2" "$OUT/w=$third.run" > /dev/null
  done
done

# The table of docs/evaluation.md: each scheme alone, then for each scheme and
# method the weight best on the odd half, with its even (held-out) half and
# the paired difference there against BM25 alone.
echo -e "row\tmrr_all\tmrr_odd\tmrr_even\tdelta_even_vs_bm25"
for s in $SCHEMES; do
  "$HERE/split-halves.sh" "$OUT" "w=$s" | awk -F'\t' 'NR > 1 { print $1 "\t" $4 "\t" $2 "\t" $3 "\t" }'
done
best_row() {  # best_row GLOB: the row best on the odd half, Δ on the even half
  local best row delta
  best=$("$HERE/split-halves.sh" "$OUT" "$1" | sed -n 2p)
  [ -n "$best" ] || return 0
  row=${best%%$'\t'*}
  delta=$(HALF=even "$HERE/paired.sh" "$OUT/$row.perq.tsv" "$OUT/w=bm25.perq.tsv")
  echo "$best" | awk -F'\t' -v d="$delta" '{ print $1 "\t" $4 "\t" $2 "\t" $3 "\t" d }'
}
for s in $SCHEMES; do
  [ "$s" = bm25 ] && continue
  for m in raw minmax sum rrf; do best_row "fuse.$m.$s=*"; done
done
for pair in $THREE; do
  for m in raw sum; do best_row "fuse3.$m.${pair%+*}=*+${pair#*+}=*"; done
done
