#!/usr/bin/env python3
"""scripts/eval/ltr-rerank.py: a learned rerank of the top k (learning to rank), offline.

  ltr-rerank.py features --run RUN --perq PERQ --queries Q --db DB --out F.npz
                         [--k 50] [--alt NAME=RUN ...] [--rates RATES] [--shared DIR]
      For each query of a `newsindex eval` run (TREC run + its --per-query table)
      and each of its top k documents, computes the features below and saves them.
  ltr-rerank.py fit --train F.npz[:odd|:even] --test F.npz[:odd|:even] [...]
                    [--k 20] [--method ca|lr|both] [--features a,b,...]
                    [--perq-out PREFIX] [--seed 1]
      Learns a linear model on the training queries (coordinate ascent on MRR@10,
      or pairwise logistic regression) and reranks each test set's top k with it;
      prints MRR@10 on every set before and after, the weights (per standardised
      feature) and, with --perq-out, writes PREFIX.TESTNAME.perq.tsv in the format
      of `newsindex eval --per-query` (for paired.sh). A target below the top k
      keeps its rank. --model-out FILE writes the first model as the file
      SearcherOptions::rerank_model_path reads (depth K; FEATURE MEAN SD WEIGHT).
      --method gbt adds a small tree ensemble on top of the linear model (LambdaMART-
      like; --trees, --depth, --rate, --leaf-l2; a minimal implementation).
  ltr-rerank.py from-tsv --features F.tsv --perq PERQ --out F.npz [--k 50]
      The library's own four features (`newsindex eval --rerank-features-out`) as
      an .npz for fit, so that a model learned from them gives in `newsindex eval
      --rerank-model` exactly the figure fit prints.

Features (query words: folded lower-case \\w+ runs; non-stop: the library's stop list;
stems: Xapian's Stem("dutch"); idf from the database's Z terms; the body is read from
the corpora's JSON Lines by id, never the title, which is the query):
  score     the run's score / the query's first score      inv_rank  1 / rank
  cov       share of the non-stop stems in the body        cov_idf   the same, idf-weighted
  cov_lead  idf share in the lead (first paragraph)        cov_50    idf share in the first 50 words
  exact     share of non-stop words found as written       exact_all the same, stop words too
  run       longest run of query words in order in the body / the query's words
  bigram    share of the query's adjacent word pairs adjacent in the body
  window    matched stems / the shortest span holding one of each
  loglen    log(1 + body words)
  names     share of capitalised words found     nums      share of numbers found
  dup_above a copy ranks higher in the top k     dup_any   a copy is in the top k
  early     mean first position / length         logtf     log(1 + the stems' occurrences)
  hr_cov    headline-rate-weighted idf share
  ALT       each --alt run's score / its first score (missing: its lowest)
Needs numpy and python3-xapian (/usr/bin/python3). Prints figures only, no article text.
"""
import argparse
import glob
import gzip
import json
import math
import os
import re
import sys
import unicodedata

import numpy as np
import xapian

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from failures import stop_words  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "..", "shared")
BASE_FEATURES = ["score", "inv_rank", "cov", "cov_idf", "cov_lead", "cov_50", "exact",
                 "exact_all", "run", "bigram", "window", "loglen", "names", "nums",
                 "dup_above", "dup_any", "early", "logtf", "hr_cov"]


def fold(w):
    return "".join(c for c in unicodedata.normalize("NFKD", w.lower())
                   if not unicodedata.combining(c))


def read_run(path):
    top = {}
    for line in open(path, encoding="utf-8"):
        qid, _, doc, _, score, _ = line.split()
        top.setdefault(qid, []).append((doc, float(score)))
    return top


def read_perq(path):
    rows = {}
    for line in list(open(path, encoding="utf-8"))[1:]:
        r = line.rstrip("\n").split("\t")
        rows[r[0]] = r
    return rows


def read_rates(path):
    """stem -> smoothed rate r = (in body + 5 m) / (titles + 5) (headline_rates.h)."""
    counts = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        s, t, b = line.rstrip("\n").split("\t")
        counts[s] = (int(t), int(b))
    m = sum(b for _, b in counts.values()) / max(1, sum(t for t, _ in counts.values()))
    return {s: (b + 5 * m) / (t + 5) for s, (t, b) in counts.items()}, m


