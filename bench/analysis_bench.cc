// analysis_bench: the Dutch analysis pipeline against Xapian's TermGenerator.
//
// Same texts (title + body of long news articles from ../shared/corpora
// dpgmedia2019, or corpora/sample), same binary, same run. Throughput in
// bytes of input per second. Before anything is timed, both sides are checked
// to produce sane output (tokens of every kind, offsets inside the text,
// stems, a non-empty Xapian document).
//
//   build-analysis/bench/analysis_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "bench_data.h"
#include "newsindex/raw_xapian.h"
#include "newsindex/analyzer.h"

namespace newsindex::bench {
namespace {

constexpr std::size_t kArticles = 400;

struct Corpus {
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  std::string source;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus c;
    auto articles = load_articles(kArticles, &c.source, "dpgmedia2019");
    for (auto& a : articles) {
      std::string t = a.title + "\n\n" + a.body;
      c.bytes += t.size();
      c.texts.push_back(std::move(t));
    }
    return c;
  }();
  return c;
}

std::shared_ptr<const Analyzer> make_analyzer(const AnalyzerOptions& o) {
  auto a = Analyzer::create(o);
  if (!a.ok()) {
    std::fprintf(stderr, "Analyzer::create failed: %s\n", a.status().to_string().c_str());
    std::exit(1);
  }
  return *a;
}

// What the Dutch rules do on the corpus (printed once, for docs/analysis-nl.md).
void print_feature_counts(const Analyzer& analyzer) {
  const Corpus& c = corpus();
  auto ts = analyzer.stream();
  std::size_t words = 0, s_forms = 0, joined = 0, split = 0, parts = 0, stop = 0, non_ascii = 0,
              repaired = 0, clitics = 0;
  std::uint32_t last_split_pos = 0;
  for (const auto& text : c.texts) {
    ts->reset(text);
    last_split_pos = 0;
    while (ts->next()) {
      const Token& t = ts->token();
      const std::string_view src(text.data() + t.start, t.end - t.start);
      if (t.kind == TokenKind::kWord) {
        ++words;
        stop += t.stopword;
        if (t.term.find('-') != std::string_view::npos) ++joined;
        if (!t.term.empty() && t.term[0] == '\'') ++clitics;
        if (t.term.size() > 2 && t.term[0] != '\'' && t.term.substr(t.term.size() - 2) == "'s")
          ++s_forms;
        for (unsigned char ch : src)
          if (ch >= 0x80) {
            ++non_ascii;
            break;
          }
      }
      if (t.kind == TokenKind::kCompoundPart) {
        ++parts;
        if (t.position != last_split_pos) ++split;
        last_split_pos = t.position;
      }
    }
    repaired += ts->repaired();
  }
  std::printf("features over %zu word tokens: 's forms %zu, hyphenated %zu, clitics %zu, "
              "compound words split %zu (%zu parts), stop words %zu, non-ASCII words %zu, "
              "repaired sequences %zu\n",
              words, s_forms, joined, clitics, split, parts, stop, non_ascii, repaired);
}

// Fails loudly unless the pipeline produced what it should on the corpus.
void verify_pipeline(const Analyzer& analyzer, bool expect_parts) {
  const Corpus& c = corpus();
  if (c.texts.empty()) {
    std::fprintf(stderr, "no benchmark texts (source: %s)\n", c.source.c_str());
    std::exit(1);
  }
  auto ts = analyzer.stream();
  std::size_t words = 0, variants = 0, parts = 0, hyphen_parts = 0, stemmed = 0;
  for (const auto& text : c.texts) {
    ts->reset(text);
    while (ts->next()) {
      const Token& t = ts->token();
      if (t.term.empty() || t.end > text.size() || t.start > t.end) {
        std::fprintf(stderr, "bad token in pipeline output\n");
        std::exit(1);
      }
      words += t.kind == TokenKind::kWord;
      variants += t.kind == TokenKind::kVariant;
      parts += t.kind == TokenKind::kCompoundPart;
      hyphen_parts += t.kind == TokenKind::kHyphenPart;
      stemmed += t.stem != t.term;
    }
  }
  // Roughly one word per 6-7 bytes of Dutch text.
  if (words < c.bytes / 12 || variants == 0 || hyphen_parts == 0 ||
      (analyzer.options().stem && stemmed == 0) || (expect_parts && parts == 0)) {
    std::fprintf(stderr,
                 "pipeline output not sane: words=%zu variants=%zu hyphen_parts=%zu "
                 "compound_parts=%zu stemmed=%zu over %zu bytes\n",
                 words, variants, hyphen_parts, parts, stemmed, c.bytes);
    std::exit(1);
  }
}

void run_pipeline(benchmark::State& state, const AnalyzerOptions& options, bool fresh_stream) {
  const Corpus& c = corpus();
  const auto analyzer = make_analyzer(options);
  verify_pipeline(*analyzer, options.split_compounds);
  auto ts = analyzer->stream();
  std::size_t tokens = 0;
  for (auto _ : state) {
    if (fresh_stream) ts = analyzer->stream();  // the term cache starts empty
    for (const auto& text : c.texts) {
      ts->reset(text);
      while (ts->next()) {
        benchmark::DoNotOptimize(ts->token());
        ++tokens;
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["tokens/byte"] =
      static_cast<double>(tokens) / static_cast<double>(state.iterations() * c.bytes);
}

// The full pipeline, every feature on, one stream reused (as an indexer does).
void BM_Pipeline_Full(benchmark::State& state) { run_pipeline(state, {}, false); }
BENCHMARK(BM_Pipeline_Full)->Unit(benchmark::kMillisecond);

// The same with a new stream (empty term cache) for every pass over the corpus.
void BM_Pipeline_Full_ColdCache(benchmark::State& state) { run_pipeline(state, {}, true); }
BENCHMARK(BM_Pipeline_Full_ColdCache)->Unit(benchmark::kMillisecond);

void BM_Pipeline_NoCompounds(benchmark::State& state) {
  AnalyzerOptions o;
  o.split_compounds = false;
  run_pipeline(state, o, false);
}
BENCHMARK(BM_Pipeline_NoCompounds)->Unit(benchmark::kMillisecond);

void BM_Pipeline_NoStem(benchmark::State& state) {
  AnalyzerOptions o;
  o.stem = false;
  o.split_compounds = false;
  run_pipeline(state, o, false);
}
BENCHMARK(BM_Pipeline_NoStem)->Unit(benchmark::kMillisecond);

// The pipeline feeding a Xapian::Document the way the index writer does
// (unstemmed terms with positions, Z-prefixed stems, XP compound parts):
// the like-for-like comparison with TermGenerator, which also fills a document.
void BM_Pipeline_Full_IntoDocument(benchmark::State& state) {
  const Corpus& c = corpus();
  const auto analyzer = make_analyzer({});
  verify_pipeline(*analyzer, true);
  auto ts = analyzer->stream();
  std::string z;
  for (auto _ : state) {
    for (const auto& text : c.texts) {
      Xapian::Document doc;
      ts->reset(text);
      while (ts->next()) {
        const Token& t = ts->token();
        if (t.kind == TokenKind::kCompoundPart) {
          z.assign("XP").append(t.stem);
          doc.add_posting(z, t.position);
        } else {
          doc.add_posting(std::string(t.term), t.position);
          z.assign("Z").append(t.stem);
          doc.add_term(z);
        }
      }
      benchmark::DoNotOptimize(doc.termlist_count());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}
BENCHMARK(BM_Pipeline_Full_IntoDocument)->Unit(benchmark::kMillisecond);

// Baseline: Xapian's TermGenerator with Stem("dutch") (STEM_SOME: unstemmed
// terms with positions plus Z-prefixed stems), one document per text.
void BM_Xapian_TermGenerator(benchmark::State& state) {
  const Corpus& c = corpus();
  Xapian::TermGenerator tg = raw_xapian::term_generator();
  {
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(c.texts.front());
    if (doc.termlist_count() == 0) {
      std::fprintf(stderr, "TermGenerator produced no terms\n");
      std::exit(1);
    }
  }
  for (auto _ : state) {
    for (const auto& text : c.texts) {
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(text);
      benchmark::DoNotOptimize(doc.termlist_count());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}
BENCHMARK(BM_Xapian_TermGenerator)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsindex::bench

int main(int argc, char** argv) {
  const auto& c = newsindex::bench::corpus();
  std::printf("analysis_bench: %zu texts, %zu bytes from %s\n", c.texts.size(), c.bytes,
              c.source.c_str());
  newsindex::bench::print_feature_counts(*newsindex::bench::make_analyzer({}));
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
