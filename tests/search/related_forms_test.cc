// search/related_forms: the groups, the prefix rule, stop words, errors; and
// the level QueryBuilder adds at related_weight. Real Dutch analysis (the
// stems are Snowball's).
#include "search/related_forms.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "newsindex/analyzer.h"
#include "search/query_builder.h"
#include "search/query_parser.h"
#include "search/synonyms.h"

namespace newsindex::internal {
namespace {

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : " ") + x;
  return s;
}

std::shared_ptr<const Analyzer> dutch() {
  auto a = Analyzer::create({});
  EXPECT_TRUE(a.ok()) << a.status().to_string();
  return std::move(a).value();
}

constexpr std::string_view kList =
    "# comment\n"
    "prefixes: aan, ver\n"
    "lopen, loop, loopt, liep, liepen, gelopen\n"
    "komen, komt, kwam, kwamen, gekomen\n"
    "3, drie\n"
    "miljoen, mln\n"
    "zijn, was, waren, geweest\n";

TEST(RelatedForms, Table) {
  auto analyzer = dutch();
  auto rf = RelatedForms::parse(kList, *analyzer, "test");
  ASSERT_TRUE(rf.ok()) << rf.status().to_string();
  struct Row {
    const char* word;
    const char* related;  // words, in group order
  } const kRows[] = {
      // Forms with the query word's stem are left out: the stem level
      // matches them ("liepen" stems as "liep", "loop" as "lop").
      {"liep", "lopen loop loopt gelopen"},
      {"gelopen", "lopen loop loopt liep liepen"},
      {"lopen", "loopt liep liepen gelopen"},
      {"kwamen", "komen komt gekomen"},
      {"aankwam", "aankomen aankomt aangekomen"},  // the prefix rule
      {"aangekomen", "aankomen aankomt aankwam aankwamen"},
      {"verliep", "verlopen verloop verloopt vergelopen"},  // the rule knows no ge-
      {"drie", "3"},
      {"3", "drie"},
      {"mln", "miljoen"},
      {"was", ""},     // a stop word: never expanded
      {"waren", ""},   // so are "zijn", "was", "geweest": the group has one word
      {"auto", ""},
      {"aan", ""},     // a prefix alone is no word of the list
      {"aanloop", "aanloopt aanliep aanliepen aangelopen"},
  };
  for (const Row& row : kRows) {
    std::string stem = analyzer->stem(row.word);
    std::vector<std::string> stems;
    if (!stem.empty() && !analyzer->is_stopword(row.word)) stems.push_back(stem);
    EXPECT_EQ(joined(analyzer->is_stopword(row.word)
                         ? std::vector<std::string>{}
                         : rf->words_for(row.word, stems, *analyzer)),
              row.related)
        << row.word;
  }
}

TEST(RelatedForms, ErrorsNameTheFileAndLine) {
  auto analyzer = dutch();
  auto rf = RelatedForms::parse("lopen, liep\nverenigde staten, vs\n", *analyzer, "list.txt");
  ASSERT_FALSE(rf.ok());
  EXPECT_EQ(rf.status().code(), StatusCode::kParseError);
  EXPECT_EQ(rf.status().message(), "list.txt:2: 'verenigde staten' is not one word");
  auto missing = RelatedForms::load("/nonexistent/related.txt", *analyzer);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(RelatedForms, BuiltInListParses) {
  auto analyzer = dutch();
  auto rf = RelatedForms::load("", *analyzer);
  ASSERT_TRUE(rf.ok()) << rf.status().to_string();
  EXPECT_GT(rf->size(), 150u);
  auto words = [&](const char* w) {
    return joined(rf->words_for(w, {analyzer->stem(w)}, *analyzer));
  };
  EXPECT_EQ(words("kocht"), "kopen koop koopt gekocht");
  EXPECT_EQ(words("twee"), "2");
  EXPECT_EQ(words("reden"), "");  // "reason" more often than "rode": left out
  EXPECT_EQ(words("reed"), "rijden rijd rijdt gereden");
}

// related_weight: the group's other words as one OP_SYNONYM at that weight.
TEST(RelatedForms, QueryBuilderLevel) {
  auto analyzer = dutch();
  auto rf = RelatedForms::parse(kList, *analyzer, "test");
  ASSERT_TRUE(rf.ok());
  struct Row {
    double weight;
    const char* query;
    const char* description;
  } const kRows[] = {
      {0.0, "liep", "Query(((Zliep AND_MAYBE liep) OR 0.25 * XPliep))"},
      {0.5, "liep",
       "Query((((Zliep AND_MAYBE liep) OR 0.25 * XPliep) OR 0.5 * (lopen SYNONYM loop SYNONYM "
       "loopt SYNONYM gelopen)))"},
      {0.5, "drie", "Query((((Zdrie AND_MAYBE drie) OR 0.25 * XPdrie) OR 0.5 * 3))"},
      {0.5, "auto", "Query(((Zauto AND_MAYBE auto) OR 0.25 * XPauto))"},
  };
  for (const Row& row : kRows) {
    BuilderOptions o;
    o.related_weight = row.weight;
    o.hyphen_part_weight = o.query_part_weight = 0;
    QueryBuilder b(*analyzer, nullptr, o, nullptr, &*rf);
    EXPECT_EQ(b.build(parse_query(row.query).root).query.get_description(), row.description)
        << row.weight << " " << row.query;
  }
}

}  // namespace
}  // namespace newsindex::internal

namespace newsindex::internal {
namespace {

// The default searches related forms at 0.5, through a synonym group too
// ("VS" = "amerika" -> "amerikaanse"), and highlights them.
TEST(RelatedForms, DefaultWeightSynonymsAndHighlights) {
  EXPECT_EQ(SearcherOptions().related_weight, 0.5);
  auto analyzer = dutch();
  auto rf = RelatedForms::parse("amerika, amerikaanse\nstijgen, steeg, gestegen\n", *analyzer,
                                "test");
  ASSERT_TRUE(rf.ok());
  auto syn = Synonyms::parse("vs = amerika\n", *analyzer, "syn");
  ASSERT_TRUE(syn.ok());
  BuilderOptions o;
  o.hyphen_part_weight = o.query_part_weight = 0;
  QueryBuilder b(*analyzer, &*syn, o, nullptr, &*rf);
  BuiltQuery q = b.build(parse_query("VS stijgen").root);
  EXPECT_EQ(q.query.get_description(),
            "Query((((((Zvs SYNONYM Zamerika) AND_MAYBE (vs SYNONYM amerika)) OR 0.25 * (XPvs "
            "SYNONYM XPamerika)) OR 0.5 * amerikaanse) OR (((Zstijg AND_MAYBE stijgen) OR 0.25 * "
            "XPstijg) OR 0.5 * (steeg SYNONYM gestegen))))");
  for (const char* w : {"amerikaanse", "steeg", "gestegen"}) {
    EXPECT_TRUE(q.highlight.terms.count(w)) << w;
  }
  o.related_weight = 0;
  QueryBuilder off(*analyzer, &*syn, o, nullptr, &*rf);
  BuiltQuery q0 = off.build(parse_query("VS stijgen").root);
  EXPECT_EQ(q0.query.get_description().find("amerikaanse"), std::string::npos);
  EXPECT_FALSE(q0.highlight.terms.count("steeg"));
}

}  // namespace
}  // namespace newsindex::internal
