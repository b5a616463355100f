// The Searcher end to end on small databases built with the fake analyzer:
// ranking, filters, facets, collapse, recency, sorting, suggestions,
// more-like-this, several databases, analysis checks, reopen.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <string>
#include <vector>

#include "index/stored_data.h"
#include "index/stored_text.h"
#include "testing/fake_analyzer.h"
#include "search/search_fixture.h"
#include "search/searcher_impl.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

using testing::article;

std::vector<std::string> ids(const SearchResults& r) {
  std::vector<std::string> out;
  for (const Hit& h : r.hits) out.push_back(h.id);
  return out;
}

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    analyzer_ = testing::FakeAnalyzer::make();
    path_ = testing::fresh_dir(std::string("searcher_") +
                               ::testing::UnitTest::GetInstance()->current_test_info()->name())
                .string();
    std::vector<Article> docs = {
        article("exact", "Nieuws uit Brussel", "De missie werd gisteren verlengd door de regering.",
                0, "Belga", "De Standaard", "binnenland"),
        article("stem", "Nieuws uit Gent", "De missies werden gisteren verlengd door de regering.",
                1, "ANP", "NOS", "buitenland"),
        article("compound", "Nieuws uit Irak",
                "De trainingsmissie werd gisteren verlengd door de regering.", 2, "Belga",
                "Het Nieuwsblad", "buitenland"),
        article("wire1", "Brand in haven",
                "Een grote brand woedde in de haven van Antwerpen vannacht.", 30, "Belga",
                "De Standaard", "binnenland"),
        article("wire2", "Brand in haven Antwerpen",
                "Een grote brand woedde vannacht in de haven van Antwerpen.", 30, "Belga",
                "Het Nieuwsblad", "binnenland"),
        article("wire3", "Haven in brand", "Een grote brand woedde in de Antwerpse haven vannacht.",
                31, "Belga", "Gazet van Antwerpen", "binnenland"),
        article("old-efficient", "Efficiënte aanpak",
                "Een efficiënte aanpak van de efficiënte zorg, efficiënte mensen.", -400, "ANP",
                "NOS", "economie"),
        article("new-efficient", "Nieuwe aanpak", "Een efficiënte aanpak van de zorg.", 60, "ANP",
                "NOS", "economie"),
    };
    for (int i = 0; i < 12; ++i) {
      docs.push_back(article("filler" + std::to_string(i), "Weerbericht " + std::to_string(i),
                             "Morgen is het zonnig en droog met een zwakke wind uit het oosten.",
                             -100 - i, "ANP", "NOS", "weer"));
    }
    testing::add_articles(path_, analyzer_, docs, {"", "", "", "w", "w", "w"});
  }

  std::unique_ptr<Searcher> open(SearcherOptions o = {}) {
    auto s = internal::open_searcher({path_}, o, analyzer_);
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    return std::move(s).value();
  }
  SearchResults run(Searcher& s, SearchRequest r) {
    auto res = s.search(r);
    EXPECT_TRUE(res.ok()) << res.status().to_string();
    return res.ok() ? std::move(res).value() : SearchResults{};
  }
  SearchResults run(Searcher& s, const std::string& q) {
    SearchRequest r;
    r.query = q;
    return run(s, r);
  }

  std::shared_ptr<const Analyzer> analyzer_;
  std::string path_;
};

TEST_F(SearcherTest, ExactBeforeStemBeforeCompoundPart) {
  auto s = open();
  SearchResults r = run(*s, "missie");
  EXPECT_EQ(ids(r), (std::vector<std::string>{"exact", "stem", "compound"}));
  ASSERT_EQ(r.hits.size(), 3u);
  EXPECT_GT(r.hits[0].score, r.hits[1].score);
  EXPECT_GT(r.hits[1].score, r.hits[2].score);
  EXPECT_EQ(r.hits[0].rank, 1u);
  EXPECT_EQ(r.hits[0].source, "Belga");
  EXPECT_EQ(r.hits[0].outlet, "De Standaard");
  EXPECT_EQ(r.hits[0].url, "https://example.org/exact");
  EXPECT_EQ(r.hits[0].title, "Nieuws uit Brussel");
  EXPECT_FALSE(r.hits[0].date.empty());
}

