// bench/index_bench.cc: index build throughput, three ways in one run.
//
//   (a) RawXapian:  TermGenerator + Stem("dutch") + replace_document("Q"+id),
//                   default settings, one thread (the baseline);
//   (b) SqliteFts5: FTS5, tokenize='unicode61 remove_diacritics 2', one
//                   transaction (the fastest embedded peer);
//   (c) Newsindex:  our IndexWriter in bulk mode with the full Dutch analysis
//                   (NewsindexPlain: the same, one thread, no bulk mode;
//                   NewsindexWriteOnly: only Xapian's part of it, on one
//                   thread, from documents built beforehand;
//                   RawXapianWriteOnly: the same for (a)'s documents).
// Each reports docs/s (items), MB/s of title+body text (bytes), peak RSS,
// CPU ms per document summed over all threads (cpu_ms_per_doc),
// index bytes per MB of text, and for (a) and (c) the size after
// xapian-compact. Every run first checks the document count it produced.
// After the run it prints each build's docs/s, compacted size and CPU per
// document as ratios to RawXapian of the same size in the same run.
//
//   ./build/bench/index_bench --benchmark_counters_tabular=true
//   NEWSINDEX_BENCH_LARGE=1 ./build/bench/index_bench
//       --benchmark_filter='RawXapian|NewsindexBulk' --benchmark_counters_tabular=true
//   (one command line)
// N articles per Arg come from bench/bench_data.h (../shared/corpora, else
// corpora/sample).
// Tuning knobs for (c): NEWSINDEX_BENCH_THREADS (default 2 in bulk mode, 1 in
// plain mode), NEWSINDEX_BENCH_BATCH (documents per commit; default 0 in bulk
// mode, the writer's in plain mode),
// NEWSINDEX_BENCH_CHUNK_DOCS and NEWSINDEX_BENCH_FLUSH_DOCS (default: the
// writer's); NEWSINDEX_BENCH_KEEP=1
// keeps the databases; NEWSINDEX_BENCH_SMOKE=1 runs 300 articles (CTest's
// bench_smoke_index).
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "bench_data.h"
#include "newsindex/raw_xapian.h"
#include "index/chunk_writer.h"
#include "index/document_builder.h"
#include "index/xapian_writer.h"
#include "newsindex/writer.h"

namespace newsindex::bench {
namespace {

namespace fs = std::filesystem;

const std::vector<Article>& articles(std::size_t n) {
  static std::mutex mu;
  static std::map<std::size_t, std::vector<Article>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(n);
  if (it == cache.end()) it = cache.emplace(n, load_articles(n)).first;
  return it->second;
}

std::size_t unique_ids(const std::vector<Article>& docs) {
  std::set<std::string> ids;
  for (const auto& a : docs) ids.insert(a.id);
  return ids.size();
}

bool env_is_1(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v == '1';
}

// NEWSINDEX_BENCH_KEEP=1 keeps the last database of each benchmark (under
// the temp directory, "newsindex-bench-*") for xapian-delve and friends.
bool keep() { return env_is_1("NEWSINDEX_BENCH_KEEP"); }

void discard(const fs::path& p) {
  if (!keep()) fs::remove_all(p);
}

fs::path scratch(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("newsindex-bench-" + name);
  fs::remove_all(p);
  return p;
}

std::uint64_t dir_bytes(const fs::path& p) {
  std::uint64_t n = 0;
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) return fs::file_size(p, ec);
  for (auto& e : fs::recursive_directory_iterator(p, ec)) {
    if (e.is_regular_file(ec)) n += e.file_size(ec);
  }
  return n;
}

// Resets the kernel's peak-RSS mark (VmHWM) so each benchmark reports its own.
void reset_peak_rss() {
  std::ofstream("/proc/self/clear_refs") << "5";
}

double peak_rss_mb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0;
}

// CPU seconds of the whole process (all threads), user + system.
double process_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto sec = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return sec(u.ru_utime) + sec(u.ru_stime);
}

