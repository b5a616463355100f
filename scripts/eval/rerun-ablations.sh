#!/usr/bin/env bash
# scripts/eval/rerun-ablations.sh BUILD_DIR OUT_DIR ABLATION_DIR
#
# Reruns the analysis ablation rows of docs/evaluation.md with the CURRENT
# SearcherOptions defaults (no weight flags) on the subset indexes that
# run-ablations.sh left in ABLATION_DIR (sub3-<switch>.db), writing
# OUT_DIR/sub3t.ours-<switch>.{json,run,perq.tsv}; then prints the paired
# differences (defaults minus each switch) with paired.sh. Search time only.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 BUILD_DIR OUT_DIR ABLATION_DIR" >&2
  exit 2
fi
BUILD=$(cd "$1" && pwd)
mkdir -p "$2"
OUT=$(cd "$2" && pwd)
ABL=$(cd "$3" && pwd)
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SHARED=${NEWSINDEX_SHARED:-$(cd "$HERE/../.." && pwd)/../shared}
KI="$SHARED/testdata/known-item-nl"
NEWSINDEX="$BUILD/tools/newsindex"
case "$OUT" in "$SHARED"*) echo "refusing to write into $SHARED" >&2; exit 2 ;; esac
[ -x "$NEWSINDEX" ] || { echo "missing $NEWSINDEX: build newsindex_cli" >&2; exit 2; }
for spec in "default:" "no-stem:--no-stem" "no-fold:--no-fold" \
            "no-apostrophes:--no-apostrophes" "no-compounds:--no-compounds"; do
  name=${spec%%:*}
  flag=${spec#*:}
  [ -d "$ABL/sub3-$name.db" ] || { echo "missing $ABL/sub3-$name.db (run-ablations.sh)" >&2; exit 2; }
  # shellcheck disable=SC2086
  nice -n 10 "$NEWSINDEX" eval --db "$ABL/sub3-$name.db" --queries "$KI/queries.jsonl" \
    --qrels "$KI/qrels.tsv" --json $flag --run-tag "sub3t.$name" \
    --run-out "$OUT/sub3t.ours-$name.run" --per-query "$OUT/sub3t.ours-$name.perq.tsv" \
    >"$OUT/sub3t.ours-$name.json"
  echo "sub3t.ours-$name $(cat "$OUT/sub3t.ours-$name.json")"
done
for name in no-stem no-fold no-apostrophes no-compounds; do
  echo -n "defaults - $name: "
  "$HERE/paired.sh" "$OUT/sub3t.ours-default.perq.tsv" "$OUT/sub3t.ours-$name.perq.tsv"
done
