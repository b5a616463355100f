#!/usr/bin/env python3
"""Load test of `newsindex serve` on loopback, beside the Searcher's own latency.

  python3 bench/serve_load.py --cli build/release/tools/newsindex \
      --baseline build/release/bench/eval_baseline/serve_baseline [--articles 20000]

Indexes N articles of ../shared/corpora (the sample corpus when absent) and
writes the request paths of a mix of evaluation queries (known-item titles and
the sample queries) as the search page sends them: limit 10, collapse, facets
source/outlet/month, snippets. Then, in one run:
  1. serve_baseline: the same requests through one Searcher in-process;
  2. wrk, 1 connection: the latency of the same requests over HTTP;
  3. wrk, 16 connections for --duration seconds while a writer POSTs a batch
     of 20 new articles every 3 s: QPS, p50/p99, errors.
Prints a Markdown table for docs/performance.md. Needs wrk (Debian package).
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(SOURCE), "shared")


def corpus(path, n):
    """Writes n shared articles (all for 0) to path; False without ../shared."""
    files = [os.path.join(SHARED, "corpora", c, "articles.jsonl.gz")
             for c in ("leestmeer-rss-2019", "dpgmedia2019", "7days-youth-news")]
    files = [f for f in files if os.path.exists(f)]
    if not files:
        return False
    written = 0
    with open(path, "w") as out:
        for f in files:
            with gzip.open(f, "rt") as inp:
                for line in inp:
                    out.write(line)
                    written += 1
                    if n and written >= n:
                        return True
    return True


def queries():
    qs = []
    ki = os.path.join(SHARED, "testdata", "known-item-nl", "queries.jsonl")
    if os.path.exists(ki):
        with open(ki) as f:
            qs += [json.loads(l)["query"] for l in f][:500]
    with open(os.path.join(SOURCE, "corpora", "queries", "sample-queries.jsonl")) as f:
        qs += [json.loads(l)["query"] for l in f]
    with open(os.path.join(SOURCE, "corpora", "queries", "example-queries.txt")) as f:
        qs += [l.strip() for l in f if l.strip() and not l.startswith("#")]
    return qs


def path_for(q):
    return "/api/search?" + urllib.parse.urlencode(
        {"q": q, "limit": 10, "collapse": 1, "facets": "source,outlet,month", "repair": 1})


def ms(text):
    m = re.match(r"([\d.]+)(us|ms|s)$", text)
    v = float(m.group(1))
    return {"us": v / 1000, "ms": v, "s": v * 1000}[m.group(2)]


def wrk(url, paths, connections, threads, seconds):
    env = dict(os.environ, NEWSINDEX_PATHS=paths)
    out = subprocess.run(["wrk", "-c", str(connections), "-t", str(threads), "-d", f"{seconds}s",
                          "--latency", "-s", os.path.join(HERE, "serve_load.lua"), url],
                         env=env, capture_output=True, text=True, check=True).stdout
    r = {"connections": connections}
    r["mean_ms"] = ms(re.search(r"Latency\s+(\S+)", out).group(1))
    r["p50_ms"] = ms(re.search(r"50%\s+(\S+)", out).group(1))
    r["p99_ms"] = ms(re.search(r"99%\s+(\S+)", out).group(1))
    r["qps"] = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    r["requests"] = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    r["errors"] = (int(non2xx.group(1)) if non2xx else 0) + (
        sum(int(g) for g in sock.groups()) if sock else 0)
    return r


class Writer(threading.Thread):
    """POSTs 20 new articles every 3 s until stopped; counts commits and failures."""

    def __init__(self, port, token):
        super().__init__(daemon=True)
        self.port, self.token = port, token
        self.stop = threading.Event()
        self.commits = self.failures = 0

    def run(self):
        n = 0
        while not self.stop.wait(3):
            body = "".join(json.dumps({
                "id": f"load-{n + i}", "title": f"Belastingproef artikel {n + i}",
                "body": "De minister van Financiën presenteerde dinsdag de begroting; "
                        f"het parlement debatteert er morgen over (versie {n + i})."}) + "\n"
                for i in range(20))
            n += 20
            req = urllib.request.Request(
                f"http://127.0.0.1:{self.port}/api/documents", data=body.encode(), method="POST",
                headers={"Authorization": f"Bearer {self.token}",
                         "Content-Type": "application/x-ndjson"})
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    ok = r.status == 200 and json.load(r)["added"] == 20
            except OSError:
                ok = False
            if ok:
                self.commits += 1
            else:
                self.failures += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--baseline", required=True)
    ap.add_argument("--articles", type=int, default=20000, help="0 = all shared articles")
    ap.add_argument("--duration", type=int, default=30)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--threads", type=int, default=4, help="serve --threads")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("serve_load: wrk is not installed (apt-get install wrk)")
    work = tempfile.mkdtemp(prefix="newsindex-load-")
    try:
        src = os.path.join(work, "corpus.jsonl")
        if not corpus(src, args.articles):
            src = os.path.join(SOURCE, "corpora", "sample", "jsonl")
        db = os.path.join(work, "db")
        subprocess.run([args.cli, "index", "--db", db, src], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        paths = os.path.join(work, "paths.txt")
        with open(paths, "w") as f:
            for q in queries():
                f.write(path_for(q) + "\n")
        base = json.loads(subprocess.run([args.baseline, "--db", db, paths, "3"], check=True,
                                         capture_output=True, text=True).stdout)
        token = "load-test-token-0123456789"
        with open(os.path.join(work, "token"), "w") as f:
            f.write(token + "\n")
        serve = subprocess.Popen([args.cli, "serve", "--db", db, "--listen", "127.0.0.1:0",
                                  "--threads", str(args.threads), "--quiet",
                                  "--write-token", os.path.join(work, "token")],
                                 stdout=subprocess.PIPE, text=True)
        try:
            line = serve.stdout.readline()
            port = int(line.split("127.0.0.1:")[1].split("/")[0])
            url = f"http://127.0.0.1:{port}"
            wrk(url, paths, 1, 1, 5)  # warm-up
            one = wrk(url, paths, 1, 1, max(10, args.duration // 2))
            writer = Writer(port, token)
            writer.start()
            many = wrk(url, paths, args.connections, 2, args.duration)
            writer.stop.set()
            writer.join()
        finally:
            serve.terminate()
            serve.wait(timeout=20)
        with open(os.path.join(work, "docs"), "w"):
            pass
        n_docs = json.loads(subprocess.run([args.cli, "stats", "--json", "--db", db],
                                           capture_output=True, text=True).stdout)["documents"]
        print(f"index: {n_docs} documents; {len(open(paths).readlines())} request paths")
        print("| run | requests | QPS | mean ms | p50 ms | p99 ms | errors |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        print(f"| Searcher in-process, 1 thread | {base['requests']} | {base['qps']:.0f} | "
              f"{base['mean_ms']:.2f} | {base['p50_ms']:.2f} | {base['p99_ms']:.2f} | 0 |")
        for name, r in (("HTTP, 1 connection", one),
                        (f"HTTP, {args.connections} connections + writer", many)):
            print(f"| {name} | {r['requests']} | {r['qps']:.0f} | {r['mean_ms']:.2f} | "
                  f"{r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {r['errors']} |")
        print(f"HTTP/Searcher at 1 connection: mean {one['mean_ms'] / base['mean_ms']:.2f}x, "
              f"p50 {one['p50_ms'] / base['p50_ms']:.2f}x, p99 {one['p99_ms'] / base['p99_ms']:.2f}x")
        print(f"writer: {writer.commits} commits of 20 articles, {writer.failures} failed")
        failed = many["errors"] + one["errors"] + writer.failures
        return 1 if failed or writer.commits == 0 else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
