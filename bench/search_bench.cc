// search_bench: query latency of the Searcher against raw Xapian and SQLite
// FTS5 on the same articles and queries, in the same run.
//
// Articles: the first N of ../shared/corpora (fallback corpora/sample):
// --articles=N (default 20,000) or --articles=all (the whole corpus,
// 107,821). Three indexes are built once and cached under
// <build>/bench-cache/search-v9-<articles loaded>/: ours (IndexWriter in
// bulk mode with its default block sizes, as `newsindex index` builds a new
// database; full analysis), raw Xapian (TermGenerator + Stem("dutch"), positions, an XOUT
// outlet filter term and outlet/year value slots), and FTS5 (unicode61
// remove_diacritics 2).
//
// Queries: 250 per kind (1,750 in all), fixed seed, drawn from the corpus
// vocabulary:
//   words1/words2/words3  1-3 words (default operator OR everywhere)
//   phrase                two consecutive words of an article, quoted
//   filtered              1-2 words + outlet:<the article's outlet>
//   facets                1-2 words + facet counts per outlet and year
//   title                 an article's title as typed (a headline query, as
//                         known-item-nl's; no FTS5 row)
//   batch                 all 1,750 of them, one of each kind in turn (issue
//                         18's measure: p50 and p99 over one mixed batch;
//                         raw_xapian, ours_plain, ours_full and
//                         ours_full_norerank only)
// Each benchmark runs every query of its kind 4 times and reports mean, p50
// and p99 latency in microseconds (counters mean_us, p50_us, p99_us), and
// p50/p99 of the thread's CPU time per query (p50_cpu_us, p99_cpu_us: the
// latency without the time other processes held the CPU). "ours_plain" = no
// snippets, no facets (except the facets kind); "ours_full" = with snippets
// (and facets for the facets kind); "ours_nostop" = ours_plain with the stop
// words of free text dropped (stopword_weight 0, the former default), which
// prices keeping them (docs/evaluation.md, "Stop words in headline queries");
// "ours_feedback" = ours_plain with pseudo-relevance feedback (10 documents,
// 10 stems, weight 0.05: the best point of docs/evaluation.md, "Pseudo-
// relevance feedback"), which prices its second match; "ours_variants" =
// ours_plain with the stem variants (variant_weight 0.25; off by default),
// which prices them (docs/evaluation.md, "Related forms"); "ours_norelated" =
// ours_plain without the related forms (related_weight 0), which prices them;
// "ours_norerank" / "ours_full_norerank" = ours_plain / ours_full without the
// learned rerank of the top 10 (on by default for queries of 4 words or more:
// the title kind; docs/evaluation.md, "A learned rerank of the top k"), which
// prices it.
// Raw Xapian stores the same JSON document data as ours and, like ours,
// fetches it for each hit shown. Before timing,
// each engine is checked to find hits and (mostly) the article a query was
// drawn from. SEARCH_BENCH_SLOWEST=1 prints the slowest 1% of queries to
// stderr. SEARCH_BENCH_DUMP=FILE appends, for every query of each ours_full
// benchmark run, its hits (id, score, fields), rendered snippets and facets to FILE, so two
// builds can be diffed for identical output on the shared corpus.
//
//   build/release/bench/search_bench --articles=all
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "bench_data.h"
#include "newsindex/raw_xapian.h"
#include "newsindex/searcher.h"
#include "newsindex/writer.h"

namespace newsindex::bench {
namespace {

namespace fs = std::filesystem;

std::size_t g_articles = 20000;
constexpr std::size_t kQueriesPerKind = 250;

const char* const kKinds[] = {"words1",   "words2", "words3", "phrase",
                              "filtered", "facets", "title"};
// All 1,750 queries of the kinds above, interleaved (issue 18's measure:
// one batch of generated queries, p50 and p99 over the whole batch).
const char* const kBatch = "batch";

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "search_bench: %s\n", what.c_str());
  std::exit(1);
}

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct Query {
  std::string text;    // our syntax (also Xapian QueryParser syntax)
  std::string fts;     // FTS5 MATCH expression
  std::string outlet;  // filtered: the outlet filter value ("" = none)
  bool facets = false;
  std::string from_id;  // the article the words came from
};

