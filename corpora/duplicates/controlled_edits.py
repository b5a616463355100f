#!/usr/bin/env python3
"""Controlled edits of real articles: recipes for dedup_eval (see README.md here).

  controlled_edits.py           rewrite controlled-edits.tsv
  controlled_edits.py held-out  rewrite held-out-ids.txt and held-out-edits.tsv:
                                the same recipe rules on other articles (every
                                leestmeer-rss-2019 article of HELD_OUT_DAYS),
                                never used to choose a parameter

Picks articles of the labelled sample (shared-sample-ids.txt) that are in no
candidate pair (so no other copy of them is known in the sample), in a fixed
pseudo-random order (sha1 of the id), in three length classes, and gives each
two edits that fit it. Only ids and edit recipes are written; the copies are
made at evaluation time by libnewsindex/src/dedup/edits.cc, whose rules for
words, sentences and paragraphs this script mirrors. Datelines, replacement
words and appended sentences come from the lists below (our own text).
Python 3 standard library only.
"""
import hashlib
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import shared_sample  # noqa: E402

HERE = shared_sample.HERE
OUT = os.path.join(HERE, "controlled-edits.tsv")
CANDIDATES = os.path.join(HERE, "shared-sample-candidates.tsv")

CITIES = ["ANTWERPEN", "BRUSSEL", "DEN HAAG", "ROTTERDAM", "GENT", "UTRECHT"]
WORDS = ["dinsdag", "woensdag", "gisteren", "donderdag", "vrijdag", "zondag"]
SENTENCES = ["Dat meldt het parket.", "Dat meldt persbureau ANP.", "Het onderzoek loopt nog.",
             "De politie vraagt getuigen zich te melden.", "Dat bevestigt een woordvoerder."]
BYLINES = ["Door onze redactie", "Van onze correspondent", "ANP"]
# The new user's case (issue 18): a dateline, one word changed, a sentence added.
COMBO = "dateline=ANTWERPEN;word={n}:dinsdag;append=Dat meldt het parket."

HELD_OUT_DAYS = ("2019-06-11", "2019-06-12")
HELD_OUT_IDS = os.path.join(HERE, "held-out-ids.txt")
HELD_OUT_EDITS = os.path.join(HERE, "held-out-edits.tsv")

CLASSES = [("short", 20, 60, 150), ("medium", 61, 250, 100), ("long", 251, 10 ** 9, 60)]
DATELINE = re.compile(r"^[A-Z][A-Z'. -]{2,30}( \([A-Za-z]+\))? [-–—] ")


def sentence_count(text):
    # edits.cc: ends at . ! ? + space + capital/digit/quote/non-ASCII, or a newline.
    n, begin = 0, 0
    for i, c in enumerate(text):
        end = None
        if c == "\n":
            end, nxt = i, i + 1
        elif c in ".!?" and i + 2 < len(text) and text[i + 1] == " " and (
                text[i + 2].isascii() and (text[i + 2].isupper() or text[i + 2].isdigit()
                                           or text[i + 2] in "\"'") or not text[i + 2].isascii()):
            end, nxt = i + 1, i + 1
        if end is not None:
            n += bool(text[begin:end].strip())
            begin = nxt
    n += bool(text[begin:].strip())
    return n


def paragraphs(body):
    return [p.strip() for p in body.split("\n") if p.strip()]


def key(s):
    return hashlib.sha1(s.encode()).hexdigest()


