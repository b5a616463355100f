// Property (issue 3, "Query side"): for 1,000 sentences sampled with a fixed
// seed from the real corpora in ../shared/corpora, the phrase query
// `"<sentence>"` finds the article the sentence was taken from.
//
// This runs the whole pipeline as users do: ArticleSource reads the
// .jsonl.gz files, IndexWriter indexes them with the default Analyzer, and a
// Searcher parses the quoted query with the same Analyzer. Any mismatch
// between index-time and query-time analysis (tokenisation, normalisation,
// hyphens, apostrophes, numbers, positions) shows up as a sentence that no
// longer finds its own article.
//
// To stay fast the suite indexes a fixed subset once (SetUpTestSuite): every
// 2nd article of dpgmedia2019, every 4th of 7days-youth-news and every 20th
// of the first 40,000 of leestmeer-rss-2019 (about 3,400 articles, 4.2 MB of
// text; indexing them is most of the run time), and samples a third of the
// sentences from each corpus by reservoir sampling.
//
// Also checked (in the same test, see below): the same property for 300
// sampled titles through the title field, and a reversed-sentence control.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "newsindex/article.h"
#include "newsindex/reader.h"
#include "newsindex/searcher.h"
#include "newsindex/writer.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

// Which articles of each corpus are indexed, and how many sentences each
// contributes to the sample.
struct CorpusPlan {
  const char* folder;
  std::size_t max_records;  // records read from the file; 0 = all
  std::size_t stride;       // index every stride-th record read
  std::size_t sentences;    // sentences sampled from the indexed articles
};
constexpr CorpusPlan kPlans[] = {
    {"dpgmedia2019", 0, 2, 334},
    {"7days-youth-news", 0, 4, 333},
    {"leestmeer-rss-2019", 40000, 20, 333},
};
constexpr std::size_t kSentences = 1000;
// Titles checked with `titel:"<title>"` (the S-prefixed title terms).
constexpr std::size_t kTitles = 300;
constexpr std::uint64_t kSeed = 20190212;
constexpr std::size_t kMinWords = 4;
constexpr std::size_t kMaxWords = 25;
// First look at this many hits; when the sentence occurs in more articles
// than that, look again at all of them.
constexpr std::uint32_t kFirstLimit = 50;

struct Sample {
  std::string id;
  std::string corpus;
  std::string text;  // a sentence of the body, or the title
};

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = is_ascii_space(c);
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// The query language has no escape inside a phrase: '"' and the typographic
// quotes “ ” „ (docs/query-syntax.md) end it. A sentence containing one
// cannot be typed as one phrase, so it is not a candidate. Nothing else is
// syntax inside quotes (brackets, +/-, '*', AND/OR/NEAR are literal there).
bool has_phrase_delimiter(std::string_view s) {
  return s.find('"') != std::string_view::npos ||
         s.find("\xE2\x80\x9C") != std::string_view::npos ||  // “
         s.find("\xE2\x80\x9D") != std::string_view::npos ||  // ”
         s.find("\xE2\x80\x9E") != std::string_view::npos;    // „
}

// Sentences of `body`: lines (paragraphs) cut after '.', '!' or '?' that is
// followed by whitespace. Abbreviations ("o.a. ", "dr. ") cut a sentence in
// two; each piece is still text that occurs verbatim, which is all the
// property needs.
template <typename Fn>
void for_each_sentence(std::string_view body, Fn&& fn) {
  std::size_t start = 0;
  for (std::size_t i = 0; i <= body.size(); ++i) {
    bool cut = false;
    std::size_t end = i;
    if (i == body.size() || body[i] == '\n') {
      cut = true;
    } else if ((body[i] == '.' || body[i] == '!' || body[i] == '?') &&
               (i + 1 == body.size() || is_ascii_space(body[i + 1]))) {
      cut = true;
      end = i + 1;  // keep the full stop: it is part of the exact sentence
    }
    if (!cut) continue;
    std::string_view s = trim(body.substr(start, end - start));
    if (!s.empty()) fn(s);
    start = end;
  }
}

bool is_candidate(std::string_view s) {
  const std::size_t words = count_words(s);
  return words >= kMinWords && words <= kMaxWords && !has_phrase_delimiter(s);
}

std::uint64_t bounded(std::mt19937_64& rng, std::uint64_t n) { return rng() % n; }

class PhrasePropertyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (testing::shared_dir().empty()) return;
    const std::filesystem::path corpora = testing::shared_dir() / "corpora";
    db_path_ = new std::string(testing::fresh_dir("search_phrase_property").string());
    samples_ = new std::vector<Sample>();
    titles_ = new std::vector<Sample>();
    setup_error_ = new std::string();

    auto writer = IndexWriter::open(*db_path_);
    if (!writer.ok()) {
      *setup_error_ = "IndexWriter::open: " + writer.status().to_string();
      return;
    }
    const auto t0 = std::chrono::steady_clock::now();
    std::mt19937_64 rng(kSeed);
    std::unordered_set<std::string> ids;
    std::mt19937_64 title_rng(kSeed + 1);  // its own stream: titles don't move the sentences
    std::uint64_t titles_seen = 0;
    for (const CorpusPlan& plan : kPlans) {
      const std::filesystem::path file = corpora / plan.folder / "articles.jsonl.gz";
      auto source = ArticleSource::open({file.string()});
      if (!source.ok()) {
        *setup_error_ = "ArticleSource::open: " + source.status().to_string();
        return;
      }
      // Reservoir sampling (Algorithm R) over this corpus's candidate sentences.
      std::vector<Sample> reservoir;
      std::uint64_t seen = 0;
      Article a;
      ReadIssue issue;
      std::size_t record = 0;
      for (;;) {
        const ArticleSource::Next next = (*source)->next(a, issue);
        if (next == ArticleSource::Next::kEnd) break;
        if (next == ArticleSource::Next::kIssue) {
          ++read_issues_;
          continue;
        }
        if (plan.max_records != 0 && record >= plan.max_records) break;
        if (record++ % plan.stride != 0) continue;
        if (a.id.empty() || (a.title.empty() && a.body.empty())) continue;
        if (!ids.insert(a.id).second) continue;  // a later copy would replace it
        const Status st = (*writer)->add(a);
        if (!st.ok()) {
          *setup_error_ = "IndexWriter::add(" + a.id + "): " + st.to_string();
          return;
        }
        ++indexed_;
        if (const std::string_view t = trim(a.title); count_words(t) >= 2 && !has_phrase_delimiter(t)) {
          ++titles_seen;
          if (titles_->size() < kTitles) {
            titles_->push_back({a.id, plan.folder, std::string(t)});
          } else if (const std::uint64_t j = bounded(title_rng, titles_seen); j < kTitles) {
            (*titles_)[j] = {a.id, plan.folder, std::string(t)};
          }
        }
        for_each_sentence(a.body, [&](std::string_view s) {
          if (!is_candidate(s)) return;
          ++candidates_;
          ++seen;
          if (reservoir.size() < plan.sentences) {
            reservoir.push_back({a.id, plan.folder, std::string(s)});
          } else {
            const std::uint64_t j = bounded(rng, seen);
            if (j < plan.sentences) reservoir[j] = {a.id, plan.folder, std::string(s)};
          }
        });
      }
      for (Sample& s : reservoir) samples_->push_back(std::move(s));
    }
    const Status st = (*writer)->commit();
    if (!st.ok()) {
      *setup_error_ = "IndexWriter::commit: " + st.to_string();
      return;
    }
    text_bytes_ = (*writer)->stats().text_bytes;
    writer.value().reset();  // release the write lock before searching
    auto searcher = Searcher::open({*db_path_});
    if (!searcher.ok()) {
      *setup_error_ = "Searcher::open: " + searcher.status().to_string();
      return;
    }
    searcher_ = std::move(searcher).value().release();
    const auto t1 = std::chrono::steady_clock::now();
    setup_seconds_ = std::chrono::duration<double>(t1 - t0).count();
  }

  static void TearDownTestSuite() {
    delete searcher_;
    delete samples_;
    delete titles_;
    delete db_path_;
    delete setup_error_;
    searcher_ = nullptr;
    samples_ = nullptr;
    titles_ = nullptr;
    db_path_ = nullptr;
    setup_error_ = nullptr;
  }

  void SetUp() override {
    NEWSINDEX_REQUIRE_SHARED();
    ASSERT_TRUE(setup_error_ != nullptr && setup_error_->empty())
        << (setup_error_ ? *setup_error_ : std::string("no set-up"));
    ASSERT_NE(searcher_, nullptr);
  }

  // True when `id` is among the hits of `query` (all of them, however many).
  static bool finds(const std::string& query, const std::string& id, SearchResults* last,
                    std::string* error) {
    SearchRequest req;
    req.query = query;
    req.limit = kFirstLimit;
    req.snippets = false;
    for (int round = 0; round < 2; ++round) {
      auto r = searcher_->search(req);
      if (!r.ok()) {
        *error = r.status().to_string();
        return false;
      }
      *last = std::move(r).value();
      for (const Hit& h : last->hits) {
        if (h.id == id) return true;
      }
      if (last->hits.size() < req.limit) return false;
      req.limit = static_cast<std::uint32_t>(last->upper_bound + 1);
    }
    return false;
  }

  // Runs `field"<text>"` for every sample; returns how many did not find
  // their article and describes the first 25 in `report` (the Xapian query
  // of the first 5).
  static std::size_t check_all(const std::vector<Sample>& samples, const std::string& field,
                               std::string* report) {
    std::size_t failures = 0;
    for (const Sample& s : samples) {
      const std::string query = field + "\"" + s.text + "\"";
      SearchResults last;
      std::string error;
      if (finds(query, s.id, &last, &error)) continue;
      if (++failures > 25) continue;  // the count says how many more
      *report += "\n--- " + s.corpus + " article " + s.id + "\n  query: " + query +
                 "\n  hits: " + std::to_string(last.hits.size()) +
                 (error.empty() ? "" : "  error: " + error);
      for (const std::string& w : last.warnings) *report += "\n  warning: " + w;
      if (failures <= 5) *report += "\n  xapian: " + explain(query);
    }
    return failures;
  }

  static std::string explain(const std::string& query) {
    SearchRequest req;
    req.query = query;
    req.limit = 3;
    req.snippets = false;
    req.explain = true;
    auto r = searcher_->search(req);
    return r.ok() ? r.value().explanation : r.status().to_string();
  }

  static std::string* db_path_;
  static std::string* setup_error_;
  static std::vector<Sample>* samples_;
  static std::vector<Sample>* titles_;
  static Searcher* searcher_;
  static std::size_t indexed_, candidates_, read_issues_;
  static std::uint64_t text_bytes_;
  static double setup_seconds_;
};
std::string* PhrasePropertyTest::db_path_ = nullptr;
std::string* PhrasePropertyTest::setup_error_ = nullptr;
std::vector<Sample>* PhrasePropertyTest::samples_ = nullptr;
std::vector<Sample>* PhrasePropertyTest::titles_ = nullptr;
Searcher* PhrasePropertyTest::searcher_ = nullptr;
std::size_t PhrasePropertyTest::indexed_ = 0;
std::size_t PhrasePropertyTest::candidates_ = 0;
std::size_t PhrasePropertyTest::read_issues_ = 0;
std::uint64_t PhrasePropertyTest::text_bytes_ = 0;
double PhrasePropertyTest::setup_seconds_ = 0;