std::uint64_t compacted_bytes(const fs::path& db) {
  fs::path out = db.string() + "-compact";
  fs::remove_all(out);
  Xapian::Database(db.string()).compact(out.string());
  std::uint64_t n = dir_bytes(out);
  fs::remove_all(out);
  return n;
}

// One build benchmark's figures, kept for the ratios printed after the run.
struct Row {
  double docs_per_s = 0;
  double cpu_ms_per_doc = 0;
  double compacted_per_text_mb = 0;  // 0: not a Xapian database
};

// name ("RawXapian") -> articles -> figures.
std::map<std::string, std::map<std::int64_t, Row>>& results() {
  static std::map<std::string, std::map<std::int64_t, Row>> r;
  return r;
}

void report(benchmark::State& state, const char* name, const std::vector<Article>& docs,
            const fs::path& index, double peak_mb, double wall_s, double cpu_s, bool xapian) {
  const double text_mb = static_cast<double>(text_bytes(docs)) / 1e6;
  const double n = static_cast<double>(state.iterations() * docs.size());
  Row row;
  row.docs_per_s = n / wall_s;
  row.cpu_ms_per_doc = 1e3 * cpu_s / n;
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * docs.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text_bytes(docs)));
  state.counters["peak_rss_MB"] = peak_mb;
  // CPU per document over all threads: what two cores can at best divide by two.
  state.counters["cpu_ms_per_doc"] = row.cpu_ms_per_doc;
  state.counters["index_bytes_per_text_MB"] = static_cast<double>(dir_bytes(index)) / text_mb;
  if (xapian) {
    row.compacted_per_text_mb = static_cast<double>(compacted_bytes(index)) / text_mb;
    state.counters["compacted_bytes_per_text_MB"] = row.compacted_per_text_mb;
  }
  state.counters["docs"] = static_cast<double>(docs.size());
  results()[name][state.range(0)] = row;
}

// After the run: each build against RawXapian of the same size in this run.
void print_ratios() {
  auto raw = results().find("RawXapian");
  if (raw == results().end()) return;
  std::printf("\nRatios to RawXapian of the same size, in this run:\n");
  std::printf("  %-20s %7s  %7s  %6s  %7s\n", "", "articles", "docs/s", "size", "CPU/doc");
  for (const auto& [name, by_size] : results()) {
    if (name == "RawXapian") continue;
    for (const auto& [n, row] : by_size) {
      auto base = raw->second.find(n);
      if (base == raw->second.end()) continue;
      const Row& b = base->second;
      std::string size = "-";
      if (row.compacted_per_text_mb > 0 && b.compacted_per_text_mb > 0) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2fx", row.compacted_per_text_mb / b.compacted_per_text_mb);
        size = buf;
      }
      std::printf("  %-20s %8lld  %6.2fx  %6s  %6.2fx\n", name.c_str(), static_cast<long long>(n),
                  row.docs_per_s / b.docs_per_s, size.c_str(), row.cpu_ms_per_doc / b.cpu_ms_per_doc);
    }
  }
}

// The timed part of a build benchmark: each iteration deletes `scratch_path`
// (untimed), then times `build()` and its CPU over all threads; then reports
// on `index`.
template <typename Build>
void time_builds(benchmark::State& state, const char* name, const std::vector<Article>& docs,
                 const fs::path& scratch_path, const fs::path& index, bool xapian, Build&& build) {
  double peak = 0, wall = 0, cpu = 0;
  for (auto _ : state) {
    state.PauseTiming();
    fs::remove_all(scratch_path);
    reset_peak_rss();
    state.ResumeTiming();
    const auto t0 = std::chrono::steady_clock::now();
    const double cpu0 = process_cpu_seconds();
    benchmark::DoNotOptimize(build());
    cpu += process_cpu_seconds() - cpu0;
    wall += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    peak = peak_rss_mb();
  }
  report(state, name, docs, index, peak, wall, cpu, xapian);
}