def longest_run(q, body_pos):
    """Longest run of consecutive query tokens found consecutively in the body."""
    best = 0
    for i in range(len(q)):
        for p in body_pos.get(q[i], ()):
            n = 1
            while i + n < len(q) and (p + n) in body_pos.get(q[i + n], ()):
                n += 1
            best = max(best, n)
            if best == len(q) - i:
                break
    return best


def min_window(lists):
    """Shortest span of positions holding one element of each list (lists non-empty)."""
    if len(lists) <= 1:
        return 1
    events = sorted((p, i) for i, ps in enumerate(lists) for p in ps)
    need, have, count, best, lo = len(lists), {}, 0, None, 0
    for p, i in events:
        have[i] = have.get(i, 0) + 1
        if have[i] == 1:
            count += 1
        while count == need:
            lp, li = events[lo]
            span = p - lp + 1
            best = span if best is None else min(best, span)
            have[li] -= 1
            if have[li] == 0:
                count -= 1
            lo += 1
    return best


class Doc:
    __slots__ = ("toks", "stems", "pos", "spos", "lead_stems", "first60")

    def __init__(self, body, stem):
        self.toks = [fold(w) for w in re.findall(r"\w+", body)]
        self.stems = [stem(w) for w in self.toks]
        self.pos, self.spos = {}, {}
        for i, (w, s) in enumerate(zip(self.toks, self.stems)):
            self.pos.setdefault(w, set()).add(i)
            self.spos.setdefault(s, []).append(i)
        paras = [p for p in body.split("\n\n") if p.strip()]
        lead = paras[0] if paras else ""
        self.lead_stems = {stem(fold(w)) for w in re.findall(r"\w+", lead)}
        self.first60 = set(self.toks[:60])


def copies(a, b):
    """A copy of the same story: >= 60% of the smaller first-60-word set shared."""
    if not a.first60 or not b.first60:
        return False
    return len(a.first60 & b.first60) >= 0.6 * min(len(a.first60), len(b.first60))


def new_arrays(queries, k, features, dtype):
    """Empty features X, valid hits, target index (-1: not in the top k), base rank."""
    return (np.zeros((queries, k, features), dtype=dtype), np.zeros((queries, k), dtype=bool),
            np.full(queries, -1, dtype=np.int32), np.zeros(queries, dtype=np.int32))