TEST_F(SearcherTest, FiltersCombineWithQueriesAndEmptyQueries) {
  auto s = open();
  SearchRequest r;
  r.query = "missie";
  r.sources = {"belga"};
  EXPECT_EQ(ids(run(*s, r)), (std::vector<std::string>{"exact", "compound"}));
  r.categories = {"Buitenland"};
  EXPECT_EQ(ids(run(*s, r)), (std::vector<std::string>{"compound"}));
  r.sources = {"Belga", "ANP"};  // OR within a field, AND across fields
  EXPECT_EQ(ids(run(*s, r)), (std::vector<std::string>{"stem", "compound"}));

  SearchRequest lang;
  lang.query = "missie";
  lang.languages = {"nl"};
  EXPECT_EQ(run(*s, lang).hits.size(), 3u);
  lang.languages = {"en"};
  EXPECT_TRUE(run(*s, lang).hits.empty());
  // Offset and limit page through the same ranking.
  SearchRequest page;
  page.query = "missie";
  page.offset = 1;
  page.limit = 1;
  SearchResults p2 = run(*s, page);
  ASSERT_EQ(p2.hits.size(), 1u);
  EXPECT_EQ(p2.hits[0].id, "stem");
  EXPECT_EQ(p2.hits[0].rank, 2u);
  // Browse: empty query, filtered, newest first.
  SearchRequest browse;
  browse.outlets = {"NOS"};
  browse.limit = 3;
  EXPECT_EQ(ids(run(*s, browse)), (std::vector<std::string>{"new-efficient", "stem", "filler0"}));
  // Dates: since/until in seconds, inclusive.
  SearchRequest dated;
  dated.since = testing::day(1);
  dated.until = testing::day(30);
  dated.limit = 20;
  EXPECT_EQ(ids(run(*s, dated)), (std::vector<std::string>{"wire1", "wire2", "compound", "stem"}));
  // The query language filters too.
  EXPECT_EQ(ids(run(*s, "missie bron:anp")), (std::vector<std::string>{"stem"}));
  EXPECT_EQ(ids(run(*s, "missie -bron:anp")), (std::vector<std::string>{"exact", "compound"}));
  EXPECT_EQ(ids(run(*s, "missie datum:2020-02-13..2020-02-14")),
            (std::vector<std::string>{"stem", "compound"}));
  EXPECT_EQ(ids(run(*s, "datum:2020-02-12")), (std::vector<std::string>{"exact"}));
  EXPECT_EQ(run(*s, "datum:2019").hits.size(), 10u);
}

