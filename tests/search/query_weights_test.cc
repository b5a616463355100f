// The query-side weights of SearcherOptions / BuilderOptions: each optional
// level appears (or not) in the Xapian query exactly as documented in
// search/query_builder.h, and bad weights are refused.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "newsindex/searcher.h"
#include "testing/fake_analyzer.h"
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
  o.exact_within_stem = false;
  return o;
}

BuilderOptions and_op(BuilderOptions o) {
  o.default_operator = DefaultOperator::kAnd;
  return o;
}

BuilderOptions lead(double weight) {
  BuilderOptions o = with(0.5, 0, 0, 0, 0);
  o.lead_weight = weight;
  return o;
}

BuilderOptions within_stem(double qpart) {
  BuilderOptions o = with(1, 0, 0, qpart, 0);
  o.exact_within_stem = true;
  return o;
}

template <std::size_t N>
void expect_queries(const WeightCase (&cases)[N]) {
  auto analyzer = testing::FakeAnalyzer::make();
  for (const WeightCase& c : cases) {
    QueryBuilder b(*analyzer, nullptr, c.options);
    try {
      EXPECT_EQ(b.build(parse_query(c.query).root).query.get_description(), c.description)
          << c.name << ": " << c.query;
    } catch (const Xapian::Error& e) {
      ADD_FAILURE() << c.name << ": " << e.get_description();
    }
  }
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
       "Query(((missie OR 0.5 * Zmissi OR 0.25 * XPmissi) AND_MAYBE 0.25 * de))"},
      {"stop words kept stay optional under AND too", and_op(with(0.5, 0.25, 0, 0, 0)),
       "de missie",
       "Query(((missie OR 0.5 * Zmissi OR 0.25 * XPmissi) AND_MAYBE 0.25 * de))"},
      {"the defaults: stop words kept at weight 1", BuilderOptions(), "de missie",
       "Query((((Zmissi AND_MAYBE missie) OR 0.25 * XPmissi) AND_MAYBE de))"},
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
      {"lead level", lead(0.5), "missie",
       "Query(((missie OR 0.5 * Zmissi OR 0.25 * XPmissi) OR 0.5 * ZXLmissi))"},
      {"lead level: no stem, no lead term (stop word kept)", lead(0.5), "+de",
       "Query(de)"},
      {"no lead level inside titel:", lead(0.5), "titel:missie",
       "Query((Smissie OR 0.5 * ZSmissi))"},
      {"no title level inside titel:", with(0.5, 0, 0, 0, 2), "titel:missie",
       "Query((Smissie OR 0.5 * ZSmissi))"},
      {"phrases are untouched", with(0.5, 1, 1, 1, 1), "\"de trainingsmissie\"",
       "Query((de PHRASE 2 trainingsmissie))"},
      {"exact within stem: AND_MAYBE, same weights", within_stem(0), "missie",
       "Query(((Zmissi AND_MAYBE missie) OR 0.25 * XPmissi))"},
      {"exact within stem: not over a phrase form", within_stem(0), "INF-verdrag",
       "Query(((inf-verdrag SYNONYM infverdrag SYNONYM (inf PHRASE 2 verdrag)) OR "
       "(Zinf-verdrag SYNONYM Zinfverdrag) OR 0.25 * (XPinf-verdrag SYNONYM XPinfverdrag)))"},
      {"no database: no cost limits", within_stem(0.5), "trainingsmissie",
       "Query((((Ztrainingsmissi AND_MAYBE trainingsmissie) OR 0.25 * XPtrainingsmissi) OR "
       "0.5 * ((Ztraining SYNONYM XPtraining) OR (Zmissi SYNONYM XPmissi))))"},
  };
  expect_queries(kCases);
}

BuilderOptions pairs(double phrase, double near, Xapian::termcount window = 8) {
  BuilderOptions o = with(0, 0, 0, 0, 0);
  o.compound_weight = 0;  // words as single terms: the pair structure shows
  o.phrase_pair_weight = phrase;
  o.near_pair_weight = near;
  o.near_pair_window = window;
  return o;
}

