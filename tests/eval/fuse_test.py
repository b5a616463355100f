#!/usr/bin/env python3
"""scripts/eval/fuse.py on two hand-made runs: each method's ranking, worked
out by hand in the comments, and the per-query table split-halves.sh reads."""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FUSE = os.path.join(HERE, "..", "..", "scripts", "eval", "fuse.py")

# q1: A ranks d1 10, d2 8, d3 2; B ranks d3 5, d2 4 (d1 missing). q2: A only.
RUN_A = "q1 Q0 d1 1 10 a\nq1 Q0 d2 2 8 a\nq1 Q0 d3 3 2 a\nq2 Q0 d9 1 3 a\nq2 Q0 d8 2 1 a\n"
RUN_B = "q1 Q0 d3 1 5 b\nq1 Q0 d2 2 4 b\n"
QRELS = "q1 0 d2 1\nq2 0 d8 1\nq3 0 d7 1\n"

# (method, weight of B, q1's fused order)
ROWS = [
    # raw: d1 misses B and gets B's lowest score 4: d1 10+4, d2 8+4, d3 2+5
    ("raw", "1", "d1 d2 d3"),
    # raw, B x 3: d1 10+12 = 22, d3 2+15 = 17, d2 8+12 = 20
    ("raw", "3", "d1 d2 d3"),
    # raw, B x 10: d1 50, d2 48, d3 52
    ("raw", "10", "d3 d1 d2"),
    # minmax: A d1 1, d2 0.75, d3 0; B d3 1, d2 0; d1 and d3 tie at 1 (A's rank first)
    ("minmax", "1", "d1 d3 d2"),
    # sum: A d1 0.5, d2 0.4, d3 0.1; B d3 5/9, d2 4/9: d2 0.844, d3 0.656
    ("sum", "1", "d2 d3 d1"),
    # rrf (k 60): d2 2/62 = 0.032258, d3 1/63 + 1/61 = 0.032266, d1 1/61
    ("rrf", "1", "d3 d2 d1"),
    # B weighs nothing: A's order
    ("rrf", "0", "d1 d2 d3"),
]


def main():
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for name, text in (("a.run", RUN_A), ("b.run", RUN_B), ("qrels", QRELS)):
            paths[name] = os.path.join(tmp, name)
            with open(paths[name], "w") as f:
                f.write(text)
        for method, weight, want in ROWS:
            perq, run = os.path.join(tmp, "out.perq.tsv"), os.path.join(tmp, "out.run")
            subprocess.run([sys.executable, FUSE, "--qrels", paths["qrels"], "--method", method,
                            "--out", perq, "--run-out", run, paths["a.run"] + ":1",
                            f"{paths['b.run']}:{weight}"], check=True, capture_output=True)
            with open(run) as f:
                got = " ".join(l.split()[2] for l in f if l.startswith("q1 "))
            if got != want:
                print(f"FAIL {method} {weight}: q1 ranks {got}, want {want}")
                failures += 1
            with open(perq) as f:
                table = f.read()
            rank = {"d1 d2 d3": 2, "d3 d1 d2": 3, "d1 d3 d2": 3, "d2 d3 d1": 1, "d3 d2 d1": 2}[want]
            want_table = (f"qid\trank\trr@10\nq1\t{rank}\t{1 / rank:.4f}\n"
                          "q2\t2\t0.5000\nq3\t0\t0.0000\n")
            if table != want_table:
                print(f"FAIL {method} {weight}: per-query table\n{table}want\n{want_table}")
                failures += 1
        # A grid writes one table per method and weight.
        out = subprocess.run([sys.executable, FUSE, "--qrels", paths["qrels"], "--method",
                              "raw,rrf", "--weights", "1,10", "--out",
                              os.path.join(tmp, "g.{m}={w}.perq.tsv"), paths["a.run"],
                              paths["b.run"]], check=True, capture_output=True, text=True)
        for name in ("g.raw=1", "g.raw=10", "g.rrf=1", "g.rrf=10"):
            if not os.path.exists(os.path.join(tmp, name + ".perq.tsv")):
                print(f"FAIL grid: no {name}.perq.tsv; printed {out.stdout}")
                failures += 1
        # Bad input: a clear error naming the file and line.
        with open(paths["a.run"], "a") as f:
            f.write("q3 Q0 d7 1\n")
        bad = subprocess.run([sys.executable, FUSE, "--qrels", paths["qrels"], "--method", "raw",
                              "--out", os.path.join(tmp, "x"), paths["a.run"]],
                             capture_output=True, text=True)
        if bad.returncode == 0 or "a.run:6: expected 6 fields" not in bad.stderr:
            print(f"FAIL short line: exit {bad.returncode}, stderr {bad.stderr!r}")
            failures += 1
    print("fuse_test: %s" % ("ok" if not failures else f"{failures} failures"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