TEST_F(SearcherTest, FacetsCountTheWholeMatchingSet) {
  auto s = open();
  SearchRequest r;
  r.query = "gisteren OR brand";
  r.limit = 1;
  r.facets = {"source", "outlet", "category", "year", "month"};
  SearchResults res = run(*s, r);
  EXPECT_EQ(res.hits.size(), 1u);
  auto facet = [&](const std::string& name) {
    std::string out;
    for (const FacetValue& v : res.facets[name]) {
      out += v.value + "=" + std::to_string(v.count) + " ";
    }
    return out;
  };
  EXPECT_EQ(facet("source"), "Belga=5 ANP=1 ");
  EXPECT_EQ(facet("category"), "binnenland=4 buitenland=2 ");
  EXPECT_EQ(facet("outlet"), "De Standaard=2 Het Nieuwsblad=2 Gazet van Antwerpen=1 NOS=1 ");
  EXPECT_EQ(facet("year"), "2020=6 ");
  EXPECT_EQ(facet("month"), "2020-02=3 2020-03=3 ");

  SearchRequest bad;
  bad.facets = {"colour"};
  auto err = s->search(bad);
  ASSERT_FALSE(err.ok());
  EXPECT_EQ(err.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(err.status().message().find("colour"), std::string::npos);
}

TEST_F(SearcherTest, CollapseShowsEachWireStoryOnce) {
  auto s = open();
  SearchRequest r;
  r.query = "brand haven";
  EXPECT_EQ(run(*s, r).hits.size(), 3u);
  r.collapse = true;
  SearchResults c = run(*s, r);
  ASSERT_EQ(c.hits.size(), 1u);
  EXPECT_EQ(c.hits[0].duplicates, 2u);
}

TEST_F(SearcherTest, SortByDateAndRecencyBoost) {
  auto s = open();
  SearchRequest r;
  r.query = "efficiente";
  // By relevance the old article (three mentions) wins.
  EXPECT_EQ(ids(run(*s, r)), (std::vector<std::string>{"old-efficient", "new-efficient"}));
  r.sort = SortOrder::kDate;
  EXPECT_EQ(ids(run(*s, r)), (std::vector<std::string>{"new-efficient", "old-efficient"}));
  r.sort = SortOrder::kRelevance;
  r.recency_half_life = 7 * 86400.0;
  EXPECT_EQ(ids(run(*s, r)), (std::vector<std::string>{"new-efficient", "old-efficient"}));
  // A long half-life leaves relevance in charge: a blend, not a date sort.
  r.recency_half_life = 100 * 365 * 86400.0;
  EXPECT_EQ(ids(run(*s, r)), (std::vector<std::string>{"old-efficient", "new-efficient"}));
  r.recency_half_life = -1;
  EXPECT_EQ(s->search(r).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SearcherTest, SnippetsHighlightThroughStemsFoldingAndCompounds) {
  auto s = open();
  SearchResults r = run(*s, "missie");
  ASSERT_EQ(r.hits.size(), 3u);
  EXPECT_EQ(render_snippet(r.hits[0].snippet, "[", "]"),
            "De [missie] werd gisteren verlengd door de regering.");
  EXPECT_EQ(render_snippet(r.hits[1].snippet, "[", "]"),
            "De [missies] werden gisteren verlengd door de regering.");
  EXPECT_EQ(render_snippet(r.hits[2].snippet, "[", "]"),
            "De [trainingsmissie] werd gisteren verlengd door de regering.");
  SearchResults e = run(*s, "efficiente");
  ASSERT_FALSE(e.hits.empty());
  EXPECT_EQ(render_snippet_html(e.hits.back().snippet),
            "Een <b>efficiënte</b> aanpak van de zorg.");
  SearchRequest none;
  none.query = "missie";
  none.snippets = false;
  EXPECT_TRUE(run(*s, none).hits[0].snippet.empty());
}

// Without snippets a hit reads only the document data, with snippets also
// the text slot: both must show the same fields.
TEST_F(SearcherTest, HitWithoutSnippetsShowsTheSameFieldsAsWithSnippets) {
  auto s = open();
  for (const char* q : {"brand", "missie", "aanpak", "weerbericht", ""}) {
    SearchRequest r = testing::query_request(q, 20);
    r.snippets = false;
    SearchResults plain = run(*s, r);
    r.snippets = true;
    SearchResults full = run(*s, r);
    ASSERT_FALSE(plain.hits.empty()) << q;
    ASSERT_EQ(ids(plain), ids(full)) << q;
    for (std::size_t i = 0; i < plain.hits.size(); ++i) {
      const Hit& a = plain.hits[i];
      const Hit& b = full.hits[i];
      EXPECT_EQ(a.title, b.title) << a.id;
      EXPECT_EQ(a.date, b.date) << a.id;
      EXPECT_EQ(a.source, b.source) << a.id;
      EXPECT_EQ(a.outlet, b.outlet) << a.id;
      EXPECT_EQ(a.category, b.category) << a.id;
      EXPECT_EQ(a.url, b.url) << a.id;
      EXPECT_EQ(a.url, "https://example.org/" + a.id);
      EXPECT_FALSE(a.title.empty()) << a.id;
      EXPECT_FALSE(a.date.empty()) << a.id;
      EXPECT_TRUE(a.snippet.empty()) << a.id;
    }
  }
}

// Schema 2 kept the body in value slot 9 and the data as the JSON object
// alone: such a database still gives the same hits, fields and snippets.
TEST_F(SearcherTest, ReadsASchema2Database) {
  const std::string old = path_ + "-schema2";
  {
    Xapian::Database now(path_);
    Xapian::WritableDatabase db(old, Xapian::DB_CREATE_OR_OVERWRITE);
    for (auto k = now.metadata_keys_begin(); k != now.metadata_keys_end(); ++k) {
      db.set_metadata(*k, now.get_metadata(*k));
    }
    db.set_metadata(std::string(schema::kMetaSchema), "2");
    for (auto it = now.postlist_begin(""); it != now.postlist_end(""); ++it) {
      Xapian::Document doc = now.get_document(*it);
      std::string object, body;
      ASSERT_TRUE(internal::split_stored_data(doc.get_data(), &object, &body));
      doc.set_data(object);
      if (!body.empty()) doc.add_value(schema::kSlotText, internal::encode_stored_text(body));
      db.replace_document(*it, doc);
    }
    db.commit();
  }
  auto now = open();
  auto then = internal::open_searcher({old}, {}, analyzer_);
  ASSERT_TRUE(then.ok()) << then.status().to_string();
  for (const char* q : {"missie", "brand", "efficiente", ""}) {
    SearchResults a = run(*now, q);
    SearchResults b = run(**then, q);
    ASSERT_FALSE(a.hits.empty()) << q;
    ASSERT_EQ(ids(a), ids(b)) << q;
    for (std::size_t i = 0; i < a.hits.size(); ++i) {
      EXPECT_EQ(a.hits[i].title, b.hits[i].title) << q;
      EXPECT_EQ(a.hits[i].url, b.hits[i].url) << q;
      EXPECT_EQ(render_snippet(a.hits[i].snippet, "[", "]"),
                render_snippet(b.hits[i].snippet, "[", "]"))
          << q;
    }
  }
  auto doc = (*then)->document("compound");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "De trainingsmissie werd gisteren verlengd door de regering.");
}

TEST_F(SearcherTest, MalformedQueriesWarnAndNeverFail) {
  auto s = open();
  for (const char* q : {"\"unclosed missie", "AND", "title:", "missie AND", "((", "NEAR",
                        "datum:gisteren missie"}) {
    auto r = s->search(testing::query_request(q));
    ASSERT_TRUE(r.ok()) << q << ": " << r.status().to_string();
    EXPECT_FALSE(r->warnings.empty()) << q;
  }
  auto binary = s->search(testing::query_request("\xff\xfe missie \x01"));
  ASSERT_TRUE(binary.ok()) << binary.status().to_string();
  EXPECT_FALSE(binary->hits.empty());
  std::string many;
  for (int i = 0; i < 10000; ++i) many += "missie" + std::to_string(i % 50) + " ";
  auto r = s->search(testing::query_request(many));
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->warnings.empty());
}

