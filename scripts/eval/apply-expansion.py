#!/usr/bin/env python3
"""Add expansion stems to a copy of a newsindex database (offline; docs/evaluation.md).

    apply-expansion.py DB EXPANSION.tsv N FLOOR WDF

DB (a copy: it is changed in place) gets, for each "docid<TAB>stem<TAB>score"
line of EXPANSION.tsv (expand-docs.py) among its document's first N of score
>= FLOOR, the stem term Z<stem> with wdf WDF (no positions).
"""
import sys
from collections import defaultdict

import xapian


def main():
    path, exp_path, n, floor, wdf = sys.argv[1:6]
    n, floor, wdf = int(n), float(floor), int(wdf)
    add = defaultdict(list)
    with open(exp_path, encoding="utf-8") as f:
        for line in f:
            d, s, score = line.rstrip("\n").split("\t")
            d = int(d)
            if float(score) >= floor and len(add[d]) < n:
                add[d].append(s)
    db = xapian.WritableDatabase(path, xapian.DB_OPEN)
    done = 0
    for d, stems in add.items():
        if not stems:
            continue
        doc = db.get_document(d)
        for s in stems:
            doc.add_term("Z" + s, wdf)
        db.replace_document(d, doc)
        done += 1
        if done % 20000 == 0:
            db.commit()
    db.commit()
    print(f"{done} documents expanded", file=sys.stderr)


if __name__ == "__main__":
    main()
