#!/usr/bin/env bash
# scripts/eval/run-ranking.sh BUILD_DIR OUT_DIR [SUBSET.jsonl]
#
# Issue 18's ranking rows of docs/evaluation.md ("Term proximity", "Index-time
# weights"), all on known-item-nl over ALL of ../shared/corpora (body only):
#   * lead weight: one index per WriterOptions::lead_wdf (LEAD_GRID, default
#     1 2 3), each searched with the library defaults (rows ki.lead=N) and with
#     proximity off (ki.lead=N-noprox);
#   * term proximity on the lead_wdf=1 index: phrase pairs and near pairs one
#     at a time, then combinations (rows prox.p=P-n=N-w=W);
#   * with SUBSET.jsonl (run-ablations.sh's subset-every3.jsonl): the title
#     boost on the lead task (titles indexed, first sentence removed; one 37k
#     index per WriterOptions::title_wdf in TITLE_WDF_GRID, default 3 5 8;
#     rows lead.twdf=N);
#   * other levers: coordination bonus, BM25+ floor, min_normlen, k1 / b on
#     lead_wdf 2, the lead field (ki.leadterms-lw=W), and with ABLATIONS=1
#     the analysis ablations on all articles (rows abl2.SWITCH);
#   * stop words kept in headline queries on lead_wdf 2 (STOP_GRID, rows
#     ki.lead=2-stop=W; with min_normlen 1 ki.lead=2-stop=W-minlen=1), and
#     k1 / b again with the defaults they chose (ki.lead=2-now-k1=K-b=B);
#   * pseudo-relevance feedback on lead_wdf 2 (FEEDBACK_GRID, rows
#     ki.lead=2-fb=D:T:W) and the lead field on top of lead_wdf 2
#     (ki.lead=2-terms-lw=W); rerank-top-k.py measures a rerank of a row's
#     top k offline;
#   * related forms (rwc=W), FreeDict pairs (FREEDICT=FILE, fd=W) and the
#     defaults of coordinate-ascent.py (final2) on lead_wdf 2.
# The rows measured before stop words were kept (2026-12-06) pin that query
# side (FORMER: stop words dropped, min_normlen 0.5), so they rerun as
# documented; ki.lead=N are the library defaults of the day.
# Choose on the odd qid half, check on the even: `split-halves.sh OUT 'prox.*'`.
# Indexes are written in bulk mode on 1 thread (ABL_THREADS). Existing
# indexes and rows in OUT_DIR are reused (REBUILD=1 / RERUN=1 to redo).
EVAL_USAGE="BUILD_DIR OUT_DIR" EVAL_NEEDS="newsindex ablation_index"
. "$(dirname "$0")/common.sh" "$@"
SUBSET=${3:-}
export ABL_THREADS=${ABL_THREADS:-"--bulk --threads 1"}
NOPROX=(--phrase-pair-weight 0 --near-pair-weight 0)
FORMER=(--stopword-weight 0 --min-normlen 0.5)

row() {  # row ROW DB [newsindex eval flags]: ours_eval unless already there
  local r=$1; shift
  [ -s "$OUT/$r.json" ] && [ -z "${RERUN:-}" ] && return
  ours_eval "$r" "$@"
}

for lw in ${LEAD_GRID:-1 2 3}; do
  ours_index "ki-lead$lw" --lead-wdf "$lw" -- "${CORPORA[@]}"
  row "ki.lead=$lw-noprox" "ki-lead$lw" "${NOPROX[@]}" "${FORMER[@]}"
  row "ki.lead=$lw-former" "ki-lead$lw" "${FORMER[@]}"
  row "ki.lead=$lw" "ki-lead$lw"
done

# Proximity, search time only, on the lead_wdf=1 index.
for p in ${PHRASE_GRID:-0.1 0.25 0.5 1}; do
  row "prox.p=$p-n=0-w=8" ki-lead1 --phrase-pair-weight "$p" --near-pair-weight 0 "${FORMER[@]}"
done
for n in ${NEAR_GRID:-0.1 0.25 0.5}; do
  for w in ${WINDOW_GRID:-8}; do
    row "prox.p=0-n=$n-w=$w" ki-lead1 --phrase-pair-weight 0 --near-pair-weight "$n" \
      --near-pair-window "$w" "${FORMER[@]}"
  done
done
for c in ${COMBO_GRID:-}; do  # P:N:W
  IFS=: read -r p n w <<<"$c"
  row "prox.p=$p-n=$n-w=$w" ki-lead1 --phrase-pair-weight "$p" --near-pair-weight "$n" \
    --near-pair-window "$w" "${FORMER[@]}"
done

# Other query-time levers (issue 18), one at a time on the lead_wdf=1 index:
# a flat bonus per matched query term, BM25+'s floor, BM25's min_normlen.
for c in ${COORD_GRID:-0.25 0.5 1 2}; do row "ki.coord=$c" ki-lead1 --coord-bonus "$c" "${FORMER[@]}"; done
for d in ${FLOOR_GRID:-0.1 0.25 0.5 1}; do row "ki.floor=$d" ki-lead1 --tf-floor "$d" "${FORMER[@]}"; done
for m in ${MINLEN_GRID:-0.25 0.75 1}; do row "ki.minlen=$m" ki-lead1 --min-normlen "$m" --stopword-weight 0; done
row "ki.lead=2-minlen=1" ki-lead2 --min-normlen 1 --stopword-weight 0
# BM25 k1 / b again on the lead_wdf=2 index.
for kb in ${KB_GRID:-0.9:0.2 0.6:0.1 1.2:0.1 0.9:0.05}; do
  IFS=: read -r k b <<<"$kb"
  row "ki.lead=2-k1=$k-b=$b" ki-lead2 --k1 "$k" --b "$b" "${FORMER[@]}"
