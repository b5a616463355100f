#!/usr/bin/env bash
# scripts/eval/table.sh OUT_DIR [ROW...]: a Markdown table of OUT_DIR/<row>.json
# (all rows when none are named, else in the order given; globs work, e.g.
# 'sub3.*'), with MRR@10 relative to the raw Xapian baseline run on the same
# documents: <prefix>.raw-dutch for a row <prefix>.<name>.
set -euo pipefail
OUT=${1:?usage: table.sh OUT_DIR [ROW...]}
shift
rows=("$@")
[ ${#rows[@]} -eq 0 ] && rows=("*")
echo "| row | queries | MRR@10 | vs raw | nDCG@10 | success@1 | success@10 | recall@100 |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for pattern in "${rows[@]}"; do
  for f in "$OUT"/$pattern.json; do
    [ -f "$f" ] || continue
    row=$(basename "$f" .json)
    bf="$OUT/${row%%.*}.raw-dutch.json"
    jq -r --arg row "$row" --slurpfile b "$bf" '
      def f: (. * 10000 | round) / 10000 | tostring;
      def pct: (. * 1000 | round) / 10 | if . > 0 then "+\(.)%" else "\(.)%" end;
      "| \($row) | \(.queries) | \(.["mrr@10"] | f) | \(.["mrr@10"] / $b[0]["mrr@10"] - 1 | pct) | \(.["ndcg@10"] | f) | \(.["success@1"] | f) | \(.["success@10"] | f) | \(.["recall@100"] | f) |"' "$f"
  done
done
