#!/usr/bin/env bash
# scripts/eval/split-halves.sh OUT_DIR 'GLOB'
#
# MRR@10 of each OUT_DIR/GLOB.perq.tsv on the odd and even qid halves (by the
# number in the qid, as choose-bm25.sh) and on all, best odd first. Choose on
# the odd half, check on the even half.
set -euo pipefail
OUT=${1:?usage: split-halves.sh OUT_DIR GLOB}
GLOB=${2:-*}
echo -e "row\tmrr_odd\tmrr_even\tmrr_all"
for f in "$OUT"/$GLOB.perq.tsv; do
  [ -f "$f" ] || continue
  awk -F'\t' -v row="$(basename "$f" .perq.tsv)" 'FNR > 1 {
      n = $1; gsub(/[^0-9]/, "", n); n += 0
      if (n % 2) { so += $3; no++ } else { se += $3; ne++ }
    } END { printf "%s\t%.4f\t%.4f\t%.4f\n", row, so / no, se / ne, (so + se) / (no + ne) }' "$f"
done | sort -t$'\t' -k2,2gr
