#!/usr/bin/env python3
"""Check the sample corpus and its query sets for consistency.

Checks: every JSON Lines record parses and has the required keys, ids are
unique, dates are ISO 8601 with offset, bodies are 80-250 words; the derived
files are up to date (convert.py --check); every text file follows the header
layout and holds the articles listed in ids-text.tsv, in order; the CSV parses
with the expected header; NewsML files are well-formed and decode in their
declared encoding; every query has judgements and every judged doc id exists;
duplicates.tsv matches the near_duplicate_group keys.

Python 3 standard library only. Exit status 0 when everything passes.
Usage: python3 corpora/tools/validate.py
"""

import csv
import json
import re
import subprocess
import sys
import xml.dom.minidom
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample"
QUERIES = ROOT / "queries"

REQUIRED = ["id", "title", "body", "date", "source", "outlet", "category",
            "url", "lang"]
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
HEADER_RE = re.compile(r"^ ?date (\d{4}-\d{2}) (.+) ([A-Z]+)$")
DATE_LINE_RE = re.compile(
    r"^\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|"
    r"september|oktober|november|december) \d{4}$")
TIME_RE = re.compile(r"^\d{2}u\d{2}$")

errors = []


def fail(msg):
    errors.append(msg)


def check_jsonl():
    articles = {}
    path = SAMPLE / "jsonl" / "sample.jsonl"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{n}"
        try:
            a = json.loads(line)
        except json.JSONDecodeError as e:
            fail(f"{where}: bad JSON: {e}")
            continue
        for k in REQUIRED:
            if not isinstance(a.get(k), str) or not a[k]:
                fail(f"{where}: missing or empty key {k}")
        if a.get("id") in articles:
            fail(f"{where}: duplicate id {a['id']}")
        if not DATE_RE.match(a.get("date", "")):
            fail(f"{where}: date not ISO 8601 with offset: {a.get('date')}")
        words = len(re.findall(r"\w+", a.get("lead", "") + " " + a.get("body", "")))
        if not 80 <= words <= 250:
            fail(f"{where}: {words} words (want 80-250)")
        if "\n\n\n" in a.get("body", "") or a.get("body", "").strip() != a.get("body"):
            fail(f"{where}: body has stray blank lines or whitespace")
        articles[a.get("id")] = a
    if len(articles) < 48:
        fail(f"only {len(articles)} articles (want >= 48)")
    return articles


def check_convert():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "convert.py"),
                        "--check"], capture_output=True, text=True)
    if r.returncode != 0:
        fail("derived files are stale (run corpora/tools/convert.py):\n"
             + r.stderr)


def split_text_file(path):
    """Articles of a text archive file as lists of lines."""
    lines = path.read_text(encoding="utf-8").split("\n")
    starts = [i for i, l in enumerate(lines)
              if HEADER_RE.match(l) and (i == 0 or lines[i - 1] == "")]
    if not starts or starts[0] != 0:
        fail(f"{path.name}: does not start with a header line")
        return []
    return [lines[s:e] for s, e in zip(starts, starts[1:] + [len(lines)])]


