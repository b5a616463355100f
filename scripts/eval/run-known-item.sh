#!/usr/bin/env bash
# scripts/eval/run-known-item.sh BUILD_DIR OUT_DIR
#
# The main rows of docs/evaluation.md on known-item-nl over ALL of
# ../shared/corpora (107,821 articles, body only): the raw Xapian baseline
# (Porter "dutch" and Kraaij-Pohlmann), newsindex defaults, OR versus AND, and
# a BM25 k1/b grid (search-time only, one index). Results: OUT_DIR/<row>.json,
# .run (TREC run), .perq.tsv (per query); `table.sh OUT_DIR` prints the table.
# Indexes already in OUT_DIR are reused (REBUILD=1 to rebuild).
. "$(dirname "$0")/common.sh" "$@"

raw_index raw-dutch dutch "${CORPORA[@]}"
raw_eval full.raw-dutch raw-dutch dutch
raw_eval full.raw-dutch-and raw-dutch dutch --and
# The baseline with the same BM25 grid (is ours better than a tuned raw engine?).
for k1 in ${K1_GRID:-0.3 0.6 0.9 1.2 1.6}; do
  for b in ${B_GRID:-0.1 0.2 0.3 0.5 0.75 0.9}; do
    raw_eval "full.raw-bm25-k1=$k1-b=$b" raw-dutch dutch --k1 "$k1" --b "$b"
  done
done
raw_index raw-kp kraaij_pohlmann "${CORPORA[@]}"
raw_eval full.raw-kp raw-kp kraaij_pohlmann
raw_index raw-none none "${CORPORA[@]}"
raw_eval full.raw-none raw-none none

ours_index ours-default -- "${CORPORA[@]}"
ours_eval full.ours-default ours-default
ours_eval full.ours-and ours-default --and

for k1 in ${K1_GRID:-0.3 0.6 0.9 1.2 1.6}; do
  for b in ${B_GRID:-0.1 0.2 0.3 0.5 0.75 0.9}; do
    ours_eval "full.bm25-k1=$k1-b=$b" ours-default --k1 "$k1" --b "$b"
  done
done
log "done: $OUT"
