#!/usr/bin/env python3
"""scripts/eval/rerank-top-k.py RUN DB K FEATURE PARAMS LAMBDAS: a rerank of the top K, offline.

Measures a rerank of the top K documents of a known-item-nl run (a TREC run
file of `newsindex eval --run-out`) before building it into the Searcher:
each of the top K documents gets score + LAMBDA x (the run's first score) x
feature, and MRR@10 is printed on the odd and even qid halves and on all
(as split-halves.sh), for every PARAM x LAMBDA (comma-separated lists).
Features, from the positions of the query's words in DB (the index the run
searched; words are lower-cased, accent-stripped \\w+ runs of the query, the
library's stop words left out, looked up as unprefixed terms):
  pairs  PARAM = window: share of the query's neighbouring word pairs that
         occur within the window in the document (proximity);
  early  PARAM = position: idf-weighted share of the query's words whose first
         occurrence is at or before that position (a finer-grained lead).
Needs Xapian's Python bindings (Debian: python3-xapian, run with
/usr/bin/python3). Prints figures only (docs/evaluation.md, "Ranking levers").
"""
import json
import math
import os
import re
import sys
import unicodedata

import xapian

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from failures import stop_words  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
KI = os.path.join(HERE, "..", "..", "..", "shared", "testdata", "known-item-nl")


def fold(w):
    return "".join(c for c in unicodedata.normalize("NFKD", w.lower())
                   if not unicodedata.combining(c))


def positions(db, did, word):
    try:
        return list(db.positionlist(did, word))
    except xapian.Error:
        return []


def pairs_feature(db, did, words, windows):
    pairs = [(a, b) for a, b in zip(words, words[1:]) if a != b]
    if not pairs:
        return {w: 0.0 for w in windows}
    pos = {w: positions(db, did, w) for w in set(words)}
    out = {}
    for window in windows:
        hit = 0
        for a, b in pairs:
            if pos[a] and pos[b] and min(abs(x - y) for x in pos[a] for y in pos[b]) <= window:
                hit += 1
        out[window] = hit / len(pairs)
    return out


def early_feature(db, did, words, cutoffs):
    n = db.get_doccount()
    idf = {w: math.log(n / (1 + db.get_termfreq(w))) if db.get_termfreq(w) else 0.0
           for w in set(words)}
    total = sum(idf.values()) or 1.0
    first = {w: (positions(db, did, w) or [None])[0] for w in set(words)}
    return {c: sum(idf[w] for w in first if first[w] is not None and first[w] <= c) / total
            for c in cutoffs}


def main():
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    run, dbpath, k, feature = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    params = [int(x) for x in sys.argv[5].split(",")]
    lambdas = [float(x) for x in sys.argv[6].split(",")]
    ki = os.environ.get("KNOWN_ITEM", KI)
    stop = stop_words()
    db = xapian.Database(dbpath)
    query, target = {}, {}
    for line in open(os.path.join(ki, "queries.jsonl"), encoding="utf-8"):
        d = json.loads(line)
        query[d["qid"]], target[d["qid"]] = d["query"], d["doc_id"]
    top = {}
    for line in open(run, encoding="utf-8"):
        qid, _, doc, _, score, _ = line.split()
        top.setdefault(qid, []).append((doc, float(score)))
    feat = {"pairs": pairs_feature, "early": early_feature}[feature]
    scored = {}
    for qid, hits in top.items():
        words = [w for w in (fold(x) for x in re.findall(r"\w+", query[qid])) if w not in stop]
        rows = []
        for doc, score in hits[:k]:
            did = next(iter(db.postlist("Q" + doc))).docid
            rows.append((doc, score, feat(db, did, words, params)))
        scored[qid] = rows

    def mrr(rank_of):
        sums, counts = [0.0, 0.0], [0, 0]
        for qid in top:
            half = int(re.sub(r"\D", "", qid)) % 2
            r = rank_of(qid)
            sums[half] += 1.0 / r if r and r <= 10 else 0.0
            counts[half] += 1
        return sums[1] / counts[1], sums[0] / counts[0], sum(sums) / sum(counts)

    def base_rank(qid):
        return next((i + 1 for i, (d, _) in enumerate(top[qid]) if d == target[qid]), None)

    print("row\tmrr_odd\tmrr_even\tmrr_all")
    print("run\t%.4f\t%.4f\t%.4f" % mrr(base_rank))
    for p in params:
        for lam in lambdas:
            def rank(qid):
                rows = scored[qid]
                first = rows[0][1]
                order = sorted(rows, key=lambda t: -(t[1] + lam * first * t[2][p]))
                r = next((i + 1 for i, t in enumerate(order) if t[0] == target[qid]), None)
                return r if r else base_rank(qid)
            print("%s K=%d param=%d lambda=%g\t%.4f\t%.4f\t%.4f" % ((feature, k, p, lam) + mrr(rank)))


if __name__ == "__main__":
    main()
