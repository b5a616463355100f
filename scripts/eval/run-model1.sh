#!/usr/bin/env bash
# scripts/eval/run-model1.sh BUILD_DIR OUT_DIR [DB]
#
# docs/evaluation.md "Headline words learned from the archive": headline
# translations by IBM Model 1 (`newsindex learn-headlines --translation-model
# model1`) against those by lift, learned from ../shared/corpora without any
# known-item target (the doc ids of qrels.tsv), scored on DB (default
# OUT_DIR/ki-lead2.db, the lead x2 index of run-ranking.sh). Rows:
#   m1.base                 the defaults (no learned file)
#   m1.lift=W               the lift translations at weight W (TR_GRID)
#   m1.B-I-S[-X]:K:F=W      Model 1 with --body-stems B --em-iterations I
#                           --max-body-share S (LEARN_GRID B:I:S[:X], X
#                           `lacking` for --lacking-only, a number M for
#                           --translation-min-titles M, or lacking-M), the best
#                           K per stem of p >= F (CUT_GRID K:F), at weight W
#                           (TR_GRID)
#   m1r.*                   the same with the headline rates too (RATES=1)
#   m1a.*                   the same with every other lever on as well
#                           (ALL=1: stem variants 0.25, related forms 0.75,
#                           feedback 10 : 10 : 0.03)
# A K:F file is the K best lines of each stem with p >= F of the file learned
# with K 20 and F 0.0001: what learn-headlines writes with K and F (p does not
# depend on them), but for the lines whose p rounds up to F (the cut compares
# the 4 decimals written). The learned files are statistics of ../shared: they stay
# in OUT_DIR. Choose on the odd qid half: `split-halves.sh OUT 'm1*'`.
EVAL_USAGE="BUILD_DIR OUT_DIR" EVAL_NEEDS="newsindex"
. "$(dirname "$0")/common.sh" "$@"
use_lead2_db "${3:-}"
row() { lead2_row "$@"; }

learn() {  # learn FILE [learn-headlines flags]: the rates go to OUT/headline-rates.tsv
  local f=$1; shift
  [ -s "$f" ] && [ -z "${RELEARN:-}" ] && return
  log "learn $(basename "$f")"
  "${NICE[@]}" "$NEWSINDEX" learn-headlines --out "$OUT/headline-rates.tsv" \
    --translations-out "$f" --exclude "$QRELS" "$@" "${CORPORA[@]}"
}

learn "$OUT/lift.tsv"
PREFIX=m1 EXTRA=()
if [ -n "${RATES:-}" ]; then
  PREFIX=m1r EXTRA=(--headline-rates "$OUT/headline-rates.tsv"
                    --headline-rate-power "${RATE_POWER:-0.15}")
fi
if [ -n "${ALL:-}" ]; then
  PREFIX=m1a EXTRA+=(--variant-weight 0.25 --related-weight 0.75 --feedback-docs 10
                     --feedback-terms 10 --feedback-weight 0.03)
fi
row "$PREFIX.base" "${EXTRA[@]}"
for w in ${TR_GRID:-1 2 3}; do
  row "$PREFIX.lift=$w" "${EXTRA[@]}" --headline-translations "$OUT/lift.tsv" --translation-weight "$w"
done
for bis in ${LEARN_GRID:-100:5:0.02}; do
  IFS=: read -r b i s lm <<<"$bis"
  flags=()
  [ "${lm%%-*}" = lacking ] && flags+=(--lacking-only)
  [ -n "$lm" ] && [ "${lm##*-}" != lacking ] && flags+=(--translation-min-titles "${lm##*-}")
  id=$b-$i-$s${lm:+-$lm}
  full="$OUT/model1-$id.tsv"
  learn "$full" --translation-model model1 --body-stems "$b" --em-iterations "$i" \
    --max-body-share "$s" --translations-per-stem 20 --translation-floor 0.0001 "${flags[@]}"
  for kf in ${CUT_GRID:-3:0.01}; do
    k=${kf%%:*} f=${kf#*:}
    cut="$OUT/model1-$id-$k-$f.tsv"
    awk -F'\t' -v k="$k" -v f="$f" '/^#/ { print; next }
      $3 + 0 >= f + 0 && ++n[$1] <= k' "$full" >"$cut"
    for w in ${TR_GRID:-1 2 3}; do
      row "$PREFIX.$id:$k:$f=$w" "${EXTRA[@]}" --headline-translations "$cut" \
        --translation-weight "$w"
    done
  done
done
bash "$HERE/split-halves.sh" "$OUT" "$PREFIX*"