TEST_F(SearcherTest, RandomSyntaxSoupNeverFails) {
  // Fixed-seed combinations of every piece of syntax, glued or spaced.
  const char* kPieces[] = {"missie",
                           "\"",
                           "(",
                           ")",
                           "AND",
                           "OR",
                           "NOT",
                           "NEAR",
                           "NEAR/2",
                           "+",
                           "-",
                           "titel:",
                           "bron:",
                           "datum:",
                           "2020-02",
                           "..",
                           "*",
                           "verkiez*",
                           "INF-verdrag",
                           "auto's",
                           "EN",
                           "de",
                           "\"de missie\"",
                           "navo",
                           "verenigde",
                           "staten",
                           "OM",
                           ":",
                           "\xc3\xab",
                           "outlet:nos"};
  auto s = open();
  unsigned state = 12345;
  for (int q = 0; q < 400; ++q) {
    std::string query;
    int n = 1 + static_cast<int>(state % 7);
    for (int i = 0; i < n; ++i) {
      state = state * 1103515245u + 12345u;
      query += kPieces[(state >> 8) % (sizeof kPieces / sizeof kPieces[0])];
      if ((state >> 20) % 3 != 0) query += ' ';
    }
    SearchRequest r = testing::query_request(query);
    r.facets = {"year"};
    r.collapse = q % 2 == 0;
    auto res = s->search(r);
    ASSERT_TRUE(res.ok()) << "[" << query << "]: " << res.status().to_string();
  }
}

TEST_F(SearcherTest, SuggestionForUnknownWords) {
  auto s = open();
  SearchResults r = run(*s, "misie");
  EXPECT_TRUE(r.hits.empty());
  EXPECT_EQ(r.suggestion, "missie");
  EXPECT_EQ(run(*s, "missie").suggestion, "");
}

TEST_F(SearcherTest, ExplainShowsTheXapianQuery) {
  auto s = open();
  SearchRequest r;
  r.query = "missie";
  r.explain = true;
  r.sources = {"Belga"};
  // Stem matches weigh as much as exact forms since the query-side tuning
  // (SearcherOptions::stem_weight 1, docs/evaluation.md): no scale on Zmissi.
  EXPECT_EQ(run(*s, r).explanation,
            "Query((((Zmissi AND_MAYBE missie) OR 0.25 * XPmissi) FILTER XSRCbelga))");
}