// Term proximity: neighbouring plain words as weighted PHRASE / NEAR pairs
// beside the bag of words, on their exact forms.
TEST(QueryWeights, ProximityPairsTable) {
  const WeightCase kCases[] = {
      {"off", pairs(0, 0), "gele hesjes", "Query((gele OR hesjes))"},
      {"one word: no pair", pairs(0.5, 0.25), "hesjes", "Query(hesjes)"},
      {"phrase and near pair", pairs(0.5, 0.25, 10), "gele hesjes",
       "Query(((gele OR hesjes) AND_MAYBE (0.5 * (gele PHRASE 2 hesjes) OR 0.25 * "
       "(gele NEAR 10 hesjes))))"},
      {"three words: two pairs", pairs(0.5, 0), "politiechef gele hesjes",
       "Query(((politiechef OR gele OR hesjes) AND_MAYBE (0.5 * (politiechef PHRASE 2 gele) OR "
       "0.5 * (gele PHRASE 2 hesjes))))"},
      {"a dropped stop word widens the phrase", pairs(0.5, 0.25, 2), "geweld tegen de agenten",
       "Query(((geweld OR tegen OR agenten) AND_MAYBE (0.5 * (geweld PHRASE 2 tegen) OR 0.25 * "
       "(geweld NEAR 2 tegen) OR 0.5 * (tegen PHRASE 3 agenten) OR 0.25 * (tegen NEAR 3 "
       "agenten))))"},
      {"an excluded word breaks the chain", pairs(0.5, 0), "gele -rode hesjes",
       "Query(((gele OR hesjes) AND_NOT rode))"},
      {"a phrase breaks the chain", pairs(0.5, 0), "gele \"rode vlag\" hesjes",
       "Query((gele OR (rode PHRASE 2 vlag) OR hesjes))"},
      {"a hyphen group breaks the chain", pairs(0.5, 0), "gele INF-verdrag hesjes",
       "Query((gele OR (inf-verdrag SYNONYM infverdrag SYNONYM (inf PHRASE 2 verdrag)) OR "
       "hesjes))"},
      {"a required word pairs too", pairs(0.5, 0), "+gele hesjes",
       "Query(((gele AND_MAYBE hesjes) AND_MAYBE 0.5 * (gele PHRASE 2 hesjes)))"},
      {"not inside titel:", pairs(0.5, 0), "titel:gele titel:hesjes",
       "Query((Sgele OR Shesjes))"},
  };
  expect_queries(kCases);
}

// With a database, terms in more than common_part_share of the documents (and
// in more than common_part_floor, here 10) are left out of the XP and
// query-compound-part levels, and a word whose stem is in whole_word_docs
// documents is not expanded into its parts. An XP term of the word itself in
// no document is left out too.
// One source of defaults: a builder made without options weighs a query as
// the Searcher does by default (stem_weight was 0.5 here against 1 there).
TEST(QueryWeights, BuilderDefaultsAreTheSearchers) {
  const SearcherOptions s;
  const BuilderOptions b;
  EXPECT_EQ(b.default_operator, s.default_operator);
  EXPECT_EQ(b.stem_weight, s.stem_weight);
  EXPECT_EQ(b.compound_weight, s.compound_weight);
  EXPECT_EQ(b.title_weight, s.title_weight);
  EXPECT_EQ(b.stopword_weight, s.stopword_weight);
  EXPECT_EQ(b.hyphen_part_weight, s.hyphen_part_weight);
  EXPECT_EQ(b.query_part_weight, s.query_part_weight);
  EXPECT_EQ(b.variant_weight, s.variant_weight);
  SearcherOptions custom;
  custom.stem_weight = 0.75;
  custom.default_operator = DefaultOperator::kAnd;
  EXPECT_EQ(BuilderOptions(custom).stem_weight, 0.75);
  EXPECT_EQ(BuilderOptions(custom).default_operator, DefaultOperator::kAnd);
}

// 100 documents, each term in the first n of them.
Xapian::WritableDatabase hundred_documents(const std::vector<std::pair<const char*, int>>& docs) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 100; ++i) {
    Xapian::Document doc;
    doc.add_term("filler");
    for (const auto& [term, n] : docs) {
      if (i < n) doc.add_term(term);
    }
    db.add_document(doc);
  }
  return db;
}

