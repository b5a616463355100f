// search/headline_rates, search/headline_translations and
// newsindex/headline_rates.h: the learner's counts and translations on
// small articles written for the test, the weights and the query levels
// they give, errors; and SearcherOptions::weighting (search/ranking_weight).
#include "search/headline_rates.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "newsindex/analyzer.h"
#include "newsindex/headline_rates.h"
#include "newsindex/searcher.h"
#include "search/headline_translations.h"
#include "search/query_builder.h"
#include "search/query_parser.h"
#include "search/ranking_weight.h"

namespace newsindex::internal {
namespace {

std::shared_ptr<const Analyzer> dutch() {
  auto a = Analyzer::create({});
  EXPECT_TRUE(a.ok()) << a.status().to_string();
  return std::move(a).value();
}

Article article(const char* title, const char* body) {
  Article a;
  a.title = title;
  a.body = body;
  return a;
}

// Mean rate (10 + 5) / 30 = 0.5; smoothed rates (in_body + 5 * 0.5) / (titles + 5).
constexpr std::string_view kRates =
    "# test\n"
    "reger\t10\t10\n"  // (10 + 2.5) / 15 = 0.833: above the mean, weight 1
    "column\t10\t0\n"     // 2.5 / 15 = 0.167: a third of the mean
    "kabinet\t10\t5\n";   // 7.5 / 15 = 0.5: the mean, weight 1

TEST(HeadlineRates, WeightTable) {
  auto hr = HeadlineRates::parse(kRates, "test");
  ASSERT_TRUE(hr.ok()) << hr.status().to_string();
  EXPECT_DOUBLE_EQ(hr->mean_rate(), 0.5);
  struct Row {
    std::vector<std::string> stems;
    double power, weight;
  } const kRows[] = {
      {{"column"}, 1.0, 1.0 / 3.0},
      {{"column"}, 0.5, 0.57735026918962573},
      {{"column"}, 0.0, 1.0},  // power 0: off
      {{"reger"}, 1.0, 1.0},  // above the mean: never more than 1
      {{"kabinet"}, 2.0, 1.0},
      {{"onbekend"}, 1.0, 1.0},  // not in the table
      {{"column", "reger"}, 1.0, 1.0},  // the stem with the highest rate
      {{}, 1.0, 1.0},
  };
  for (const Row& row : kRows) {
    EXPECT_NEAR(hr->weight(row.stems, row.power), row.weight, 1e-12)
        << (row.stems.empty() ? "" : row.stems.front()) << " " << row.power;
  }
  EXPECT_NEAR(hr->rate("column"), 2.5 / 15, 1e-12);
  EXPECT_DOUBLE_EQ(hr->rate("onbekend"), 0.5);
  auto empty = HeadlineRates::load("");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->weight({"column"}, 1.0), 1.0);
}

TEST(HeadlineRates, ErrorsNameTheFileAndLine) {
  struct Row {
    const char* text;
    const char* message;
  } const kRows[] = {
      {"a\t3\t1\nb\t3\n",
       "rates.tsv:2: expected 'stem<TAB>titles<TAB>in body', got 'b\t3'"},
      {"a\t3\t4\n",
       "rates.tsv:1: counts must be whole numbers with 0 <= in body <= titles and titles > 0, "
       "got 'a\t3\t4'"},
      {"a\tx\t1\n",
       "rates.tsv:1: counts must be whole numbers with 0 <= in body <= titles and titles > 0, "
       "got 'a\tx\t1'"},
  };
  for (const Row& row : kRows) {
    auto hr = HeadlineRates::parse(row.text, "rates.tsv");
    ASSERT_FALSE(hr.ok()) << row.text;
    EXPECT_EQ(hr.status().code(), StatusCode::kParseError);
    EXPECT_EQ(hr.status().message(), row.message);
  }
  auto missing = HeadlineRates::load("/nonexistent/rates.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto tr = HeadlineTranslations::parse("a\tb\t1.5\n", "tr.tsv");
  ASSERT_FALSE(tr.ok());
  EXPECT_EQ(tr.status().message(),
            "tr.tsv:1: expected 'stem<TAB>stem<TAB>share' with a share in (0, 1], got "
            "'a\tb\t1.5'");
}

// Four headlines say "opgepakt"; three of their bodies say "gearresteerd"
// instead, one says "opgepakt". Four weather items headed by stop words
// share their words.
std::vector<Article> opgepakt_articles() {
  std::vector<Article> v;
  for (int i = 0; i < 3; ++i) {
    v.push_back(article("Dief opgepakt", "De politie heeft de dief gearresteerd."));
  }
  v.push_back(article("Dief opgepakt", "De dief is opgepakt door de politie."));
  for (int i = 0; i < 4; ++i) v.push_back(article("Wat nu?", "Het regent in Utrecht."));
  v.push_back(article("", "Geen titel, telt niet."));
  return v;
}

TEST(HeadlineRateLearner, CountsAndTranslations) {
  HeadlineRateLearner learner(dutch());
  for (const Article& a : opgepakt_articles()) learner.add(a);
  EXPECT_EQ(learner.articles(), 8u);
  // stem, titles, bodies that have it too ("wat", "nu": stop words,
  // counted, never translated).
  EXPECT_EQ(learner.text(1),
            "# newsindex headline rates: stem, titles with it, of those with it in the body (8 "
            "articles)\n"
            "dief\t4\t4\n"
            "nu\t4\t0\n"
            "opgepakt\t4\t1\n"
            "wat\t4\t0\n");
  EXPECT_EQ(learner.text(5),
            "# newsindex headline rates: stem, titles with it, of those with it in the body (8 "
            "articles)\n");
  // Where the body lacks "opgepakt" (3 articles): "gearresteerd" in all 3
  // and in 3 of 8 bodies (lift 2.67), "dief" and "politie" in all 3 and in
  // 4 of 8 (lift 2): only the first passes a lift of 2.5. Its share: 3 of
  // the 4 titles with "opgepakt".
  EXPECT_EQ(learner.translations_text(2, 3, 2.5, 1.0),
            "# newsindex headline translations: title stem, body stem, share of the titles (8 "
            "articles)\n"
            "opgepakt\tgearresteerd\t0.7500\n");
  EXPECT_EQ(learner.translations_text(4, 3, 2.5, 1.0).find("opgepakt"), std::string::npos);
  // Lift 1.5: the three, best first by share x log(lift), then by name.
  EXPECT_EQ(learner.translations_text(2, 3, 1.5, 1.0),
            "# newsindex headline translations: title stem, body stem, share of the titles (8 "
            "articles)\n"
            "opgepakt\tgearresteerd\t0.7500\n"
            "opgepakt\tdief\t0.7500\n"
            "opgepakt\tpolitie\t0.7500\n");
  // No body stem in at most a third of the bodies but "gearresteerd" (3/8
  // is more): none.
  EXPECT_EQ(learner.translations_text(2, 3, 1.5, 0.3).find("opgepakt"), std::string::npos);

  // What the learner wrote reads back.
  auto hr = HeadlineRates::parse(learner.text(1), "learned");
  ASSERT_TRUE(hr.ok()) << hr.status().to_string();
  EXPECT_EQ(hr->size(), 4u);
  auto tr = HeadlineTranslations::parse(learner.translations_text(2, 3, 1.5, 1.0), "learned");
  ASSERT_TRUE(tr.ok()) << tr.status().to_string();
  ASSERT_NE(tr->find("opgepakt"), nullptr);
  EXPECT_EQ(tr->find("opgepakt")->size(), 3u);
  EXPECT_EQ(tr->find("dief"), nullptr);
}

// Model 1 on the same articles and some whose titles part the words the
// others always have together: "Dief" over a body with "dief", "Politie"
// over one with "politie". "opgepakt" aligns to itself in the one body that
// has it and mostly to "gearresteerd" in the others ("dief" and "politie"
// are explained by the titles that have them).
TEST(HeadlineRateLearner, Model1Translations) {
  HeadlineRateLearner learner(dutch());
  for (const Article& a : opgepakt_articles()) learner.add(a);
  for (int i = 0; i < 2; ++i) {
    learner.add(article("Dief ontsnapt", "De dief is ontsnapt."));
    learner.add(article("Politie zoekt getuigen", "De politie zoekt getuigen."));
  }
  HeadlineTranslationOptions o;
  o.method = HeadlineTranslationOptions::Method::kModel1;
  o.min_titles = 1;
  o.per_stem = 3;
  o.max_share = 1.0;
  o.em_iterations = 10;
  o.floor = 0.0001;
  const std::string text = learner.translations_text(o);
  EXPECT_EQ(text.rfind("# newsindex headline translations (IBM Model 1): ", 0), 0u) << text;
  auto tr = HeadlineTranslations::parse(text, "learned");
  ASSERT_TRUE(tr.ok()) << tr.status().to_string();
  const HeadlineTranslations::Targets* op = tr->find("opgepakt");
  ASSERT_NE(op, nullptr) << text;
  ASSERT_GE(op->size(), 2u) << text;
  EXPECT_EQ((*op)[0].first, "gearresteerd") << text;
  EXPECT_GT((*op)[0].second, (*op)[1].second) << text;
  for (const auto& [v, share] : *op) EXPECT_NE(v, "opgepakt");  // never w itself
  // Stop words ("wat", "nu") get none; "dief" has no body stem beside itself
  // as likely as "gearresteerd" is for "opgepakt".
  EXPECT_EQ(tr->find("wat"), nullptr);
  EXPECT_EQ(tr->find("nu"), nullptr);
  ASSERT_NE(tr->find("dief"), nullptr);
  EXPECT_LT(tr->find("dief")->front().second, (*op)[0].second) << text;
  // One per stem, and a floor above every p: none.
  o.per_stem = 1;
  ASSERT_TRUE(HeadlineTranslations::parse(learner.translations_text(o), "one").ok());
  EXPECT_EQ(
      HeadlineTranslations::parse(learner.translations_text(o), "one")->find("opgepakt")->size(),
      1u);
  o.floor = 0.99;
  EXPECT_EQ(HeadlineTranslations::parse(learner.translations_text(o), "none")->size(), 0u);
  // Bodies cut to their first stem ("politie", and "dief" in the fourth):
  // "gearresteerd" is out of reach.
  o.floor = 0.0001;
  o.per_stem = 3;
  o.body_stems = 1;
  auto first = HeadlineTranslations::parse(learner.translations_text(o), "first");
  ASSERT_TRUE(first.ok());
  ASSERT_NE(first->find("opgepakt"), nullptr);
  EXPECT_EQ(first->find("opgepakt")->front().first, "politie");
  for (const auto& [v, share] : *first->find("opgepakt")) EXPECT_NE(v, "gearresteerd");
  // The forward table: t(title stem | body stem), w itself and common body
  // stems included (no max_share cut), every entry of t >= floor.
  o.body_stems = 100;
  o.forward_table = true;
  o.max_share = 0.0;
  o.per_stem = 1;
  const std::string forward = learner.translations_text(o);
  EXPECT_EQ(forward.rfind("# newsindex IBM Model 1 table: ", 0), 0u) << forward;
  struct Line {
    const char* w;
    const char* v;
    double min_t, max_t;
  };
  const Line kLines[] = {
      {"opgepakt", "gearresteerd", 0.5, 1.0},  // bodies say it for titles that say opgepakt
      {"opgepakt", "opgepakt", 0.5, 1.0},      // the self-translation
      {"dief", "dief", 0.5, 1.0},
  };
  auto table = HeadlineTranslations::parse(forward, "forward");
  ASSERT_TRUE(table.ok()) << table.status().to_string();
  for (const Line& l : kLines) {
    SCOPED_TRACE(l.w + std::string(" | ") + l.v);
    const HeadlineTranslations::Targets* row = table->find(l.w);
    ASSERT_NE(row, nullptr) << forward;
    double t = 0.0;
    for (const auto& [v, value] : *row) {
      if (v == l.v) t = value;
    }
    EXPECT_GE(t, l.min_t) << forward;
    EXPECT_LE(t, l.max_t) << forward;
  }
  EXPECT_GT(table->find("opgepakt")->size(), 1u) << forward;  // per_stem does not cut it
}

// The query levels: a word's query scaled by its headline weight; the
// translations as one more alternative at translation_weight x share.
TEST(HeadlineRates, QueryBuilderLevels) {
  auto analyzer = dutch();
  auto hr = HeadlineRates::parse(kRates, "test");
  ASSERT_TRUE(hr.ok());
  auto tr = HeadlineTranslations::parse("opgepakt\tgearresteerd\t0.5\nopgepakt\taangehoud\t0.25\n",
                                        "test");
  ASSERT_TRUE(tr.ok());
  struct Row {
    double power, translation_weight;
    const char* query;
    const char* description;
  } const kRows[] = {
      {0.0, 0.0, "column regering",
       "Query((((Zcolumn AND_MAYBE column) OR 0.25 * XPcolumn) OR ((Zreger AND_MAYBE "
       "regering) OR 0.25 * XPreger)))"},
      {1.0, 0.0, "column regering",
       "Query((0.33333333333333331483 * ((Zcolumn AND_MAYBE column) OR 0.25 * XPcolumn) OR "
       "((Zreger AND_MAYBE regering) OR 0.25 * XPreger)))"},
      {0.0, 2.0, "man opgepakt",
       "Query((((Zman AND_MAYBE man) OR 0.25 * XPman) OR (((Zopgepakt AND_MAYBE opgepakt) OR "
       "0.25 * XPopgepakt) OR 2 * (0.5 * Zgearresteerd OR 0.25 * Zaangehoud))))"},
  };
  for (const Row& row : kRows) {
    BuilderOptions o;
    o.hyphen_part_weight = o.query_part_weight = o.related_weight = 0;
    o.headline_rate_power = row.power;
    o.translation_weight = row.translation_weight;
    o.headline_rates = std::make_shared<const HeadlineRates>(*hr);
    o.translations = std::make_shared<const HeadlineTranslations>(*tr);
    QueryBuilder b(*analyzer, nullptr, o);
    EXPECT_EQ(b.build(parse_query(row.query).root).query.get_description(), row.description)
        << row.power << " " << row.translation_weight << " " << row.query;
  }
}

TEST(Weighting, SchemesTable) {
  struct Row {
    const char* scheme;
    const char* name;
  } const kRows[] = {
      {"bm25", "Xapian::BM25Weight"},   {"lm", "Xapian::LMWeight"},
      {"lm2", "Xapian::LMWeight"},      {"lmjm", "Xapian::LMWeight"},
      {"dph", "Xapian::DPHWeight"},     {"dlh", "Xapian::DLHWeight"},
      {"pl2", "Xapian::PL2Weight"},     {"inl2", "Xapian::InL2Weight"},
      {"bb2", "Xapian::BB2Weight"},     {"ifb2", "Xapian::IfB2Weight"},
      {"ineb2", "Xapian::IneB2Weight"},
  };
  for (const Row& row : kRows) {
    SearcherOptions o;
    o.weighting = row.scheme;
    EXPECT_TRUE(known_weighting(row.scheme)) << row.scheme;
    EXPECT_EQ(make_weight(o)->name(), row.name) << row.scheme;
  }
  EXPECT_FALSE(known_weighting("BM25"));
  EXPECT_FALSE(known_weighting(""));
  SearcherOptions bad;
  bad.weighting = "tfidf";
  auto s = Searcher::open({"/nonexistent/db"}, bad);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.status().message(),
            "unknown weighting scheme 'tfidf' or negative weighting_param (docs: SearcherOptions)");
  SearcherOptions power;
  power.headline_rate_power = -1;
  EXPECT_EQ(Searcher::open({"/nonexistent/db"}, power).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace newsindex::internal
