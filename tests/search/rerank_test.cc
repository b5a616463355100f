// The learned rerank of the top k (search/rerank.*): the model file, the
// early feature, the order, and what a model does to a search and its pages.
// docs/evaluation.md, "A learned rerank of the top k".
#include "search/rerank.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "newsindex/analyzer.h"
#include "newsindex/searcher.h"
#include "newsindex/writer.h"
#include "search/search_fixture.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

using internal::RerankFeatures;
using internal::RerankModel;
using testing::article;

TEST(RerankModel, ScoresTable) {
  const std::string text =
      "# a model\n"
      "depth 20\n"
      "score 0.5 0.25 1\n"
      "early 0.5 0.5 -2\n"
      "b75 0 1 0.5\n";
  auto m = RerankModel::parse(text, "m.txt");
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  EXPECT_EQ(m->depth(), 20u);
  struct Row {
    RerankFeatures f;  // score, early, loglen, b75
    double want;
  };
  const Row rows[] = {
      {{0.5, 0.5, 7, 0}, 0.0},             // at the means; loglen weighs 0
      {{1.0, 0.5, 1, 0}, 2.0},             // (1 - 0.5) / 0.25
      {{0.5, 0.0, 3, 0}, 2.0},             // -2 x (0 - 0.5) / 0.5
      {{0.5, 1.0, 3, 1}, -2.0 + 0.5},      // late words, b75 1
      {{0.75, 0.25, 0, 0.5}, 1 + 1 + 0.25},
  };
  for (const Row& r : rows) EXPECT_DOUBLE_EQ(m->score(r.f), r.want) << r.f[0] << " " << r.f[1];
  auto empty = RerankModel::load("");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

// The model shipped for headline queries (docs/evaluation.md): it loads, and
// ranks a hit whose query words come early, in a longer text, with a higher
// b75 above one with the same score that has none of that.
TEST(RerankModel, ShippedHeadlineModel) {
  auto m = RerankModel::load(
      (testing::source_dir() / "libnewsindex/data/rerank-headlines.model").string());
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  EXPECT_EQ(m->depth(), 10u);
  const RerankFeatures known_item = {0.8, 0.1, 6.0, 0.9};  // score, early, loglen, b75
  const RerankFeatures other = {0.8, 0.9, 4.0, 0.5};
  EXPECT_GT(m->score(known_item), m->score(other));
  EXPECT_GT(m->score({1.0, 0.5, 5.0, 0.5}), m->score({0.5, 0.5, 5.0, 0.5}));
}

TEST(RerankModel, ErrorsNameTheFileAndLine) {
  struct Row {
    const char* text;
    const char* want;  // in the message
  };
  const Row rows[] = {
      {"score 0 1 1\n", "m.txt: no 'depth K' line"},
      {"depth 0\n", "m.txt:1: depth must be a whole number in 1..1000"},
      {"depth 2.5\n", "m.txt:1: depth must be"},
      {"depth 20\ntitle 0 1 1\n", "m.txt:2: expected 'depth K' or 'FEATURE MEAN SD WEIGHT'"},
      {"depth 20\nscore 0 1\n", "m.txt:2: expected"},
      {"depth 20\nearly 0 0 1\n", "m.txt:2: SD must be greater than 0"},
      {"depth 20\nearly 0 x 1\n", "m.txt:2: MEAN, SD and WEIGHT must be numbers"},
  };
  for (const Row& r : rows) {
    auto m = RerankModel::parse(r.text, "m.txt");
    ASSERT_FALSE(m.ok()) << r.text;
    EXPECT_EQ(m.status().code(), StatusCode::kParseError) << r.text;
    EXPECT_NE(m.status().message().find(r.want), std::string::npos) << m.status().to_string();
  }
  auto missing = RerankModel::load("/nonexistent/rerank.model");
  EXPECT_FALSE(missing.ok());
}

TEST(RerankFeatures, QueryStemsAndEarlyTable) {
  auto analyzer = Analyzer::create({});
  ASSERT_TRUE(analyzer.ok());
  auto stream = (*analyzer)->stream();
  // Stop words ("de", "in") are left out; stems, once each, in order.
  std::vector<std::string> stems =
      internal::rerank_query_stems("De boeren protesteren in Den Haag, boeren", *stream);
  std::string joined;
  for (const std::string& s : stems) joined += (joined.empty() ? "" : " ") + s;
  EXPECT_EQ(joined, "boer protester den hag");

  struct Row {
    const char* text;
    const char* query;
    double early;
    std::uint32_t words;
  };
  const Row rows[] = {
      // boer at position 0 of 4, haag at 3: (0 + 3/4) / 2
      {"Boeren trekken naar Haag", "boeren Haag", (0.0 + 0.75) / 2, 4},
      // a stem the text lacks counts 1: (0 + 1) / 2
      {"Boeren trekken naar Utrecht", "boeren Haag", 0.5, 4},
      // the stem matches, not the word: boer for boeren, at position 1 of 3
      {"De boer protesteert", "boeren", 1.0 / 3, 3},
      {"", "boeren", 1.0, 0},
      {"Boeren trekken", "de", 1.0, 2},  // no stems: 1
  };
  for (const Row& r : rows) {
    std::vector<std::string> q = internal::rerank_query_stems(r.query, *stream);
    std::uint32_t words = 99;
    EXPECT_DOUBLE_EQ(internal::early_feature(r.text, q, *stream, &words), r.early) << r.text;
    EXPECT_EQ(words, r.words) << r.text;
  }
}

// Forwards to another stream, so early_feature cannot screen it (it screens
// only the Dutch analyzer's own stream).
class Unscreened final : public TokenStream {
 public:
  explicit Unscreened(TokenStream& s) : s_(s) {}
  void reset(std::string_view text, std::uint32_t first) override { s_.reset(text, first); }
  bool next() override { return s_.next(); }
  const Token& token() const override { return s_.token(); }
  std::uint32_t next_position() const override { return s_.next_position(); }
  std::size_t repaired() const override { return s_.repaired(); }

 private:
  TokenStream& s_;
};

// early analyses only the words the query's stems may come from (the
// snippeter's screen); every text's early and word count must be what the
// unscreened analysis gives.
TEST(RerankFeatures, ScreenedEarlyIsTheUnscreened) {
  auto analyzer = Analyzer::create({});
  ASSERT_TRUE(analyzer.ok());
  auto stream = (*analyzer)->stream();
  Unscreened plain(*stream);
  const char* const texts[] = {
      "De NAVO-trainingsmissie in Irak wordt hervat, meldt het ministerie.",
      "Auto's en vrachtwagens stonden in 's-Hertogenbosch vast op de A2.",
      "Het IJsselmeer; één boer, een boerin (45) en 3 kinderen. Woningbouw!",
      "Mogelijkheden voor de maan: een man van 19 jaar werd opgepakt en later "
      "weer vrijgelaten. Trainingsmissie. einde",
      "\xc3\x28 kapotte utf-8 en een zeer-lang-samengesteld-woord aan het eind",
  };
  const char* const queries[] = {"trainingsmissie Irak", "auto Den Bosch", "ijsselmeer een boer",
                                 "mogelijkheid maan opgepakt 19", "missie", "woord eind kapot"};
  for (const char* text : texts) {
    for (const char* query : queries) {
      std::vector<std::string> q = internal::rerank_query_stems(query, *stream);
      std::uint32_t screened_words = 0, plain_words = 0;
      const double screened = internal::early_feature(text, q, *stream, &screened_words);
      const double unscreened = internal::early_feature(text, q, plain, &plain_words);
      EXPECT_DOUBLE_EQ(screened, unscreened) << text << " | " << query;
      EXPECT_EQ(screened_words, plain_words) << text << " | " << query;
    }
  }
}

TEST(RerankFeatures, OrderKeepsTies) {
  auto m = RerankModel::parse("depth 5\nearly 0 1 -1\n", "m");
  ASSERT_TRUE(m.ok());
  const std::vector<RerankFeatures> f = {
      {1, 0.9, 0, 0}, {0.9, 0.1, 0, 0}, {0.8, 0.9, 0, 0}, {0.7, 0.1, 0, 0}};
  std::vector<std::size_t> order = internal::rerank_order(*m, f);
  EXPECT_EQ(order, (std::vector<std::size_t>{1, 3, 0, 2}));
}

class RerankSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string(testing::fresh_dir("search_rerank").string());
    auto w = IndexWriter::open(*path_);
    ASSERT_TRUE(w.ok()) << w.status().to_string();
    // "laat" names the cheese three times, at its end; "vroeg" once, first.
    const std::vector<Article> docs = {
        article("laat", "Markt",
                "Een verhaal over het weer en de markt in de stad, over de fiets en de trein, "
                "en pas aan het eind komt het over kaas: kaas en nog eens kaas.",
                0),
        article("vroeg", "Gouda", "Kaas uit Gouda is beroemd in de hele wereld en verder.", 1),
        article("fiets", "Fiets", "De fiets stond bij de dijk in de regen.", 2),
        article("trein", "Trein", "De trein reed niet door de storing.", 3),
    };
    for (const Article& a : docs) ASSERT_TRUE((*w)->add(a).ok());
    ASSERT_TRUE((*w)->commit().ok());
    model_ = new std::string(testing::fresh_dir("search_rerank_model").string() + "/m.txt");
    std::ofstream(*model_) << "depth 10\nearly 0 1 -1\n";  // the earlier, the better
  }
  static void TearDownTestSuite() {
    delete path_;
    delete model_;
  }

  static std::string ids(const std::string& model, std::uint32_t offset, std::uint32_t limit,
                         bool features = false, std::vector<std::size_t>* sizes = nullptr) {
    SearcherOptions o;
    o.rerank_model_path = model;
    auto s = Searcher::open({*path_}, o);
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    if (!s.ok()) return "";
    SearchRequest r = testing::query_request("kaas", limit);
    r.offset = offset;
    r.rerank_features = features;
    auto res = (*s)->search(r);
    EXPECT_TRUE(res.ok()) << res.status().to_string();
    std::string out;
    for (const Hit& h : res->hits) {
      out += (out.empty() ? "" : " ") + h.id + ":" + std::to_string(h.rank);
      if (sizes) sizes->push_back(h.rerank_features.size());
    }
    return out;
  }

  static std::string* path_;
  static std::string* model_;
};
std::string* RerankSearchTest::path_ = nullptr;
std::string* RerankSearchTest::model_ = nullptr;