struct Fixture {
  fs::path dir;
  std::vector<Article> articles;
  std::map<std::string, std::vector<Query>> queries;
  std::unique_ptr<Searcher> ours;
  std::unique_ptr<Searcher> ours_nostop;  // stop words dropped
  std::unique_ptr<Searcher> ours_feedback;  // pseudo-relevance feedback on
  std::unique_ptr<Searcher> ours_variants;  // stem variants on
  std::unique_ptr<Searcher> ours_norelated;  // related forms off
  std::unique_ptr<Searcher> ours_norerank;   // the learned rerank off
  Xapian::Database raw;
  sqlite3* fts = nullptr;
};

fs::path cache_dir(std::size_t articles) {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  fs::path base = ec ? fs::current_path() : exe.parent_path();
  return base / "bench-cache" / ("search-v9-" + std::to_string(articles));
}

void build_ours(const fs::path& path, const std::vector<Article>& articles) {
  // As `newsindex index` builds a new database: bulk mode, one commit.
  WriterOptions o;
  o.bulk = true;
  o.batch_size = 0;
  auto w = IndexWriter::open(path.string(), o);
  if (!w.ok()) die("ours: " + w.status().to_string());
  for (const Article& a : articles) {
    Status st = (*w)->add(a);
    if (!st.ok()) continue;  // an article without text: skipped the same way below
  }
  if (Status st = (*w)->commit(); !st.ok()) die("ours commit: " + st.to_string());
}

void build_raw(const fs::path& path, const std::vector<Article>& articles) {
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg = raw_xapian::term_generator();
  for (const Article& a : articles) {
    Xapian::Document doc;
    raw_xapian::index_article_text(tg, doc, a.title, a.body);
    doc.add_boolean_term("Q" + a.id);
    if (!a.outlet.empty()) {
      doc.add_boolean_term("XOUT" + lower_ascii(a.outlet));
      doc.add_value(1, a.outlet);
    }
    if (a.timestamp != kNoTimestamp) {
      std::time_t t = static_cast<std::time_t>(a.timestamp);
      std::tm tm{};
      gmtime_r(&t, &tm);
      doc.add_value(2, std::to_string(tm.tm_year + 1900));
    }
    // The same display data as ours stores, so both fetch the same bytes
    // for each hit shown.
    nlohmann::json data = {
        {"id", a.id},         {"title", a.title},   {"lead", a.lead},         {"body", a.body},
        {"source", a.source}, {"outlet", a.outlet}, {"category", a.category}, {"url", a.url}};
    doc.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    db.replace_document("Q" + a.id, doc);
  }
  db.commit();
}

void exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err ? err : "?";
    sqlite3_free(err);
    die(std::string("sqlite: ") + m);
  }
}

void build_fts(const fs::path& path, const std::vector<Article>& articles) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.string().c_str(), &db) != SQLITE_OK) die("sqlite open");
  exec(db,
       "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, outlet UNINDEXED, title, body, "
       "tokenize = 'unicode61 remove_diacritics 2')");
  exec(db, "BEGIN");
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO docs VALUES (?, ?, ?, ?)", -1, &st, nullptr);
  for (const Article& a : articles) {
    sqlite3_bind_text(st, 1, a.id.c_str(), -1, SQLITE_TRANSIENT);
    std::string src = lower_ascii(a.outlet);
    sqlite3_bind_text(st, 2, src.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, a.title.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, a.body.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  exec(db, "COMMIT");
  sqlite3_close(db);
}

bool plain_word(const std::string& w) {
  if (w.size() < 4 || w.size() > 14) return false;
  for (unsigned char c : w) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

// Words of an article's body as written (ASCII letters only, lower-cased).
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : text + " ") {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalpha(c) && c < 0x80) {
      cur.push_back(static_cast<char>(std::tolower(c)));
    } else {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
      if (c >= 0x80) out.push_back("");  // breaks a run: no phrase across it
    }
  }
  return out;
}

std::string fts_words(const std::vector<std::string>& ws) {
  std::string q;
  for (const auto& w : ws) {
    if (!q.empty()) q += " OR ";
    q += "\"" + w + "\"";
  }
  return q;
}

