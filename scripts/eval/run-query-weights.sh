#!/usr/bin/env bash
# scripts/eval/run-query-weights.sh BUILD_DIR OUT_DIR DB
#
# The query-side weight rows of docs/evaluation.md ("Query-side weights"):
# search-time only, on an existing newsindex index of all of ../shared/corpora
# built body only (DB, e.g. the ours-default.db that run-known-item.sh builds).
# Each weight is varied alone around the defaults, then the combinations
# named below; every run writes OUT_DIR/qw.<row>.{json,run,perq.tsv}.
# `split-halves.sh OUT_DIR 'qw.*'` prints MRR@10 on the odd / even qid halves
# (choose on odd, check on even); `table.sh`-style rows come from the .json.
# About 1 minute per row on 2 busy cores.
EVAL_USAGE="BUILD_DIR OUT_DIR DB" EVAL_NEEDS=newsindex
. "$(dirname "$0")/common.sh" "$@"
DB=$3

# row NAME [newsindex eval options]: one run (skipped when its .json exists
# and RERUN is unset).
row() {
  local name=$1; shift
  [ -s "$OUT/qw.$name.json" ] && [ -z "${RERUN:-}" ] && return
  eval_db "qw.$name" "$DB" "$@"
}

# Old structure, explicitly (stem 0.5, compound 0.25, the rest off).
BASE=(--stem-weight 0.5 --compound-weight 0.25 --title-weight 0 --stopword-weight 0
      --hyphen-part-weight 0 --query-part-weight 0)
with() {  # with NAME FLAG VALUE...: BASE with some flags replaced
  local name=$1; shift
  local args=("${BASE[@]}")
  while [ $# -gt 0 ]; do
    for i in "${!args[@]}"; do [ "${args[$i]}" = "$1" ] && args[$((i + 1))]=$2; done
    shift 2
  done
  row "$name" "${args[@]}"
}

with base
for w in ${STEM_GRID:-0 0.25 0.7 0.85 1}; do with "stem=$w" --stem-weight "$w"; done
for w in ${COMPOUND_GRID:-0 0.1 0.5}; do with "compound=$w" --compound-weight "$w"; done
for w in ${STOP_GRID:-0.1 0.25 0.5 1}; do with "stop=$w" --stopword-weight "$w"; done
for w in ${HYPHEN_GRID:-0.25 0.5 1}; do with "hyphen=$w" --hyphen-part-weight "$w"; done
for w in ${QPART_GRID:-0.1 0.25 0.5 0.75 1}; do with "qpart=$w" --query-part-weight "$w"; done
# Combinations: NAME then flag/value pairs, one per line. Default: the second
# stage of docs/evaluation.md, stem {0.85, 1} x hyphen {0.5, 1} x query parts
# {0.5, 0.75} x stop words {0, 0.5}.
if [ -z "${COMBOS+set}" ]; then
  COMBOS=""
  for s in 0.85 1; do for h in 0.5 1; do for q in 0.5 0.75; do for st in 0 0.5; do
    COMBOS+="c-stem=$s-hyph=$h-qpart=$q-stop=$st --stem-weight $s --hyphen-part-weight $h"
    COMBOS+=" --query-part-weight $q --stopword-weight $st"$'\n'
  done; done; done; done
fi
if [ -n "$COMBOS" ]; then
  while read -r name rest; do
    [ -n "$name" ] || continue
    # shellcheck disable=SC2086
    with "$name" $rest
  done <<<"$COMBOS"
fi
echo "[$(date -u +%H:%M:%S)] done: $OUT" >&2
