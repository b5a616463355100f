#!/usr/bin/env bash
# scripts/eval/worst-queries.sh OURS.perq.tsv BASELINE.perq.tsv [N]
#
# The N (default 20) queries whose reciprocal rank drops most from the
# baseline to ours (ties: deeper first relevant rank first), tab-separated:
# qid, baseline rank, our rank, RR delta, query. Rank 0 = not retrieved.
set -euo pipefail
OURS=${1:?usage: worst-queries.sh OURS.perq.tsv BASELINE.perq.tsv [N]}
BASE=${2:?}
N=${3:-20}
echo -e "qid\tbase_rank\tour_rank\tdelta_rr\tquery"
awk -F'\t' 'NR == FNR { if (FNR > 1) { rank[$1] = $2; rr[$1] = $3 } next }
  FNR > 1 && ($1 in rr) {
    d = $3 - rr[$1]
    ours = $2 == 0 ? 100000 : $2
    printf "%s\t%s\t%s\t%.4f\t%s\t%d\n", $1, rank[$1], $2, d, $7, ours
  }' "$BASE" "$OURS" | sort -t$'\t' -k4,4g -k6,6nr | head -n "$N" | cut -f1-5