def cmd_features(a):
    stop = stop_words()
    db = xapian.Database(a.db)
    n_docs = db.get_doccount()
    stemmer = xapian.Stem("dutch")
    cache = {}

    def stem(w):
        s = cache.get(w)
        if s is None:
            s = cache[w] = stemmer(w).decode("utf-8")
        return s

    queries = {}
    for line in open(a.queries, encoding="utf-8"):
        d = json.loads(line)
        queries[d["qid"]] = d["query"]
    run = read_run(a.run)
    perq = read_perq(a.perq)
    alts = []
    for spec in a.alt:
        name, path = spec.split("=", 1)
        alts.append((name, read_run(path)))
    rates, m = read_rates(a.rates) if a.rates else ({}, 1.0)
    qids = sorted(perq)
    need = {d for q in qids for d, _ in run.get(q, [])[:a.k]}
    bodies = {}
    for f in sorted(glob.glob(os.path.join(a.shared, "corpora", "*", "articles.jsonl.gz"))):
        for line in gzip.open(f, "rt", encoding="utf-8"):
            art = json.loads(line)
            if art["id"] in need:
                bodies[art["id"]] = art.get("body", "") or ""
    names = BASE_FEATURES + [n for n, _ in alts]
    X, valid, target, base_rank = new_arrays(len(qids), a.k, len(names), np.float32)
    for qi, qid in enumerate(qids):
        base_rank[qi] = int(perq[qid][1])
        hits = run.get(qid, [])[:a.k]
        if 1 <= base_rank[qi] <= len(hits):
            target[qi] = base_rank[qi] - 1
        raw = re.findall(r"\w+", queries[qid])
        qall = [fold(w) for w in raw]
        qns = list(dict.fromkeys(w for w in qall if w not in stop))
        qstems = list(dict.fromkeys(stem(w) for w in qns))
        idf = {}
        for s in qstems:
            tf = db.get_termfreq("Z" + s)
            idf[s] = math.log((n_docs + 0.5) / (tf + 0.5))
        idf_sum = sum(idf.values()) or 1.0
        hr = {s: rates.get(s, m) * idf[s] for s in qstems}
        hr_sum = sum(hr.values()) or 1.0
        caps = [fold(w) for i, w in enumerate(raw) if i > 0 and w[:1].isupper()
                and fold(w) not in stop]
        nums = [fold(w) for w in raw if w.isdigit()]
        pairs = list(zip(qall, qall[1:]))
        docs = [Doc(bodies.get(d, ""), stem) for d, _ in hits]
        first = hits[0][1] if hits else 1.0
        alt_scores = []
        for _, arun in alts:
            lst = arun.get(qid, [])
            sc = {d: s for d, s in lst}
            lo = lst[-1][1] if lst else 0.0
            top = lst[0][1] if lst else 1.0
            alt_scores.append((sc, lo, top or 1.0))
        for j, ((doc, score), dd) in enumerate(zip(hits, docs)):
            valid[qi, j] = True
            n = len(dd.toks)
            matched = [s for s in qstems if s in dd.spos]
            f = {}
            f["score"] = score / first if first else 0.0
            f["inv_rank"] = 1.0 / (j + 1)
            f["cov"] = len(matched) / len(qstems) if qstems else 0.0
            f["cov_idf"] = sum(idf[s] for s in matched) / idf_sum
            f["cov_lead"] = sum(idf[s] for s in qstems if s in dd.lead_stems) / idf_sum
            f["cov_50"] = sum(idf[s] for s in matched if dd.spos[s][0] < 50) / idf_sum
            f["exact"] = sum(w in dd.pos for w in qns) / len(qns) if qns else 0.0
            f["exact_all"] = sum(w in dd.pos for w in qall) / len(qall) if qall else 0.0
            f["run"] = longest_run(qall, dd.pos) / len(qall) if qall else 0.0
            f["bigram"] = (sum(any(p + 1 in dd.pos.get(y, ()) for p in dd.pos.get(x, ()))
                               for x, y in pairs) / len(pairs)) if pairs else 0.0
            f["window"] = (len(matched) / min_window([dd.spos[s] for s in matched])
                           if matched else 0.0)
            f["loglen"] = math.log(1 + n)
            f["names"] = sum(w in dd.pos for w in caps) / len(caps) if caps else 0.0
            f["nums"] = sum(w in dd.pos for w in nums) / len(nums) if nums else 0.0
            f["dup_above"] = float(any(copies(dd, docs[i]) for i in range(j)))
            f["dup_any"] = float(f["dup_above"] or any(copies(dd, docs[i])
                                                       for i in range(j + 1, len(docs))))
            f["early"] = (sum(dd.spos[s][0] / n if s in dd.spos else 1.0 for s in qstems)
                          / len(qstems)) if qstems and n else 1.0
            f["logtf"] = math.log(1 + sum(len(dd.spos[s]) for s in matched))
            f["hr_cov"] = sum(hr[s] for s in matched) / hr_sum
            row = [f[k] for k in BASE_FEATURES]
            for sc, lo, top in alt_scores:
                row.append(sc.get(doc, lo) / top)
            X[qi, j] = row
        if qi % 500 == 0:
            print("features: %d / %d queries" % (qi, len(qids)), file=sys.stderr)
    np.savez_compressed(a.out, X=X, valid=valid, target=target, base_rank=base_rank,
                        qids=np.array(qids), names=np.array(names),
                        perq=np.array(["\t".join(perq[q]) for q in qids]))
    print("wrote %s: %d queries, k %d, %d features" % (a.out, len(qids), a.k, len(names)))