// The analyzer for our builds, or nullptr after SkipWithError.
std::shared_ptr<const Analyzer> analyzer_or_skip(benchmark::State& state) {
  auto analyzer = Analyzer::create();
  if (!analyzer.ok()) {
    state.SkipWithError(analyzer.status().to_string().c_str());
    return nullptr;
  }
  return *analyzer;
}

// (a) The raw Xapian baseline.
Xapian::Document raw_document(Xapian::TermGenerator& tg, const Article& a) {
  Xapian::Document doc;
  raw_xapian::index_article_text(tg, doc, a.title, a.body, "S");
  doc.set_data(a.title);
  doc.add_boolean_term("Q" + a.id);
  return doc;
}

std::size_t raw_xapian(const std::vector<Article>& docs, const fs::path& path) {
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg = raw_xapian::term_generator();
  for (const auto& a : docs) {
    db.replace_document("Q" + a.id, raw_document(tg, a));
  }
  db.commit();
  return db.get_doccount();
}

void BM_RawXapian(benchmark::State& state) {
  const auto& docs = articles(static_cast<std::size_t>(state.range(0)));
  fs::path path = scratch("raw");
  if (raw_xapian(docs, path) != unique_ids(docs)) {
    state.SkipWithError("raw Xapian: wrong document count");
    return;
  }
  time_builds(state, "RawXapian", docs, path, path, true,
              [&] { return raw_xapian(docs, path); });
  discard(path);
}