TEST_F(RerankSearchTest, ModelReordersTheTopAndItsPages) {
  EXPECT_EQ(ids("", 0, 10), "laat:1 vroeg:2");        // BM25: three matches win
  EXPECT_EQ(ids(*model_, 0, 10), "vroeg:1 laat:2");   // early words win
  EXPECT_EQ(ids(*model_, 1, 1), "laat:2");            // the second page of the rerank
  EXPECT_EQ(ids(*model_, 0, 1), "vroeg:1");
}

TEST_F(RerankSearchTest, FeaturesOnRequestOnly) {
  std::vector<std::size_t> sizes;
  EXPECT_EQ(ids("", 0, 10, true, &sizes), "laat:1 vroeg:2");  // no model: the match's order
  EXPECT_EQ(sizes, (std::vector<std::size_t>{4, 4}));
  sizes.clear();
  ids("", 0, 10, false, &sizes);
  EXPECT_EQ(sizes, (std::vector<std::size_t>{0, 0}));
  SearcherOptions o;
  o.rerank_model_path = *path_ + "/no-such-model";
  EXPECT_FALSE(Searcher::open({*path_}, o).ok());
}

// The reranked page's hits are the match's own (fields, score, snippet),
// whether add_hits takes them from the rerank's reads (within the depth) or
// reads them itself (below it).
TEST_F(RerankSearchTest, RerankedHitsAreTheMatchHits) {
  const std::string depth1 = testing::fresh_dir("search_rerank_depth1").string() + "/m.txt";
  std::ofstream(depth1) << "depth 1\nearly 0 1 -1\n";
  auto hits = [&](const std::string& model) {
    SearcherOptions o;
    o.rerank_model_path = model;
    auto s = Searcher::open({*path_}, o);
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    SearchRequest r = testing::query_request("kaas", 10);
    r.snippets = true;
    auto res = (*s)->search(r);
    EXPECT_TRUE(res.ok()) << res.status().to_string();
    std::map<std::string, std::string> out;
    for (const Hit& h : res->hits) {
      std::string snippet;
      for (const SnippetPart& p : h.snippet) snippet += (p.highlight ? "[" : "") + p.text;
      out[h.id] = h.title + "|" + std::to_string(h.score) + "|" + snippet;
    }
    return out;
  };
  const auto plain = hits("");
  ASSERT_EQ(plain.size(), 2u);
  EXPECT_NE(plain.at("laat").find("[kaas"), std::string::npos);
  EXPECT_EQ(hits(*model_), plain);  // both within the depth
  EXPECT_EQ(hits(depth1), plain);   // one within it, one below
}