// Words with a document frequency between 5 and 5% of the articles: the
// kind of word people search for.
void make_queries(Fixture& f) {
  std::mt19937 rng(20200212);
  Xapian::doccount n = f.raw.get_doccount();
  auto good = [&](const std::string& w) {
    if (!plain_word(w)) return false;
    Xapian::doccount tf = f.raw.get_termfreq(w);  // raw terms: lower-cased words
    return tf >= 5 && tf <= std::max<Xapian::doccount>(n / 20, 10);
  };
  std::uniform_int_distribution<std::size_t> pick(0, f.articles.size() - 1);
  for (const char* kind : kKinds) {
    std::string k = kind;
    auto& list = f.queries[k];
    int guard = 0;
    while (list.size() < kQueriesPerKind && ++guard < 200000) {
      const Article& a = f.articles[pick(rng)];
      std::vector<std::string> ws = words_of(a.body);
      if (ws.size() < 10) continue;
      std::uniform_int_distribution<std::size_t> at(0, ws.size() - 2);
      Query q;
      q.from_id = a.id;
      if (k == "title") {
        std::vector<std::string> tw;
        for (const std::string& w : words_of(a.title)) {
          if (!w.empty()) tw.push_back(w);
        }
        if (tw.size() < 3 || a.title.size() > 200) continue;
        try {  // a title raw Xapian's QueryParser rejects is not drawn
          Xapian::QueryParser qp;
          qp.parse_query(a.title);
        } catch (const Xapian::QueryParserError&) {
          continue;
        }
        q.text = a.title;
        q.fts = fts_words(tw);
        list.push_back(q);
        continue;
      }
      if (k == "phrase") {
        std::size_t i = at(rng);
        if (!good(ws[i]) || !plain_word(ws[i + 1])) continue;
        q.text = "\"" + ws[i] + " " + ws[i + 1] + "\"";
        q.fts = q.text;
        list.push_back(q);
        continue;
      }
      std::size_t count = k == "words2" ? 2 : k == "words3" ? 3 : k == "words1" ? 1 : 1 + rng() % 2;
      std::vector<std::string> chosen;
      for (int tries = 0; chosen.size() < count && tries < 50; ++tries) {
        const std::string& w = ws[at(rng)];
        if (good(w) && std::find(chosen.begin(), chosen.end(), w) == chosen.end()) {
          chosen.push_back(w);
        }
      }
      if (chosen.size() < count) continue;
      for (const auto& w : chosen) q.text += (q.text.empty() ? "" : " ") + w;
      q.fts = fts_words(chosen);
      if (k == "filtered") {
        std::string src = lower_ascii(a.outlet);
        if (src.empty() ||
            src.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") != std::string::npos) {
          continue;
        }
        q.outlet = src;
        q.text += " outlet:" + src;
      }
      q.facets = k == "facets";
      list.push_back(q);
    }
    if (list.size() < kQueriesPerKind) die("could not draw enough " + k + " queries");
  }
  // The batch: every kind's queries in turn (one of each kind, then the
  // next), as a search page's mixed stream of queries is.
  auto& batch = f.queries[kBatch];
  for (std::size_t i = 0; i < kQueriesPerKind; ++i) {
    for (const char* kind : kKinds) batch.push_back(f.queries[kind][i]);
  }
}

// A fresh Searcher's first facet query also reads the facet columns
// (search/facets.h, once per database revision); the timed runs below see
// them loaded. Printed so the one-off cost is on record.
void report_first_facet_query(Fixture& f) {
  auto s = Searcher::open({(f.dir / "ours").string()});
  if (!s.ok()) die("ours: " + s.status().to_string());
  SearchRequest r;
  r.query = f.queries["facets"].front().text;
  r.snippets = false;
  r.facets = {"outlet", "year"};
  double ms[2];
  for (double& m : ms) {
    auto t0 = std::chrono::steady_clock::now();
    if (auto res = (*s)->search(r); !res.ok()) die("ours: " + res.status().to_string());
    m = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  }
  std::fprintf(
      stderr,
      "first facet query of a fresh Searcher: %.1f ms (loads the columns), again: %.1f ms\n", ms[0],
      ms[1]);
}

