#!/usr/bin/env python3
"""Rerank the top k of a run by a translation language model (offline; docs/evaluation.md).

    tlm-rerank.py STEMS.npz TABLE.tsv QUERIES.tsv EXPLAIN.jsonl RUN QRELS K BETAS LAMBDAS ALPHAS OUT

Berger & Lafferty 1999 / Xue, Jeon & Croft 2008: for query stems q (the Z terms of
the query the searcher ran: EXPLAIN.jsonl from `newsindex search --batch Q.txt --json
--explain`, one line per line of QUERIES.tsv, "qid<TAB>query"),
  P(q | d) = (1 - lam) [beta sum_v t(q | v) P(v | d) + (1 - beta) P_ml(q | d)] + lam P(q | C)
(a lam above 1 is Dirichlet's mu instead: (|d| [...] + mu P(q | C)) / (|d| + mu))
(t from `learn-headlines --translation-model model1 --forward-table`; a q without a
row translates to itself). Each of the run's top K gets
  score / top score + alpha * (log P(Q | d) - max over the top K) / |Q|
(TLM_SUM=1: not divided by |Q|) and RR@10 is computed on the odd and even qid halves
for every (beta, lam, alpha).
Writes OUT.tsv: beta, lam, alpha, mrr odd, even, all; and OUT.BETA-LAM-ALPHA.perq.tsv
for the best odd point.
"""
import json
import os
import re
import sys
from collections import defaultdict

import numpy as np
from scipy import sparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module  # noqa: E402

expand = import_module("expand-docs")
SUM = os.environ.get("TLM_SUM") == "1"  # log P(Q | d) summed, not averaged over |Q|


def read_run(path, k):
    run = defaultdict(list)
    with open(path) as f:
        for line in f:
            qid, _, doc, rank, score, _ = line.split()
            if int(rank) <= k:
                run[qid].append((doc, float(score)))
    return run


def main():
    (stems_path, table_path, queries_path, explain_path, run_path, qrels_path, k, betas, lams,
     alphas, out) = sys.argv[1:12]
    k = int(k)
    betas, lams, alphas = ([float(x) for x in s.split(",")] for s in (betas, lams, alphas))
    docs, table, titles, to_title, stem, indptr = expand.load(stems_path, table_path)
    z = np.load(stems_path)
    vocab = {s: i for i, s in enumerate(z["vocab"])}
    docid = {d: i for i, d in enumerate(z["ids"])}
    tindex = {w: i for i, w in enumerate(titles)}
    cf = np.bincount(stem, weights=z["wdf"].astype(np.float64), minlength=len(vocab))
    pc = cf / cf.sum()
    dlen = np.add.reduceat(z["wdf"].astype(np.float64), indptr[:-1])  # no empty rows here
    table = table.tocsc()
    qstems = {}
    with open(queries_path) as qf, open(explain_path) as ef:
        for qline, eline in zip(qf, ef):
            qid = qline.split("\t", 1)[0]
            terms = sorted(set(re.findall(r"\bZ([^\s()]+)", json.loads(eline)["explain"])))
            qstems[qid] = [t for t in terms if t in vocab]
    rel = {}
    with open(qrels_path) as f:
        for line in f:
            qid, _, doc, r = line.split()
            if int(r) > 0:
                rel[qid] = doc
    run = read_run(run_path, k)
    # Per query: the top k's normalised scores, P_tr and P_ml (k x |Q|), P(q | C).
    feats = []
    for qid, hits in run.items():
        qs = qstems.get(qid, [])
        rows = [docid[d] for d, _ in hits]
        base = np.array([s for _, s in hits]) / hits[0][1]
        target = [i for i, (d, _) in enumerate(hits) if d == rel.get(qid)]
        if not qs:
            feats.append((qid, base, None, None, None, target, None))
            continue
        sub = docs[rows]
        vi = [vocab[q] for q in qs]
        pml = sub[:, vi].toarray()
        ptr = np.empty_like(pml)
        for j, q in enumerate(qs):
            if q in tindex:
                ptr[:, j] = (sub @ table[:, tindex[q]]).toarray().ravel()
            else:
                ptr[:, j] = pml[:, j]
        feats.append((qid, base, ptr, pml, pc[vi], target, dlen[rows]))
    results = []
    best = None
    for beta in betas:
        for lam in lams:
            logs = []
            for qid, base, ptr, pml, pcq, target, lens in feats:
                if ptr is None:
                    logs.append(None)
                    continue
                mix = beta * ptr + (1 - beta) * pml
                if lam > 1:  # Dirichlet smoothing, mu = lam
                    p = (lens[:, None] * mix + lam * pcq) / (lens[:, None] + lam)
                else:
                    p = (1 - lam) * mix + lam * pcq
                lp = np.log(p).sum(axis=1) / (1 if SUM else p.shape[1])
                logs.append(lp - lp.max())
            for alpha in alphas:
                rr = {}
                for (qid, base, ptr, pml, pcq, target, _), lp in zip(feats, logs):
                    s = base if lp is None else base + alpha * lp
                    if not target:
                        rr[qid] = 0.0
                        continue
                    t = target[0]  # ties keep the run's order
                    rank = 1 + int((s > s[t]).sum()) + int((s[:t] == s[t]).sum())
                    rr[qid] = 1.0 / rank if rank <= 10 else 0.0
                odd = [v for q, v in rr.items() if int(re.sub(r"\D", "", q)) % 2]
                even = [v for q, v in rr.items() if not int(re.sub(r"\D", "", q)) % 2]
                row = (beta, lam, alpha, np.mean(odd), np.mean(even), np.mean(list(rr.values())))
                results.append(row)
                if best is None or row[3] > best[0][3]:
                    best = (row, dict(rr))
    with open(out + ".tsv", "w") as f:
        f.write("beta\tlambda\talpha\tmrr_odd\tmrr_even\tmrr_all\n")
        for r in sorted(results, key=lambda r: -r[3]):
            f.write("%g\t%g\t%g\t%.4f\t%.4f\t%.4f\n" % r)
    row, rr = best
    with open("%s.%g-%g-%g.perq.tsv" % (out, *row[:3]), "w") as f:
        f.write("qid\tfirst_relevant_rank\trr@10\n")
        for q, v in sorted(rr.items()):
            f.write(f"{q}\t0\t{v:.4f}\n")
    print("best odd: beta %g lambda %g alpha %g: odd %.4f even %.4f all %.4f" % row)


if __name__ == "__main__":
    main()