// b75 is matched by document id in one database and by id term over shards:
// the same articles give the same features either way.
TEST_F(RerankSearchTest, FeaturesOverShardsAreOneDatabases) {
  const std::string dir = testing::fresh_dir("search_rerank_shards").string();
  const std::vector<std::vector<Article>> shards = {
      {article("laat", "Markt",
               "Een verhaal over het weer en de markt in de stad, over de fiets en de trein, "
               "en pas aan het eind komt het over kaas: kaas en nog eens kaas.",
               0),
       article("fiets", "Fiets", "De fiets stond bij de dijk in de regen.", 2)},
      {article("vroeg", "Gouda", "Kaas uit Gouda is beroemd in de hele wereld en verder.", 1),
       article("trein", "Trein", "De trein reed niet door de storing.", 3)}};
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    paths.push_back(dir + "/s" + std::to_string(i));
    auto w = IndexWriter::open(paths.back());
    ASSERT_TRUE(w.ok()) << w.status().to_string();
    for (const Article& a : shards[i]) ASSERT_TRUE((*w)->add(a).ok());
    ASSERT_TRUE((*w)->commit().ok());
  }
  auto features = [](const std::vector<std::string>& dbs) {
    auto s = Searcher::open(dbs, SearcherOptions());
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    SearchRequest r = testing::query_request("kaas gouda", 10);
    r.rerank_features = true;
    auto res = (*s)->search(r);
    EXPECT_TRUE(res.ok()) << res.status().to_string();
    std::map<std::string, std::vector<double>> out;
    for (const Hit& h : res->hits) out[h.id] = h.rerank_features;
    return out;
  };
  const auto one = features({*path_});
  const auto two = features(paths);
  ASSERT_EQ(one.size(), 2u);
  ASSERT_EQ(two.size(), 2u);
  for (const auto& [id, f] : one) {
    ASSERT_EQ(two.at(id).size(), f.size()) << id;
    EXPECT_GT(f[3], 0) << id;  // b75 found
    for (std::size_t i = 0; i < f.size(); ++i) EXPECT_NEAR(two.at(id)[i], f[i], 1e-9) << id << " " << i;
  }
}

}  // namespace
}  // namespace newsindex
