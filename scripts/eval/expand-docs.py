#!/usr/bin/env python3
"""Document expansion with an IBM Model 1 table (offline; docs/evaluation.md).

    expand-docs.py STEMS.npz TABLE.tsv N FLOOR OUT.tsv [RATES.tsv POWER]

STEMS.npz from doc-stems.py; TABLE.tsv from `newsindex learn-headlines
--translation-model model1 --forward-table` (w, v, t(w | v)). For each document d
every title stem w scores sum over v of t(w | v) P(v | d) (P(v | d): v's wdf over
the document's stem wdfs); the N best that d lacks, of score >= FLOOR, are written
as "docid<TAB>stem<TAB>score" lines. With RATES.tsv (learn-headlines --out) and POWER,
the score is divided by (the share of titles with w) ^ POWER first (lift-like: stems
the document predicts more than titles use them).
"""
import sys

import numpy as np
from scipy import sparse


def load(stems_path, table_path):
    z = np.load(stems_path)
    vocab = list(z["vocab"])
    index = {s: i for i, s in enumerate(vocab)}
    titles, tindex, rows, cols, vals = [], {}, [], [], []
    with open(table_path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            w, v, t = line.rstrip("\n").split("\t")
            vi = index.get(v)
            if vi is None:
                continue
            wi = tindex.get(w)
            if wi is None:
                wi = tindex[w] = len(titles)
                titles.append(w)
            rows.append(vi)
            cols.append(wi)
            vals.append(float(t))
    table = sparse.csr_matrix((vals, (rows, cols)), shape=(len(vocab), len(titles)))
    wdf = z["wdf"].astype(np.float64)
    indptr, stem = z["indptr"], z["stem"]
    docs = sparse.csr_matrix((wdf, stem, indptr), shape=(len(indptr) - 1, len(vocab)))
    length = np.asarray(docs.sum(axis=1)).ravel()
    length[length == 0] = 1
    docs = sparse.diags(1.0 / length) @ docs
    # The title stems each document has (in title-stem space).
    to_title = np.full(len(vocab), -1, dtype=np.int64)
    for w, wi in tindex.items():
        if w in index:
            to_title[index[w]] = wi
    return docs, table, titles, to_title, stem, indptr


def main():
    stems_path, table_path, n, floor, out_path = sys.argv[1:6]
    n, floor = int(n), float(floor)
    docs, table, titles, to_title, stem, indptr = load(stems_path, table_path)
    if len(sys.argv) > 7:
        count, total = {}, 0
        with open(sys.argv[6], encoding="utf-8") as f:
            header = f.readline()
            total = int(header.rsplit("(", 1)[1].split()[0])
            for line in f:
                w, t, _ = line.rstrip("\n").split("\t")
                count[w] = int(t)
        share = np.array([max(count.get(w, 1), 1) / total for w in titles])
        table = table @ sparse.diags(share ** -float(sys.argv[7]))
    written = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for lo in range(0, docs.shape[0], 2000):
            hi = min(lo + 2000, docs.shape[0])
            scores = (docs[lo:hi] @ table).tocsr()
            for r in range(hi - lo):
                a, b = scores.indptr[r], scores.indptr[r + 1]
                if a == b:
                    continue
                cols, vals = scores.indices[a:b], scores.data[a:b].copy()
                has = to_title[stem[indptr[lo + r]:indptr[lo + r + 1]]]
                vals[np.isin(cols, has[has >= 0])] = 0
                keep = np.nonzero(vals >= floor)[0]
                if len(keep) > n:
                    keep = keep[np.argpartition(-vals[keep], n - 1)[:n]]
                for k in keep[np.argsort(-vals[keep])]:
                    out.write(f"{lo + r + 1}\t{titles[cols[k]]}\t{vals[k]:.5f}\n")
                    written += 1
    print(f"{written} expansion terms", file=sys.stderr)


if __name__ == "__main__":
    main()
