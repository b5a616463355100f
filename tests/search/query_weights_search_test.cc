// The query-side weights end to end (real Analyzer, IndexWriter, Searcher):
// what the chosen defaults find that the plain structure does not, and that
// exact forms still come first with stem matches at full weight.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "newsindex/searcher.h"
#include "newsindex/writer.h"
#include "search/search_fixture.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

using testing::article;

class QueryWeightsSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string(testing::fresh_dir("search_query_weights").string());
    auto w = IndexWriter::open(*path_);
    ASSERT_TRUE(w.ok()) << w.status().to_string();
    const std::vector<Article> docs = {
        article("terror", "Rechtszaak",
                "Twee terroristen van Islamitische Staat krijgen jaren cel.", 0),
        article("munt", "Facebook", "Facebook wil een eigen munt uitgeven.", 1),
        article("brand", "Loods", "Een brand verwoestte een loods in de haven.", 2),
        article("branden", "Hitte", "Door de hitte branden overal de bossen.", 2),
        article("weer", "Weerbericht", "Morgen wordt het zonnig en droog met weinig wind.", 3),
        // The same two words, apart and together (the "together" one is longer,
        // so without proximity it ranks second).
        article("apart", "Protest", "Fel gele licht viel op de demonstranten in hesjes.", 4),
        article("samen", "Protest",
                "In Parijs liepen opnieuw duizenden demonstranten in gele hesjes door de "
                "straten van de stad, zoals elke zaterdag.",
                4),
        // "kermis" twice; the longer one asks "wie"; a third has "wie" alone.
        article("kermis", "Kermis", "De kermis komt naar het dorp.", 5),
        article("kermisvraag", "Kermis",
                "Wie betaalt de kermis van dit jaar, vraagt de gemeenteraad zich af, en wie "
                "niet?",
                5),
        article("wiealleen", "Spreuk", "Wie het weet, mag het zeggen.", 6),
    };
    for (const Article& a : docs) ASSERT_TRUE((*w)->add(a).ok());
    ASSERT_TRUE((*w)->commit().ok());
  }
  static void TearDownTestSuite() { delete path_; }

  static std::vector<std::string> ids(const std::string& q, const SearcherOptions& o = {}) {
    auto s = Searcher::open({*path_}, o);
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    if (!s.ok()) return {};
    auto r = (*s)->search(testing::query_request(q));
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    std::vector<std::string> out;
    if (r.ok()) {
      for (const Hit& h : r->hits) out.push_back(h.id);
    }
    return out;
  }
  static SearcherOptions plain() {
    SearcherOptions o;
    o.stem_weight = 0.5;
    o.hyphen_part_weight = 0;
    o.query_part_weight = 0;
    return o;
  }

  static std::string* path_;
};
std::string* QueryWeightsSearchTest::path_ = nullptr;

TEST_F(QueryWeightsSearchTest, HyphenPartsFindTheWordWrittenApart) {
  EXPECT_EQ(ids("IS-terroristen"), std::vector<std::string>{"terror"});
  EXPECT_TRUE(ids("IS-terroristen", plain()).empty());
}

TEST_F(QueryWeightsSearchTest, QueryCompoundPartsFindThePartAlone) {
  EXPECT_EQ(ids("betaalmunt"), std::vector<std::string>{"munt"});
  EXPECT_TRUE(ids("betaalmunt", plain()).empty());
}

TEST_F(QueryWeightsSearchTest, ExactFormStillFirstWithStemsAtFullWeight) {
  ASSERT_EQ(SearcherOptions().stem_weight, 1.0);
  EXPECT_EQ(ids("brand"), (std::vector<std::string>{"brand", "branden"}));
  EXPECT_EQ(ids("branden"), (std::vector<std::string>{"branden", "brand"}));
}

TEST_F(QueryWeightsSearchTest, StopWordsWeighWhatTheOtherWordsFind) {
  // By default (stopword_weight 1) "wie" lifts the article that asks it
  // above the shorter one; "wiealleen", with "wie" but no "kermis", is not
  // found. At 0 "wie" is dropped and the shorter article comes first.
  ASSERT_EQ(SearcherOptions().stopword_weight, 1.0);
  EXPECT_EQ(ids("wie kermis"), (std::vector<std::string>{"kermisvraag", "kermis"}));
  SearcherOptions o;
  o.stopword_weight = 0;
  EXPECT_EQ(ids("wie kermis", o), (std::vector<std::string>{"kermis", "kermisvraag"}));
}

TEST_F(QueryWeightsSearchTest, ProximityRanksTheWordsTogetherFirst) {
  SearcherOptions off;
  off.phrase_pair_weight = 0;
  off.near_pair_weight = 0;
  EXPECT_EQ(ids("gele hesjes", off), (std::vector<std::string>{"apart", "samen"}));
  SearcherOptions on = off;
  on.phrase_pair_weight = 0.5;
  EXPECT_EQ(ids("gele hesjes", on), (std::vector<std::string>{"samen", "apart"}));
  on = off;
  on.near_pair_weight = 0.5;
  on.near_pair_window = 4;  // "gele licht viel op de demonstranten in hesjes": 7 apart
  EXPECT_EQ(ids("gele hesjes", on), (std::vector<std::string>{"samen", "apart"}));
}

}  // namespace
}  // namespace newsindex
