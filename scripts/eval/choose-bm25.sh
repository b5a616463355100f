#!/usr/bin/env bash
# scripts/eval/choose-bm25.sh OUT_DIR [PREFIX]
#
# Picks BM25 k1/b without fitting the test queries: the queries are split in
# two halves by qid (odd / even number); for each grid point of
# OUT_DIR/PREFIX-k1=*-b=*.perq.tsv (default PREFIX full.bm25) it prints
# MRR@10 on each half and on all. The row to choose is the best on the odd
# half, then checked on the even half (held out).
set -euo pipefail
OUT=${1:?usage: choose-bm25.sh OUT_DIR [PREFIX]}
PREFIX=${2:-full.bm25}
echo -e "k1\tb\tmrr_odd\tmrr_even\tmrr_all"
for f in "$OUT/$PREFIX"-k1=*-b=*.perq.tsv; do
  name=$(basename "$f" .perq.tsv)
  k1=${name#*k1=}; k1=${k1%%-b=*}
  b=${name##*-b=}
  awk -F'\t' -v k1="$k1" -v b="$b" 'FNR > 1 {
      n = substr($1, 3) + 0
      if (n % 2) { so += $3; no++ } else { se += $3; ne++ }
    } END { printf "%s\t%s\t%.4f\t%.4f\t%.4f\n", k1, b, so / no, se / ne, (so + se) / (no + ne) }' "$f"
done | sort -t$'\t' -k3,3gr
