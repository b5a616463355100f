#!/usr/bin/env bash
# scripts/eval/grid.sh OUT_DIR PREFIX [METRIC]: the BM25 grid of
# OUT_DIR/PREFIX-k1=K-b=B.json as a Markdown matrix (rows k1, columns b) of
# METRIC (default mrr@10).
set -euo pipefail
OUT=${1:?usage: grid.sh OUT_DIR PREFIX [METRIC]}
PREFIX=${2:?}
METRIC=${3:-mrr@10}
k1s=$(ls "$OUT" | sed -n "s/^$PREFIX-k1=\(.*\)-b=.*\.json$/\1/p" | sort -gu)
bs=$(ls "$OUT" | sed -n "s/^$PREFIX-k1=.*-b=\(.*\)\.json$/\1/p" | sort -gu)
printf "| k1 \\\\ b |"; for b in $bs; do printf " %s |" "$b"; done; echo
printf "| --- |"; for b in $bs; do printf " ---: |"; done; echo
for k1 in $k1s; do
  printf "| %s |" "$k1"
  for b in $bs; do
    f="$OUT/$PREFIX-k1=$k1-b=$b.json"
    if [ -f "$f" ]; then printf " %.4f |" "$(jq -r --arg m "$METRIC" '.[$m]' "$f")"; else printf " |"; fi
  done
  echo
done
