// The query-side weights of SearcherOptions / BuilderOptions: each optional
// level appears (or not) in the Xapian query exactly as documented in
// search/query_builder.h, and bad weights are refused.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "newsindex/searcher.h"
#include "search/fake_analyzer.h"
#include "search/query_builder.h"
#include "search/query_parser.h"
#include "testing/test_paths.h"

namespace newsindex::internal {
namespace {

struct WeightCase {
  const char* name;
  BuilderOptions options;
  const char* query;
  const char* description;
};

BuilderOptions with(double stem, double stop, double hyphen, double qpart, double title) {
  BuilderOptions o;
  o.stem_weight = stem;
  o.stopword_weight = stop;
  o.hyphen_part_weight = hyphen;
  o.query_part_weight = qpart;
  o.title_weight = title;
  return o;
}

TEST(QueryWeights, Table) {
  const WeightCase kCases[] = {
      {"plain structure", with(0.5, 0, 0, 0, 0), "missie",
       "Query((missie OR 0.5 * Zmissi OR 0.25 * XPmissi))"},
      {"stem weight", with(0.75, 0, 0, 0, 0), "missie",
       "Query((missie OR 0.75 * Zmissi OR 0.25 * XPmissi))"},
      {"stem level off", with(0, 0, 0, 0, 0), "missie", "Query((missie OR 0.25 * XPmissi))"},
      {"stop words dropped", with(0.5, 0, 0, 0, 0), "de missie",
       "Query((missie OR 0.5 * Zmissi OR 0.25 * XPmissi))"},
      {"stop words kept, scaled (no stem level: stop words have no Z term)",
       with(0.5, 0.25, 0, 0, 0), "de missie",
       "Query((0.25 * de OR (missie OR 0.5 * Zmissi OR 0.25 * XPmissi)))"},
      {"a must stop word keeps its full weight", with(0.5, 0.25, 0, 0, 0), "+de missie",
       "Query((de AND_MAYBE (missie OR 0.5 * Zmissi OR 0.25 * XPmissi)))"},
      {"hyphen parts off", with(0.5, 0, 0, 0, 0), "INF-verdrag",
       "Query(((inf-verdrag SYNONYM infverdrag SYNONYM (inf PHRASE 2 verdrag)) OR 0.5 * "
       "(Zinf-verdrag SYNONYM Zinfverdrag) OR 0.25 * (XPinf-verdrag SYNONYM XPinfverdrag)))"},
      {"hyphen parts as words", with(0.5, 0, 0.5, 0, 0), "INF-verdrag",
       "Query((((inf-verdrag SYNONYM infverdrag SYNONYM (inf PHRASE 2 verdrag)) OR 0.5 * "
       "(Zinf-verdrag SYNONYM Zinfverdrag) OR 0.25 * (XPinf-verdrag SYNONYM XPinfverdrag)) OR "
       "0.5 * ((inf OR 0.5 * Zinf OR 0.25 * XPinf) OR (verdrag OR 0.5 * Zverdrag OR 0.25 * "
       "XPverdrag))))"},
      {"query compound parts off", with(0.5, 0, 0, 0, 0), "trainingsmissie",
       "Query((trainingsmissie OR 0.5 * Ztrainingsmissi OR 0.25 * XPtrainingsmissi))"},
      {"query compound parts as words or document parts", with(0.5, 0, 0, 0.25, 0),
       "trainingsmissie",
       "Query(((trainingsmissie OR 0.5 * Ztrainingsmissi OR 0.25 * XPtrainingsmissi) OR 0.25 * "
       "((Ztraining SYNONYM XPtraining) OR (Zmissi SYNONYM XPmissi))))"},
      {"title level", with(0.5, 0, 0, 0, 2), "missie",
       "Query(((missie OR 0.5 * Zmissi OR 0.25 * XPmissi) OR 2 * (Smissie OR 0.5 * ZSmissi)))"},
      {"no title level inside titel:", with(0.5, 0, 0, 0, 2), "titel:missie",
       "Query((Smissie OR 0.5 * ZSmissi))"},
      {"phrases are untouched", with(0.5, 1, 1, 1, 1), "\"de trainingsmissie\"",
       "Query((de PHRASE 2 trainingsmissie))"},
  };
  auto analyzer = testing::FakeAnalyzer::make();
  for (const WeightCase& c : kCases) {
    QueryBuilder b(*analyzer, nullptr, c.options);
    try {
      EXPECT_EQ(b.build(parse_query(c.query).root).query.get_description(), c.description)
          << c.name << ": " << c.query;
    } catch (const Xapian::Error& e) {
      ADD_FAILURE() << c.name << ": " << e.get_description();
    }
  }
}

TEST(QueryWeights, OnlyStopWordsStillSearchAtFullWeight) {
  auto analyzer = testing::FakeAnalyzer::make();
  QueryBuilder b(*analyzer, nullptr, with(0.5, 0.25, 0, 0, 0));
  EXPECT_EQ(b.build(parse_query("het een").root).query.get_description(), "Query((het OR een))");
}

TEST(QueryWeights, SearcherRefusesBadWeights) {
  struct Bad {
    const char* name;
    double SearcherOptions::*field;
    double value;
  };
  const Bad kBad[] = {
      {"stem_weight", &SearcherOptions::stem_weight, -0.5},
      {"compound_weight", &SearcherOptions::compound_weight, -1},
      {"title_weight", &SearcherOptions::title_weight, 1e9},
      {"stopword_weight", &SearcherOptions::stopword_weight, -0.1},
      {"hyphen_part_weight", &SearcherOptions::hyphen_part_weight, std::nan("")},
      {"query_part_weight", &SearcherOptions::query_part_weight, -2},
  };
  for (const Bad& bad : kBad) {
    SearcherOptions o;
    o.*bad.field = bad.value;
    auto s = Searcher::open({(testing::fresh_dir("query-weights") / "missing").string()}, o);
    ASSERT_FALSE(s.ok()) << bad.name;
    EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument) << bad.name;
    EXPECT_NE(s.status().message().find(bad.name), std::string::npos) << s.status().to_string();
  }
}

}  // namespace
}  // namespace newsindex::internal
