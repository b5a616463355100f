// The search page of `newsindex serve`: reads its state from the URL, asks
// /api/search and renders the answer with DOM text nodes only (nothing from
// the index is ever parsed as HTML).
"use strict";

const PAGE_SIZE = 10;
const FACETS = [["source", "Bron"], ["outlet", "Medium"], ["month", "Maand"]];
const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
  "september", "oktober", "november", "december"];

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

// State <-> URL: q, since, until, sort, source, outlet, page.
function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get("q") || "", since: p.get("since") || "", until: p.get("until") || "",
    sort: p.get("sort") === "date" ? "date" : "relevance",
    source: p.get("source") || "", outlet: p.get("outlet") || "",
    page: Math.max(1, parseInt(p.get("page") || "1", 10) || 1),
  };
}

function stateUrl(s) {
  const p = new URLSearchParams();
  for (const k of ["q", "since", "until", "source", "outlet"]) if (s[k]) p.set(k, s[k]);
  if (s.sort !== "relevance") p.set("sort", s.sort);
  if (s.page > 1) p.set("page", String(s.page));
  const qs = p.toString();
  return "/" + (qs ? "?" + qs : "");
}

function go(s) {
  history.pushState(null, "", stateUrl(s));
  show(s);
}

// "2020-02" -> ["2020-02-01", "2020-02-29"]: a month facet as the date range
// the form shows, so that a new search from the form keeps it.
function monthRange(v) {
  const m = /^(\d{4})-(\d{2})$/.exec(v);
  if (!m) return [v, v];
  const last = new Date(Date.UTC(parseInt(m[1], 10), parseInt(m[2], 10), 0)).getUTCDate();
  return [`${v}-01`, `${v}-${String(last).padStart(2, "0")}`];
}

function fillForm(s) {
  $("q").value = s.q;
  const day = (d, end) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
    return /^\d{4}-\d{2}$/.test(d) ? monthRange(d)[end ? 1 : 0] : "";
  };
  $("since").value = day(s.since, false);
  $("until").value = day(s.until, true);
  $("sort").value = s.sort;
}

function dutchDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
  if (!m) return "";
  return `${parseInt(m[3], 10)} ${MONTHS[parseInt(m[2], 10) - 1] || m[2]} ${m[1]}`;
}

function monthLabel(v) {
  const m = /^(\d{4})-(\d{2})$/.exec(v);
  return m ? `${MONTHS[parseInt(m[2], 10) - 1] || m[2]} ${m[1]}` : v;
}

// The server's snippet is escaped text with <b>…</b> around matches: split on
// the tags and decode the entities, building text nodes.
function snippetNode(html) {
  const out = el("p", { class: "snippet" });
  const decode = (t) => t.replace(/&(lt|gt|quot|#39|amp);/g, (_, e) =>
    ({ lt: "<", gt: ">", quot: "\"", "#39": "'", amp: "&" })[e]);
  let bold = false;
  for (const part of (html || "").split(/(<\/?b>)/)) {
    if (part === "<b>") { bold = true; continue; }
    if (part === "</b>") { bold = false; continue; }
    if (part) out.append(bold ? el("b", {}, decode(part)) : decode(part));
  }
  return out;
}

function safeUrl(u) {
  try {
    const url = new URL(u);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : "";
  } catch (e) {
    return "";
  }
}

function meta(h) {
  const m = el("p", { class: "meta" });
  if (h.date) m.append(el("span", {}, el("time", { datetime: h.date }, dutchDate(h.date))));
  if (h.outlet) m.append(el("span", {}, h.outlet));
  if (h.source && h.source !== h.outlet) m.append(el("span", {}, h.source));
  return m;
}

function titleNode(h, tag) {
  const text = h.title || h.id;
  const href = safeUrl(h.url);
  return el(tag, {}, href ? el("a", { href, rel: "noopener noreferrer" }, text) : text);
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await r.json(); } catch (e) { /* not JSON */ }
  if (!r.ok) {
    const msg = body && body.error ? body.error.message : `HTTP ${r.status}`;
    throw new Error(msg);
  }
  return body;
}

async function similar(h, item, button) {
  const open = item.querySelector(".similar");
  if (open) { open.remove(); button.setAttribute("aria-expanded", "false"); return; }
  button.setAttribute("aria-expanded", "true");
  const box = el("div", { class: "similar", role: "region", "aria-label": `Meer zoals ${h.title || h.id}` });
  item.append(box);
  try {
    const r = await api(`/api/similar/${encodeURIComponent(h.id)}?limit=5`);
    box.append(el("h3", {}, "Meer zoals dit"));
    const list = el("ol", {});
    for (const s of r.hits) list.append(el("li", { class: "similar-hit" }, titleNode(s, "span"), meta(s)));
    if (!r.hits.length) list.append(el("li", {}, "Geen vergelijkbare artikels gevonden."));
    box.append(list);
  } catch (e) {
    box.append(el("p", {}, `Fout: ${e.message}`));
  }
}

async function copies(h, item, button) {
  const open = item.querySelector(".copy-list");
  if (open) { open.remove(); button.setAttribute("aria-expanded", "false"); return; }
  button.setAttribute("aria-expanded", "true");
  const box = el("div", { class: "similar copy-list", role: "region", "aria-label": `Kopieën van ${h.title || h.id}` });
  item.append(box);
  try {
    const r = await api(`/api/copies/${encodeURIComponent(h.id)}`);
    box.append(el("h3", {}, "Ook verschenen als"));
    const list = el("ol", {});
    for (const c of r.copies) list.append(el("li", { class: "copy" }, titleNode(c, "span"), meta(c)));
    box.append(list);
  } catch (e) {
    box.append(el("p", {}, `Fout: ${e.message}`));
  }
}

