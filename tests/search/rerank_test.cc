// The learned rerank of the top k (search/rerank.*): the model file, the
// text features, the order, and what a model does to a search and its pages.
// docs/evaluation.md, "A learned rerank of the top k".
#include "search/rerank.h"

#include <gtest/gtest.h>

#include <cmath>
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
      "first 0.5 0.5 -2\n"
      "keybm25 0 1 0.5\n";
  auto m = RerankModel::parse(text, "m.txt");
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  EXPECT_EQ(m->depth(), 20u);
  struct Row {
    RerankFeatures f;  // score, first, logbytes, keybm25
    double want;
  };
  const Row rows[] = {
      {{0.5, 0.5, 7, 0}, 0.0},             // at the means; logbytes weighs 0
      {{1.0, 0.5, 1, 0}, 2.0},             // (1 - 0.5) / 0.25
      {{0.5, 0.0, 3, 0}, 2.0},             // -2 x (0 - 0.5) / 0.5
      {{0.5, 1.0, 3, 1}, -2.0 + 0.5},      // late words, keybm25 1
      {{0.75, 0.25, 0, 0.5}, 1 + 1 + 0.25},
  };
  for (const Row& r : rows) EXPECT_DOUBLE_EQ(m->score(r.f), r.want) << r.f[0] << " " << r.f[1];
  auto empty = RerankModel::load("");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

// The model shipped for headline queries (docs/evaluation.md): it loads,
// reranks queries of 4 words or more, and ranks a hit whose query words come
// early, more often, with a higher score above one that has none of that;
// the library's built-in model is that file.
TEST(RerankModel, ShippedHeadlineModel) {
  auto m = RerankModel::load(
      (testing::source_dir() / "libnewsindex/data/rerank-headlines.model").string());
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  EXPECT_EQ(m->depth(), 10u);
  EXPECT_EQ(m->min_words(), 4u);
  const RerankFeatures known_item = {0.8, 0.1, 8.0, 0.9};  // score, first, logbytes, keybm25
  const RerankFeatures other = {0.8, 0.9, 6.0, 0.5};
  EXPECT_GT(m->score(known_item), m->score(other));
  EXPECT_GT(m->score({1.0, 0.5, 7.0, 0.5}), m->score({0.5, 0.5, 7.0, 0.5}));
  const RerankModel builtin = RerankModel::builtin();
  EXPECT_EQ(builtin.depth(), m->depth());
  EXPECT_EQ(builtin.min_words(), m->min_words());
  for (const RerankFeatures& f : {known_item, other, RerankFeatures{0.3, 0.7, 9, 0.2}}) {
    EXPECT_DOUBLE_EQ(builtin.score(f), m->score(f));
  }
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
      {"depth 20\ntitle 0 1 1\n", "m.txt:2: expected 'depth K', 'words N' or 'FEATURE MEAN"},
      {"depth 20\nearly 0 1 1\n", "m.txt:2: expected"},  // a former feature
      {"depth 20\nwords 0\n", "m.txt:2: words must be a whole number in 1..1000"},
      {"depth 20\nscore 0 1\n", "m.txt:2: expected"},
      {"depth 20\nfirst 0 0 1\n", "m.txt:2: SD must be greater than 0"},
      {"depth 20\nfirst 0 x 1\n", "m.txt:2: MEAN, SD and WEIGHT must be numbers"},
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

TEST(RerankFeatures, QueryStemsKeysAndWords) {
  auto analyzer = Analyzer::create({});
  ASSERT_TRUE(analyzer.ok());
  auto stream = (*analyzer)->stream();
  // Stop words ("de", "in") are left out; stems once each, in order; a key
  // is the stem's first 5 bytes, or the word's where the stem is not how
  // the word starts (haag -> hag).
  std::vector<std::string> keys;
  std::vector<std::string> stems = internal::rerank_query_stems(
      "De boeren protesteren in Den Haag, boeren", *stream, &keys);
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : " ") + s;
    return out;
  };
  EXPECT_EQ(join(stems), "boer protester den hag");
  EXPECT_EQ(join(keys), "boer prote den haag");
  struct Row {
    const char* query;
    std::size_t words;
  };
  const Row rows[] = {{"De boeren protesteren in Den Haag, boeren", 7},
                      {"  kaas\tgouda\n", 2},
                      {"bron:Belga titel:navo", 2},  // the syntax is not parsed
                      {"", 0},
                      {"   ", 0}};
  for (const Row& r : rows) EXPECT_EQ(internal::rerank_query_words(r.query), r.words) << r.query;
}

