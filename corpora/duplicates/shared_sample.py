#!/usr/bin/env python3
"""Labelled near-duplicate sample of ../shared/corpora (see README.md here).

  shared_sample.py ids         rewrite shared-sample-ids.txt from the sample rule
  shared_sample.py candidates  rewrite shared-sample-candidates.tsv: every pair of
                               the sample that the permissive word-set test below
                               accepts (ids and figures only)
  shared_sample.py show ID_A ID_B [ID_A ID_B ...]
                               print two articles side by side for judging
                               (to the terminal only: never store corpus text here)

The candidate test is independent of libnewsindex's MinHash: plain Python
lower-cased \\w+ word SETS of title + body (no analyzer, no shingles), compared
exhaustively over all pairs of the sample:
  word-set Jaccard >= 0.3, or
  containment of content words >= 0.7 with >= 8 content words in the smaller set
  (content words: words in at most 2% of the sample's articles).
Python 3 standard library only. Reads ../shared/corpora (or $NEWSINDEX_SHARED/corpora).
"""
import gzip
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("NEWSINDEX_SHARED",
                        os.path.join(HERE, "..", "..", "..", "shared"))
CORPORA = os.path.join(SHARED, "corpora")

# The sample: every dpgmedia2019 article, and every leestmeer-rss-2019 article
# whose date (local calendar day as written in the file) is one of these days.
LEESTMEER_DAYS = ("2019-05-21", "2019-05-22", "2019-09-02", "2019-09-03")
IDS_FILE = os.path.join(HERE, "shared-sample-ids.txt")
CANDIDATES_FILE = os.path.join(HERE, "shared-sample-candidates.tsv")

WORD = re.compile(r"\w+")


def read(name):
    with gzip.open(os.path.join(CORPORA, name, "articles.jsonl.gz"), "rt",
                   encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def sample_articles():
    out = list(read("dpgmedia2019"))
    out += [a for a in read("leestmeer-rss-2019")
            if a.get("date", "")[:10] in LEESTMEER_DAYS]
    return out


def words(a):
    return WORD.findall((a.get("title", "") + " " + a.get("body", "")).lower())


def cmd_ids():
    arts = sample_articles()
    with open(IDS_FILE, "w", encoding="utf-8") as f:
        f.write("# Sample of ../shared/corpora for duplicate-detection labels;\n")
        f.write("# regenerate with: python3 corpora/duplicates/shared_sample.py ids\n")
        for a in arts:
            f.write(a["id"] + "\n")
    print(f"{len(arts)} ids -> {IDS_FILE}")


def cmd_candidates():
    arts = sample_articles()
    sets = [frozenset(words(a)) for a in arts]
    df = Counter(w for s in sets for w in s)
    common = {w for w, c in df.items() if c > 0.02 * len(sets)}
    content = [s - common for s in sets]
    rows = []
    n = len(arts)
    for i in range(n):
        a, ca = sets[i], content[i]
        for j in range(i + 1, n):
            b = sets[j]
            inter = len(a & b)
            if not inter:
                continue
            jac = inter / (len(a) + len(b) - inter)
            cb = content[j]
            m = min(len(ca), len(cb))
            con = len(ca & cb) / m if m else 0.0
            if jac >= 0.3 or (con >= 0.7 and m >= 8):
                rows.append((arts[i]["id"], arts[j]["id"], jac, con))
    with open(CANDIDATES_FILE, "w", encoding="utf-8") as f:
        f.write("id_a\tid_b\tword_jaccard\tcontent_containment\n")
        for r in rows:
            f.write(f"{r[0]}\t{r[1]}\t{r[2]:.3f}\t{r[3]:.3f}\n")
    print(f"{n} articles, {len(rows)} candidate pairs -> {CANDIDATES_FILE}")


def shingles(ws, k=3):
    return {tuple(ws[i:i + k]) for i in range(max(0, len(ws) - k + 1))}


def cmd_show(ids):
    wanted = set(ids)
    arts = {a["id"]: a for a in sample_articles() if a["id"] in wanted}
    width = int(os.environ.get("SHOW_CHARS", "400"))
    for x, y in zip(ids[0::2], ids[1::2]):
        a, b = arts[x], arts[y]
        sa, sb = shingles(words(a)), shingles(words(b))
        inter = len(sa & sb)
        print(f"== {x} {y}  3gram: in_a={inter / max(1, len(sa)):.2f} "
              f"in_b={inter / max(1, len(sb)):.2f}")
        for r in (a, b):
            body = " ".join(r.get("body", "").split())
            print(f"  [{r.get('outlet', '')} {r.get('date', '')[:16]} "
                  f"{len(body)}c] {r.get('title', '')}")
            print(f"     {body[:width]}")
            if len(body) > 2 * width:
                print(f"     ...{body[-width // 2:]}")


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    if not os.path.isdir(CORPORA):
        print(f"no corpora at {CORPORA}", file=sys.stderr)
        return 1
    if argv[1] == "ids":
        cmd_ids()
    elif argv[1] == "candidates":
        cmd_candidates()
    elif argv[1] == "show":
        cmd_show(argv[2:])
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