function renderHits(r) {
  const list = $("hits");
  list.replaceChildren();
  for (const h of r.hits) {
    const item = el("li", { class: "hit", "data-id": h.id });
    item.append(titleNode(h, "h2"), meta(h), snippetNode(h.snippet));
    const actions = el("p", { class: "actions" });
    if (h.duplicates > 0) {
      const b = el("button", { type: "button", class: "copies", "aria-expanded": "false" },
        `+${h.duplicates} ${h.duplicates === 1 ? "kopie" : "kopieën"} van dit bericht`);
      b.addEventListener("click", () => copies(h, item, b));
      actions.append(b, " ");
    }
    const more = el("button", { type: "button", class: "more-like-this", "aria-expanded": "false" },
      "Meer zoals dit");
    more.addEventListener("click", () => similar(h, item, more));
    actions.append(more);
    item.append(actions);
    list.append(item);
  }
}

function renderFacets(r, s) {
  const aside = $("facets");
  aside.replaceChildren();
  for (const [name, label] of FACETS) {
    const values = (r.facets || {})[name] || [];
    if (!values.length) continue;
    const ul = el("ul", {});
    for (const v of values.slice(0, 12)) {
      const [first, last] = monthRange(v.value);
      const active = name === "month" ? s.since === first && s.until === last : s[name] === v.value;
      const b = el("button", { type: "button", class: "facet", "data-facet": name,
        "data-value": v.value, "aria-pressed": active ? "true" : "false" },
      name === "month" ? monthLabel(v.value) : v.value, el("span", { class: "count" }, `(${v.count})`));
      b.addEventListener("click", () => {
        const next = { ...s, page: 1 };
        if (name === "month") {
          next.since = active ? "" : first;
          next.until = active ? "" : last;
        } else {
          next[name] = active ? "" : v.value;
        }
        go(next);
      });
      ul.append(el("li", {}, b));
    }
    aside.append(el("h2", {}, label), ul);
  }
}

function renderFilters(s) {
  const box = $("filters");
  box.replaceChildren();
  const active = [];
  if (s.source) active.push(["source", `Bron: ${s.source}`]);
  if (s.outlet) active.push(["outlet", `Medium: ${s.outlet}`]);
  if (s.since || s.until) active.push(["date", `Periode: ${s.since || "…"} – ${s.until || "…"}`]);
  for (const [key, label] of active) {
    const b = el("button", { type: "button", "aria-label": `${label} (filter weghalen)` }, `${label} ×`);
    b.addEventListener("click", () => {
      const next = { ...s, page: 1 };
      if (key === "date") { next.since = ""; next.until = ""; } else next[key] = "";
      go(next);
    });
    box.append(b);
  }
  box.hidden = active.length === 0;
}

function renderPager(r, s) {
  const pager = $("pager");
  const pages = Math.ceil(Math.min(r.total.estimate, 10000) / PAGE_SIZE);
  pager.hidden = pages <= 1;
  const link = (a, page, ok) => {
    a.href = stateUrl({ ...s, page });
    a.setAttribute("aria-disabled", ok ? "false" : "true");
    a.onclick = (ev) => { ev.preventDefault(); if (ok) { go({ ...s, page }); window.scrollTo(0, 0); } };
  };
  link($("prev"), s.page - 1, s.page > 1);
  link($("next"), s.page + 1, s.page < pages);
  $("page").textContent = `Pagina ${s.page} van ${pages}`;
}

let current = 0;

async function show(s) {
  fillForm(s);
  document.title = s.q ? `${s.q} – Nieuws zoeken` : "Nieuws zoeken";
  const status = $("status");
  status.className = "";
  const p = new URLSearchParams({ q: s.q, limit: String(PAGE_SIZE),
    offset: String((s.page - 1) * PAGE_SIZE), sort: s.sort, collapse: "1", repair: "1",
    facets: FACETS.map((f) => f[0]).join(",") });
  for (const k of ["since", "until", "source", "outlet"]) if (s[k]) p.set(k, s[k]);
  const mine = ++current;
  status.textContent = "Zoeken…";
  try {
    const r = await api(`/api/search?${p}`);
    if (mine !== current) return;
    const n = r.total.estimate;
    status.textContent = n === 0 ? "Geen resultaten." : `Ongeveer ${n.toLocaleString("nl-NL")} ${n === 1 ? "resultaat" : "resultaten"}`;
    if (r.warnings && r.warnings.length) status.append(el("span", { class: "warning" }, ` (let op: ${r.warnings.join("; ")})`));
    const sug = $("suggestion");
    sug.hidden = !r.suggestion;
    if (r.suggestion) {
      const a = $("suggestion-link");
      a.textContent = r.suggestion;
      a.href = stateUrl({ ...s, q: r.suggestion, page: 1 });
      a.onclick = (ev) => { ev.preventDefault(); go({ ...s, q: r.suggestion, page: 1 }); };
    }
    renderFilters(s);
    renderFacets(r, s);
    renderHits(r);
    renderPager(r, s);
    $("hits").dataset.shown = stateUrl(s);  // which state the list shows (for tests)
  } catch (e) {
    if (mine !== current) return;
    status.className = "error";
    status.textContent = `Fout: ${e.message}`;
    $("hits").replaceChildren();
    $("facets").replaceChildren();
    $("pager").hidden = true;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const s = readState();
    go({ ...s, q: $("q").value.trim(), since: $("since").value, until: $("until").value,
      sort: $("sort").value, page: 1 });
  });
  $("sort").addEventListener("change", () => $("search").requestSubmit());
  window.addEventListener("popstate", () => show(readState()));
  show(readState());
  $("q").focus();
});