// One test, so that ctest (one process per test) builds the index once. It
// checks three things:
//  1. every sampled sentence `"<sentence>"` finds its article (the property);
//  2. every sampled title, as `titel:"<title>"`, finds its article through
//     the S-prefixed title terms (docs/query-syntax.md, Fields);
//  3. the control that keeps 1 honest: the same words in reverse order are
//     not a phrase of the article, so a searcher that ignored word order (or
//     positions) fails here while passing 1.
TEST_F(PhrasePropertyTest, ExactSentenceFindsItsArticle) {
  ASSERT_EQ(samples_->size(), kSentences)
      << "too few candidate sentences: " << candidates_ << " in " << indexed_ << " articles";
  ASSERT_EQ(titles_->size(), kTitles);
  std::printf("[ phrase   ] %zu articles (%.1f MB of text) read and indexed in %.1f s, "
              "%zu candidate sentences, %zu read issues; checking %zu sampled sentences "
              "and %zu titles (seed %llu)\n",
              indexed_, static_cast<double>(text_bytes_) / 1e6, setup_seconds_, candidates_,
              read_issues_, samples_->size(), titles_->size(),
              static_cast<unsigned long long>(kSeed));

  std::string report;
  std::size_t failures = check_all(*samples_, "", &report);
  EXPECT_EQ(failures, 0u) << failures << " of " << samples_->size()
                          << " sentences did not find their article (first 25):" << report;

  report.clear();
  failures = check_all(*titles_, "titel:", &report);
  EXPECT_EQ(failures, 0u) << failures << " of " << titles_->size()
                          << " titles did not find their article (first 25):" << report;

  report.clear();
  std::size_t checked = 0, found = 0;
  for (std::size_t i = 0; i < samples_->size() && checked < 200; ++i) {
    const Sample& s = (*samples_)[i];
    std::vector<std::string_view> words;
    std::string_view rest = s.text;
    while (!(rest = trim(rest)).empty()) {
      std::size_t j = 0;
      while (j < rest.size() && !is_ascii_space(rest[j])) ++j;
      words.push_back(rest.substr(0, j));
      rest.remove_prefix(j);
    }
    std::string reversed;
    for (auto it = words.rbegin(); it != words.rend(); ++it) {
      if (!reversed.empty()) reversed += ' ';
      reversed += *it;
    }
    if (reversed == s.text) continue;  // e.g. "dat is is dat"
    ++checked;
    const std::string query = "\"" + reversed + "\"";
    SearchResults last;
    std::string error;
    const bool hit = finds(query, s.id, &last, &error);
    ASSERT_TRUE(error.empty()) << query << ": " << error;
    if (hit) {
      ++found;
      report += "\n  " + s.id + ": " + query;
    }
  }
  EXPECT_GT(checked, 100u);
  EXPECT_EQ(found, 0u) << found << " of " << checked
                       << " reversed sentences still found their article:" << report;
}

}  // namespace
}  // namespace newsindex
