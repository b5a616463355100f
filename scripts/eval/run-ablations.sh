#!/usr/bin/env bash
# scripts/eval/run-ablations.sh BUILD_DIR OUT_DIR [EVERY]
#
# Analysis ablations of docs/evaluation.md: one index per switch turned off
# (stemming, accent folding, apostrophe rules, compound splitting), each
# searched with the same switch. To spare the shared 2 cores they run on a
# fixed subset: every judged article plus every EVERY-th other one (default 3,
# about 37k articles), written to OUT_DIR/subset.jsonl. The raw baseline and
# newsindex defaults are re-run on the same subset so the rows compare.
. "$(dirname "$0")/common.sh" "$1" "$2"
EVERY=${3:-3}

SUBSET="$OUT/subset-every$EVERY.jsonl"
if [ ! -s "$SUBSET" ]; then
  log "subset: judged + every ${EVERY}th article"
  "$RAW" subset --qrels "$QRELS" --every "$EVERY" --out "$SUBSET" "${CORPORA[@]}"
fi
P="sub$EVERY"

raw_index "$P-raw-dutch" dutch "$SUBSET"
raw_eval "$P.raw-dutch" "$P-raw-dutch" dutch
raw_eval "$P.raw-dutch-tuned" "$P-raw-dutch" dutch --k1 0.9 --b 0.1
raw_index "$P-raw-kp" kraaij_pohlmann "$SUBSET"
raw_eval "$P.raw-kp" "$P-raw-kp" kraaij_pohlmann
raw_eval "$P.raw-kp-tuned" "$P-raw-kp" kraaij_pohlmann --k1 0.9 --b 0.1

ours_index "$P-default" -- "$SUBSET"
ours_eval "$P.ours-default" "$P-default"

for switch in no-stem no-fold no-apostrophes no-compounds; do
  ours_index "$P-$switch" "--$switch" -- "$SUBSET"
  ours_eval "$P.ours-$switch" "$P-$switch" "--$switch"
done
log "done: $OUT"
