// Query AST -> Xapian query descriptions, with a predictable analyzer.
#include "search/query_builder.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "testing/fake_analyzer.h"
#include "search/query_parser.h"
#include "search/synonyms.h"
#include "testing/test_paths.h"

namespace newsindex::internal {
namespace {

class QueryBuilderTest : public ::testing::Test {
 protected:
  QueryBuilderTest()
      : analyzer_(testing::FakeAnalyzer::make()),
        synonyms_(Synonyms::parse("navo = nato\nvs = verenigde staten\nom = openbaar ministerie\n",
                                  *analyzer_, "test")
                      .value()) {}

  BuiltQuery build(const std::string& q, DefaultOperator op = DefaultOperator::kOr,
                   double stopword_weight = 0.0) {
    // The plain OR structure, the optional levels off, stop words dropped
    // (the Searcher's defaults are tested in query_weights_test).
    BuilderOptions o;
    o.default_operator = op;
    o.stopword_weight = stopword_weight;
    o.stem_weight = 0.5;
    o.hyphen_part_weight = 0.0;
    o.query_part_weight = 0.0;
    o.exact_within_stem = false;
    QueryBuilder b(*analyzer_, &synonyms_, o);
    return b.build(parse_query(q).root);
  }
  std::string desc(const std::string& q, DefaultOperator op = DefaultOperator::kOr) {
    return build(q, op).query.get_description();
  }