TEST(RerankFeatures, TextFeaturesTable) {
  const double k1 = internal::kRerankK1;
  // BM25's tf part of `n` matches at normalised length `norm`.
  auto tf = [&](double n, double norm) { return (k1 + 1) * n / (k1 * norm + n); };
  const std::string long_text = "Boer " + std::string(2995, 'x');  // 3,000 bytes
  struct Row {
    std::string text;
    std::vector<std::string> keys;
    std::vector<double> idf;
    double first, keybm25;
  };
  const Row rows[] = {
      // boer at byte 0, haag at byte 20 of 24; one match each, short text
      {"Boeren trekken naar Haag", {"boer", "haag"}, {1, 2}, (0 + 20.0 / 24) / 2,
       1 * tf(1, 1) + 2 * tf(1, 1)},
      // only at a word start: not in "tuinboer"; "boert" at 9 of 19, "boer"
      {"tuinboer boert boer", {"boer"}, {1}, 9.0 / 19, tf(2, 1)},
      // a key the text lacks counts 1
      {"Boeren trekken naar Utrecht", {"boer", "haag"}, {1, 1}, (0 + 1.0) / 2, tf(1, 1)},
      // the byte before is part of a UTF-8 character ("É"): not a word start
      {"\xc3\x89" "boer", {"boer"}, {1}, 1.0, 0},
      // a one-byte key is not looked for
      {"x x x", {"x"}, {1}, 1.0, 0},
      // longer than kTypicalTextBytes: the length normalises
      {long_text, {"boer"}, {1}, 0.0,
       tf(1, (1 - internal::kRerankB) + internal::kRerankB * 3000 / internal::kTypicalTextBytes)},
      {"", {"boer"}, {1}, 1.0, 0},
      {"Boeren trekken", {}, {}, 1.0, 0},  // no stems
  };
  std::string scratch;
  internal::KeySearch search;
  for (const Row& r : rows) {
    const internal::RerankQuery q{r.keys, r.idf};
    search.set_keys(q.keys);
    const RerankFeatures f = internal::text_features(r.text, q, scratch, search);
    EXPECT_DOUBLE_EQ(f[1], r.first) << r.text.substr(0, 30);
    EXPECT_DOUBLE_EQ(f[2], std::log1p(static_cast<double>(r.text.size()))) << r.text.substr(0, 30);
    EXPECT_DOUBLE_EQ(f[3], r.keybm25) << r.text.substr(0, 30);
  }
}

TEST(RerankFeatures, OrderKeepsTies) {
  auto m = RerankModel::parse("depth 5\nfirst 0 1 -1\n", "m");
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
    std::ofstream(*model_) << "depth 10\nfirst 0 1 -1\n";  // the earlier, the better
  }
  static void TearDownTestSuite() {
    delete path_;
    delete model_;
  }

  // The hits for `query` with `model` ("-": no rerank; "": the built-in one).
  static std::string ids(const std::string& model, std::uint32_t offset, std::uint32_t limit,
                         bool features = false, std::vector<std::size_t>* sizes = nullptr,
                         const std::string& query = "kaas") {
    SearcherOptions o;
    o.rerank = model != "-";
    if (o.rerank) o.rerank_model_path = model;
    auto s = Searcher::open({*path_}, o);
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    if (!s.ok()) return "";
    SearchRequest r = testing::query_request(query, limit);
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
  EXPECT_EQ(ids("-", 0, 10), "laat:1 vroeg:2");       // BM25: three matches win
  EXPECT_EQ(ids(*model_, 0, 10), "vroeg:1 laat:2");   // early words win
  EXPECT_EQ(ids(*model_, 1, 1), "laat:2");            // the second page of the rerank
  EXPECT_EQ(ids(*model_, 0, 1), "vroeg:1");
  // A model learned on longer queries leaves shorter ones as the match ranks.
  const std::string two = testing::fresh_dir("search_rerank_words").string() + "/m.txt";
  std::ofstream(two) << "depth 10\nwords 2\nfirst 0 1 -1\n";
  EXPECT_EQ(ids(two, 0, 10), "laat:1 vroeg:2");
  EXPECT_EQ(ids(two, 0, 10, false, nullptr, "kaas kazen"), "vroeg:1 laat:2");
}