def check_text(articles):
    text_dir = SAMPLE / "text"
    rows = [l.split("\t") for l in
            (SAMPLE / "ids-text.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    by_file = {}
    for text_id, fname, aid in rows:
        by_file.setdefault(fname, []).append((text_id, aid))
    files = sorted(p.name for p in text_dir.glob("*.txt"))
    if sorted(by_file) != files:
        fail(f"ids-text.tsv files {sorted(by_file)} != {files}")
    if sorted(aid for _, _, aid in rows) != sorted(articles):
        fail("ids-text.tsv does not cover every article exactly once")
    singles = 0
    for fname in files:
        parts = split_text_file(text_dir / fname)
        expected = sorted(by_file.get(fname, []),
                          key=lambda r: int(r[0].rsplit("-", 1)[1])
                          if len(by_file[fname]) > 1 else 0)
        if len(parts) != len(expected):
            fail(f"{fname}: {len(parts)} articles, ids.tsv says {len(expected)}")
            continue
        if len(parts) == 1:
            singles += 1
            if expected[0][0] != fname[:-4]:
                fail(f"{fname}: one-article file id should be the file stem")
        for part, (text_id, aid) in zip(parts, expected):
            a = articles[aid]
            where = f"{fname} ({text_id})"
            m = HEADER_RE.match(part[0])
            if not part[0].startswith(" date "):
                fail(f"{where}: header must start with ' date '")
            if m.group(1) != a["date"][:7] or m.group(2) != a["title"]:
                fail(f"{where}: header does not match {aid}")
            if part[1] != "" or not DATE_LINE_RE.match(part[2]) or part[3] != "":
                fail(f"{where}: bad date line block")
            if not TIME_RE.match(part[4]) or part[4] != \
                    a["date"][11:13] + "u" + a["date"][14:16] or part[5] != "":
                fail(f"{where}: bad time line {part[4]!r}")
            body = "\n".join(part[6:]).strip("\n")
            m = re.match(r"^Bron: (\S+)(?: \d+)? ", body)
            if not m or m.group(1) != a["source"]:
                fail(f"{where}: body must start with 'Bron: {a['source']}'")
                continue
            got = body[m.end():]
            want = ((a["lead"] + "\n\n") if a.get("lead") else "") + a["body"]
            if got != want:
                fail(f"{where}: body differs from {aid}")
    if singles < 2:
        fail(f"only {singles} one-article text files")


def check_csv(articles):
    path = SAMPLE / "csv" / "sample.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    if rows[0] != ["datetime", "title", "content", "category", "url"]:
        fail(f"{path.name}: bad header {rows[0]}")
    ids = [l.split("\t")[1] for l in
           (SAMPLE / "ids-csv.tsv").read_text().splitlines()[1:]]
    if len(rows) - 1 != len(ids):
        fail(f"{path.name}: {len(rows) - 1} rows, ids.tsv has {len(ids)}")
    for row, aid in zip(rows[1:], ids):
        a = articles[aid]
        if len(row) != 5 or row[1] != a["title"] or row[4] != a["url"]:
            fail(f"{path.name}: row for {aid} does not match")


def check_newsml(articles):
    for path in sorted((SAMPLE / "newsml").glob("*.xml")):
        data = path.read_bytes()
        m = re.match(rb'<\?xml version="1.0" encoding="([^"]+)"', data)
        if not m:
            fail(f"{path.name}: no XML declaration with encoding")
            continue
        enc = m.group(1).decode()
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError) as e:
            fail(f"{path.name}: not valid {enc}: {e}")
            continue
        if enc.upper() != "UTF-8":
            try:
                data.decode("utf-8")
                if any(b > 127 for b in data):
                    fail(f"{path.name}: declared {enc} but bytes are UTF-8")
            except UnicodeDecodeError:
                pass  # expected: Latin-9 bytes are not valid UTF-8
        try:
            doc = xml.dom.minidom.parseString(data)
        except Exception as e:  # noqa: BLE001 - report any parser error
            fail(f"{path.name}: not well-formed: {e}")
            continue
        a = articles.get(path.stem)
        heads = doc.getElementsByTagName("HeadLine")
        if not a or not heads or heads[0].firstChild.data != a["title"]:
            fail(f"{path.name}: headline does not match article {path.stem}")
        del text
    try:
        r = subprocess.run(["xmllint", "--noout"] + [
            str(p) for p in sorted((SAMPLE / "newsml").glob("*.xml"))],
            capture_output=True, text=True)
        if r.returncode != 0:
            fail("xmllint: " + r.stderr)
    except FileNotFoundError:
        print("note: xmllint not installed, skipped", file=sys.stderr)


def check_duplicates(articles):
    rows = [l.split("\t") for l in
            (SAMPLE / "duplicates.tsv").read_text().splitlines()[1:]]
    want = sorted((aid, a["near_duplicate_group"]) for aid, a in articles.items()
                  if a.get("near_duplicate_group"))
    if sorted(tuple(r) for r in rows) != want:
        fail("duplicates.tsv does not match near_duplicate_group keys")
    groups = {}
    for aid, g in want:
        groups.setdefault(g, []).append(aid)
    if len(groups) < 3 or any(len(v) < 2 for v in groups.values()):
        fail(f"want >= 3 duplicate groups of >= 2 articles: {groups}")
    return groups


def check_queries(articles):
    qids = []
    for n, line in enumerate(
            (QUERIES / "sample-queries.jsonl").read_text(encoding="utf-8")
            .splitlines(), 1):
        q = json.loads(line)
        if not q.get("qid") or not q.get("query"):
            fail(f"sample-queries.jsonl:{n}: needs qid and query")
        qids.append(q["qid"])
    if len(set(qids)) != len(qids):
        fail("duplicate qid in sample-queries.jsonl")
    judged = set()
    seen = set()
    for n, line in enumerate(
            (QUERIES / "sample-qrels.tsv").read_text().splitlines(), 1):
        parts = line.split()
        if len(parts) != 4 or parts[1] != "0" or parts[3] not in ("1", "2"):
            fail(f"sample-qrels.tsv:{n}: want 'qid 0 doc_id rel(1|2)'")
            continue
        if parts[0] not in qids:
            fail(f"sample-qrels.tsv:{n}: unknown qid {parts[0]}")
        if parts[2] not in articles:
            fail(f"sample-qrels.tsv:{n}: unknown doc {parts[2]}")
        if (parts[0], parts[2]) in seen:
            fail(f"sample-qrels.tsv:{n}: duplicate judgement")
        seen.add((parts[0], parts[2]))
        judged.add(parts[0])
    for q in qids:
        if q not in judged:
            fail(f"query {q} has no relevant documents")
    return len(qids), len(seen)


def main():
    articles = check_jsonl()
    check_convert()
    check_text(articles)
    check_csv(articles)
    check_newsml(articles)
    groups = check_duplicates(articles)
    nq, nj = check_queries(articles)
    for e in errors:
        print("FAIL:", e)
    print(f"{len(articles)} articles, {len(groups)} duplicate groups "
          f"({sum(len(v) for v in groups.values())} articles), "
          f"{nq} queries, {nj} judgements: "
          f"{'OK' if not errors else str(len(errors)) + ' problem(s)'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
