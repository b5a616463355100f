#!/usr/bin/env python3
"""scripts/eval/fuse.py: fuse TREC runs offline and score the fusion.

  fuse.py --qrels QRELS --out OUT.perq.tsv [--run-out OUT.run]
          --method raw|minmax|sum|rrf [--rrf-k 60] RUN:WEIGHT [RUN:WEIGHT ...]
  fuse.py --qrels QRELS --out 'OUT.{m}={w}.perq.tsv' --method raw,minmax
          --weights 0.1,0.5,1 RUN:WEIGHT ... RUN

Each RUN is a TREC run (`qid Q0 doc_id rank score tag`, e.g. `newsindex eval
--run-out --limit 1000`). Per query the fused score of a document is the sum
over the runs of WEIGHT times the run's score for it, after the method's
per-query normalisation:

  raw     the score as it is (a linear sum of raw scores: what one match with
          a summed Xapian::Weight computes); a document missing from a run
          gets that run's lowest score for the query (its top-k cut-off)
  minmax  (s - min) / (max - min) over the run's list for the query; a
          missing document gets 0 (CombSUM)
  sum     s / (sum of the run's scores for the query); missing: 0 (CombSUM)
  rrf     1 / (k + rank); missing: 0 (reciprocal rank fusion)

With --weights (a grid) the last RUN takes each of those weights in turn, with
each method of the comma-separated --method, and --out names the per-query
table with {m} for the method and {w} for the weight (the runs are read once).

Ties are broken by the rank in the first run, then by doc id. Writes a
per-query table that split-halves.sh and paired.sh read (qid, rank of the
first relevant document or 0, RR@10) and prints MRR@10 on all queries with a
relevant judgement (a query with no ranking scores 0), as `newsindex eval`
does.
"""
import argparse
import collections
import sys


def read_lines(path, n):
    """The lines of a whitespace-separated file, each split into n fields."""
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            fields = line.split()
            if not fields:
                continue
            if len(fields) != n:
                sys.exit(f"fuse.py: {path}:{line_no}: expected {n} fields, got {len(fields)}")
            yield fields


def read_run(path):
    run = collections.defaultdict(list)  # qid -> [(doc, rank, score)]
    for qid, _, doc, rank, score, _ in read_lines(path, 6):
        run[qid].append((doc, int(rank), float(score)))
    for entries in run.values():
        entries.sort(key=lambda e: e[1])
    return run


def read_qrels(path):
    rel = collections.defaultdict(set)
    for qid, _, doc, grade in read_lines(path, 4):
        if int(grade) > 0:
            rel[qid].add(doc)
    return rel


def normalised(entries, method, rrf_k):
    """doc -> normalised score, and the score a missing document gets."""
    if not entries:
        return {}, 0.0
    scores = [s for _, _, s in entries]
    if method == "raw":
        return {d: s for d, _, s in entries}, min(scores)
    if method == "minmax":
        lo, hi = min(scores), max(scores)
        span = hi - lo
        return {d: ((s - lo) / span if span > 0 else 1.0) for d, _, s in entries}, 0.0
    if method == "sum":
        total = sum(scores)
        return {d: (s / total if total > 0 else 0.0) for d, _, s in entries}, 0.0
    if method == "rrf":
        return {d: 1.0 / (rrf_k + r) for d, r, _ in entries}, 0.0
    raise ValueError(method)


def fuse(runs, weights, method, rrf_k, qids):
    fused = {}
    for qid in qids:
        parts = [normalised(run.get(qid, []), method, rrf_k) for run in runs]
        first_rank = {d: r for d, r, _ in runs[0].get(qid, [])}
        docs = set()
        for scores, _ in parts:
            docs.update(scores)
        total = {}
        for d in docs:
            total[d] = sum(w * scores.get(d, missing) for w, (scores, missing) in zip(weights, parts))
        fused[qid] = sorted(docs, key=lambda d: (-total[d], first_rank.get(d, 1 << 30), d))
        fused[qid] = [(d, total[d]) for d in fused[qid]]
    return fused


def score(fused, rel, qids, out_path):
    total = 0.0
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("qid\trank\trr@10\n")
        for qid in qids:
            rank = next((i + 1 for i, (d, _) in enumerate(fused[qid]) if d in rel[qid]), 0)
            rr = 1.0 / rank if 0 < rank <= 10 else 0.0
            total += rr
            out.write(f"{qid}\t{rank}\t{rr:.4f}\n")
    return total / len(qids)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--qrels", required=True)
    ap.add_argument("--out", required=True, help="per-query table (.perq.tsv)")
    ap.add_argument("--run-out", help="the fused run (top 1000; not with --weights)")
    ap.add_argument("--method", required=True, help="raw, minmax, sum or rrf (a list with --weights)")
    ap.add_argument("--weights", help="comma-separated weights of the last run (a grid)")
    ap.add_argument("--rrf-k", type=float, default=60.0)
    ap.add_argument("runs", nargs="+", metavar="RUN:WEIGHT")
    a = ap.parse_args()

    methods = a.method.split(",")
    for m in methods:
        if m not in ("raw", "minmax", "sum", "rrf"):
            sys.exit(f"fuse.py: unknown method {m!r} (raw, minmax, sum, rrf)")
    if len(methods) > 1 and not a.weights:
        sys.exit("fuse.py: several methods need --weights")
    runs, weights = [], []
    for i, spec in enumerate(a.runs):
        path, sep, weight = spec.rpartition(":")
        if not sep or "/" in weight:
            path, weight = spec, "1"
        try:
            weights.append(float(weight))
        except ValueError:
            sys.exit(f"fuse.py: weight of {spec!r} is not a number")
        runs.append(read_run(path))
    rel = read_qrels(a.qrels)
    qids = sorted(rel)

    if not a.weights:
        fused = fuse(runs, weights, methods[0], a.rrf_k, qids)
        mrr = score(fused, rel, qids, a.out)
        if a.run_out:
            with open(a.run_out, "w", encoding="utf-8") as out:
                for qid in qids:
                    for i, (d, s) in enumerate(fused[qid][:1000]):
                        out.write(f"{qid} Q0 {d} {i + 1} {s:.6f} fuse-{methods[0]}\n")
        print(f"mrr@10 {mrr:.4f} (n {len(qids)})")
        return
    for m in methods:
        for w in a.weights.split(","):
            weights[-1] = float(w)
            fused = fuse(runs, weights, m, a.rrf_k, qids)
            mrr = score(fused, rel, qids, a.out.replace("{m}", m).replace("{w}", w))
            print(f"{m}\t{w}\tmrr@10 {mrr:.4f}")


if __name__ == "__main__":
    main()