Fixture& fixture() {
  static Fixture* f = [] {
    auto* f = new Fixture;
    std::string source;
    f->articles = load_articles(g_articles, &source);
    if (f->articles.empty()) die("no articles from " + source);
    f->dir = cache_dir(f->articles.size());
    std::error_code ec;
    bool cached = fs::exists(f->dir / "complete", ec);
    if (!cached) {
      fs::remove_all(f->dir, ec);
      fs::create_directories(f->dir);
      auto t0 = std::chrono::steady_clock::now();
      build_ours(f->dir / "ours", f->articles);
      auto t1 = std::chrono::steady_clock::now();
      build_raw(f->dir / "raw", f->articles);
      auto t2 = std::chrono::steady_clock::now();
      build_fts(f->dir / "fts.sqlite", f->articles);
      auto t3 = std::chrono::steady_clock::now();
      std::fprintf(
          stderr, "built indexes of %zu articles from %s: ours %.1fs raw %.1fs fts %.1fs\n",
          f->articles.size(), source.c_str(), std::chrono::duration<double>(t1 - t0).count(),
          std::chrono::duration<double>(t2 - t1).count(),
          std::chrono::duration<double>(t3 - t2).count());
      std::ofstream(f->dir / "complete") << f->articles.size() << "\n";
    }
    auto open_ours = [&](const SearcherOptions& o) {
      auto s = Searcher::open({(f->dir / "ours").string()}, o);
      if (!s.ok()) die("ours: " + s.status().to_string());
      return std::move(s).value();
    };
    f->ours = open_ours({});
    SearcherOptions nostop;
    nostop.stopword_weight = 0;
    f->ours_nostop = open_ours(nostop);
    SearcherOptions feedback;
    feedback.feedback_docs = 10;
    feedback.feedback_terms = 10;
    feedback.feedback_weight = 0.05;
    f->ours_feedback = open_ours(feedback);
    SearcherOptions variants;
    variants.variant_weight = 0.25;
    f->ours_variants = open_ours(variants);
    SearcherOptions norelated;
    norelated.related_weight = 0;
    f->ours_norelated = open_ours(norelated);
    SearcherOptions norerank;
    norerank.rerank = false;
    f->ours_norerank = open_ours(norerank);
    f->raw = Xapian::Database((f->dir / "raw").string());
    if (sqlite3_open_v2((f->dir / "fts.sqlite").string().c_str(), &f->fts, SQLITE_OPEN_READONLY,
                        nullptr) != SQLITE_OK) {
      die("fts open");
    }
    make_queries(*f);
    report_first_facet_query(*f);
    return f;
  }();
  return *f;
}

// --- The three engines, one query each ------------------------------------

// Our top 10 for `q` from `searcher`, with snippets when `full`.
SearchResults search_ours(Searcher& searcher, const Query& q, bool full) {
  SearchRequest r;
  r.query = q.text;
  r.limit = 10;
  r.snippets = full;
  if (q.facets) r.facets = {"outlet", "year"};
  auto res = searcher.search(r);
  if (!res.ok()) die("ours: " + res.status().to_string());
  return std::move(res).value();
}

std::size_t run_ours(Searcher& searcher, const Query& q, bool full, std::vector<std::string>* ids) {
  const SearchResults res = search_ours(searcher, q, full);
  if (ids) {
    for (const Hit& h : res.hits) ids->push_back(h.id);
  }
  std::size_t n = res.hits.size();
  for (const Hit& h : res.hits) n += h.snippet.size();
  return n;
}

std::size_t run_raw(Fixture& f, const Query& q, std::vector<std::string>* ids) {
  Xapian::QueryParser qp = raw_xapian::query_parser(f.raw);
  qp.add_boolean_prefix("outlet", "XOUT");
  Xapian::Enquire e(f.raw);
  e.set_query(qp.parse_query(q.text));
  e.set_weighting_scheme(Xapian::BM25Weight());
  Xapian::ValueCountMatchSpy outlets(1), years(2);
  Xapian::doccount check = 0;
  if (q.facets) {
    e.add_matchspy(&outlets);
    e.add_matchspy(&years);
    check = f.raw.get_doccount();
  }
  Xapian::MSet m = e.get_mset(0, 10, check);
  std::size_t bytes = 0;
  for (auto it = m.begin(); it != m.end(); ++it) {
    std::string data = it.get_document().get_data();  // what showing the hit needs
    bytes += data.size();
    if (ids) ids->push_back(nlohmann::json::parse(data, nullptr, false).value("id", ""));
  }
  return m.size() + bytes + (q.facets ? outlets.get_total() : 0);
}

