// Duplicate detection against labels: pair scoring (a table), and floors on
// precision and recall over the hand-labelled sample of ../shared/corpora
// (corpora/duplicates/, docs/evaluation.md "Duplicate detection").
#include "dedup/pair_eval.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <unordered_set>

#include "dedup/cluster_index.h"
#include "index/document_builder.h"
#include "newsindex/analyzer.h"
#include "newsindex/reader.h"
#include "testing/test_paths.h"

namespace newsindex::internal::dedup {
namespace {

TEST(PairEval, ScoresPredictedPairsAgainstLabels) {
  // Clusters: {a, b, c}, {d, e}, {f}.
  std::unordered_map<std::string, std::string> clusters = {
      {"a", "a"}, {"b", "a"}, {"c", "a"}, {"d", "d"}, {"e", "d"}, {"f", "f"}};
  std::vector<LabelledPair> labels = {
      {"a", "b", PairLabel::kDuplicate},  // found
      {"c", "a", PairLabel::kPartial},    // found; positive only when lenient
      {"d", "e", PairLabel::kDifferent},  // false pair
      {"e", "f", PairLabel::kDuplicate},  // missed
      {"f", "x", PairLabel::kDuplicate},  // x is not in the sample: skipped
  };
  // b-c is predicted and unlabelled: counted as false.
  PairScore strict = score_pairs(clusters, labels, PartialAs::kNegative);
  EXPECT_EQ(strict.predicted, 4u);
  EXPECT_EQ(strict.tp, 1u);
  EXPECT_EQ(strict.fp, 3u);
  EXPECT_EQ(strict.unlabelled, 1u);
  EXPECT_EQ(strict.fn, 1u);
  EXPECT_DOUBLE_EQ(strict.precision(), 0.25);
  EXPECT_DOUBLE_EQ(strict.recall(), 0.5);
  PairScore lenient = score_pairs(clusters, labels, PartialAs::kPositive);
  EXPECT_EQ(lenient.tp, 2u);
  EXPECT_EQ(lenient.fn, 1u);
  ASSERT_EQ(lenient.missed_pairs.size(), 1u);
  EXPECT_EQ(lenient.missed_pairs[0], std::make_pair(std::string("e"), std::string("f")));
}

TEST(PairEval, RejectsUnknownLabels) {
  auto dir = testing::fresh_dir("pair_eval_labels");
  std::string path = (dir / "bad.tsv").string();
  {
    std::ofstream out(path);
    out << "id_a\tid_b\tlabel\n# comment\na\tb\tdup\nc\td\tmaybe\n";
  }
  auto labels = read_pair_labels(path);
  ASSERT_FALSE(labels.ok());
  EXPECT_NE(labels.status().to_string().find(":4:"), std::string::npos)
      << labels.status().to_string();
  EXPECT_FALSE(read_pair_labels((dir / "missing.tsv").string()).ok());
}

// The writer's dedup path (DocumentBuilder -> ClusterIndex, input order)
// over the labelled sample; floors a little below the measured 0.99 / 0.82.
TEST(PairEval, LabelledSampleOfSharedCorpora) {
  NEWSINDEX_REQUIRE_SHARED();
  const auto dir = testing::source_dir() / "corpora" / "duplicates";
  auto labels = read_pair_labels((dir / "shared-sample-pairs.tsv").string());
  ASSERT_TRUE(labels.ok()) << labels.status().to_string();
  auto ids = read_id_list((dir / "shared-sample-ids.txt").string());
  ASSERT_TRUE(ids.ok()) << ids.status().to_string();
  std::unordered_set<std::string> wanted(ids->begin(), ids->end());

  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().to_string();
  const auto corpora = testing::shared_dir() / "corpora";
  auto source = ArticleSource::open(
      {(corpora / "dpgmedia2019").string(), (corpora / "leestmeer-rss-2019").string()});
  ASSERT_TRUE(source.ok()) << source.status().to_string();
  DocumentBuilder builder(*analyzer, /*index_title=*/true);
  ClusterIndex clusters(nullptr);
  std::unordered_map<std::string, std::string> cluster_of;
  Article article;
  ReadIssue issue;
  BuiltDocument built;
  for (;;) {
    auto next = (*source)->next(article, issue);
    if (next == ArticleSource::Next::kEnd) break;
    if (next == ArticleSource::Next::kArticle && wanted.count(article.id) &&
        validate_article(article).ok()) {
      builder.build(article, built);
      cluster_of[built.id] = built.has_signature
                                 ? clusters.assign(built.id, built.signature, built.bands)
                                 : built.id;
    }
    article = Article{};
  }
  ASSERT_EQ(cluster_of.size(), wanted.size()) << "sample ids missing from ../shared/corpora";
  PairScore s = score_pairs(cluster_of, *labels, PartialAs::kNegative);
  std::cout << "shared sample duplicate pairs: predicted=" << s.predicted << " tp=" << s.tp
            << " fp=" << s.fp << " (unlabelled " << s.unlabelled << ") fn=" << s.fn
            << " precision=" << s.precision() << " recall=" << s.recall() << '\n';
  EXPECT_GE(s.precision(), 0.95);
  EXPECT_GE(s.recall(), 0.75);
  EXPECT_GE(s.tp, 100u);  // the sample really exercises detection
}

}  // namespace
}  // namespace newsindex::internal::dedup