TEST(QueryWeights, CostLimitsFollowTermFrequencies) {
  struct Limits {
    const char* name;
    std::vector<std::pair<const char*, int>> docs;  // term, documents holding it
    double share;
    Xapian::doccount whole;
    const char* description;
  };
  const char* kAll =
      "Query((((Ztrainingsmissi AND_MAYBE trainingsmissie) OR 0.25 * XPtrainingsmissi) OR "
      "0.5 * ((Ztraining SYNONYM XPtraining) OR (Zmissi SYNONYM XPmissi))))";
  const Limits kCases[] = {
      {"all rare: everything searched", {{"Zmissi", 5}, {"XPtrainingsmissi", 1}}, 0.1, 50, kAll},
      {"limits off",
       {{"Zmissi", 90}, {"XPtrainingsmissi", 90}, {"Ztrainingsmissi", 90}},
       0,
       0,
       kAll},
      {"a common part is left out (share 0.1 of 100 documents)",
       {{"Zmissi", 11}, {"Ztraining", 10}, {"XPtrainingsmissi", 1}},
       0.1,
       50,
       "Query((((Ztrainingsmissi AND_MAYBE trainingsmissie) OR 0.25 * XPtrainingsmissi) OR "
       "0.5 * (Ztraining SYNONYM XPtraining)))"},
      {"a common XP term of the word itself is left out",
       {{"XPtrainingsmissi", 11}},
       0.1,
       50,
       "Query(((Ztrainingsmissi AND_MAYBE trainingsmissie) OR 0.5 * ((Ztraining SYNONYM "
       "XPtraining) OR (Zmissi SYNONYM XPmissi))))"},
      {"a frequent enough whole word is not split",
       {{"Ztrainingsmissi", 50}, {"XPtrainingsmissi", 1}},
       0.1,
       50,
       "Query(((Ztrainingsmissi AND_MAYBE trainingsmissie) OR 0.25 * XPtrainingsmissi))"},
      {"one document fewer: split",
       {{"Ztrainingsmissi", 49}, {"XPtrainingsmissi", 1}},
       0.1,
       50,
       kAll},
      {"at the floor (10 documents) a part is not common",
       {{"Zmissi", 10}, {"XPtrainingsmissi", 1}},
       0.01,
       50,
       kAll},
      {"an XP term of the word in no document is left out (it adds no weight)",
       {{"Zmissi", 5}},
       0.1,
       50,
       "Query(((Ztrainingsmissi AND_MAYBE trainingsmissie) OR "
       "0.5 * ((Ztraining SYNONYM XPtraining) OR (Zmissi SYNONYM XPmissi))))"},
      {"... also with the limits off",
       {{"Zmissi", 90}, {"Ztrainingsmissi", 90}},
       0,
       0,
       "Query(((Ztrainingsmissi AND_MAYBE trainingsmissie) OR "
       "0.5 * ((Ztraining SYNONYM XPtraining) OR (Zmissi SYNONYM XPmissi))))"},
  };
  auto analyzer = testing::FakeAnalyzer::make();
  for (const Limits& c : kCases) {
    Xapian::WritableDatabase db = hundred_documents(c.docs);
    BuilderOptions o = within_stem(0.5);
    o.common_part_share = c.share;
    o.common_part_floor = 10;
    o.whole_word_docs = c.whole;
    QueryBuilder b(*analyzer, nullptr, o, &db);
    EXPECT_EQ(b.build(parse_query("trainingsmissie").root).query.get_description(), c.description)
        << c.name;
  }
}

// With a database, a kept stop word in more than stopword_max_share of the
// documents is dropped after all ("de" in every article), the rarer ones
// ("het" here) still weigh.
TEST(QueryWeights, StopWordsInMostDocumentsAreDropped) {
  struct Row {
    const char* name;
    double share;
    int de_docs, het_docs;  // of 100
    const char* description;
  } const kRows[] = {
      {"the default (0.2): de dropped", BuilderOptions().stopword_max_share, 100, 10,
       "Query(((missie OR Zmissi OR 0.25 * XPmissi) AND_MAYBE het))"},
      {"at the share a stop word is kept", 0.2, 21, 20,
       "Query(((missie OR Zmissi OR 0.25 * XPmissi) AND_MAYBE het))"},
      {"1: every stop word kept", 1.0, 100, 10,
       "Query(((missie OR Zmissi OR 0.25 * XPmissi) AND_MAYBE (het OR de)))"},
      {"both too common: none kept", 0.2, 100, 100, "Query((missie OR Zmissi OR 0.25 * XPmissi))"},
  };
  auto analyzer = testing::FakeAnalyzer::make();
  for (const Row& row : kRows) {
    Xapian::WritableDatabase db = hundred_documents({{"de", row.de_docs}, {"het", row.het_docs}, {"XPmissi", 1}});
    BuilderOptions o = with(1, 1, 0, 0, 0);
    o.stopword_max_share = row.share;
    QueryBuilder b(*analyzer, nullptr, o, &db);
    EXPECT_EQ(b.build(parse_query("het de missie").root).query.get_description(), row.description)
        << row.name;
  }
}

