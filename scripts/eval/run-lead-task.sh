#!/usr/bin/env bash
# scripts/eval/run-lead-task.sh BUILD_DIR OUT_DIR SUBSET.jsonl
#
# The titles-indexed task of docs/evaluation.md ("Lead task"): SUBSET.jsonl is
# the 37,149-article subset that `raw_xapian_eval subset --every 3` writes
# (run-ablations.sh leaves it in its OUT_DIR as subset-every3.jsonl).
# make-lead-task.py removes each body's first sentence and makes it the query
# of its article; the documents are indexed WITH titles (`newsindex index`) and,
# for comparison, without (--no-title); then title_weight and stem_weight are
# varied at search time. Writes OUT_DIR/lead*.{jsonl,tsv,db,json,perq.tsv}.
# About 10 minutes on 2 busy cores (two 37k indexes).
EVAL_USAGE="BUILD_DIR OUT_DIR SUBSET.jsonl" EVAL_NEEDS=newsindex
. "$(dirname "$0")/common.sh" "$@"
SUBSET=$3

[ -s "$OUT/lead-queries.jsonl" ] ||
  python3 "$HERE/make-lead-task.py" "$SUBSET" "$QRELS" "$OUT"
index() {  # index NAME [newsindex index flags]
  local name=$1; shift
  [ -d "$OUT/$name.db" ] && [ -z "${REBUILD:-}" ] && return
  rm -rf "$OUT/$name.db"
  nice -n 10 "$NEWSINDEX" index --db "$OUT/$name.db" --format jsonl --bulk --threads 1 "$@" \
    "$OUT/lead-task.jsonl" >"$OUT/$name.index.log" 2>&1
}
run() {  # run ROW DB [newsindex eval flags]: eval_db with the lead task's queries
  local row=$1 db=$2; shift 2
  [ -s "$OUT/$row.json" ] && [ -z "${RERUN:-}" ] && return
  local QUERIES="$OUT/lead-queries.jsonl" QRELS="$OUT/lead-qrels.tsv"
  eval_db "$row" "$OUT/$db.db" "$@"
}
index lead-titles
index lead-notitles --no-title
# Pin every query-side weight but the one varied (the library defaults may move).
PIN=(--stem-weight 0.5 --compound-weight 0.25 --stopword-weight 0 --hyphen-part-weight 0
     --query-part-weight 0)
run lead.notitles lead-notitles "${PIN[@]}" --title-weight 0
for tw in ${TITLE_GRID:-0 0.25 0.5 1 2 4}; do
  run "lead.tw=$tw" lead-titles "${PIN[@]}" --title-weight "$tw"
done
for tw in ${TITLE_FINE_GRID:-0.1}; do
  run "lead.tw=$tw" lead-titles "${PIN[@]}" --title-weight "$tw"
done
# The known-item choice with and without stop words (stop words: no gain here).
for st in 0 0.5; do
  run "lead.c-stop=$st" lead-titles --stem-weight 1 --compound-weight 0.25 --hyphen-part-weight 0.5 \
    --query-part-weight 0.5 --stopword-weight "$st" --title-weight 0
done
# The library defaults, whatever they are now.
run lead.defaults lead-titles
echo "[$(date -u +%H:%M:%S)] done: $OUT" >&2
