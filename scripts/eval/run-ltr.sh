#!/usr/bin/env bash
# scripts/eval/run-ltr.sh BUILD OUT PSEUDO [DB]
#
# A learned rerank of the top k, offline (docs/evaluation.md, "A learned rerank
# of the top k"): the defaults' runs of known-item-nl and of the third query set
# PSEUDO (make-pseudo-known-item.py), runs of the top 1000 under Xapian's LM
# (mu 2000) and BM25 b 0.75 as two more features, headline rates learned without
# either set's targets, then ltr-rerank.py's features of the top 50 of each set
# (OUT/ki.npz, OUT/kp.npz) and its models: trained on the third set and tested on
# known-item-nl, trained on the odd half and tested on the even half, per feature
# set (FEATURE_SETS), k (KS) and method. Writes OUT/p/*.perq.tsv (for paired.sh)
# and prints the rows. DB defaults to the lead x2 known-item index. Reuses what
# is already in OUT.
set -euo pipefail
BUILD=${1:?usage: run-ltr.sh BUILD OUT PSEUDO [DB]}
OUT=${2:?usage: run-ltr.sh BUILD OUT PSEUDO [DB]}
PSEUDO=${3:?usage: run-ltr.sh BUILD OUT PSEUDO [DB]}
DB=${4:-/tmp/r2-out/ki-lead2.db}
SHARED=${SHARED:-../shared}
KI=$SHARED/testdata/known-item-nl
HERE=$(cd "$(dirname "$0")" && pwd)
NI="nice -n 10 $BUILD/tools/newsindex"
PY="nice -n 10 /usr/bin/python3 $HERE/ltr-rerank.py"
mkdir -p "$OUT/p"

if [ ! -s "$OUT/rates.tsv" ]; then
  cat "$KI/qrels.tsv" "$PSEUDO/qrels.tsv" > "$OUT/both-qrels.tsv"
  $NI learn-headlines --out "$OUT/rates.tsv" --exclude "$OUT/both-qrels.tsv" \
    "$SHARED"/corpora/*/articles.jsonl.gz
fi
for set in ki kp; do
  if [ $set = ki ]; then Q=$KI/queries.jsonl R=$KI/qrels.tsv; else
    Q=$PSEUDO/queries.jsonl R=$PSEUDO/qrels.tsv; fi
  ev() { $NI eval --db "$DB" --no-rerank --queries "$Q" --qrels "$R" --json "$@"; }
  [ -s "$OUT/$set.base.run" ] || ev --run-out "$OUT/$set.base.run" \
    --per-query "$OUT/$set.base.perq.tsv" > "$OUT/$set.base.json"
  [ -s "$OUT/$set.lm.run" ] || ev --limit 1000 --weighting lm --weighting-param 2000 \
    --run-out "$OUT/$set.lm.run" > /dev/null
  [ -s "$OUT/$set.b75.run" ] || ev --limit 1000 --b 0.75 --run-out "$OUT/$set.b75.run" > /dev/null
  [ -s "$OUT/$set.npz" ] || $PY features --run "$OUT/$set.base.run" \
    --perq "$OUT/$set.base.perq.tsv" --queries "$Q" --db "$DB" --out "$OUT/$set.npz" --k 50 \
    --alt "lm=$OUT/$set.lm.run" --alt "b75=$OUT/$set.b75.run" --rates "$OUT/rates.tsv" \
    --shared "$SHARED"
done

ALL=score,inv_rank,cov,cov_idf,cov_lead,cov_50,exact,exact_all,run,bigram,window,loglen,names
ALL=$ALL,nums,dup_above,dup_any,early,logtf,hr_cov,lm,b75
SIX=score,early,hr_cov,loglen,b75,cov_lead
FEATURE_SETS=${FEATURE_SETS:-"all=$ALL six=$SIX four=score,early,loglen,b75"}
KS=${KS:-"20 50"}
for fs in $FEATURE_SETS; do
  name=${fs%%=*} feats=${fs#*=}
  for k in $KS; do
    echo "== features $name, k $k: trained on the third set"
    $PY fit --train "$OUT/kp.npz" --test "$OUT/ki.npz" --test "$OUT/ki.npz:odd" \
      --test "$OUT/ki.npz:even" --k "$k" --features "$feats" \
      --perq-out "$OUT/p/$name.k$k.kp2ki" | tee "$OUT/$name.k$k.kp2ki.txt" | sed -n 1,5p
    echo "== features $name, k $k: trained on the odd half"
    $PY fit --train "$OUT/ki.npz:odd" --test "$OUT/ki.npz:even" --test "$OUT/kp.npz" \
      --k "$k" --features "$feats" --perq-out "$OUT/p/$name.k$k.odd2even" \
      | tee "$OUT/$name.k$k.odd2even.txt" | sed -n 1,4p
  done
done