// variant_weight: the database's stems within 3 bytes of the query word's
// ("depressi" under FakeAnalyzer), longer ones in term order, then shorter.
TEST(QueryWeights, StemVariantsTable) {
  struct Row {
    const char* name;
    double weight;
    std::vector<std::pair<const char*, int>> docs;  // term, documents holding it
    const char* query;
    const char* description;
  } const kRows[] = {
      {"0: off", 0.0, {{"Zdepressief", 5}}, "depressie",
       "Query((depressie OR Zdepressi OR 0.25 * XPdepressi))"},
      {"the default is off", SearcherOptions().variant_weight, {{"Zdepressief", 5}}, "depressie",
       "Query((depressie OR Zdepressi OR 0.25 * XPdepressi))"},
      {"0.25: one longer, one shorter; 7 bytes longer is not a variant",
       0.25,
       {{"Zdepressief", 5}, {"Zdepressiviteit", 5}, {"Zdepress", 5}},
       "depressie",
       "Query(((depressie OR Zdepressi OR 0.25 * XPdepressi) OR 0.25 * (Zdepressief SYNONYM "
       "Zdepress)))"},
      {"up to 3 bytes either way",
       0.5,
       {{"Zdepressies", 5}, {"Zdepressiefs", 5}, {"Zdepres", 5}, {"Zdepre", 5}, {"Zdepr", 5}},
       "depressie",
       "Query(((depressie OR Zdepressi OR 0.25 * XPdepressi) OR 0.5 * (Zdepressiefs SYNONYM "
       "Zdepressies SYNONYM Zdepres SYNONYM Zdepre)))"},
      {"none in the database", 0.25, {{"Zkaas", 5}}, "depressie",
       "Query((depressie OR Zdepressi OR 0.25 * XPdepressi))"},
      {"stems under 5 bytes have none", 0.25, {{"Zraamt", 5}, {"Zraa", 5}}, "raam",
       "Query((raam OR Zraam OR 0.25 * XPraam))"},
  };
  auto analyzer = testing::FakeAnalyzer::make();
  for (const Row& row : kRows) {
    auto docs = row.docs;
    docs.emplace_back("XPdepressi", 1);
    docs.emplace_back("XPraam", 1);
    Xapian::WritableDatabase db = hundred_documents(docs);
    BuilderOptions o = with(1, 0, 0, 0, 0);
    o.variant_weight = row.weight;
    QueryBuilder b(*analyzer, nullptr, o, &db);
    EXPECT_EQ(b.build(parse_query(row.query).root).query.get_description(), row.description)
        << row.name;
  }
}

TEST(QueryWeights, OnlyStopWordsStillSearchAtFullWeight) {
  auto analyzer = testing::FakeAnalyzer::make();
  QueryBuilder b(*analyzer, nullptr, with(0.5, 0.25, 0, 0, 0));
  EXPECT_EQ(b.build(parse_query("het een").root).query.get_description(), "Query((het OR een))");
}

TEST(QueryWeights, SearcherRefusesBonusesWithK2) {
  for (double SearcherOptions::*bonus : {&SearcherOptions::coord_bonus, &SearcherOptions::tf_floor}) {
    SearcherOptions o;
    o.k2 = 1.0;
    o.*bonus = 0.5;
    auto s = Searcher::open({(testing::fresh_dir("query-weights") / "missing").string()}, o);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(s.status().message().find("k2"), std::string::npos) << s.status().to_string();
  }
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
      {"variant_weight", &SearcherOptions::variant_weight, -1},
      {"phrase_pair_weight", &SearcherOptions::phrase_pair_weight, -0.25},
      {"near_pair_weight", &SearcherOptions::near_pair_weight, 2000},
      {"lead_weight", &SearcherOptions::lead_weight, -1},
      {"coord_bonus", &SearcherOptions::coord_bonus, -0.5},
      {"tf_floor", &SearcherOptions::tf_floor, 1e6},
  };
  for (const Bad& bad : kBad) {
    SearcherOptions o;
    o.*bad.field = bad.value;
    auto s = Searcher::open({(testing::fresh_dir("query-weights") / "missing").string()}, o);
    ASSERT_FALSE(s.ok()) << bad.name;
    EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument) << bad.name;
    EXPECT_NE(s.status().message().find(bad.name), std::string::npos) << s.status().to_string();
  }
  for (std::uint32_t window : {0u, 1u, 65u}) {
    SearcherOptions o;
    o.near_pair_window = window;
    auto s = Searcher::open({(testing::fresh_dir("query-weights") / "missing").string()}, o);
    ASSERT_FALSE(s.ok()) << window;
    EXPECT_NE(s.status().message().find("near_pair_window"), std::string::npos)
        << s.status().to_string();
  }
}

}  // namespace
}  // namespace newsindex::internal