std::size_t run_fts(Fixture& f, const Query& q, std::vector<std::string>* ids) {
  const char* sql = q.outlet.empty()
                        ? "SELECT id FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs) LIMIT 10"
                        : "SELECT id FROM docs WHERE docs MATCH ?1 AND outlet = ?2 "
                          "ORDER BY bm25(docs) LIMIT 10";
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(f.fts, sql, -1, &st, nullptr) != SQLITE_OK) die("fts prepare");
  sqlite3_bind_text(st, 1, q.fts.c_str(), -1, SQLITE_TRANSIENT);
  if (!q.outlet.empty()) sqlite3_bind_text(st, 2, q.outlet.c_str(), -1, SQLITE_TRANSIENT);
  std::size_t n = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    if (ids) ids->push_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    ++n;
  }
  sqlite3_finalize(st);
  return n;
}

enum class Engine {
  kOursPlain,
  kOursNoStop,
  kOursFeedback,
  kOursVariants,
  kOursNoRelated,
  kOursNoRerank,
  kOursFull,
  kOursFullNoRerank,
  kRaw,
  kFts
};

// CPU time of this thread: unlike wall time, not inflated while other
// processes on the (shared) machine hold the CPU.
double thread_cpu_us() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

std::size_t run_one(Fixture& f, Engine e, const Query& q, std::vector<std::string>* ids) {
  switch (e) {
    case Engine::kOursPlain:
      return run_ours(*f.ours, q, false, ids);
    case Engine::kOursNoStop:
      return run_ours(*f.ours_nostop, q, false, ids);
    case Engine::kOursFeedback:
      return run_ours(*f.ours_feedback, q, false, ids);
    case Engine::kOursVariants:
      return run_ours(*f.ours_variants, q, false, ids);
    case Engine::kOursNoRelated:
      return run_ours(*f.ours_norelated, q, false, ids);
    case Engine::kOursNoRerank:
      return run_ours(*f.ours_norerank, q, false, ids);
    case Engine::kOursFull:
      return run_ours(*f.ours, q, true, ids);
    case Engine::kOursFullNoRerank:
      return run_ours(*f.ours_norerank, q, true, ids);
    case Engine::kRaw:
      return run_raw(f, q, ids);
    case Engine::kFts:
      return run_fts(f, q, ids);
  }
  return 0;
}

// Correctness first: a one-word query drawn from an article must find
// hits in every engine, and (for rare-enough words) that article among
// the top 10 of most queries.
void check(Fixture& f, Engine e, const std::string& kind, benchmark::State& state) {
  std::size_t with_hits = 0, found_source = 0;
  const auto& qs = f.queries[kind];
  std::size_t n = std::min<std::size_t>(qs.size(), 50);
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::string> ids;
    run_one(f, e, qs[i], &ids);
    if (!ids.empty()) ++with_hits;
    if (std::find(ids.begin(), ids.end(), qs[i].from_id) != ids.end()) ++found_source;
  }
  if (with_hits < n * 9 / 10) {
    state.SkipWithError(
        ("too few queries with hits: " + std::to_string(with_hits) + "/" + std::to_string(n))
            .c_str());
  }
  state.counters["check_hits"] = static_cast<double>(with_hits) / static_cast<double>(n);
  state.counters["check_source_top10"] = static_cast<double>(found_source) / static_cast<double>(n);
}

// What ours_full shows for every query of `kind`, appended to `path`.
void dump(Fixture& f, const std::string& kind, const char* path) {
  std::ofstream out(path, std::ios::app | std::ios::binary);
  for (const Query& q : f.queries[kind]) {
    const SearchResults res = search_ours(*f.ours, q, true);
    out << kind << " | " << q.text << " | " << res.estimate << "\n";
    for (const Hit& h : res.hits) {
      char score[32];
      std::snprintf(score, sizeof score, "%.17g", h.score);
      out << "  " << h.id << " | " << score << " | " << h.duplicates << " | " << h.title << " | "
          << h.date << " | " << h.source << " | " << h.outlet << " | " << h.category << " | "
          << h.url << " | " << render_snippet(h.snippet, "[", "]") << "\n";
    }
    for (const auto& [name, values] : res.facets) {
      out << "  facet " << name << ":";
      for (const FacetValue& v : values) out << " " << v.value << "=" << v.count;
      out << "\n";
    }
  }
}