def cmd_from_tsv(a):
    """The library's own features (`newsindex eval --rerank-features-out`) as an .npz."""
    perq = read_perq(a.perq)
    qids = sorted(perq)
    rows = {}
    names = None
    for line in open(a.features, encoding="utf-8"):
        c = line.rstrip("\n").split("\t")
        if names is None:
            names = c[3:]
            continue
        rows.setdefault(c[0], []).append((int(c[1]), [float(x) for x in c[3:]]))
    X, valid, target, base_rank = new_arrays(len(qids), a.k, len(names), np.float64)
    for qi, qid in enumerate(qids):
        base_rank[qi] = int(perq[qid][1])
        for rank, f in rows.get(qid, []):
            if rank <= a.k:
                X[qi, rank - 1] = f
                valid[qi, rank - 1] = True
        if 1 <= base_rank[qi] <= a.k and valid[qi, base_rank[qi] - 1]:
            target[qi] = base_rank[qi] - 1
    np.savez_compressed(a.out, X=X, valid=valid, target=target, base_rank=base_rank,
                        qids=np.array(qids), names=np.array(names), library=np.array(True),
                        perq=np.array(["\t".join(perq[q]) for q in qids]))
    print("wrote %s: %d queries, k %d, features %s" % (a.out, len(qids), a.k, " ".join(names)))


# ---- learning -------------------------------------------------------------------------


class Set:
    def __init__(self, spec, k, feats):
        path, _, half = spec.partition(":")
        z = np.load(path)
        names = list(z["names"])
        cols = [names.index(f) for f in feats]
        qids = list(z["qids"])
        keep = np.ones(len(qids), dtype=bool)
        if half:
            num = np.array([int(re.sub(r"\D", "", q)) for q in qids])
            keep = (num % 2 == 1) if half == "odd" else (num % 2 == 0)
        self.name = os.path.basename(path).replace(".npz", "") + ("." + half if half else "")
        self.X = z["X"][keep][:, :k, :][:, :, cols].astype(np.float64)
        self.valid = z["valid"][keep][:, :k]
        if "library" in z.files and "b75" in feats:
            # The searcher scales b75 by the largest of its top k (the model's
            # depth); the dump's are scaled over its top 50.
            c = feats.index("b75")
            top = np.where(self.valid, self.X[:, :, c], 0).max(axis=1, keepdims=True)
            self.X[:, :, c] = np.where(top > 0, self.X[:, :, c] / np.where(top > 0, top, 1), 0)
        t = z["target"][keep]
        self.target = np.where(t < k, t, -1)
        self.base_rank = z["base_rank"][keep]
        self.qids = [q for q, kk in zip(qids, keep) if kk]
        self.perq = [p for p, kk in zip(z["perq"], keep) if kk]
        self.k = k

    def ranks(self, w, mu, sd):
        """Rank of each target after the rerank (base rank when not in the top k)."""
        S = ((self.X - mu) / sd) @ w
        S = np.where(self.valid, S, -np.inf)
        ranks = self.base_rank.copy()
        has = self.target >= 0
        idx = np.nonzero(has)[0]
        st = S[idx, self.target[idx]][:, None]
        j = np.arange(self.k)[None, :]
        above = (S[idx] > st) | ((S[idx] == st) & (j < self.target[idx][:, None]))
        ranks[idx] = 1 + above.sum(axis=1)
        return ranks


def rr(ranks):
    return np.where((ranks >= 1) & (ranks <= 10), 1.0 / np.maximum(ranks, 1), 0.0)


def coordinate_ascent(tr, mu, sd, rounds=4, seed=1):
    """Coordinate ascent on MRR@10 (Metzler & Croft 2007): the score's weight stays 1."""
    F = tr.X.shape[2]
    w = np.zeros(F)
    w[0] = 1.0 * sd[0]  # standardised score x sd = the raw score (up to a constant)
    best = rr(tr.ranks(w, mu, sd)).mean()
    steps = np.array([-1, -0.5, -0.25, -0.1, -0.05, -0.02, 0.02, 0.05, 0.1, 0.25, 0.5, 1])
    rng = np.random.default_rng(seed)
    for _ in range(rounds):
        moved = False
        for f in rng.permutation(np.arange(1, F)):
            cur = w[f]
            cand_best, cand_w = best, cur
            for s in steps:
                w[f] = cur + s * w[0]
                v = rr(tr.ranks(w, mu, sd)).mean()
                if v > cand_best + 1e-9:
                    cand_best, cand_w = v, w[f]
            w[f] = cand_w
            if cand_best > best + 1e-9:
                best, moved = cand_best, True
        if not moved:
            break
    return w / w[0]


