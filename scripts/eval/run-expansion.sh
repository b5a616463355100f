#!/usr/bin/env bash
# scripts/eval/run-expansion.sh BUILD OUT DB: document expansion with headline words
# learned from the archive, and a translation-LM rerank, measured offline
# (docs/evaluation.md, "Document expansion").
#
# Learns the IBM Model 1 table t(title stem | body stem) without the targets of
# known-item-nl and of the third set (KIP, default /tmp/kip), expands a copy of DB
# for each EXPAND_GRID point "POWER:N" (expand-docs.py, apply-expansion.py: the N
# best title stems a body lacks, scored sum_v t(w | v) P(v | d) / share(w) ^ POWER,
# added as stem terms of wdf 1), scores both query sets on it, and reranks DB's top
# 50 by the translation LM (tlm-rerank.py). Rows OUT/ki/TAG.perq.tsv and
# OUT/kip/TAG.perq.tsv; split-halves.sh OUT/ki '*' prints the table.
set -euo pipefail
BUILD=${1:?usage: run-expansion.sh BUILD OUT DB}
OUT=${2:?usage: run-expansion.sh BUILD OUT DB}
DB=${3:?usage: run-expansion.sh BUILD OUT DB}
SHARED=${SHARED:-/work/shared}
KIP=${KIP:-/tmp/kip}
EXPAND_GRID=${EXPAND_GRID:-"0:5 0:20 0.5:10 0.5:20 0.75:10 1:10"}
HERE=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
NI=$BUILD/tools/newsindex
KI=$SHARED/testdata/known-item-nl
mkdir -p "$OUT/ki" "$OUT/kip" "$OUT/tlm"
cat "$KI/qrels.tsv" "$KIP/qrels.tsv" > "$OUT/both-qrels.tsv"
[ -f "$OUT/t.tsv" ] || nice -n 10 "$NI" learn-headlines --out "$OUT/rates.tsv" \
  --translations-out "$OUT/t.tsv" --translation-model model1 --forward-table \
  --translation-floor 0.001 --exclude "$OUT/both-qrels.tsv" "$SHARED"/corpora/*/articles.jsonl.gz
[ -f "$OUT/stems.npz" ] || nice -n 10 $PY "$HERE/doc-stems.py" "$DB" "$OUT/stems.npz"

score() {  # score DB TAG: both query sets
  for set in ki kip; do
    local q=$KI/queries.jsonl r=$KI/qrels.tsv
    [ "$set" = kip ] && q=$KIP/queries.jsonl r=$KIP/qrels.tsv
    nice -n 10 "$NI" eval --db "$1" --no-rerank --queries "$q" --qrels "$r" --json --limit 1000 \
      --run-out "$OUT/$set/$2.run" --per-query "$OUT/$set/$2.perq.tsv" --run-tag "$2" \
      > "$OUT/$set/$2.json"
  done
}
[ -f "$OUT/kip/base.perq.tsv" ] || score "$DB" base

for point in $EXPAND_GRID; do
  power=${point%%:*} n=${point##*:} tag=exp-$point
  [ -f "$OUT/kip/$tag.perq.tsv" ] && continue
  if [ "$power" = 0 ]; then
    nice -n 10 $PY "$HERE/expand-docs.py" "$OUT/stems.npz" "$OUT/t.tsv" 20 0.002 "$OUT/exp.tsv"
  else
    nice -n 10 $PY "$HERE/expand-docs.py" "$OUT/stems.npz" "$OUT/t.tsv" 20 0 "$OUT/exp.tsv" \
      "$OUT/rates.tsv" "$power"
  fi
  rm -rf "$OUT/exp.db" && cp -r "$DB" "$OUT/exp.db"
  XAPIAN_FLUSH_THRESHOLD=200000 nice -n 10 $PY "$HERE/apply-expansion.py" "$OUT/exp.db" \
    "$OUT/exp.tsv" "$n" 0 1
  score "$OUT/exp.db" "$tag"
done
rm -rf "$OUT/exp.db"

# The translation-LM rerank of the base run's top 50.
for set in ki kip; do
  q=$KI/queries.jsonl r=$KI/qrels.tsv
  [ "$set" = kip ] && q=$KIP/queries.jsonl r=$KIP/qrels.tsv
  $PY -c 'import json, sys
for l in open(sys.argv[1]):
    q = json.loads(l); print(q["qid"] + "\t" + q["query"])' "$q" > "$OUT/$set.q.tsv"
  cut -f2 "$OUT/$set.q.tsv" > "$OUT/$set.q.txt"
  nice -n 10 "$NI" search --db "$DB" --batch "$OUT/$set.q.txt" --json --explain --limit 1 \
    --no-snippets > "$OUT/$set.explain.jsonl"
  nice -n 10 $PY "$HERE/tlm-rerank.py" "$OUT/stems.npz" "$OUT/t.tsv" "$OUT/$set.q.tsv" \
    "$OUT/$set.explain.jsonl" "$OUT/$set/base.run" "$r" 50 0,0.5,0.8,1 0.01,0.03,0.1,300 \
    0.01,0.02,0.03,0.05,0.1 "$OUT/tlm/$set"
done
"$HERE/split-halves.sh" "$OUT/ki" '*'
"$HERE/split-halves.sh" "$OUT/kip" '*'
