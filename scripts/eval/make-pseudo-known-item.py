#!/usr/bin/env python3
"""scripts/eval/make-pseudo-known-item.py SHARED OUT_DIR [--seed N]

A second known-item set drawn like known-item-nl (its README: body >= 800
bytes, a title of >= 4 words, the title unique case-folded over the three
corpora) from the articles that are NOT known-item-nl targets, with as many
queries per outlet as known-item-nl has. It is a check no ranking lever was
tuned on (docs/evaluation.md, "A third query set"): OUT_DIR/queries.jsonl
and OUT_DIR/qrels.tsv, in known-item-nl's formats. Qids are kp0001...; it is
derived from ../shared and stays out of the repository.
"""
import argparse
import collections
import gzip
import json
import os
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shared")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20261207)
    a = ap.parse_args()
    ki = os.path.join(a.shared, "testdata", "known-item-nl")
    targets, per_outlet = set(), collections.Counter()
    with open(os.path.join(ki, "queries.jsonl")) as f:
        for line in f:
            q = json.loads(line)
            targets.add(q["doc_id"])
            per_outlet[q["outlet"]] += 1
    titles = collections.Counter()
    eligible = collections.defaultdict(list)  # outlet -> [(id, title, corpus)]
    for corpus in sorted(os.listdir(os.path.join(a.shared, "corpora"))):
        path = os.path.join(a.shared, "corpora", corpus, "articles.jsonl.gz")
        if not os.path.exists(path):
            continue
        with gzip.open(path, "rt") as f:
            for line in f:
                d = json.loads(line)
                title = (d.get("title") or "").strip()
                titles[title.casefold()] += 1
                if d["id"] in targets or len((d.get("body") or "").encode()) < 800:
                    continue
                if len(title.split()) < 4:
                    continue
                outlet = d.get("outlet") or "DPG Media (title unknown)"
                eligible[outlet].append((d["id"], title, corpus))
    rng = random.Random(a.seed)
    chosen = []
    for outlet, n in sorted(per_outlet.items()):
        pool = [e for e in eligible.get(outlet, []) if titles[e[1].casefold()] == 1]
        pool.sort()
        rng.shuffle(pool)
        chosen += [(outlet, e) for e in pool[:n]]
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "queries.jsonl"), "w") as q, \
            open(os.path.join(a.out, "qrels.tsv"), "w") as r:
        for i, (outlet, (doc, title, corpus)) in enumerate(chosen, 1):
            qid = f"kp{i:04d}"
            q.write(json.dumps({"qid": qid, "query": title, "doc_id": doc, "corpus": corpus,
                                "outlet": outlet}, ensure_ascii=False) + "\n")
            r.write(f"{qid}\t0\t{doc}\t1\n")
    print(f"{len(chosen)} queries in {a.out} (known-item-nl: {sum(per_outlet.values())})")


if __name__ == "__main__":
    main()
