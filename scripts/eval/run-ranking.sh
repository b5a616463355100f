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
#     rows lead.twdf=N).
# Choose on the odd qid half, check on the even: `split-halves.sh OUT 'prox.*'`.
# Indexes are written in bulk mode on 2 threads (ABL_THREADS). Existing
# indexes and rows in OUT_DIR are reused (REBUILD=1 / RERUN=1 to redo).
EVAL_USAGE="BUILD_DIR OUT_DIR" EVAL_NEEDS="newsindex ablation_index"
. "$(dirname "$0")/common.sh" "$@"
SUBSET=${3:-}
export ABL_THREADS=${ABL_THREADS:-"--bulk --threads 2"}
NOPROX=(--phrase-pair-weight 0 --near-pair-weight 0)

row() {  # row ROW DB [newsindex eval flags]: ours_eval unless already there
  local r=$1; shift
  [ -s "$OUT/$r.json" ] && [ -z "${RERUN:-}" ] && return
  ours_eval "$r" "$@"
}

for lw in ${LEAD_GRID:-1 2 3}; do
  ours_index "ki-lead$lw" --lead-wdf "$lw" -- "${CORPORA[@]}"
  row "ki.lead=$lw-noprox" "ki-lead$lw" "${NOPROX[@]}"
  row "ki.lead=$lw" "ki-lead$lw"
done

# Proximity, search time only, on the lead_wdf=1 index.
for p in ${PHRASE_GRID:-0.1 0.25 0.5 1}; do
  row "prox.p=$p-n=0-w=8" ki-lead1 --phrase-pair-weight "$p" --near-pair-weight 0
done
for n in ${NEAR_GRID:-0.1 0.25 0.5}; do
  for w in ${WINDOW_GRID:-8}; do
    row "prox.p=0-n=$n-w=$w" ki-lead1 --phrase-pair-weight 0 --near-pair-weight "$n" \
      --near-pair-window "$w"
  done
done
for c in ${COMBO_GRID:-}; do  # P:N:W
  IFS=: read -r p n w <<<"$c"
  row "prox.p=$p-n=$n-w=$w" ki-lead1 --phrase-pair-weight "$p" --near-pair-weight "$n" \
    --near-pair-window "$w"
done

if [ -n "$SUBSET" ]; then
  [ -s "$OUT/lead-queries.jsonl" ] ||
    python3 "$HERE/make-lead-task.py" "$SUBSET" "$QRELS" "$OUT"
  for tw in ${TITLE_WDF_GRID:-3 5 8}; do
    ours_index "lead-twdf$tw" --with-title --title-wdf "$tw" -- "$OUT/lead-task.jsonl"
    QUERIES="$OUT/lead-queries.jsonl" QRELS="$OUT/lead-qrels.tsv" \
      row "lead.twdf=$tw" "lead-twdf$tw"
  done
fi
log "done: $OUT"