def pairwise_lr(tr, mu, sd, l2=1e-3, iters=300):
    """Pairwise logistic regression: the target above each other document of its top k."""
    diffs, weights = [], []
    Z = (tr.X - mu) / sd
    for qi in np.nonzero(tr.target >= 0)[0]:
        t = tr.target[qi]
        others = np.nonzero(tr.valid[qi])[0]
        others = others[others != t]
        if len(others):
            d = Z[qi, t][None, :] - Z[qi, others]
            diffs.append(d)
            weights.append(np.full(len(others), 1.0 / len(others)))  # each query weighs 1
    D, c = np.concatenate(diffs), np.concatenate(weights)
    nq = len(diffs)
    w = np.zeros(D.shape[1])
    for _ in range(iters):  # Newton's method on a convex loss
        m = D @ w
        p = 1.0 / (1.0 + np.exp(np.clip(m, -50, 50)))  # loss: sum c log(1 + exp(-m))
        g = -(D * (c * p)[:, None]).sum(axis=0) / nq + l2 * w
        H = (D * (c * p * (1 - p))[:, None]).T @ D / nq + l2 * np.eye(len(w))
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w / w[0] if w[0] > 0 else w


class Trees:
    """Gradient-boosted regression trees on LambdaRank gradients (LambdaMART, small):
    each query's target against the other hits of its top k, weighted by the change in
    RR@10 of swapping them; depth-limited trees on 32 quantile bins per feature, leaf
    values by a Newton step, shrinkage `rate`. Starts from the linear model `w0`."""

    def __init__(self, w0, mu, sd, trees=200, depth=3, rate=0.1, min_leaf=50, l2=10.0):
        self.w0, self.mu, self.sd, self.l2 = w0, mu, sd, l2
        self.n, self.depth, self.rate, self.min_leaf = trees, depth, rate, min_leaf
        self.trees = []

    def _bin(self, Z):
        return np.stack([np.searchsorted(self.edges[f], Z[:, f]) for f in range(Z.shape[1])], 1)

    def fit(self, tr):
        Z = ((tr.X - self.mu) / self.sd)
        rows = np.nonzero(tr.valid.reshape(-1))[0]
        Zf = Z.reshape(-1, Z.shape[2])[rows]
        self.edges = [np.unique(np.quantile(Zf[:, f], np.linspace(0, 1, 33)[1:-1]))
                      for f in range(Zf.shape[1])]
        B = self._bin(Zf)
        base = (Z @ self.w0).reshape(-1)
        F = np.where(tr.valid.reshape(-1), base, -1e9)
        qs = np.nonzero(tr.target >= 0)[0]
        k = tr.k
        for _ in range(self.n):
            S = F.reshape(-1, k)
            lam = np.zeros_like(S)
            hes = np.zeros_like(S)
            st = S[qs, tr.target[qs]][:, None]
            ranks_t = 1 + (S[qs] > st).sum(1)
            order = np.argsort(-S[qs], axis=1, kind="stable")
            pos = np.empty_like(order)
            np.put_along_axis(pos, order, np.arange(k)[None, :].repeat(len(qs), 0), axis=1)
            rr_t = np.where(ranks_t <= 10, 1.0 / ranks_t, 0.0)[:, None]
            rr_j = np.where(pos + 1 <= 10, 1.0 / (pos + 1), 0.0)
            delta = np.abs(rr_t - rr_j)  # RR@10 change when the target takes j's place
            rho = 1.0 / (1.0 + np.exp(np.clip(st - S[qs], -50, 50)))
            valid = tr.valid[qs].copy()
            valid[np.arange(len(qs)), tr.target[qs]] = False
            g = np.where(valid, rho * delta, 0.0)
            h = np.where(valid, rho * (1 - rho) * delta, 0.0)
            lam[qs] -= g
            hes[qs] += h
            lam[qs, tr.target[qs]] += g.sum(1)
            hes[qs, tr.target[qs]] += h.sum(1)
            gl, hl = lam.reshape(-1)[rows], hes.reshape(-1)[rows]
            tree = self._grow(B, gl, hl, np.arange(len(rows)), 0)
            self.trees.append(tree)
            F[rows] += self.rate * self._apply(tree, B)
        return self

    def _grow(self, B, g, h, idx, d):
        leaf = ("leaf", g[idx].sum() / (h[idx].sum() + self.l2))
        if d == self.depth or len(idx) < 2 * self.min_leaf:
            return leaf
        best = None
        G, H = g[idx].sum(), h[idx].sum()
        for f in range(B.shape[1]):
            gb = np.bincount(B[idx, f], weights=g[idx], minlength=33)
            hb = np.bincount(B[idx, f], weights=h[idx], minlength=33)
            cb = np.bincount(B[idx, f], minlength=33)
            gl, hl, cl = np.cumsum(gb)[:-1], np.cumsum(hb)[:-1], np.cumsum(cb)[:-1]
            ok = (cl >= self.min_leaf) & (len(idx) - cl >= self.min_leaf)
            lam = self.l2
            gain = gl ** 2 / (hl + lam) + (G - gl) ** 2 / (H - hl + lam) - G ** 2 / (H + lam)
            gain = np.where(ok, gain, -np.inf)
            b = int(np.argmax(gain))
            if np.isfinite(gain[b]) and (best is None or gain[b] > best[0]):
                best = (gain[b], f, b)
        if best is None:
            return leaf
        _, f, b = best
        left = idx[B[idx, f] <= b]
        right = idx[B[idx, f] > b]
        return ("split", f, b, self._grow(B, g, h, left, d + 1), self._grow(B, g, h, right, d + 1))

    def _apply(self, tree, B):
        out = np.zeros(len(B))
        stack = [(tree, np.arange(len(B)))]
        while stack:
            node, idx = stack.pop()
            if node[0] == "leaf":
                out[idx] = node[1]
            else:
                _, f, b, l, r = node
                stack.append((l, idx[B[idx, f] <= b]))
                stack.append((r, idx[B[idx, f] > b]))
        return out

    def ranks(self, ts):
        Z = (ts.X - self.mu) / self.sd
        F = (Z @ self.w0).reshape(-1)
        B = self._bin(Z.reshape(-1, Z.shape[2]))
        for t in self.trees:
            F = F + self.rate * self._apply(t, B)
        S = np.where(ts.valid, F.reshape(-1, ts.k), -np.inf)
        ranks = ts.base_rank.copy()
        idx = np.nonzero(ts.target >= 0)[0]
        st = S[idx, ts.target[idx]][:, None]
        j = np.arange(ts.k)[None, :]
        above = (S[idx] > st) | ((S[idx] == st) & (j < ts.target[idx][:, None]))
        ranks[idx] = 1 + above.sum(axis=1)
        return ranks


