// hit_bench: the per-hit work of a query, on its own: decoding a stored
// record (index/stored_data.h) into a Hit, with and without the body, and
// making the snippet, against the same run's baseline of what a plain Xapian
// application does per hit (inflating its zlib-compressed JSON record, as
// Xapian does for document data it stored compressed).
//
// Input: the first 2,000 articles of ../shared/corpora (fallback
// corpora/sample), each built into its record by the DocumentBuilder, and
// for each a 2-word query drawn (fixed seed) from its own body, so every
// snippet has matches to find (each hit has its own query here, so the
// snippeter's per-query preparation is paid per hit, unlike in a search).
// search_bench measures whole queries; this isolates the per-hit part of
// them (docs/performance.md, "Query ranking").
//
//   build/release/bench/hit_bench
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "bench_data.h"
#include "index/document_builder.h"
#include "newsindex/analyzer.h"
#include "search/hit_data.h"
#include "search/query_builder.h"
#include "search/query_parser.h"
#include "search/snippets.h"

namespace newsindex::bench {
namespace {

constexpr std::size_t kArticles = 2000;

struct Record {
  std::string data;  // our record
  std::string raw;   // the JSON record, zlib-compressed
  std::size_t raw_size = 0;
  internal::HighlightTerms query;
};

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "hit_bench: %s\n", what.c_str());
  std::exit(1);
}

struct Fixture {
  std::shared_ptr<const Analyzer> analyzer;
  std::vector<Record> records;
};

std::vector<std::string> plain_words(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : text + " ") {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z') {
      cur.push_back(ch);
    } else {
      if (cur.size() >= 5) out.push_back(cur);
      cur.clear();
    }
  }
  return out;
}

Fixture& fixture() {
  static Fixture* f = [] {
    auto* f = new Fixture;
    auto analyzer = Analyzer::create({});
    if (!analyzer.ok()) die(analyzer.status().to_string());
    f->analyzer = std::move(analyzer).value();
    internal::DocumentBuilder builder(f->analyzer, /*index_title=*/true);
    internal::QueryBuilder qb(*f->analyzer, nullptr);
    std::mt19937 rng(20200212);
    for (const Article& a : load_articles(kArticles)) {
      if (!internal::validate_article(a).ok()) continue;
      std::vector<std::string> words = plain_words(a.body);
      if (words.size() < 2) continue;
      Record r;
      internal::BuiltDocument built;
      builder.build(a, built);
      r.data = built.doc.get_data();
      nlohmann::json json = {
          {"id", a.id},         {"title", a.title},   {"lead", a.lead},         {"body", a.body},
          {"source", a.source}, {"outlet", a.outlet}, {"category", a.category}, {"url", a.url}};
      const std::string plain = json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      uLongf n = compressBound(plain.size());
      r.raw.resize(n);
      if (compress(reinterpret_cast<Bytef*>(r.raw.data()), &n,
                   reinterpret_cast<const Bytef*>(plain.data()), plain.size()) != Z_OK) {
        die("zlib compress");
      }
      r.raw.resize(n);
      r.raw_size = plain.size();
      std::uniform_int_distribution<std::size_t> at(0, words.size() - 1);
      const std::string q = words[at(rng)] + " " + words[at(rng)];
      r.query = qb.build(internal::parse_query(q).root).highlight;
      // Correctness first: the record gives back the article's id and title.
      Hit hit;
      (void)internal::fill_hit(r.data, hit, false);
      if (hit.id != a.id || hit.title != a.title) die("record of " + a.id + " decodes wrongly");
      f->records.push_back(std::move(r));
    }
    if (f->records.empty()) die("no articles");
    std::size_t ours = 0, raw = 0;
    for (const Record& r : f->records) {
      ours += r.data.size();
      raw += r.raw_size;
    }
    std::fprintf(stderr, "%zu records: ours %zu bytes on average, the JSON record %zu (inflated)\n",
                 f->records.size(), ours / f->records.size(), raw / f->records.size());
    return f;
  }();
  return *f;
}

// Baseline: what a plain Xapian application does per hit shown.
void BM_RawJsonInflate(benchmark::State& state) {
  Fixture& f = fixture();
  std::string out;
  std::size_t i = 0;
  for (auto _ : state) {
    const Record& r = f.records[i++ % f.records.size()];
    out.resize(r.raw_size);
    uLongf n = r.raw_size;
    if (uncompress(reinterpret_cast<Bytef*>(out.data()), &n,
                   reinterpret_cast<const Bytef*>(r.raw.data()), r.raw.size()) != Z_OK) {
      state.SkipWithError("zlib uncompress");
      return;
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// A hit without a snippet: the displayed fields only.
void BM_Fields(benchmark::State& state) {
  Fixture& f = fixture();
  std::size_t i = 0;
  for (auto _ : state) {
    Hit hit;
    std::string text = internal::fill_hit(f.records[i++ % f.records.size()].data, hit, false);
    benchmark::DoNotOptimize(hit.title.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// A hit with a snippet: the fields and the body, then the snippet.
void BM_FieldsAndSnippet(benchmark::State& state, bool snippet) {
  Fixture& f = fixture();
  internal::Snippeter snippeter(*f.analyzer);
  std::size_t i = 0, parts = 0;
  benchmark::IterationCount highlighted = 0;
  for (auto _ : state) {
    const Record& r = f.records[i++ % f.records.size()];
    Hit hit;
    std::string text = internal::fill_hit(r.data, hit, true);
    if (text.empty()) {
      state.SkipWithError("a record without text");
      return;
    }
    if (snippet) {
      hit.snippet = snippeter.make(text, r.query, 200);
      for (const SnippetPart& p : hit.snippet) highlighted += p.highlight ? 1 : 0;
      parts += hit.snippet.size();
    }
    benchmark::DoNotOptimize(text.data());
  }
  benchmark::DoNotOptimize(parts);
  // Every query was drawn from its own article's body: nearly every snippet
  // marks a match (a word in a very long body may fall outside the passage).
  if (snippet && highlighted < state.iterations() * 9 / 10) {
    state.SkipWithError("too few snippets mark a match");
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

BENCHMARK(BM_RawJsonInflate)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Fields)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_FieldsAndSnippet, text, false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_FieldsAndSnippet, snippet, true)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace newsindex::bench

BENCHMARK_MAIN();
