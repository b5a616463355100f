#!/usr/bin/env bash
# scripts/eval/paired.sh A.perq.tsv B.perq.tsv: paired per-query RR@10
# difference A - B (the same queries): mean, standard error, queries better /
# worse / equal in A. HALF=odd or HALF=even: only that qid half (by the
# number in the qid, as split-halves.sh).
set -euo pipefail
A=${1:?usage: paired.sh A.perq.tsv B.perq.tsv}
B=${2:?usage: paired.sh A.perq.tsv B.perq.tsv}
# ./ keeps awk from reading a file name with '=' (w=bm25.perq.tsv) as an assignment.
case "$A" in /*) ;; *) A=./$A ;; esac
case "$B" in /*) ;; *) B=./$B ;; esac
awk -F'\t' -v half="${HALF:-}" 'FNR == 1 { next }
  half != "" { q = $1; gsub(/[^0-9]/, "", q); if ((q % 2 ? "odd" : "even") != half) next }
  NR == FNR { b[$1] = $3; next }
  ($1 in b) { d = $3 - b[$1]; n++; s += d; ss += d * d
              if (d > 1e-9) up++; else if (d < -1e-9) down++; else eq++ }
  END { m = s / n; sd = sqrt((ss - n * m * m) / (n - 1))
        printf "delta_mrr@10 %+.4f  se %.4f  better %d  worse %d  equal %d  (n %d)\n",
               m, sd / sqrt(n), up, down, eq, n }' "$B" "$A"
