#!/usr/bin/env bash
# scripts/eval/rerun-ablations.sh BUILD_DIR OUT_DIR ABLATION_DIR
#
# Reruns the analysis ablation rows of docs/evaluation.md with the CURRENT
# SearcherOptions defaults (no weight flags) on the subset indexes that
# run-ablations.sh left in ABLATION_DIR (sub3-<switch>.db), writing
# OUT_DIR/sub3t.ours-<switch>.{json,run,perq.tsv}; then prints the paired
# differences (defaults minus each switch) with paired.sh. Search time only.
EVAL_USAGE="BUILD_DIR OUT_DIR ABLATION_DIR" EVAL_NEEDS=newsindex
. "$(dirname "$0")/common.sh" "$@"
ABLATIONS=$(cd "$3" && pwd)
for spec in "default:" "no-stem:--no-stem" "no-fold:--no-fold" \
            "no-apostrophes:--no-apostrophes" "no-compounds:--no-compounds"; do
  name=${spec%%:*}
  flag=${spec#*:}
  [ -d "$ABLATIONS/sub3-$name.db" ] ||
    { echo "missing $ABLATIONS/sub3-$name.db (run-ablations.sh)" >&2; exit 2; }
  # shellcheck disable=SC2086
  eval_db "sub3t.ours-$name" "$ABLATIONS/sub3-$name.db" $flag
done
for name in no-stem no-fold no-apostrophes no-compounds; do
  echo -n "defaults - $name: "
  "$HERE/paired.sh" "$OUT/sub3t.ours-default.perq.tsv" "$OUT/sub3t.ours-$name.perq.tsv"
done
