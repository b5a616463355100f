#!/usr/bin/env bash
# scripts/eval/table.sh OUT_DIR [BASELINE_ROW]: a Markdown table of every
# OUT_DIR/<row>.json, with MRR@10 relative to BASELINE_ROW (default
# full.raw-dutch for full.* rows; sub3.raw-dutch for sub3.* rows).
set -euo pipefail
OUT=${1:?usage: table.sh OUT_DIR}
echo "| row | queries | MRR@10 | vs raw | nDCG@10 | success@1 | success@10 | recall@100 |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for f in "$OUT"/*.json; do
  row=$(basename "$f" .json)
  base=${2:-${row%%.*}.raw-dutch}
  bf="$OUT/$base.json"
  jq -r --arg row "$row" --slurpfile b "$bf" '
    def f: (. * 10000 | round) / 10000 | tostring;
    "| \($row) | \(.queries) | \(.["mrr@10"] | f) | \(((.["mrr@10"] / $b[0]["mrr@10"] - 1) * 1000 | round) / 10 | tostring)% | \(.["ndcg@10"] | f) | \(.["success@1"] | f) | \(.["success@10"] | f) | \(.["recall@100"] | f) |"' "$f"
done
