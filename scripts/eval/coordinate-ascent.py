#!/usr/bin/env python3
"""scripts/eval/coordinate-ascent.py BUILD OUT HALF [--rounds N] [--jobs J]
       [--queries FILE --qrels FILE] [--levers a,b,...]

A learned combination of the query-time levers (docs/evaluation.md, "A learned
combination"): coordinate ascent on one qid half of known-item-nl. Starting
from the library defaults, each round tries every value of one lever at a
time with the others held at the best point so far, and moves to a value
only if it raises MRR@10 on HALF (odd or even) by more than 0.0005; it stops
after a round without a move. The index (lead words x1, x2, x3) is a lever
too: OUT/ki-lead{1,2,3}.db as run-ranking.sh builds them. Every point is one
`newsindex eval` on HALF's queries (OUT/ca-HALF.queries.jsonl, split by the
number in the qid as split-halves.sh); rows are cached in OUT as
ca-HALF.ROW.{json,perq.tsv}. Prints each move and the best point, whose
flags check.sh can rerun on the other half. With --queries and --qrels it
tunes on that set instead (HALF is then only the rows' name): the pseudo
known-item set of make-pseudo-known-item.py, so that all of known-item-nl
is held out. --levers keeps only the levers named (without their dashes).
"""
import argparse
import concurrent.futures as cf
import json
import os
import re
import subprocess
import sys

GRID = {  # lever -> values tried (the first is the library default)
    "db": ["ki-lead2", "ki-lead1", "ki-lead3"],
    "--stopword-weight": ["1", "0.75", "1.25"],
    "--variant-weight": ["0", "0.1", "0.25", "0.5"],
    "--related-weight": ["0.5", "0", "0.25", "0.75"],
    "--k1": ["1.2", "0.9", "1.5"],
    "--b": ["0.1", "0.05", "0.15"],
    "--stem-weight": ["1", "0.85"],
    "--query-part-weight": ["0.75", "0.5", "1"],
    "--hyphen-part-weight": ["0.75", "0.5", "1"],
    "--compound-weight": ["0.25", "0.15", "0.35"],
    "--feedback-weight": ["0", "0.03", "0.05"],
}
MIN_GAIN = 0.0005


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("out")
    ap.add_argument("half", help="odd or even; with --queries, a name for the rows")
    ap.add_argument("--queries", help="tune on these queries instead of a half")
    ap.add_argument("--qrels", help="the qrels of --queries")
    ap.add_argument("--levers", help="comma-separated levers to tune (default all)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    src = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    shared = os.environ.get("NEWSINDEX_SHARED", os.path.join(os.path.dirname(src), "shared"))
    ki = os.path.join(shared, "testdata", "known-item-nl")
    newsindex = os.path.join(os.path.abspath(a.build), "tools", "newsindex")
    out = os.path.abspath(a.out)
    if a.levers:
        keep = set(a.levers.split(","))
        for k in list(GRID):
            if k.lstrip("-") not in keep:
                del GRID[k]
    if bool(a.queries) != bool(a.qrels):
        ap.error("--queries and --qrels go together")
    if not a.queries and a.half not in ("odd", "even"):
        ap.error("HALF must be odd or even without --queries")
    qrels = os.path.abspath(a.qrels) if a.qrels else os.path.join(ki, "qrels.tsv")
    queries = os.path.abspath(a.queries) if a.queries else os.path.join(
        out, f"ca-{a.half}.queries.jsonl")
    if not os.path.exists(queries):
        with open(os.path.join(ki, "queries.jsonl")) as f, open(queries, "w") as w:
            for line in f:
                n = int(re.sub(r"\D", "", json.loads(line)["qid"]))
                if (n % 2 == 1) == (a.half == "odd"):
                    w.write(line)

    def flags(point):
        fl = []
        for k, v in point.items():
            if k == "db":
                continue
            fl += [k, v]
            if k == "--feedback-weight" and v != "0":
                fl += ["--feedback-docs", "10", "--feedback-terms", "10"]
        return fl

    def row(point):
        return "-".join(f"{k.lstrip('-')}={v}" for k, v in point.items())

    def score(point):
        r = f"ca-{a.half}.{row(point)}"
        js = os.path.join(out, r + ".json")
        if not (os.path.exists(js) and os.path.getsize(js) > 0):
            cmd = ["nice", "-n", "19", newsindex, "eval", "--no-rerank", "--db",
                   os.path.join(out, point.get("db", "ki-lead2") + ".db"), "--queries", queries,
                   "--qrels", qrels, "--json", "--run-tag", r,
                   "--per-query", os.path.join(out, r + ".perq.tsv")] + flags(point)
            with open(js + ".tmp", "w") as f:
                subprocess.run(cmd, stdout=f, stderr=subprocess.DEVNULL, check=True)
            os.replace(js + ".tmp", js)
        with open(js) as f:
            return json.load(f)["mrr@10"]

    best = {k: v[0] for k, v in GRID.items()}
    best_score = score(best)
    print(f"start {row(best)} {best_score:.4f}", flush=True)
    with cf.ThreadPoolExecutor(a.jobs) as pool:
        for rnd in range(a.rounds):
            moved = False
            for lever, values in GRID.items():
                points = [dict(best, **{lever: v}) for v in values if v != best[lever]]
                scores = list(pool.map(score, points))
                for p, s in zip(points, scores):
                    print(f"  round {rnd + 1} {lever} {p[lever]}: {s:.4f}", flush=True)
                top = max(range(len(points)), key=lambda i: scores[i], default=None)
                if top is not None and scores[top] > best_score + MIN_GAIN:
                    best, best_score = points[top], scores[top]
                    moved = True
                    print(f"move {lever} -> {best[lever]}: {best_score:.4f}", flush=True)
            if not moved:
                break
    print(f"best {row(best)} {best_score:.4f}")
    print("flags: --db " + os.path.join(out, best.get("db", "ki-lead2") + ".db") + " " +
          " ".join(flags(best)))


if __name__ == "__main__":
    sys.exit(main())
