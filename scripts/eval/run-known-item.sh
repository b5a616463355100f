#!/usr/bin/env bash
# scripts/eval/run-known-item.sh BUILD_DIR OUT_DIR
#
# The main rows of docs/evaluation.md on known-item-nl over ALL of
# ../shared/corpora (107,821 articles, body only): the raw Xapian baseline
# (Porter "dutch", Kraaij-Pohlmann, no stemming; Xapian's default BM25 and
# tuned), newsindex defaults, OR versus AND, and a BM25 k1/b grid for both
# (search-time only, one index each). Results: OUT_DIR/<row>.json, .run (TREC
# run), .perq.tsv (per query); `table.sh OUT_DIR`, `grid.sh OUT_DIR full.bm25`
# and `choose-bm25.sh OUT_DIR` print the tables. Indexes already in OUT_DIR
# are reused (REBUILD=1 to rebuild). About 15 minutes on 2 busy cores.
. "$(dirname "$0")/common.sh" "$@"
STOP="$SHARED/testdata/snowball-dutch/stop.txt"
K1S=${K1_GRID:-0.3 0.6 0.9 1.2 1.6}
BS=${B_GRID:-0 0.1 0.2 0.3 0.5 0.75 0.9}

raw_index raw-dutch dutch "${CORPORA[@]}"
raw_eval full.raw-dutch raw-dutch dutch
raw_eval full.raw-dutch-and raw-dutch dutch --and
raw_eval full.raw-dutch-stop raw-dutch dutch --stopwords "$STOP"
raw_eval full.raw-dutch-tuned raw-dutch dutch --k1 0.9 --b 0.1
raw_eval full.raw-dutch-tuned-stop raw-dutch dutch --k1 0.9 --b 0.1 --stopwords "$STOP"
# The baseline with the same BM25 grid (is ours better than a tuned raw engine?).
for k1 in $K1S; do
  for b in $BS; do
    raw_eval "full.raw-bm25-k1=$k1-b=$b" raw-dutch dutch --k1 "$k1" --b "$b"
  done
done
raw_index raw-kp kraaij_pohlmann "${CORPORA[@]}"
raw_eval full.raw-kp raw-kp kraaij_pohlmann
raw_eval full.raw-kp-tuned raw-kp kraaij_pohlmann --k1 0.9 --b 0.1
raw_index raw-none none "${CORPORA[@]}"
raw_eval full.raw-none raw-none none
raw_eval full.raw-none-tuned raw-none none --k1 0.9 --b 0.1

ours_index ours-default -- "${CORPORA[@]}"
ours_eval full.ours-default ours-default
ours_eval full.ours-and ours-default --and
ours_eval full.ours-textbook-bm25 ours-default --k1 1.2 --b 0.75
: >"$OUT/no-synonyms.txt"
ours_eval full.ours-no-synonyms ours-default --synonyms "$OUT/no-synonyms.txt"

for k1 in $K1S; do
  for b in $BS; do
    ours_eval "full.bm25-k1=$k1-b=$b" ours-default --k1 "$k1" --b "$b"
  done
done
log "done: $OUT"