void BM_Query(benchmark::State& state, Engine engine, std::string kind) {
  Fixture& f = fixture();
  if (engine == Engine::kFts && kind == "facets") {
    state.SkipWithError("FTS5 has no facet counting");
    return;
  }
  if (engine == Engine::kFts && kind == "title") {
    state.SkipWithError("FTS5 runs no headline queries");
    return;
  }
  check(f, engine, kind, state);
  if (const char* path = std::getenv("SEARCH_BENCH_DUMP");
      path && engine == Engine::kOursFull && kind != kBatch) {
    dump(f, kind, path);
  }
  const auto& qs = f.queries[kind];
  std::vector<double> us, cpu;
  us.reserve(qs.size() * 4);
  cpu.reserve(qs.size() * 4);
  std::size_t i = 0, sink = 0;
  for (auto _ : state) {
    double c0 = thread_cpu_us();
    auto t0 = std::chrono::steady_clock::now();
    sink += run_one(f, engine, qs[i % qs.size()], nullptr);
    auto t1 = std::chrono::steady_clock::now();
    cpu.push_back(thread_cpu_us() - c0);
    us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    ++i;
  }
  benchmark::DoNotOptimize(sink);
  if (us.empty()) return;
  std::vector<double> sorted = us;
  std::sort(sorted.begin(), sorted.end());
  if (std::getenv("SEARCH_BENCH_SLOWEST")) {
    for (std::size_t k = 0; k < us.size(); ++k) {
      if (us[k] >= sorted[sorted.size() * 99 / 100]) {
        std::fprintf(stderr, "slow %.0f us [%zu] %s\n", us[k], k, qs[k % qs.size()].text.c_str());
      }
    }
  }
  double sum = 0;
  for (double v : us) sum += v;
  state.counters["mean_us"] = sum / static_cast<double>(us.size());
  state.counters["p50_us"] = sorted[sorted.size() / 2];
  state.counters["p99_us"] = sorted[std::min(sorted.size() - 1, sorted.size() * 99 / 100)];
  std::sort(cpu.begin(), cpu.end());
  state.counters["p50_cpu_us"] = cpu[cpu.size() / 2];
  state.counters["p99_cpu_us"] = cpu[std::min(cpu.size() - 1, cpu.size() * 99 / 100)];
  state.SetItemsProcessed(static_cast<std::int64_t>(us.size()));
}

void register_all() {
  const std::pair<Engine, const char*> engines[] = {{Engine::kRaw, "raw_xapian"},
                                                    {Engine::kOursPlain, "ours_plain"},
                                                    {Engine::kOursNoStop, "ours_nostop"},
                                                    {Engine::kOursFeedback, "ours_feedback"},
                                                    {Engine::kOursVariants, "ours_variants"},
                                                    {Engine::kOursNoRelated, "ours_norelated"},
                                                    {Engine::kOursNoRerank, "ours_norerank"},
                                                    {Engine::kOursFull, "ours_full"},
                                                    {Engine::kOursFullNoRerank,
                                                     "ours_full_norerank"},
                                                    {Engine::kFts, "sqlite_fts5"}};
  std::vector<std::pair<std::string, std::size_t>> kinds;  // kind, queries
  for (const char* kind : kKinds) kinds.emplace_back(kind, kQueriesPerKind);
  kinds.emplace_back(kBatch, std::size(kKinds) * kQueriesPerKind);
  for (const auto& [kind, count] : kinds) {
    for (const auto& [engine, name] : engines) {
      // The batch measures issue 18's target only: raw Xapian, plain, full
      // (and full without the rerank, which prices it).
      if (kind == kBatch && engine != Engine::kRaw && engine != Engine::kOursPlain &&
          engine != Engine::kOursFull && engine != Engine::kOursFullNoRerank) {
        continue;
      }
      std::string bench = "query/" + kind + "/" + name;
      benchmark::RegisterBenchmark(bench.c_str(),
                                   [engine = engine, k = kind](benchmark::State& s) {
                                     BM_Query(s, engine, k);
                                   })
          ->Iterations(static_cast<benchmark::IterationCount>(4 * count))
          ->Unit(benchmark::kMicrosecond);
    }
  }
}

}  // namespace
}  // namespace newsindex::bench

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--articles=", 0) == 0) {
      std::string n = a.substr(11);
      newsindex::bench::g_articles = n == "all" ? SIZE_MAX : std::stoul(n);
    } else {
      rest.push_back(argv[i]);
    }
  }
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  newsindex::bench::register_all();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