// (b) SQLite FTS5.
std::size_t sqlite_fts5(const std::vector<Article>& docs, const fs::path& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return 0;
  sqlite3_exec(db,
               "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, "
               "tokenize='unicode61 remove_diacritics 2');",
               nullptr, nullptr, nullptr);
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO docs(id, title, body) VALUES (?, ?, ?)", -1, &st, nullptr);
  for (const auto& a : docs) {
    sqlite3_bind_text(st, 1, a.id.data(), static_cast<int>(a.id.size()), SQLITE_STATIC);
    sqlite3_bind_text(st, 2, a.title.data(), static_cast<int>(a.title.size()), SQLITE_STATIC);
    sqlite3_bind_text(st, 3, a.body.data(), static_cast<int>(a.body.size()), SQLITE_STATIC);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  std::size_t n = 0;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM docs", -1, &st, nullptr);
  if (sqlite3_step(st) == SQLITE_ROW) n = static_cast<std::size_t>(sqlite3_column_int64(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

void BM_SqliteFts5(benchmark::State& state) {
  const auto& docs = articles(static_cast<std::size_t>(state.range(0)));
  fs::path path = scratch("fts5.db");
  // FTS5 has no unique key: every row counts (ids are unique in the corpora).
  if (sqlite_fts5(docs, path) != docs.size()) {
    state.SkipWithError("FTS5: wrong row count");
    return;
  }
  time_builds(state, "SqliteFts5", docs, path, path, false,
              [&] { return sqlite_fts5(docs, path); });
  fs::remove(path);
}

// (c) Our writer.
std::size_t ours(const std::vector<Article>& docs, const fs::path& path, bool bulk,
                 bool direct = true) {
  WriterOptions o;
  o.bulk = bulk;
  o.direct_glass = direct;
  o.threads = bulk ? 2 : 1;
  if (bulk) o.batch_size = 0;  // one merge at the end, as `newsindex index --bulk` does
  if (const char* t = std::getenv("NEWSINDEX_BENCH_THREADS")) {
    o.threads = static_cast<unsigned>(std::stoul(t));  // tuning runs
  }
  if (const char* b = std::getenv("NEWSINDEX_BENCH_BATCH")) {
    o.batch_size = static_cast<std::uint32_t>(std::stoul(b));  // tuning runs
  }
  if (const char* c = std::getenv("NEWSINDEX_BENCH_CHUNK_DOCS")) {
    o.bulk_chunk_docs = static_cast<std::uint32_t>(std::stoul(c));  // tuning runs
  }
  if (const char* f = std::getenv("NEWSINDEX_BENCH_FLUSH_DOCS")) {
    o.bulk_flush_docs = static_cast<std::uint32_t>(std::stoul(f));  // tuning runs
  }
  auto failed = [](const Status& st) {
    std::fprintf(stderr, "newsindex: %s\n", st.to_string().c_str());
    return std::size_t{0};
  };
  auto w = IndexWriter::open(path.string(), o);
  if (!w.ok()) return failed(w.status());
  for (const auto& a : docs) {
    if (Status st = (*w)->add(a); !st.ok()) return failed(st);
  }
  if (Status st = (*w)->commit(); !st.ok()) return failed(st);
  w->reset();
  return Xapian::Database(path.string()).get_doccount();
}

void run_ours(benchmark::State& state, bool bulk, bool direct = true) {
  const auto& docs = articles(static_cast<std::size_t>(state.range(0)));
  fs::path path = scratch(bulk ? (direct ? "ours-bulk" : "ours-bulk-xapian") : "ours-plain");
  if (ours(docs, path, bulk, direct) != unique_ids(docs)) {
    state.SkipWithError("newsindex: wrong document count");
    return;
  }
  const char* name = !bulk ? "NewsindexPlain" : direct ? "NewsindexBulk" : "NewsindexBulkXapian";
  time_builds(state, name, docs, path, path, true, [&] { return ours(docs, path, bulk, direct); });
  discard(path);
}

// Where our time goes: building the documents (analysis, term mapping,
// MinHash) without writing them.
void BM_NewsindexBuildOnly(benchmark::State& state) {
  const auto& docs = articles(static_cast<std::size_t>(state.range(0)));
  auto analyzer = analyzer_or_skip(state);
  if (!analyzer) return;
  internal::DocumentBuilder builder(analyzer, true);
  internal::BuiltDocument built;
  std::size_t terms = 0;
  for (const auto& a : docs) {
    builder.build(a, built);
    terms += built.doc.termlist_count();
  }
  if (terms == 0) {
    state.SkipWithError("no terms built");
    return;
  }
  for (auto _ : state) {
    for (const auto& a : docs) {
      builder.build(a, built);
      benchmark::DoNotOptimize(built.doc);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * docs.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text_bytes(docs)));
  state.counters["distinct_terms_per_doc"] =
      static_cast<double>(terms) / static_cast<double>(docs.size());
}

// The same for Xapian's TermGenerator (the baseline's analysis).
void BM_RawXapianTermGenOnly(benchmark::State& state) {
  const auto& docs = articles(static_cast<std::size_t>(state.range(0)));
  Xapian::TermGenerator tg = raw_xapian::term_generator();
  std::size_t terms = 0;
  for (auto _ : state) {
    terms = 0;
    for (const auto& a : docs) terms += raw_document(tg, a).termlist_count();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * docs.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text_bytes(docs)));
  state.counters["distinct_terms_per_doc"] =
      static_cast<double>(terms) / static_cast<double>(docs.size());
}

// Xapian's write path alone, from documents built beforehand (untimed): one
// thread writes them as a bulk chunk writer does (scratch databases of the
// writer's default size, flushed as often) and compaction merges them as the
// final commit does. No analysis, no hand-offs, no serial stage, so its
// cpu_ms_per_doc is the floor under (c)'s. add_document, as chunk writers do:
// every article counts (the real merge also drops older versions of repeated
// ids, which this skips).
void write_only(benchmark::State& state, const char* name, const std::vector<Article>& docs,
                const std::vector<Xapian::Document>& prebuilt) {
  const WriterOptions defaults;
  const fs::path dir = scratch("write-only");
  const fs::path merged = dir / "merged";
  auto write = [&]() -> Xapian::doccount {
    fs::create_directories(dir);
    internal::ChunkWriter writer((dir / "w").string(), defaults.bulk_chunk_docs,
                                 defaults.bulk_chunk_docs, defaults.bulk_flush_docs, 1024,
                                 /*direct=*/false);
    for (const Xapian::Document& d : prebuilt) {
      internal::BuiltDocument b;
      b.doc = d;
      if (!writer.add(std::move(b)).ok()) return 0;
    }
    auto chunks = writer.finish();
    if (!chunks.ok()) return 0;
    Xapian::Database all;
    for (const std::string& c : *chunks) all.add_database(Xapian::Database(c));
    all.compact(merged.string());
    return Xapian::Database(merged.string()).get_doccount();
  };
  if (write() != prebuilt.size()) {
    state.SkipWithError("write only: wrong document count");
    return;
  }
  time_builds(state, name, docs, dir, merged, true, [&] { return write(); });
  discard(dir);
}

// Our documents (the full analysis of (c)).
void BM_NewsindexWriteOnly(benchmark::State& state) {
  const auto& docs = articles(static_cast<std::size_t>(state.range(0)));
  auto analyzer = analyzer_or_skip(state);
  if (!analyzer) return;
  internal::DocumentBuilder builder(analyzer, true);
  internal::BuiltDocument built;
  std::vector<Xapian::Document> prebuilt;
  prebuilt.reserve(docs.size());
  for (const auto& a : docs) {
    builder.build(a, built);
    prebuilt.push_back(built.doc);
  }
  write_only(state, "NewsindexWriteOnly", docs, prebuilt);
}

// The baseline's documents, as (a) builds them: what Xapian's write path costs
// for its term scheme when written the way (c) writes.
void BM_RawXapianWriteOnly(benchmark::State& state) {
  const auto& docs = articles(static_cast<std::size_t>(state.range(0)));
  Xapian::TermGenerator tg = raw_xapian::term_generator();
  std::vector<Xapian::Document> prebuilt;
  prebuilt.reserve(docs.size());
  for (const auto& a : docs) {
    prebuilt.push_back(raw_document(tg, a));
  }
  write_only(state, "RawXapianWriteOnly", docs, prebuilt);
}

void BM_NewsindexBulk(benchmark::State& state) { run_ours(state, true); }
// Bulk mode with its chunks written through Xapian's writer instead of the
// direct glass writer: what the direct writer saves, in the same run.
void BM_NewsindexBulkXapian(benchmark::State& state) { run_ours(state, true, false); }
void BM_NewsindexPlain(benchmark::State& state) { run_ours(state, false); }

// One timed build per size (each is seconds long); the check run before the
// loop doubles as warm-up. NEWSINDEX_BENCH_LARGE=1 adds 100k articles.
// NEWSINDEX_BENCH_SMOKE=1 (the CTest smoke run): 300 articles, to prove every
// benchmark still builds and checks what it times, in seconds.
void sizes(benchmark::internal::Benchmark* b) {
  if (env_is_1("NEWSINDEX_BENCH_SMOKE")) {
    b->Arg(300);
    return;
  }
  b->Arg(10000)->Arg(30000);
  if (env_is_1("NEWSINDEX_BENCH_LARGE")) b->Arg(100000);
}

void one_size(benchmark::internal::Benchmark* b) {
  b->Arg(env_is_1("NEWSINDEX_BENCH_SMOKE") ? 300 : 10000);
}
#define INDEX_BENCH(fn) \
  BENCHMARK(fn)->Apply(sizes)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond)

INDEX_BENCH(BM_RawXapian);
INDEX_BENCH(BM_SqliteFts5);
INDEX_BENCH(BM_NewsindexBulk);
INDEX_BENCH(BM_NewsindexBulkXapian);
INDEX_BENCH(BM_NewsindexPlain);
INDEX_BENCH(BM_NewsindexWriteOnly);
INDEX_BENCH(BM_RawXapianWriteOnly);
BENCHMARK(BM_NewsindexBuildOnly)->Apply(one_size)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_RawXapianTermGenOnly)->Apply(one_size)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);

}  // namespace
}  // namespace newsindex::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  newsindex::bench::print_ratios();
  return 0;
}