TEST_F(SearcherTest, SimilarExcludesItselfAndItsCluster) {
  auto s = open();
  auto r = s->similar("exact", 5);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  std::vector<std::string> got = ids(*r);
  ASSERT_GE(got.size(), 2u);
  EXPECT_TRUE(std::find(got.begin(), got.end(), "exact") == got.end());
  EXPECT_TRUE(got[0] == "stem" || got[0] == "compound") << got[0];
  auto w = s->similar("wire1", 5);
  ASSERT_TRUE(w.ok());
  for (const std::string& id : ids(*w)) EXPECT_EQ(id.rfind("wire", 0), std::string::npos) << id;
  EXPECT_EQ(s->similar("no-such-id").status().code(), StatusCode::kNotFound);
}

TEST_F(SearcherTest, SeveralDatabasesAtOnce) {
  std::string second = testing::fresh_dir("searcher_second").string();
  testing::add_articles(second, analyzer_,
                        {article("other-missie", "Elders", "Een andere missie.", 5)});
  auto s = internal::open_searcher({path_, second}, {}, analyzer_);
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  SearchResults r = run(**s, "missie");
  EXPECT_EQ(r.hits.size(), 4u);
  EXPECT_TRUE(std::find_if(r.hits.begin(), r.hits.end(),
                           [](const Hit& h) { return h.id == "other-missie"; }) != r.hits.end());
}

TEST_F(SearcherTest, OpenErrorsNameTheDatabase) {
  auto missing = internal::open_searcher({"/nonexistent/db"}, {}, analyzer_);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("/nonexistent/db"), std::string::npos);
  EXPECT_EQ(internal::open_searcher({}, {}, analyzer_).status().code(),
            StatusCode::kInvalidArgument);
  auto bad_remote = internal::open_searcher({"tcp://nohostport"}, {}, analyzer_);
  EXPECT_EQ(bad_remote.status().code(), StatusCode::kInvalidArgument);
  auto refused = internal::open_searcher({"tcp://127.0.0.1:1"}, {}, analyzer_);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("tcp://127.0.0.1:1"), std::string::npos);
  SearcherOptions o;
  o.synonyms_path = "/nonexistent/synonyms.txt";
  EXPECT_EQ(internal::open_searcher({path_}, o, analyzer_).status().code(), StatusCode::kNotFound);
}

TEST_F(SearcherTest, AnalysisMismatchIsRefusedUnlessOverridden) {
  auto other = testing::FakeAnalyzer::make("other/2");
  auto refused = internal::open_searcher({path_}, {}, other);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kAnalysisMismatch);
  EXPECT_NE(refused.status().message().find("fake/1"), std::string::npos);
  SearcherOptions o;
  o.override_analysis = true;
  EXPECT_TRUE(internal::open_searcher({path_}, o, other).ok());
}

// A database that newsindex did not build (documents, no analyzer record) is
// refused, also now that opening reads a missing record a few times over
// (a read torn by a concurrent commit can look like a missing one).
TEST_F(SearcherTest, DatabaseWithoutAnalyzerRecordIsRefusedUnlessOverridden) {
  std::string foreign = testing::fresh_dir("searcher_foreign").string();
  {
    Xapian::WritableDatabase db(foreign, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::Document doc;
    doc.add_posting("zeppelin", 1);
    db.add_document(doc);
    db.commit();
  }
  auto refused = internal::open_searcher({foreign}, {}, analyzer_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kAnalysisMismatch);
  EXPECT_NE(refused.status().message().find("(none recorded)"), std::string::npos)
      << refused.status().to_string();
  SearcherOptions o;
  o.override_analysis = true;
  EXPECT_TRUE(internal::open_searcher({foreign}, o, analyzer_).ok());
}

TEST_F(SearcherTest, ReopenSeesNewCommits) {
  auto s = open();
  EXPECT_EQ(run(*s, "zeppelin").hits.size(), 0u);
  testing::add_articles(path_, analyzer_, {article("zep", "Zeppelin", "Een zeppelin landde.", 3)});
  EXPECT_EQ(run(*s, "zeppelin").hits.size(), 0u);  // the revision it opened
  ASSERT_TRUE(s->reopen().ok());
  EXPECT_EQ(run(*s, "zeppelin").hits.size(), 1u);
}

}  // namespace
}  // namespace newsindex
