#!/usr/bin/env python3
"""The search page of `newsindex serve` in a real browser (headless Chromium).

Indexes the sample corpus plus one hostile article, starts the service and
Chromium on loopback, and drives the page through the DevTools protocol as a
user would: types a query and presses Enter, checks the ranked hits against
the API, clicks a facet with the mouse, goes back, opens "meer zoals dit",
follows the spelling suggestion, and checks that markup in a title and body
renders as text. Saves screenshots (desktop and phone width) in --out.

Exit 0 passed, 1 failed, 77 skipped (no chromium or python3-websocket).
Everything it starts is stopped at the end; the whole run is bounded (120 s).
"""
import argparse
import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

SKIP = 77

try:
    import websocket  # Debian python3-websocket
except ImportError:
    print("SKIP: python3-websocket is not installed (scripts/install-deps.sh installs it)")
    sys.exit(SKIP)

HOSTILE = {
    "id": "hostile-1",
    "title": '<script>window.__xss=1</script> "onmouseover=window.__xss=5 </mark> '
             'Gevaarlijke narwal-titel',
    "body": 'Een narwal: <script>window.__xss=6</script> "onmouseover=window.__xss=2 '
            '</mark> <b>vet</b> '
            '<img src=x onerror="window.__xss=3">.',
    "date": "2019-12-30T10:00:00+01:00",
    "source": "Testbureau",
    "outlet": "<i>Testkrant</i>",
    "url": "javascript:window.__xss=4",
}


