// The searcher with the real Analyzer and IndexWriter: what users see for
// Dutch words (stems, accents, compounds, hyphens, apostrophes).
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

class RealAnalysisTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string(testing::fresh_dir("search_real_analysis").string());
    auto w = IndexWriter::open(*path_);
    ASSERT_TRUE(w.ok()) << w.status().to_string();
    std::vector<Article> docs = {
        article("seed", "NAVO klaar om trainingsmissie in Irak uit te breiden",
                "De NAVO is klaar om haar trainingsmissie in Irak uit te breiden. Dat zei "
                "secretaris-generaal Jens Stoltenberg woensdag in Brussel.",
                0),
        article("missie", "Missie in Mali verlengd",
                "De missie in Mali wordt met een jaar verlengd.", 1),
        article("brand", "Loods", "Een brand verwoestte een loods in de haven.", 2),
        article("branden", "Hitte", "Door de hitte branden overal de bossen.", 2),
        article("bosbrand", "Portugal", "Een grote bosbrand woedt in het zuiden van Portugal.", 2),
        article("efficient", "Zorg",
                "Een efficiënte aanpak van de zorg is nodig, zegt de minister.", 3),
        article("inf", "Verdrag", "De VS stappen uit het INF-verdrag met Rusland.", 4),
        article("autos", "Verkeer", "Er reden gisteren minder auto's op de snelweg.", 5),
        article("storm-titel", "Storm raast over Vlaanderen", "Veel schade aan daken en bomen.", 7),
        article("storm-tekst", "Weekoverzicht", "De storm van gisteren en de storm van vandaag.",
                7),
        article("nato", "Bondgenoten", "De NATO vergadert in Brussel over de begroting.", 6),
    };
    for (int i = 0; i < 10; ++i) {
      docs.push_back(article("weer" + std::to_string(i), "Weerbericht",
                             "Morgen wordt het zonnig en droog met weinig wind.", -10 - i));
    }
    for (const Article& a : docs) ASSERT_TRUE((*w)->add(a).ok());
    ASSERT_TRUE((*w)->commit().ok());
    auto s = Searcher::open({*path_});
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    searcher_ = std::move(s).value().release();
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete path_;
  }

  SearchResults run(const std::string& q) {
    if (!searcher_) return {};
    auto r = searcher_->search(testing::query_request(q));
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? std::move(r).value() : SearchResults{};
  }
  static std::string snippet_of(const SearchResults& r, const std::string& id) {
    for (const Hit& h : r.hits) {
      if (h.id == id) return render_snippet(h.snippet, "[", "]");
    }
    return "(not found)";
  }

  static std::string* path_;
  static Searcher* searcher_;
};
std::string* RealAnalysisTest::path_ = nullptr;
Searcher* RealAnalysisTest::searcher_ = nullptr;

TEST_F(RealAnalysisTest, ExactThenStemThenCompoundPart) {
  SearchResults r = run("brand");
  ASSERT_EQ(r.hits.size(), 3u);
  EXPECT_EQ(r.hits[0].id, "brand");
  EXPECT_EQ(r.hits[1].id, "branden");
  EXPECT_EQ(r.hits[2].id, "bosbrand");
  SearchResults m = run("missie");
  ASSERT_EQ(m.hits.size(), 2u);
  EXPECT_EQ(m.hits[0].id, "missie");
  EXPECT_EQ(m.hits[1].id, "seed");  // trainingsmissie
}

// One mention in the title outweighs two in a body of the same length (the
// index gives title words schema::kTitleWdfBoost).
TEST_F(RealAnalysisTest, TitleMatchesRankAboveBodyMatches) {
  SearchResults r = run("storm");
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].id, "storm-titel");
  SearchResults t = run("titel:storm");
  ASSERT_EQ(t.hits.size(), 1u);
  EXPECT_EQ(t.hits[0].id, "storm-titel");
}

TEST_F(RealAnalysisTest, SnippetsHighlightThroughTheAnalyzer) {
  SearchResults r = run("missie");
  EXPECT_NE(snippet_of(r, "seed").find("[trainingsmissie]"), std::string::npos)
      << snippet_of(r, "seed");
  SearchResults b = run("brand");
  EXPECT_NE(snippet_of(b, "branden").find("[branden]"), std::string::npos)
      << snippet_of(b, "branden");
  EXPECT_NE(snippet_of(b, "bosbrand").find("[bosbrand]"), std::string::npos)
      << snippet_of(b, "bosbrand");
  SearchResults e = run("efficiente");
  EXPECT_NE(snippet_of(e, "efficient").find("[efficiënte]"), std::string::npos)
      << snippet_of(e, "efficient");
  SearchResults a = run("auto");
  EXPECT_NE(snippet_of(a, "autos").find("[auto's]"), std::string::npos) << snippet_of(a, "autos");
}

TEST_F(RealAnalysisTest, HyphenatedAndPhrases) {
  EXPECT_EQ(run("INF-verdrag").hits.at(0).id, "inf");
  EXPECT_EQ(run("infverdrag").hits.at(0).id, "inf");
  EXPECT_EQ(run("\"uit te breiden\"").hits.size(), 1u);
  EXPECT_EQ(run("\"te uit breiden\"").hits.size(), 0u);
}

TEST_F(RealAnalysisTest, SynonymsFindTheOtherSpelling) {
  SearchResults r = run("NAVO");
  bool nato = false;
  for (const Hit& h : r.hits) nato = nato || h.id == "nato";
  EXPECT_TRUE(nato);
  SearchResults vs = run("\"Verenigde Staten\"");
  EXPECT_TRUE(vs.hits.empty());  // a phrase is literal
  SearchResults vs2 = run("Verenigde Staten");
  ASSERT_FALSE(vs2.hits.empty());
  EXPECT_EQ(vs2.hits[0].id, "inf");
}

TEST_F(RealAnalysisTest, StopWordsOnlyQueryStillSearches) {
  EXPECT_FALSE(run("de").hits.empty());
  EXPECT_FALSE(run("het").hits.empty());
}

}  // namespace
}  // namespace newsindex