def edits_for(a, cls, k):
    """Edits that fit article `a`, in a rotation that depends on k."""
    body, title = a.get("body", ""), a.get("title", "")
    words = body.split()
    h = int(key(a["id"]), 16)
    n = 1 + h % len(words)
    if words[n - 1].lower().strip(".,") in WORDS:
        n = 1 + (n % len(words))
    sents = sentence_count(body)
    paras = paragraphs(body)
    out = [
        f"dateline={CITIES[h % len(CITIES)]}",
        f"word={n}:{WORDS[(h >> 8) % len(WORDS)]}",
        f"append={SENTENCES[(h >> 16) % len(SENTENCES)]}",
        COMBO.format(n=n),
        f"byline={BYLINES[(h >> 24) % len(BYLINES)]}",
    ]
    if len(title.split()) >= 3:
        out.append("title")
    if sents >= 3:
        out.append("cut=1")
    if sents >= 4 and cls != "short":
        out.append("cut=2")
    if sents >= 6:  # the lead is then at most about a sixth of the text
        out.append("lead")
    if DATELINE.match(body):
        out.append("undateline")
    if len(paras) >= 8:
        out.append(f"truncate={max(2, (len(paras) + 3) // 4)}")
        out.append("truncate=3")
    # Two edits per article, rotating so that every kind is well represented;
    # truncation and undateline first when they fit (they are rarer).
    rare = [e for e in out if e.startswith(("truncate", "undateline"))]
    common = [e for e in out if e not in rare]
    picked = rare[:1] if rare else []
    i = k
    while len(picked) < 2:
        e = common[i % len(common)]
        if e not in picked:
            picked.append(e)
        i += 3
    return picked


def word_shingle_pairs(arts):
    """Ids of articles sharing at least half of the shorter text's 3-grams
    with another article of `arts` (known copies: not used as originals)."""
    index, sets = {}, []
    for k, a in enumerate(arts):
        ws = shared_sample.words(a)
        s = {tuple(ws[i:i + 3]) for i in range(len(ws) - 2)}
        sets.append(s)
        for g in s:
            index.setdefault(g, []).append(k)
    out = set()
    for k, s in enumerate(sets):
        hits = {}
        for g in s:
            lst = index[g]
            if len(lst) > 50:
                continue
            for o in lst:
                if o != k:
                    hits[o] = hits.get(o, 0) + 1
        for o, n in hits.items():
            if n >= 0.5 * min(len(s), len(sets[o])) and n >= 3:
                out.update((arts[k]["id"], arts[o]["id"]))
    return out


def make(arts, in_pairs, out_path, header):
    rows = []
    for cls, lo, hi, want in CLASSES:
        pool = [a for a in arts if a["id"] not in in_pairs
                and lo <= len(shared_sample.words(a)) <= hi
                and (cls != "long" or len(paragraphs(a.get("body", ""))) >= 8)]
        pool.sort(key=lambda a: key(a["id"]))
        for k, a in enumerate(pool[:want]):
            for e in edits_for(a, cls, k):
                tag = re.sub(r"[^a-z0-9]+", "-", e.split(";")[0].split(":")[0].lower()).strip("-")
                if e.startswith("dateline=ANTWERPEN;"):
                    tag = "combo"
                rows.append((a["id"], f"{a['id']}~{tag}", e, cls))
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(header)
        f.write("id\tcopy_id\tedits\tlength_class\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} recipes -> {out_path}")


def main():
    if sys.argv[1:] == ["held-out"]:
        arts = [a for a in shared_sample.read("leestmeer-rss-2019")
                if a.get("date", "")[:10] in HELD_OUT_DAYS]
        with open(HELD_OUT_IDS, "w", encoding="utf-8") as f:
            f.write("# Held-out pool for controlled edits (ids only); regenerate with\n")
            f.write("# python3 corpora/duplicates/controlled_edits.py held-out\n")
            for a in arts:
                f.write(a["id"] + "\n")
        make(arts, word_shingle_pairs(arts), HELD_OUT_EDITS,
             "# Held-out controlled edits (ids and recipes only); regenerate with\n"
             "# python3 corpora/duplicates/controlled_edits.py held-out\n")
        return
    in_pairs = set()
    with open(CANDIDATES, encoding="utf-8") as f:
        next(f)
        for line in f:
            a, b = line.split("\t")[:2]
            in_pairs.update((a, b))
    make(shared_sample.sample_articles(), in_pairs, OUT,
         "# Controlled edits of articles of ../shared/corpora (ids and recipes only);\n"
         "# regenerate with: python3 corpora/duplicates/controlled_edits.py\n")


if __name__ == "__main__":
    main()