class Failure(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failure(what)
    print("ok:", what)


class Cdp:
    """A minimal DevTools protocol client over one page's websocket."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        mine = self.next_id
        self.ws.send(json.dumps({"id": mine, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == mine:
                if "error" in msg:
                    raise Failure(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def eval(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise Failure(f"JS error in {expr!r}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def wait_for(self, expr, what, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.eval(expr):
                    return
            except Failure:
                pass  # the page is still loading
            time.sleep(0.05)
        raise Failure(f"timed out waiting for {what} ({expr})")

    def click(self, selector):
        box = self.eval(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " if (!e) return null; e.scrollIntoView({block: 'center'});"
            " const r = e.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        if box is None:
            raise Failure(f"nothing to click at {selector}")
        x, y = box
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left",
                      clickCount=1)

    def key(self, key, code, vk, text=None):
        """Presses and releases one key, as a keyboard would."""
        down = dict(type="keyDown", key=key, code=code, windowsVirtualKeyCode=vk,
                    nativeVirtualKeyCode=vk)
        if text:
            down["text"] = text
        self.call("Input.dispatchKeyEvent", **down)
        self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code,
                  windowsVirtualKeyCode=vk, nativeVirtualKeyCode=vk)

    def tab_to(self, test, what, limit=80):
        """Presses Tab until document.activeElement passes `test` (JS over `e`)."""
        for _ in range(limit):
            self.key("Tab", "Tab", 9)
            if self.eval(f"(e => !!e && ({test}))(document.activeElement)"):
                return
        raise Failure(f"Tab never reached {what}")

    def screenshot(self, path):
        png = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(png))
        print("screenshot:", path)


def hit_ids(cdp):
    """The ids of the hits the page shows, in order."""
    return cdp.eval("[...document.querySelectorAll('#hits .hit')].map(e => e.dataset.id)")


def start_serve(cli, db, log):
    proc = subprocess.Popen([cli, "serve", "--db", db, "--listen", "127.0.0.1:0", "--quiet"],
                            stdout=subprocess.PIPE, stderr=log, text=True)
    line = proc.stdout.readline()
    if "127.0.0.1:" not in line:
        raise Failure(f"serve did not start: {line!r}")
    port = int(line.split("127.0.0.1:")[1].split("/")[0])
    return proc, port


def start_chromium(binary, profile):
    proc = subprocess.Popen(
        [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-extensions", "--disable-background-networking", "--disable-sync",
         "--disable-dev-shm-usage",
         "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
         f"--user-data-dir={profile}", "--window-size=1200,1000", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.time() + 30
    while time.time() < deadline:
        if os.path.exists(port_file):
            with open(port_file) as f:
                lines = f.read().split()
            if lines:
                port = int(lines[0])
                for _ in range(100):
                    try:
                        targets = json.load(urllib.request.urlopen(
                            f"http://127.0.0.1:{port}/json/list", timeout=5))
                        pages = [t for t in targets if t.get("type") == "page"]
                        if pages:
                            return proc, pages[0]["webSocketDebuggerUrl"]
                    except OSError:
                        pass
                    time.sleep(0.1)
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    raise Failure("chromium did not start its DevTools endpoint")


def api(port, path, **params):
    url = f"http://127.0.0.1:{port}{path}?{urllib.parse.urlencode(params)}"
    return json.load(urllib.request.urlopen(url, timeout=10))


def run(args, work):
    db = os.path.join(work, "db")
    hostile = os.path.join(work, "hostile.jsonl")
    with open(hostile, "w") as f:
        f.write(json.dumps(HOSTILE) + "\n")
    sample = os.path.join(args.source, "corpora", "sample", "jsonl")
    subprocess.run([args.cli, "index", "--db", db, sample, hostile], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    procs = []
    log = open(os.path.join(work, "serve.log"), "w")
    try:
        serve, port = start_serve(args.cli, db, log)
        procs.append(serve)
        chromium, ws_url = start_chromium(args.chromium, os.path.join(work, "profile"))
        procs.append(chromium)
        cdp = Cdp(ws_url)
        cdp.call("Page.enable")
        cdp.call("Runtime.enable")
        base = f"http://127.0.0.1:{port}/"

        # Type a query and press Enter.
        cdp.call("Page.navigate", url=base)
        cdp.wait_for("document.readyState === 'complete' && !!document.getElementById('q')",
                     "the page")
        cdp.eval("document.getElementById('q').focus()")
        cdp.call("Input.insertText", text="minister")
        for kind in ("keyDown", "keyUp"):
            cdp.call("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter",
                     windowsVirtualKeyCode=13, nativeVirtualKeyCode=13,
                     **({"text": "\r"} if kind == "keyDown" else {}))
        cdp.wait_for("(document.getElementById('hits').dataset.shown || '').includes('q=minister')"
                     " && document.querySelectorAll('#hits .hit').length > 0", "ranked results")
        check("q=minister" in cdp.eval("location.search"), "the URL holds the query")
        shown = hit_ids(cdp)
        expect = api(port, "/api/search", q="minister", limit=10, collapse=1, repair=1)
        want = [h["id"] for h in expect["hits"]]
        check(shown == want, f"the page shows the API's ranking ({len(shown)} hits): "
                             f"{shown} vs {want}")
        check(cdp.eval("document.getElementById('status').textContent").startswith("Ongeveer"),
              "the result count is in Dutch")
        check(cdp.eval("document.querySelectorAll('#hits .snippet b').length > 0"),
              "snippets highlight the matches")

        # Click a facet: the results are filtered and the URL says so.
        value = cdp.eval("document.querySelector('.facet[data-facet=outlet]').dataset.value")
        cdp.click(".facet[data-facet=outlet]")
        cdp.wait_for("location.search.includes('outlet=') && (document.getElementById('hits')"
                     ".dataset.shown || '').includes('outlet=')", "the facet in the URL")
        cdp.wait_for("document.querySelector('.facet[aria-pressed=true]') !== null",
                     "the pressed facet")
        filtered = api(port, "/api/search", q="minister", limit=10, collapse=1, repair=1,
                       outlet=value)
        shown = hit_ids(cdp)
        check(shown == [h["id"] for h in filtered["hits"]] and
              all(h["outlet"] == value for h in filtered["hits"]),
              f"the facet {value!r} filters the results ({len(shown)} hits)")

        # The back button returns to the unfiltered results.
        cdp.eval("history.back()")
        cdp.wait_for("!location.search.includes('outlet=') && !(document.getElementById('hits')"
                     ".dataset.shown || 'outlet=').includes('outlet=')", "back without the facet")
        cdp.wait_for(f"document.querySelectorAll('#hits .hit').length === {len(expect['hits'])}",
                     "the unfiltered results again")
        check(True, "the back button restores the previous results")

        # More like this.
        cdp.click("#hits .hit .more-like-this")
        cdp.wait_for("document.querySelectorAll('.similar li').length > 0", "similar articles")
        check(cdp.eval("document.querySelector('.similar h3').textContent") == "Meer zoals dit",
              "'meer zoals dit' lists similar articles")

        # "+N kopieën" lists the other copies of a collapsed wire story.
        n = cdp.eval("(() => { const b = document.querySelector('#hits .hit button.copies');"
                     " return b ? parseInt(b.textContent.slice(1), 10) : 0; })()")
        check(n > 0, f"a collapsed hit says it stands for {n} more copies")
        cdp.click("#hits .hit button.copies")
        cdp.wait_for("document.querySelectorAll('.copy-list li').length > 0", "the copies")
        check(cdp.eval("document.querySelectorAll('.copy-list li').length") == n,
              "clicking it lists exactly those copies")

        # The spelling suggestion.
        cdp.call("Page.navigate", url=base + "?q=trainingsmisie")
        cdp.wait_for("!document.getElementById('suggestion').hidden", "the suggestion")
        check(cdp.eval("document.getElementById('suggestion-link').textContent") ==
              "trainingsmissie", "'bedoelde u …?' offers the right spelling")
        cdp.click("#suggestion-link")
        cdp.wait_for("(document.getElementById('hits').dataset.shown || '')"
                     ".includes('q=trainingsmissie')", "following the suggestion")
        cdp.wait_for("document.querySelectorAll('#hits .hit').length > 0", "its results")

        # Markup in the index renders as text.
        cdp.call("Page.navigate", url=base + "?q=narwal")
        cdp.wait_for("(document.getElementById('hits').dataset.shown || '').includes('q=narwal')"
                     " && document.querySelectorAll('#hits .hit').length > 0", "the hostile hit")
        title = cdp.eval("document.querySelector('#hits .hit h2').textContent")
        check(title == HOSTILE["title"], "a <script> title is shown as text")
        snippet = cdp.eval("document.querySelector('#hits .hit .snippet').textContent")
        check("<script>window.__xss=6</script>" in snippet and '"onmouseover=' in snippet and
              "</mark>" in snippet and "<img" in snippet,
              "<script>, quotes, </mark> and <img> in a body are shown as text")
        check(cdp.eval("typeof window.__xss") == "undefined", "no injected script ran")
        check(cdp.eval("document.querySelectorAll('#hits script, #hits img, #hits i, "
                       "#hits mark, #hits [onmouseover]').length") == 0,
              "no element came from the index")
        check(cdp.eval("document.querySelector('#hits .hit h2 a')") is None,
              "a javascript: url is not made a link")
        check(cdp.eval("document.querySelector('#hits .hit .snippet b').textContent") == "narwal",
              "the highlight is the match only")

        # The query syntax help is one click away.
        check(not cdp.eval("document.querySelector('details.help').open"), "the help starts closed")
        cdp.click("details.help summary")
        cdp.wait_for("document.querySelector('details.help').open", "the help open")
        check(cdp.eval("document.querySelector('details.help dl').offsetHeight > 0 && "
                       "document.querySelector('details.help dl').textContent.includes('titel:')"),
              "'Zoektips' shows the query syntax")

        # Keyboard only: Tab from the search box to a facet, Enter applies it
        # (with a visible focus ring); Tab on to "meer zoals dit", Enter opens it.
        cdp.call("Page.navigate", url=base + "?q=minister")
        cdp.wait_for("(document.getElementById('hits').dataset.shown || '') === '/?q=minister'"
                     " && document.querySelectorAll('.facet').length > 0", "results and facets")
        cdp.eval("document.getElementById('q').focus()")
        cdp.tab_to("e.classList.contains('facet')", "a facet")
        check(cdp.eval("getComputedStyle(document.activeElement).outlineStyle") == "solid",
              "the focused facet has a visible focus ring")
        facet = cdp.eval("[document.activeElement.dataset.facet,"
                         " document.activeElement.dataset.value]")
        cdp.key("Enter", "Enter", 13, "\r")
        wanted = urllib.parse.urlencode({facet[0]: facet[1]})
        cdp.wait_for("(document.getElementById('hits').dataset.shown || '')"
                     f".includes({json.dumps(wanted)})", "the facet chosen by keyboard")
        check(True, f"Tab and Enter apply the facet {facet[0]}={facet[1]!r}")
        cdp.tab_to("e.classList.contains('more-like-this')", "'meer zoals dit'", limit=120)
        cdp.key("Enter", "Enter", 13, "\r")
        cdp.wait_for("document.querySelectorAll('.similar li').length > 0", "similar by keyboard")
        check(cdp.eval("document.activeElement.getAttribute('aria-expanded')") == "true",
              "Enter on 'meer zoals dit' opens it (aria-expanded)")

        # Labels for screen readers.
        aria = cdp.eval("""(() => {
          const bad = [];
          const q = document.getElementById('q');
          if (!q.labels.length || !q.labels[0].textContent.trim()) bad.push('search box label');
          for (const id of ['since', 'until', 'sort']) {
            if (!document.getElementById(id).labels.length) bad.push(id + ' label');
          }
          const f = document.getElementById('search');
          if (f.getAttribute('role') !== 'search' || !f.getAttribute('aria-label')) bad.push('form');
          const st = document.getElementById('status');
          if (st.getAttribute('role') !== 'status' || st.getAttribute('aria-live') !== 'polite') {
            bad.push('status');
          }
          for (const sel of ['#facets', '.results', '#pager']) {
            if (!document.querySelector(sel).getAttribute('aria-label')) bad.push(sel);
          }
          for (const b of document.querySelectorAll('button, a')) {
            if (b.closest('[hidden]')) continue;  // not shown, not read out
            if (!(b.getAttribute('aria-label') || b.textContent).trim()) {
              bad.push('unnamed ' + b.outerHTML);
            }
          }
          for (const b of document.querySelectorAll('.facet')) {
            if (!['true', 'false'].includes(b.getAttribute('aria-pressed'))) bad.push('facet state');
          }
          if (document.documentElement.lang !== 'nl') bad.push('lang');
          return bad;
        })()""")
        check(aria == [], f"controls are labelled for screen readers {aria}")

        # A date range from the form: the URL holds it, every hit lies in it.
        months = api(port, "/api/search", q="", limit=0, facets="month")["facets"]["month"]
        month = max(months, key=lambda m: m["count"])["value"]
        since, until = month + "-01", month + "-20"
        cdp.call("Page.navigate", url=base)
        cdp.wait_for("document.getElementById('hits').dataset.shown === '/'", "the newest articles")
        cdp.eval(f"document.getElementById('since').value = {json.dumps(since)};"
                 f"document.getElementById('until').value = {json.dumps(until)};"
                 "document.getElementById('q').focus()")
        cdp.key("Enter", "Enter", 13, "\r")
        cdp.wait_for("(document.getElementById('hits').dataset.shown || '').includes('until=')",
                     "the date range")
        ranged = api(port, "/api/search", q="", limit=10, collapse=1, repair=1, since=since,
                     until=until)
        shown = hit_ids(cdp)
        check(f"since={since}" in cdp.eval("location.search") and bool(shown) and
              shown == [h["id"] for h in ranged["hits"]] and
              all(since <= h["date"][:10] <= until for h in ranged["hits"]),
              f"the date range {since}..{until} filters the results ({len(shown)} hits)")

        # A month facet is a date range the form shows and keeps: a new query
        # typed into the box searches the same month.
        cdp.call("Page.navigate", url=base + "?q=minister")
        cdp.wait_for("(document.getElementById('hits').dataset.shown || '') === '/?q=minister'"
                     " && document.querySelector('.facet[data-facet=month]') !== null",
                     "the month facet")
        month = cdp.eval("document.querySelector('.facet[data-facet=month]').dataset.value")
        cdp.click(".facet[data-facet=month]")
        cdp.wait_for("(document.getElementById('hits').dataset.shown || '').includes('since=')",
                     "the month chosen")
        check(cdp.eval("document.getElementById('since').value") == month + "-01",
              f"the month facet {month} shows as a date range in the form")
        cdp.eval("(() => { const q = document.getElementById('q'); q.value = ''; q.focus(); })()")
        cdp.call("Input.insertText", text="navo")
        cdp.key("Enter", "Enter", 13, "\r")
        cdp.wait_for("(document.getElementById('hits').dataset.shown || '').includes('q=navo')",
                     "the new query")
        check(f"since={month}-01" in cdp.eval("location.search"),
              "a new query keeps the month filter")

        # Sort by date, newest first.
        cdp.call("Page.navigate", url=base + "?q=minister")
        cdp.wait_for("(document.getElementById('hits').dataset.shown || '') === '/?q=minister'",
                     "relevance order")
        cdp.eval("(() => { const s = document.getElementById('sort'); s.value = 'date';"
                 " s.dispatchEvent(new Event('change')); })()")
        cdp.wait_for("(document.getElementById('hits').dataset.shown || '').includes('sort=date')",
                     "date order")
        by_date = api(port, "/api/search", q="minister", limit=10, collapse=1, repair=1,
                      sort="date")
        shown = hit_ids(cdp)
        dates = [h["date"] for h in by_date["hits"]]
        check(shown == [h["id"] for h in by_date["hits"]] and dates == sorted(dates, reverse=True),
              f"'nieuwste eerst' sorts by date ({len(shown)} hits)")

        # One page of results: no pager.
        cdp.call("Page.navigate", url=base + "?q=storm")
        cdp.wait_for("(document.getElementById('hits').dataset.shown || '') === '/?q=storm'",
                     "one page of results")
        check(cdp.eval("document.getElementById('pager').getClientRects().length") == 0,
              "no pager when the results fit on one page")

        # Pagination, and back to the first page.
        cdp.call("Page.navigate", url=base)
        cdp.wait_for("document.getElementById('hits').dataset.shown === '/' && "
                     "!document.getElementById('pager').hidden", "the pager")
        first = hit_ids(cdp)
        check(cdp.eval("document.getElementById('pager').getClientRects().length") > 0 and
              cdp.eval("document.getElementById('prev').getAttribute('aria-disabled')") == "true",
              "a pager, with no previous page on page 1")
        cdp.click("#next")
        cdp.wait_for("document.getElementById('hits').dataset.shown === '/?page=2'", "page 2")
        page2 = api(port, "/api/search", q="", limit=10, offset=10, collapse=1, repair=1)
        shown = hit_ids(cdp)
        check(shown == [h["id"] for h in page2["hits"]] and not set(shown) & set(first) and
              cdp.eval("document.getElementById('page').textContent").startswith("Pagina 2 van"),
              f"'Volgende' shows the next ten ({len(shown)} hits)")
        cdp.eval("history.back()")
        cdp.wait_for("document.getElementById('hits').dataset.shown === '/'", "page 1 again")
        check(hit_ids(cdp)
              == first, "the back button returns to page 1")

        # Screenshots, desktop and phone width.
        os.makedirs(args.out, exist_ok=True)
        cdp.call("Page.navigate", url=base + "?q=minister")
        cdp.wait_for("document.querySelectorAll('#hits .hit').length > 0", "results")
        cdp.wait_for("document.querySelectorAll('.facet').length > 0", "facets")
        cdp.screenshot(os.path.join(args.out, "serve-page.png"))
        cdp.call("Emulation.setDeviceMetricsOverride", width=390, height=844,
                 deviceScaleFactor=1, mobile=True)
        cdp.call("Page.reload")
        cdp.wait_for("document.querySelectorAll('#hits .hit').length > 0", "results on a phone")
        width = cdp.eval("document.documentElement.scrollWidth")
        check(width <= 390, f"no horizontal scrolling at phone width ({width}px)")
        cdp.screenshot(os.path.join(args.out, "serve-page-phone.png"))
        return 0
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        log.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "")
    args = ap.parse_args()
    if not args.chromium:
        print("SKIP: chromium is not installed (scripts/install-deps.sh installs it)")
        return SKIP
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(Failure("over 120 s")))
    signal.alarm(120)
    work = tempfile.mkdtemp(prefix="newsindex-browser-")
    try:
        return run(args, work)
    except Failure as e:
        print("FAIL:", e)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
