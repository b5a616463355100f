#!/usr/bin/env python3
"""Hard non-pairs for the duplicate evaluation (see README.md here).

  hard_negatives.py   rewrite hard-negatives.tsv

Template families of ../shared/corpora, by title: police missing-person and
witness calls (Politie "Vermist - NAME", "PLACE - Getuigen gezocht van ..."),
NU.nl "Weerbericht:", NPO "Met het Oog op Morgen DATE" (a programme's running
order), traffic items ("File op A58 ..."). Within a family (first 400 articles
in sha1-of-id order), a pair is a non-pair when the two are from different
days and have different titles: different reports in one template.

Not used, because they are one page updated (a "dup" by the sample's rules):
AD's tennis "Uitslagen en programma ROUND" (one URL id per tournament, a new
title each round, the same RSS text) and De Telegraaf's "Sport Kort" (a rolling
digest that carries items over to the next day).
The 30 pairs with the highest word 3-gram containment of the shorter text in
the longer are kept per family (any containment for the weather reports, at
least 0.2 for the others), so the set holds the pairs a text-similarity method
finds hardest. Ids and figures only. Python 3 standard library only.
"""
import gzip
import hashlib
import itertools
import json
import os
import re

import shared_sample

OUT = os.path.join(shared_sample.HERE, "hard-negatives.tsv")
ROAD = re.compile(r"\bfiles?\b|\bA\d+\b")
FAMILIES = [
    ("politie-vermist", lambda a: a.get("outlet") == "Politie" and a["title"].startswith("Vermist")),
    ("politie-getuigen", lambda a: a.get("outlet") == "Politie"
     and re.search(r"[Gg]etuigen gezocht", a["title"])),
    ("weerbericht", lambda a: re.search(r"^Weerbericht|[Ww]eerbericht:", a["title"])),
    ("oog-op-morgen", lambda a: a["title"].startswith("Met het Oog op Morgen")),
    ("verkeer-file", lambda a: ROAD.search(a["title"])
     and re.search(r"\b(file|files|spits|verkeershinder|afgesloten)\b", a["title"], re.I)),
]
PER_FAMILY = 30


def shingles(a):
    ws = shared_sample.words(a)
    return {tuple(ws[i:i + 3]) for i in range(len(ws) - 2)}


def main():
    groups = {name: [] for name, _ in FAMILIES}
    for corpus in ("dpgmedia2019", "leestmeer-rss-2019", "7days-youth-news"):
        for a in shared_sample.read(corpus):
            if not a.get("title") or not a.get("body"):
                continue
            for name, test in FAMILIES:
                if test(a):
                    groups[name].append(a)
                    break
    rows = []
    for name, arts in groups.items():
        arts.sort(key=lambda a: hashlib.sha1(a["id"].encode()).hexdigest())
        arts = arts[:400]
        sets = [shingles(a) for a in arts]
        floor = 0.0 if name == "weerbericht" else 0.2
        cand = []
        for i, j in itertools.combinations(range(len(arts)), 2):
            a, b = arts[i], arts[j]
            if a.get("date", "")[:10] == b.get("date", "")[:10] or a["title"] == b["title"]:
                continue
            m = min(len(sets[i]), len(sets[j]))
            if m < 8:
                continue
            c = len(sets[i] & sets[j]) / m
            if c >= floor:
                cand.append((c, a["id"], b["id"], a.get("date", "")[:10], b.get("date", "")[:10]))
        cand.sort(reverse=True)
        for c, x, y, dx, dy in cand[:PER_FAMILY]:
            rows.append((x, y, "no", name, f"{c:.2f}", dx, dy))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Hard non-pairs of ../shared/corpora (ids only); regenerate with\n")
        f.write("# python3 corpora/duplicates/hard_negatives.py\n")
        f.write("id_a\tid_b\tlabel\tfamily\tcontainment\tdate_a\tdate_b\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} pairs -> {OUT}")


if __name__ == "__main__":
    main()