// The built-in model is on by default, for queries of 4 words or more: of
// two texts of one length, the one that names the query's words first wins
// over one that names them once more, at its end.
TEST(RerankBuiltin, OnByDefaultForLongQueries) {
  EXPECT_TRUE(SearcherOptions().rerank);
  const std::string dir = testing::fresh_dir("search_rerank_builtin").string();
  const std::string filler = "Het weer was goed en de mensen liepen buiten rond. ";
  {
    auto w = IndexWriter::open(dir);
    ASSERT_TRUE(w.ok()) << w.status().to_string();
    ASSERT_TRUE((*w)->add(article("eerst", "Eerst",
                                  "Kaas uit Gouda op de markt in de stad. " + filler + filler +
                                      filler + "Einde.",
                                  0))
                    .ok());
    ASSERT_TRUE((*w)->add(article("laatst", "Laatst",
                                  filler + filler + filler +
                                      "Kaas uit Gouda op de markt in de stad, kaas.",
                                  1))
                    .ok());
    for (int i = 0; i < 6; ++i) {  // other documents, for the words' idf
      ASSERT_TRUE((*w)->add(article("ander" + std::to_string(i), "Ander",
                                    "De trein reed niet door de storing.", 2 + i))
                      .ok());
    }
    ASSERT_TRUE((*w)->commit().ok());
  }
  auto first = [&](bool rerank, const std::string& query) {
    SearcherOptions o;
    o.rerank = rerank;
    auto s = Searcher::open({dir}, o);
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    if (!s.ok()) return std::string();
    auto res = (*s)->search(testing::query_request(query, 10));
    EXPECT_TRUE(res.ok()) << res.status().to_string();
    return res.ok() && !res->hits.empty() ? res->hits[0].id : std::string();
  };
  const std::string four = "kaas gouda markt stad";
  EXPECT_EQ(first(false, four), "laatst");  // BM25: kaas twice
  EXPECT_EQ(first(true, four), "eerst");    // the rerank: the words come first
  EXPECT_EQ(first(true, "kaas stad"), "laatst");  // two words: not reranked
}

TEST_F(RerankSearchTest, FeaturesOnRequestOnly) {
  std::vector<std::size_t> sizes;
  EXPECT_EQ(ids("-", 0, 10, true, &sizes), "laat:1 vroeg:2");  // no model: the match's order
  EXPECT_EQ(sizes, (std::vector<std::size_t>{4, 4}));
  sizes.clear();
  ids("-", 0, 10, false, &sizes);
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
  std::ofstream(depth1) << "depth 1\nfirst 0 1 -1\n";
  auto hits = [&](const std::string& model) {
    SearcherOptions o;
    o.rerank = !model.empty();
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

// The features come from the match's statistics and the stored texts: the
// same articles give the same features in one database and over shards.
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
    EXPECT_GT(f[3], 0) << id;  // keybm25: kaas found
    for (std::size_t i = 0; i < f.size(); ++i) {
      EXPECT_NEAR(two.at(id)[i], f[i], 1e-9) << id << " " << i;
    }
  }
}

}  // namespace
}  // namespace newsindex