done
# Stop words kept (SearcherOptions::stopword_weight) on the lead_wdf=2 index,
# alone and with min_normlen 1; then k1 / b with both (the defaults now).
for w in ${STOP_GRID:-0.25 0.5 1 1.5}; do
  row "ki.lead=2-stop=$w" ki-lead2 --stopword-weight "$w" --min-normlen 0.5
done
for w in ${STOP_MINLEN_GRID:-0.75 1}; do
  row "ki.lead=2-stop=$w-minlen=1" ki-lead2 --stopword-weight "$w" --min-normlen 1
done
for kb in ${NOW_KB_GRID:-1.2:0.1 0.6:0.1 0.9:0.2 0.9:0.05}; do
  IFS=: read -r k b <<<"$kb"
  row "ki.lead=2-now-k1=$k-b=$b" ki-lead2 --k1 "$k" --b "$b"
done
# The lead as a field of its own (WriterOptions::lead_terms, ZXL stems),
# searched at SearcherOptions::lead_weight, with lead_wdf 1 and 2.
ours_index ki-leadterms --lead-terms -- "${CORPORA[@]}"
for w in ${LEAD_WEIGHT_GRID:-0.25 0.5 1 2}; do
  row "ki.leadterms-lw=$w" ki-leadterms --lead-weight "$w" "${FORMER[@]}"
done
# Stem variants (SearcherOptions::variant_weight) on the lead_wdf=2 index
# with the defaults otherwise (rows ki.lead=2-var=W; 0 = the defaults before).
for w in ${VARIANT_GRID:-0 0.1 0.25 0.35 0.5 1}; do
  row "ki.lead=2-var=$w" ki-lead2 --variant-weight "$w"
done
# Pseudo-relevance feedback (SearcherOptions::feedback_*) on the lead_wdf=2
# index with the defaults: FEEDBACK_GRID of DOCS:TERMS:WEIGHT (rows
# ki.lead=2-fb=D:T:W).
for g in ${FEEDBACK_GRID:-3:10:0.05 3:10:0.1 5:10:0.25 10:10:0.02 10:10:0.05 10:10:0.1 10:20:0.25 10:30:0.05 20:10:0.05 50:10:0.05}; do
  IFS=: read -r d t w <<<"$g"
  row "ki.lead=2-fb=$d:$t:$w" ki-lead2 --feedback-docs "$d" --feedback-terms "$t" --feedback-weight "$w"
done
# The lead field on top of lead words x2 (one more 108k index), with the
# defaults (rows ki.lead=2-terms-lw=W; lw=0 is the same index unsearched).
ours_index ki-lead2-terms --lead-wdf 2 --lead-terms -- "${CORPORA[@]}"
for w in ${LEAD2_WEIGHT_GRID:-0 0.1 0.25 0.5}; do
  row "ki.lead=2-terms-lw=$w" ki-lead2-terms --lead-weight "$w"
done
# Related forms (SearcherOptions::related_weight, the built-in list) on the
# lead_wdf=2 index, with k1 0.9 and part weights 0.5 as when they were
# measured (rows rwc=W), with stem variants (rwc=0.5-var=0.25), and the
# defaults they and coordinate-ascent.py chose (final2); FreeDict pairs with
# FREEDICT=FILE (scripts/make-freedict-synonyms.py; rows fd=W).
BEFORE=(--k1 0.9 --query-part-weight 0.5 --hyphen-part-weight 0.5)
for w in ${RELATED_GRID:-0.25 0.5 0.75}; do
  row "rwc=$w" ki-lead2 --related-weight "$w" "${BEFORE[@]}"
done
row "rwc=0.5-var=0.25" ki-lead2 --related-weight 0.5 --variant-weight 0.25 "${BEFORE[@]}"
row final2 ki-lead2
if [ -n "${FREEDICT:-}" ]; then
  for w in 0.1 0.25 0.5; do
    row "fd=$w" ki-lead2 --related-forms "$FREEDICT" --related-weight "$w" "${BEFORE[@]}"
  done
fi
# Analysis ablations on all articles (ABLATIONS=1; four more 108k indexes,
# lead_wdf 2 as the library writes), each searched with its switch and the
# library's query side (rows abl2.SWITCH; compare with final2, the defaults).
if [ -n "${ABLATIONS:-}" ]; then
  for switch in no-stem no-compounds no-apostrophes no-fold; do
    ours_index "abl2-$switch" --lead-wdf 2 "--$switch" -- "${CORPORA[@]}"
    row "abl2.$switch" "abl2-$switch" "--$switch"
  done
fi

if [ -n "$SUBSET" ]; then
  [ -s "$OUT/lead-queries.jsonl" ] ||
    python3 "$HERE/make-lead-task.py" "$SUBSET" "$QRELS" "$OUT"
  for tw in ${TITLE_WDF_GRID:-3 5 8}; do
    ours_index "lead-twdf$tw" --with-title --title-wdf "$tw" -- "$OUT/lead-task.jsonl"
    QUERIES="$OUT/lead-queries.jsonl" QRELS="$OUT/lead-qrels.tsv" \
      row "lead.twdf=$tw" "lead-twdf$tw" "${FORMER[@]}"
    QUERIES="$OUT/lead-queries.jsonl" QRELS="$OUT/lead-qrels.tsv" \
      row "lead.twdf=$tw-now" "lead-twdf$tw"
  done
fi
log "done: $OUT"
