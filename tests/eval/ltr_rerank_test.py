#!/usr/bin/env python3
"""scripts/eval/ltr-rerank.py's pieces on hand-made cases: the text features (longest
run, shortest window, copies), the rerank's ranks and the pairwise model. Exit 77
(skip) without numpy or Xapian's Python bindings."""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "..", "scripts", "eval", "ltr-rerank.py")
try:
    import numpy as np
    spec = importlib.util.spec_from_file_location("ltr", SCRIPT)
    ltr = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ltr)
except ImportError as e:
    print("skipped: %s" % e)
    sys.exit(77)

FAILS = []


def check(name, got, want):
    if got != want:
        FAILS.append("%s: got %r, want %r" % (name, got, want))


def positions(text):
    pos = {}
    for i, w in enumerate(text.split()):
        pos.setdefault(w, set()).add(i)
    return pos


# (query words, body, longest run of query words in order in the body)
RUNS = [
    ("ajax wint de beker", "gisteren wint ajax de beker", 2),    # "de beker"
    ("ajax wint de beker", "ajax wint de beker weer", 4),
    ("ajax wint", "psv verliest", 0),
    ("de de de", "de de", 2),
]
for q, body, want in RUNS:
    check("longest_run(%s | %s)" % (q, body), ltr.longest_run(q.split(), positions(body)), want)

# (positions of each matched stem, shortest span holding one of each)
WINDOWS = [
    ([[3]], 1),
    ([[0, 10], [12]], 3),            # 10..12
    ([[0, 20], [5, 30], [21]], 11),  # 20, 21, 30
]
for lists, want in WINDOWS:
    check("min_window(%r)" % lists, ltr.min_window(lists), want)


class FakeDoc:
    def __init__(self, words):
        self.first60 = set(words.split())


check("copies: 3 of 4 shared", ltr.copies(FakeDoc("a b c d"), FakeDoc("a b c x y z")), True)
check("copies: 2 of 4 shared", ltr.copies(FakeDoc("a b c d"), FakeDoc("a b x y")), False)


class FakeSet(ltr.Set):
    def __init__(self, X, target, base_rank):
        self.X = np.array(X, dtype=float)
        self.valid = np.ones(self.X.shape[:2], dtype=bool)
        self.target = np.array(target)
        self.base_rank = np.array(base_rank)
        self.k = self.X.shape[1]


# Two queries, three documents, features (score, f). q1's target is third by score and
# holds f; q2's target is below the top k (base rank 40) and keeps it.
S = FakeSet([[[3, 0], [2, 0], [1, 1]], [[3, 1], [2, 0], [1, 0]]], [2, -1], [3, 40])
mu, sd = np.zeros(2), np.ones(2)
check("ranks by score", list(S.ranks(np.array([1.0, 0.0]), mu, sd)), [3, 40])
check("ranks by score + 2.5 f", list(S.ranks(np.array([1.0, 2.5]), mu, sd)), [1, 40])
check("ties keep the run's order", list(S.ranks(np.array([1.0, 2.0]), mu, sd)), [2, 40])
check("rr@10", [round(x, 4) for x in ltr.rr(np.array([1, 4, 11, 0]))], [1.0, 0.25, 0.0, 0.0])

# The pairwise model learns that f, not the score, marks the target.
# (Scores close together, so that a step of coordinate ascent, at most the score's
# weight, can lift them.)
T = FakeSet([[[1.2, 0], [1.1, 0], [1, 1]], [[1.2, 0], [1.1, 1], [1, 0]],
             [[1.2, 1], [1.1, 0], [1, 0]]], [2, 1, 0], [3, 2, 1])
w = ltr.pairwise_lr(T, np.zeros(2), np.ones(2), l2=1e-2)
check("pairwise_lr puts every target first", list(T.ranks(w, np.zeros(2), np.ones(2))),
      [1, 1, 1])
w = ltr.coordinate_ascent(T, np.zeros(2), np.ones(2))
check("coordinate_ascent puts every target first", list(T.ranks(w, np.zeros(2), np.ones(2))),
      [1, 1, 1])

for f in FAILS:
    print("FAIL " + f)
print("%d checks failed" % len(FAILS) if FAILS else "ok")
sys.exit(1 if FAILS else 0)