  std::shared_ptr<const Analyzer> analyzer_;
  Synonyms synonyms_;
};

struct Case {
  const char* query;
  const char* description;
};

TEST_F(QueryBuilderTest, Table) {
  const Case kCases[] = {
      // A word: exact form > stem > compound part.
      {"missie", "Query((missie OR 0.5 * Zmissi OR 0.25 * XPmissi))"},
      // Synonyms, single- and multi-word (as a phrase).
      {"navo",
       "Query(((navo SYNONYM nato) OR 0.5 * (Znavo SYNONYM Znato) OR 0.25 * "
       "(XPnavo SYNONYM XPnato)))"},
      {"verenigde staten",
       "Query(((vs SYNONYM (verenigde PHRASE 2 staten)) OR 0.5 * Zvs OR 0.25 * XPvs))"},
      // A stop-word acronym expands only in capitals: "om" is "in order to".
      {"OM", "Query((om SYNONYM (openbaar PHRASE 2 ministerie)))"},
      {"om missie", "Query((missie OR 0.5 * Zmissi OR 0.25 * XPmissi))"},
      // Hyphenated: whole, closed form, or the parts as a phrase.
      {"INF-verdrag",
       "Query(((inf-verdrag SYNONYM infverdrag SYNONYM (inf PHRASE 2 verdrag)) OR 0.5 * "
       "(Zinf-verdrag SYNONYM Zinfverdrag) OR 0.25 * (XPinf-verdrag SYNONYM XPinfverdrag)))"},
      // Phrases keep stop words and use exact forms only.
      {"\"uit te breiden\"", "Query((uit PHRASE 3 te PHRASE 3 breiden))"},
      {"\"van de missie\"", "Query((van PHRASE 3 de PHRASE 3 missie))"},
      {"\"missie\"", "Query(missie)"},
      // Stop words are dropped unless the query has nothing else.
      {"de missie", "Query((missie OR 0.5 * Zmissi OR 0.25 * XPmissi))"},
      {"de", "Query(de)"},
      {"het een", "Query((het OR een))"},
      {"+de missie", "Query((de AND_MAYBE (missie OR 0.5 * Zmissi OR 0.25 * XPmissi)))"},
      {"verkiez*", "Query(WILDCARD SYNONYM verkiez)"},
      {"titel:verkiez*", "Query(WILDCARD SYNONYM Sverkiez)"},
      {"titel:missie", "Query((Smissie OR 0.5 * ZSmissi))"},
      {"titel:\"de missie\"", "Query((Sde PHRASE 2 Smissie))"},
      {"bron:belga navo",
       "Query((((navo SYNONYM nato) OR 0.5 * (Znavo SYNONYM Znato) OR 0.25 * "
       "(XPnavo SYNONYM XPnato)) FILTER XSRCbelga))"},
      {"bron:belga", "Query(0 * XSRCbelga)"},
      {"bron:belga bron:anp outlet:\"De Standaard\"",
       "Query(0 * ((XSRCbelga OR XSRCanp) AND XOUTde standaard))"},
      {"-bron:anp missie", "Query(((missie OR 0.5 * Zmissi OR 0.25 * XPmissi) AND_NOT XSRCanp))"},
      {"datum:2020-02-12", "Query(VALUE_RANGE 0 20200212000000 20200212235959)"},
      {"datum:2020-02..2020-03", "Query(VALUE_RANGE 0 20200201000000 20200331235959)"},
      {"datum:2020", "Query(VALUE_RANGE 0 20200101000000 20201231235959)"},
      {"datum:2020-02..", "Query(VALUE_GE 0 20200201000000)"},
      {"datum:..2019-12-31", "Query(VALUE_LE 0 20191231235959)"},
      {"missie -irak",
       "Query(((missie OR 0.5 * Zmissi OR 0.25 * XPmissi) AND_NOT (irak OR 0.5 * Zirak OR "
       "0.25 * XPirak)))"},
      {"missie +irak",
       "Query(((irak OR 0.5 * Zirak OR 0.25 * XPirak) AND_MAYBE (missie OR 0.5 * Zmissi OR "
       "0.25 * XPmissi)))"},
      {"missie AND irak",
       "Query(((missie OR 0.5 * Zmissi OR 0.25 * XPmissi) AND (irak OR 0.5 * Zirak OR 0.25 * "
       "XPirak)))"},
      {"missie NIET irak",
       "Query(((missie OR 0.5 * Zmissi OR 0.25 * XPmissi) AND_NOT (irak OR 0.5 * Zirak OR "
       "0.25 * XPirak)))"},
      {"missie NEAR irak", "Query((missie NEAR 10 irak))"},
      {"missie NEAR/3 \"in irak\"",
       "Query(((missie NEAR 3 in NEAR 3 irak) AND (in PHRASE 2 irak)))"},
      {"auto's NEAR INF-verdrag", "Query((auto's NEAR 10 (inf-verdrag OR infverdrag OR inf)))"},
      {"NOT irak", "Query((<alldocuments> AND_NOT (irak OR 0.5 * Zirak OR 0.25 * XPirak)))"},
      {"", "Query(<alldocuments>)"},
  };
  for (const Case& c : kCases) {
    try {
      EXPECT_EQ(desc(c.query), c.description) << c.query;
    } catch (const Xapian::Error& e) {
      ADD_FAILURE() << c.query << ": " << e.get_description();
    }
  }
}

TEST_F(QueryBuilderTest, DefaultOperatorAnd) {
  EXPECT_EQ(desc("missie irak", DefaultOperator::kAnd),
            "Query(((missie OR 0.5 * Zmissi OR 0.25 * XPmissi) AND (irak OR 0.5 * Zirak OR "
            "0.25 * XPirak)))");
  EXPECT_EQ(desc("missie irak", DefaultOperator::kOr),
            "Query(((missie OR 0.5 * Zmissi OR 0.25 * XPmissi) OR (irak OR 0.5 * Zirak OR "
            "0.25 * XPirak)))");
}

TEST_F(QueryBuilderTest, BrowseAndNothing) {
  EXPECT_TRUE(build("").browse);
  EXPECT_TRUE(build("bron:belga").browse);
  EXPECT_TRUE(build("-irak").browse);
  EXPECT_FALSE(build("missie").browse);
  BuiltQuery none = build("*");
  EXPECT_FALSE(none.nothing);  // blank after lexing: browse
  BuiltQuery dashes = build("+ -");
  EXPECT_TRUE(dashes.nothing);
  EXPECT_EQ(dashes.warnings.size(), 1u);
  BuiltQuery bad_date = build("datum:gisteren missie");
  ASSERT_EQ(bad_date.warnings.size(), 1u);
  EXPECT_NE(bad_date.warnings[0].find("datum:gisteren"), std::string::npos);
}

TEST_F(QueryBuilderTest, HighlightsComeFromPositiveClausesOnly) {
  BuiltQuery q = build("missies -irak verkiez* \"de top\" navo");
  EXPECT_TRUE(q.highlight.terms.contains("missies"));
  EXPECT_TRUE(q.highlight.stems.contains("missi"));
  EXPECT_FALSE(q.highlight.terms.contains("irak"));
  EXPECT_TRUE(q.highlight.terms.contains("top"));
  EXPECT_TRUE(q.highlight.terms.contains("nato"));
  ASSERT_EQ(q.highlight.prefixes.size(), 1u);
  EXPECT_EQ(q.highlight.prefixes[0], "verkiez");
  EXPECT_EQ(q.words, (std::vector<std::string>{"missies", "navo"}));
}

TEST_F(QueryBuilderTest, KeptStopWordsAreNeitherHighlightedNorSpellChecked) {
  // Searched (stopword_weight 1), but a snippet marks only "missie".
  BuiltQuery q = build("de missie", DefaultOperator::kOr, 1.0);
  EXPECT_EQ(q.query.get_description(),
            "Query(((missie OR 0.5 * Zmissi OR 0.25 * XPmissi) AND_MAYBE de))");
  EXPECT_EQ(q.highlight.terms, (std::set<std::string, std::less<>>{"missie"}));
  EXPECT_EQ(q.words, std::vector<std::string>{"missie"});
  // Only stop words: searched as words, so highlighted as before.
  EXPECT_TRUE(build("het een", DefaultOperator::kOr, 1.0).highlight.terms.contains("het"));
}

TEST_F(QueryBuilderTest, TenThousandWordsBuildACappedQuery) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "woord" + std::to_string(i) + " ";
  BuiltQuery q = build(text);
  EXPECT_FALSE(q.nothing);
  EXPECT_EQ(q.words.size(), 64u);
}

// The generator (cmake/EmbedFile.cmake) compiles the data file in byte for
// byte: UTF-8, line ends and the last newline included.
TEST(Synonyms, GeneratedBuiltInListIsTheDataFile) {
  std::ifstream in(testing::source_dir() / "libnewsindex/data/synonyms-nl.txt",
                   std::ios::binary);
  ASSERT_TRUE(in) << "libnewsindex/data/synonyms-nl.txt missing";
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(builtin_synonyms_text(), ss.str());
  EXPECT_EQ(builtin_synonyms_text().back(), '\n');
}

TEST(Synonyms, ParseErrorsNameTheLine) {
  auto a = testing::FakeAnalyzer::make();
  Result<Synonyms> bad = Synonyms::parse("navo = nato\nno equals sign\n", *a, "my.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kParseError);
  EXPECT_NE(bad.status().message().find("my.txt:2"), std::string::npos);
  Result<Synonyms> missing = Synonyms::load("/nonexistent/syn.txt", *a);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  Result<Synonyms> builtin = Synonyms::load("", *a);
  ASSERT_TRUE(builtin.ok());
  EXPECT_GE(builtin->size(), 5u);
}

}  // namespace
}  // namespace newsindex::internal
