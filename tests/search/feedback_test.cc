// Pseudo-relevance feedback (search/feedback.*): which stems the top
// documents give, how they are weighted, what they change in a ranking, and
// the option checks. Off by default (docs/evaluation.md, "Pseudo-relevance
// feedback").
#include "search/feedback.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "newsindex/analyzer.h"
#include "newsindex/searcher.h"
#include "newsindex/writer.h"
#include "search/ranking_weight.h"
#include "search/search_fixture.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

using testing::article;

class FeedbackTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string(testing::fresh_dir("search_feedback").string());
    auto w = IndexWriter::open(*path_);
    ASSERT_TRUE(w.ok()) << w.status().to_string();
    // Two reports of a flood that name the dike and the rain, a kitchen
    // "flood", and a report that says "overstroming" once beside the dike and
    // the rain; the rest give the words their document frequencies.
    const std::vector<Article> docs = {
        article("dijk1", "Limburg",
                "Overstroming in Limburg: na de overstroming brak de dijk, na dagen regen. "
                "Overstroming.",
                0),
        article("dijk2", "Roermond",
                "De overstroming bij Roermond: de dijk hield de regen niet. Overstroming, "
                "overstroming.",
                1),
        article("keuken", "Keuken", "Overstroming in de keuken, overstroming door de wasmachine.",
                2),
        article("verslag", "Verslag", "Een overstroming na regen bij de dijk van Venlo.", 3),
        article("fiets", "Fiets", "De fiets stond bij de dijk in de regen.", 4),
        article("trein", "Trein", "De trein reed niet door de storing.", 5),
        article("school", "School", "De school gaat maandag weer open.", 6),
        article("markt", "Markt", "Op de markt in Venlo was het druk.", 7),
        article("kaas", "Kaas", "De kaas uit Gouda is beroemd.", 8),
        article("tennis", "Tennis", "Zij won het toernooi in drie sets.", 9),
        article("museum", "Museum", "Het museum toont oude kaarten.", 10),
        article("haven", "Haven", "In de haven lagen vier schepen.", 11),
        article("boek", "Boek", "Het boek verscheen vorige week.", 12),
        article("concert", "Concert", "Het concert was uitverkocht.", 13),
        article("verkiezing", "Verkiezing", "De opkomst bij de verkiezing was hoog.", 14),
        article("vakantie", "Vakantie", "De vakantie begint in juli.", 15),
    };
    for (const Article& a : docs) ASSERT_TRUE((*w)->add(a).ok());
    ASSERT_TRUE((*w)->commit().ok());
  }
  static void TearDownTestSuite() { delete path_; }

  // The expansion stems of `query` as "term:weight ..." (two decimals).
  static std::string terms(const std::string& query, internal::FeedbackOptions o) {
    auto analyzer = Analyzer::create({});
    EXPECT_TRUE(analyzer.ok());
    Xapian::Database db(*path_);
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(*internal::make_weight(SearcherOptions{}));
    std::string out;
    for (const auto& [t, w] : internal::feedback_terms(enquire, Xapian::Query(query), o,
                                                       **analyzer)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, ":%.2f", w);
      out += (out.empty() ? "" : " ") + t + buf;
    }
    return out;
  }

  static std::vector<std::string> ids(const std::string& q, const SearcherOptions& o) {
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

  static std::string* path_;
};
std::string* FeedbackTest::path_ = nullptr;

TEST_F(FeedbackTest, TermsTable) {
  struct Case {
    const char* query;
    internal::FeedbackOptions options;  // docs, terms, weight
    const char* expected;
  } cases[] = {
      // Off: no documents, no terms, or no weight.
      {"Zoverstrom", {0, 3, 1.0}, ""},
      {"Zoverstrom", {2, 0, 1.0}, ""},
      {"Zoverstrom", {2, 3, 0.0}, ""},
      // Nothing matches: nothing to expand from.
      {"Zbrug", {2, 3, 1.0}, ""},
      // The two flood reports: their stems that are rarest in the collection
      // first (Limburg, Roermond), then those both share (the rain, the dike);
      // the query's own stem and stop words never; weights relative to the
      // best, times the weight.
      {"Zoverstrom", {2, 4, 1.0}, "Zlimburg:1.00 Zroermond:0.95 Zreg:0.92 Zdijk:0.92"},
      {"Zoverstrom", {2, 2, 0.5}, "Zlimburg:0.50 Zroermond:0.47"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(terms(c.query, c.options), c.expected) << c.query << " docs " << c.options.docs;
  }
}

TEST_F(FeedbackTest, StemsOfTheTopDocumentsLiftTheReportThatSharesThem) {
  SearcherOptions off;
  EXPECT_EQ(off.feedback_docs, 0u);  // off by default
  const std::vector<std::string> plain = ids("overstroming", off);
  ASSERT_EQ(plain.size(), 4u);
  EXPECT_EQ(plain.back(), "verslag");  // one mention, ranked last
  SearcherOptions on;
  on.feedback_docs = 2;
  on.feedback_terms = 4;
  on.feedback_weight = 1.0;
  // The same matches (AND_MAYBE: the fiets article has the dike and the rain
  // but not the query word, and stays out); the report beside the dike and
  // the rain now ranks above the kitchen.
  EXPECT_EQ(ids("overstroming", on), (std::vector<std::string>{"dijk1", "dijk2", "verslag",
                                                               "keuken"}));
}

TEST_F(FeedbackTest, OptionsOutOfRangeAreRefused) {
  SearcherOptions o;
  o.feedback_docs = 1001;
  auto s = Searcher::open({*path_}, o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.status().message().find("feedback_docs"), std::string::npos);
  o.feedback_docs = 10;
  o.feedback_terms = 0;
  EXPECT_EQ(Searcher::open({*path_}, o).status().code(), StatusCode::kInvalidArgument);
  o.feedback_terms = 10;
  o.feedback_weight = -1;
  EXPECT_EQ(Searcher::open({*path_}, o).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace newsindex
