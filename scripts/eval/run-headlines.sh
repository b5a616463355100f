#!/usr/bin/env bash
# scripts/eval/run-headlines.sh BUILD_DIR OUT_DIR [DB]
#
# docs/evaluation.md "Headline words learned from the archive": learns the
# headline rates and translations from ../shared/corpora into OUT_DIR
# (`newsindex learn-headlines`), leaving out every known-item target (the
# doc ids of qrels.tsv), then scores known-item-nl with them on DB (default
# OUT_DIR/ki-lead2.db, the lead x2 index of run-ranking.sh):
#   hl.base                 the defaults (no learned file)
#   hl.p=P                  headline rates at power P (RATE_GRID)
#   hl.tr=W                 translations at weight W (TR_GRID)
#   hl.p=P-tr=W             both
#   hl.tr:K:L=W             translations learned with --translations-per-stem K
#                           --min-lift L (LEARN_GRID, default 3:5 5:3 8:5 3:10)
# and Xapian's other weighting schemes (rows w=SCHEME[-PARAM], WEIGHT_GRID).
# The learned files are statistics of ../shared: they stay in OUT_DIR.
# Choose on the odd qid half, check on the even: `split-halves.sh OUT 'hl.*'`.
EVAL_USAGE="BUILD_DIR OUT_DIR" EVAL_NEEDS="newsindex"
. "$(dirname "$0")/common.sh" "$@"
use_lead2_db "${3:-}"
row() { lead2_row "$@"; }

if [ ! -s "$OUT/headline-rates.tsv" ] || [ -n "${RELEARN:-}" ]; then
  log "learn headline rates and translations (known-item targets excluded)"
  "${NICE[@]}" "$NEWSINDEX" learn-headlines --out "$OUT/headline-rates.tsv" \
    --translations-out "$OUT/headline-translations.tsv" --exclude "$QRELS" "${CORPORA[@]}"
fi
RATES=(--headline-rates "$OUT/headline-rates.tsv")
TRANS=(--headline-translations "$OUT/headline-translations.tsv")

row hl.base
for p in ${RATE_GRID:-0.15 0.25 0.35 0.5 1}; do
  row "hl.p=$p" "${RATES[@]}" --headline-rate-power "$p"
done
for w in ${TR_GRID:-0.5 1 2 3 4}; do
  row "hl.tr=$w" "${TRANS[@]}" --translation-weight "$w"
done
for p in ${BOTH_RATE_GRID:-0.15 0.25 0.35}; do
  for w in ${BOTH_TR_GRID:-0.5 1 2 3}; do
    row "hl.p=$p-tr=$w" "${RATES[@]}" --headline-rate-power "$p" "${TRANS[@]}" \
      --translation-weight "$w"
  done
done
for kl in ${LEARN_GRID:-3:5 5:3 8:5 3:10}; do
  k=${kl%%:*} l=${kl#*:}
  f="$OUT/headline-translations-$k-$l.tsv"
  if [ ! -s "$f" ] || [ -n "${RELEARN:-}" ]; then
    "${NICE[@]}" "$NEWSINDEX" learn-headlines --out "$OUT/headline-rates-$k-$l.tsv" \
      --translations-out "$f" --translations-per-stem "$k" --min-lift "$l" --exclude "$QRELS" \
      "${CORPORA[@]}"
  fi
  for w in ${TR_GRID:-0.5 1 2}; do
    row "hl.tr:$kl=$w" --headline-translations "$f" --translation-weight "$w"
  done
done
for s in ${WEIGHT_GRID:-lm lm2 lmjm dph dlh pl2 inl2 bb2 ifb2 ineb2 lm:300 lm:1000 lm:5000 pl2:7 pl2:30 pl2:100 inl2:7 inl2:30 inl2:100}; do
  scheme=${s%%:*} param=0
  [ "$s" != "$scheme" ] && param=${s#*:}
  name="w=$scheme"
  [ "$param" != 0 ] && name="w=$scheme-$param"
  row "$name" --weighting "$scheme" --weighting-param "$param"
done
bash "$HERE/split-halves.sh" "$OUT" 'hl.*'
bash "$HERE/split-halves.sh" "$OUT" 'w=*'
