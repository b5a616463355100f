#!/usr/bin/env python3
"""scripts/eval/make-lead-task.py SUBSET.jsonl KNOWN_ITEM_QRELS OUT_DIR

Builds the "lead task" of docs/evaluation.md (titles indexed, issue 6 item 3):

* OUT_DIR/lead-task.jsonl: every article of SUBSET.jsonl with the FIRST SENTENCE
  of its body removed (title, the rest of the body and the metadata kept), to be
  indexed WITH titles;
* OUT_DIR/lead-queries.jsonl / lead-qrels.tsv: for each known-item target article
  (the judged documents of KNOWN_ITEM_QRELS), the removed first sentence as the
  query and the article as the one relevant document.

The query text is therefore never in the index: the article has to be found
through its title and the rest of its body, which is what title weighting is
about. Queries are skipped (and counted) when the first sentence is shorter
than 6 words, or when it mostly repeats the title (half or more of its distinct
words are title words), which would make the title a copy of the query. Queries
are cut to their first 40 words. Writes only into OUT_DIR.
"""
import json
import re
import sys

SENTENCE_END = re.compile(r'[.!?][\'"’”]?\s+(?=[A-Z0-9\'"‘’“(])')
WORD = re.compile(r"\w+", re.UNICODE)


def first_sentence(body):
    text = body.lstrip()
    for m in SENTENCE_END.finditer(text):
        head = text[: m.end()].strip()
        if len(WORD.findall(head)) >= 6:
            return head, text[m.end():]
    return None, body


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    subset, qrels_path, out = sys.argv[1:]
    targets = set()
    with open(qrels_path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 4 and int(parts[3]) > 0:
                targets.add(parts[2])
    n_docs = n_queries = short = title_copy = 0
    with open(subset, encoding="utf-8") as f, \
            open(f"{out}/lead-task.jsonl", "w", encoding="utf-8") as docs, \
            open(f"{out}/lead-queries.jsonl", "w", encoding="utf-8") as queries, \
            open(f"{out}/lead-qrels.tsv", "w", encoding="utf-8") as qrels:
        for line in f:
            a = json.loads(line)
            sentence, rest = first_sentence(a.get("body", ""))
            if sentence is not None:
                a["body"] = rest
            docs.write(json.dumps(a, ensure_ascii=False) + "\n")
            n_docs += 1
            if a["id"] not in targets:
                continue
            if sentence is None:
                short += 1
                continue
            words = {w.lower() for w in WORD.findall(sentence)}
            title = {w.lower() for w in WORD.findall(a.get("title", ""))}
            if len(words & title) * 2 >= len(words):
                title_copy += 1
                continue
            query = " ".join(sentence.split()[:40])
            n_queries += 1
            qid = f"ld{n_queries:04d}"
            queries.write(json.dumps({"qid": qid, "query": query}, ensure_ascii=False) + "\n")
            qrels.write(f"{qid} 0 {a['id']} 1\n")
    print(f"{n_docs} documents, {n_queries} queries; skipped {short} targets without a "
          f"first sentence of 6+ words and {title_copy} whose first sentence repeats the title",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