def write_perq(path, ts, ranks):
    with open(path, "w", encoding="utf-8") as out:
        out.write("qid\tfirst_relevant_rank\trr@10\tndcg@10\trecall@100\tretrieved\tquery\n")
        for p, r in zip(ts.perq, ranks):
            c = p.split("\t")
            r = int(r)
            rrv = 1.0 / r if 1 <= r <= 10 else 0.0
            nd = 1.0 / math.log2(r + 1) if 1 <= r <= 10 else 0.0
            out.write("%s\t%d\t%.4f\t%.4f\t%s\t%s\t%s\n" % (c[0], r, rrv, nd, c[4], c[5], c[6]))


def cmd_fit(a):
    z = np.load(a.train[0].partition(":")[0])
    feats = a.features.split(",") if a.features else list(z["names"])
    assert feats[0] == "score", "the first feature must be score"
    tr = [Set(s, a.k, feats) for s in a.train]
    X = np.concatenate([t.X[t.valid] for t in tr])
    mu, sd = X.mean(axis=0), X.std(axis=0) + 1e-9
    train = tr[0]
    if len(tr) > 1:  # concatenate the training sets
        for t in tr[1:]:
            for attr in ("X", "valid", "target", "base_rank"):
                setattr(train, attr, np.concatenate([getattr(train, attr), getattr(t, attr)]))
            train.perq += t.perq
            train.qids += t.qids
    tests = [Set(s, a.k, feats) for s in a.test]
    w0 = np.zeros(len(feats))
    w0[0] = sd[0]
    models = []
    if a.method in ("lr", "both"):
        models.append(("lr", pairwise_lr(train, mu, sd, l2=a.l2)))
    if a.method in ("ca", "both"):
        models.append(("ca", coordinate_ascent(train, mu, sd, seed=a.seed)))
    if a.method == "gbt":  # trees on top of the linear model
        w_lr = pairwise_lr(train, mu, sd, l2=a.l2)
        models.append(("lr", w_lr))
        models.append(("gbt", Trees(w_lr, mu, sd, trees=a.trees, depth=a.depth,
                                    rate=a.rate, l2=a.leaf_l2).fit(train)))

    def ranks_of(model, s):
        return model.ranks(s) if isinstance(model, Trees) else s.ranks(model, mu, sd)
    print("set\tqueries\tbase\t" + "\t".join(m for m, _ in models))
    for s in [train] + tests:
        base = rr(s.ranks(w0, mu, sd)).mean()
        cells = ["%.4f" % rr(ranks_of(w, s)).mean() for _, w in models]
        print("%s%s\t%d\t%.4f\t%s" % (s.name, " (train)" if s is train else "", len(s.qids),
                                      base, "\t".join(cells)))
    print("feature\tmean\tsd\t" + "\t".join(m for m, _ in models))
    linear = [(m, w) for m, w in models if not isinstance(w, Trees)]
    for i, f in enumerate(feats):
        print("%s\t%.4f\t%.4f\t%s" % (f, mu[i], sd[i],
                                      "\t".join("%+.4f" % w[i] for _, w in linear)))
    if a.model_out:  # the first model, as SearcherOptions::rerank_model_path reads it
        m, w = models[0]
        with open(a.model_out, "w", encoding="utf-8") as out:
            out.write("# newsindex rerank model: %s on %s, k %d\n" % (m, " ".join(a.train), a.k))
            out.write("depth %d\n" % a.k)
            for i, f in enumerate(feats):
                out.write("%s %.17g %.17g %.17g\n" % (f, mu[i], sd[i], w[i]))
    if a.perq_out:
        for m, w in models:
            for s in tests:
                write_perq("%s.%s.%s.perq.tsv" % (a.perq_out, m, s.name), s, ranks_of(w, s))


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("features")
    f.add_argument("--run", required=True)
    f.add_argument("--perq", required=True)
    f.add_argument("--queries", required=True)
    f.add_argument("--db", required=True)
    f.add_argument("--out", required=True)
    f.add_argument("--k", type=int, default=50)
    f.add_argument("--alt", action="append", default=[])
    f.add_argument("--rates")
    f.add_argument("--shared", default=SHARED)
    g = sub.add_parser("fit")
    g.add_argument("--train", action="append", required=True)
    g.add_argument("--test", action="append", default=[])
    g.add_argument("--k", type=int, default=20)
    g.add_argument("--method", default="both", choices=["ca", "lr", "both", "gbt"])
    g.add_argument("--trees", type=int, default=200)
    g.add_argument("--depth", type=int, default=3)
    g.add_argument("--rate", type=float, default=0.1)
    g.add_argument("--leaf-l2", type=float, default=10.0)
    g.add_argument("--features")
    g.add_argument("--l2", type=float, default=1e-3)
    g.add_argument("--seed", type=int, default=1)
    g.add_argument("--perq-out")
    g.add_argument("--model-out")
    t = sub.add_parser("from-tsv")
    t.add_argument("--features", required=True)
    t.add_argument("--perq", required=True)
    t.add_argument("--out", required=True)
    t.add_argument("--k", type=int, default=50)
    a = p.parse_args()
    {"features": cmd_features, "fit": cmd_fit, "from-tsv": cmd_from_tsv}[a.cmd](a)


if __name__ == "__main__":
    main()
