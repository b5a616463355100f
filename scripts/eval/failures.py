#!/usr/bin/env python3
"""scripts/eval/failures.py RUN PERQ [CORPORA_DIR]: what ranks above the target.

For a known-item-nl run (TREC run file and `newsindex eval --per-query` table):
targets by rank bucket; for targets at rank 2-10, what the document ranked first
is (more or fewer of the query's non-stop words than the target's body, same
outlet, longer / shorter, a copy of the same story); per bucket, the share of
the query's non-stop words the target's body holds. Words are exact lower-cased
\\w+ runs; the stop list is libnewsindex's (analysis/stopwords.cc). Prints
figures only (docs/evaluation.md, "Where it still loses"), no article text.
"""
import collections
import glob
import gzip
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def stop_words():
    src = open(os.path.join(ROOT, "libnewsindex/src/analysis/stopwords.cc")).read()
    table = src[src.index("kStopWords = {"):]
    return set(re.findall(r'"(\w+)"', table[:table.index("};")]))


def words(text):
    return re.findall(r"\w+", text.lower())


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    run, perq = sys.argv[1], sys.argv[2]
    shared = sys.argv[3] if len(sys.argv) > 3 else os.path.join(ROOT, "..", "shared")
    stop = stop_words()
    docs = {}
    for f in glob.glob(os.path.join(shared, "corpora", "*", "articles.jsonl.gz")):
        for line in gzip.open(f, "rt"):
            a = json.loads(line)
            docs[a["id"]] = (a.get("outlet", ""), a.get("body", ""))
    qrels = {}
    for line in open(os.path.join(shared, "testdata", "known-item-nl", "qrels.tsv")):
        q, _, d, _ = line.split()
        qrels[q] = d
    first = {}
    for line in open(run):
        q, _, d, rank, _, _ = line.split()
        if rank == "1":
            first[q] = d
    buckets = collections.Counter()
    above = collections.Counter()
    cover = collections.defaultdict(list)
    for line in list(open(perq))[1:]:
        r = line.rstrip("\n").split("\t")
        q, rank, query = r[0], int(r[1]), r[6]
        key = ("1" if rank == 1 else "2-3" if 2 <= rank <= 3 else "4-10" if 4 <= rank <= 10
               else "11-100" if rank > 10 else "not in top 100")
        buckets[key] += 1
        target = docs[qrels[q]]
        content = [w for w in words(query) if w not in stop]
        body = set(words(target[1]))
        held = sum(w in body for w in content)
        cover[key].append(held / max(1, len(content)))
        if 2 <= rank <= 10 and q in first:
            top = docs[first[q]]
            top_words = words(top[1])
            tlen, plen = len(words(target[1])), len(top_words)
            top_held = sum(w in set(top_words) for w in content)
            head_t, head_p = set(words(target[1])[:60]), set(top_words[:60])
            above["n"] += 1
            above["more query words than the target"] += top_held > held
            above["fewer query words"] += top_held < held
            above["same outlet"] += top[0] == target[0]
            above["longer"] += plen > tlen
            above["over twice as long"] += plen > 2 * tlen
            above["under half as long"] += 2 * plen < tlen
            above["copy (>= 60% of the first 60 words shared)"] += (
                len(head_t & head_p) >= 0.6 * max(1, len(head_t)))
    print("targets by rank:", dict(buckets))
    print("ranked first above a target at 2-10:", dict(above))
    for key in ["1", "2-3", "4-10", "11-100", "not in top 100"]:
        v = cover[key]
        if v:
            print("rank %s: query words in the target's body %.2f, under half %.0f%%" %
                  (key, sum(v) / len(v), 100 * sum(x < 0.5 for x in v) / len(v)))


if __name__ == "__main__":
    main()
