// Duplicate detection against labels: pair scoring (a table), and floors on
// precision and recall over the evaluation set built from ../shared/corpora
// (corpora/duplicates/, docs/evaluation.md "Duplicate detection").
#include "dedup/pair_eval.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <unordered_set>

#include "dedup/eval_set.h"
#include "index/cluster_index.h"
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
      {"a", "b", PairLabel::kDuplicate, ""},  // found
      {"c", "a", PairLabel::kPartial, ""},    // found; positive only when lenient
      {"d", "e", PairLabel::kDifferent, ""},  // false pair
      {"e", "f", PairLabel::kDuplicate, ""},  // missed
      {"f", "x", PairLabel::kDuplicate, ""},  // x is not in the sample: skipped
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
  // Partial ignored: a-c is neither a true nor a false pair.
  PairScore ignored = score_pairs(clusters, labels, PartialAs::kIgnored);
  EXPECT_EQ(ignored.predicted, 3u);
  EXPECT_EQ(ignored.tp, 1u);
  EXPECT_EQ(ignored.fp, 2u);
  EXPECT_EQ(ignored.fn, 1u);
  // By origin: every label here has the origin "".
  labels[2].origin = "hard";
  auto counts = count_by_origin(clusters, labels, PartialAs::kIgnored);
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].origin, "");
  EXPECT_EQ(counts[0].positives, 2u);  // a-b, e-f
  EXPECT_EQ(counts[0].found, 1u);
  EXPECT_EQ(counts[1].origin, "hard");
  EXPECT_EQ(counts[1].negatives, 1u);
  EXPECT_EQ(counts[1].joined, 1u);  // d-e
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
// over an evaluation set: id -> cluster key.
std::unordered_map<std::string, std::string> cluster_set(const EvalSet& set) {
  auto analyzer = Analyzer::create();
  EXPECT_TRUE(analyzer.ok()) << analyzer.status().to_string();
  std::unordered_map<std::string, std::string> cluster_of;
  if (!analyzer.ok()) return cluster_of;
  DocumentBuilder builder(*analyzer, /*index_title=*/true);
  ClusterIndex clusters(nullptr);
  BuiltDocument built;
  for (const Article& article : set.articles) {
    builder.build(article, built);
    cluster_of[built.id] =
        built.has_signature ? clusters.assign(built.id, built.signature, built.bands) : built.id;
  }
  return cluster_of;
}

OriginCount totals(const std::vector<OriginCount>& counts, std::string_view prefix) {
  OriginCount t{std::string(prefix)};
  for (const auto& c : counts) {
    if (c.origin.rfind(prefix, 0) != 0) continue;
    t.positives += c.positives;
    t.found += c.found;
    t.negatives += c.negatives;
    t.joined += c.joined;
  }
  return t;
}

// The evaluation set of docs/evaluation.md "Duplicate detection": the
// hand-labelled sample, the hard non-pairs and the controlled edits, scored
// with partial pairs left out. Floors a little below the measured figures
// (set: precision 0.999, recall 0.961; sample alone: 130/142 dup pairs found,
// 1/327 non-pairs joined; hard non-pairs 0/127 joined): with the former rule
// (Jaccard >= 0.6, 20x3 bands) the sample finds 116 and the set's recall is
// lower; a containment threshold of 0.6 joins 3 sample non-pairs more.
TEST(PairEval, LabelledSampleOfSharedCorpora) {
  NEWSINDEX_REQUIRE_SHARED();
  const auto dir = testing::source_dir() / "corpora" / "duplicates";
  const auto corpora = testing::shared_dir() / "corpora";
  EvalInputs in;
  for (const char* c : {"dpgmedia2019", "leestmeer-rss-2019", "7days-youth-news"}) {
    in.corpora.push_back((corpora / c).string());
  }
  in.id_files = {(dir / "shared-sample-ids.txt").string()};
  in.label_files = {(dir / "shared-sample-pairs.tsv").string(),
                    (dir / "hard-negatives.tsv").string()};
  in.recipe_files = {(dir / "controlled-edits.tsv").string()};
  auto set = load_eval_set(in);
  ASSERT_TRUE(set.ok()) << set.status().to_string();
  ASSERT_TRUE(set->missing.empty()) << set->missing.size() << " ids missing from ../shared, e.g. "
                                    << set->missing[0];
  auto cluster_of = cluster_set(*set);
  ASSERT_EQ(cluster_of.size(), set->articles.size());

  PairScore s = score_pairs(cluster_of, set->labels, PartialAs::kIgnored);
  std::cout << "evaluation set (partial ignored): predicted=" << s.predicted << " tp=" << s.tp
            << " fp=" << s.fp << " (unlabelled " << s.unlabelled << ") fn=" << s.fn
            << " precision=" << s.precision() << " recall=" << s.recall() << '\n';
  EXPECT_GE(s.precision(), 0.99);
  EXPECT_GE(s.recall(), 0.95);
  EXPECT_EQ(s.unlabelled, 0u);

  auto counts = count_by_origin(cluster_of, set->labels, PartialAs::kIgnored);
  OriginCount sample = totals(counts, "shared-sample-pairs.tsv");
  OriginCount hard = totals(counts, "hard-negatives.tsv");
  OriginCount edits = totals(counts, "edit:");
  std::cout << "sample: found " << sample.found << "/" << sample.positives << " joined "
            << sample.joined << "/" << sample.negatives << "; hard non-pairs joined " << hard.joined
            << "/" << hard.negatives << "; edits found " << edits.found << "/" << edits.positives
            << '\n';
  EXPECT_EQ(sample.positives, 142u);
  EXPECT_GE(sample.found, 120u);  // 0.845
  EXPECT_LE(sample.joined, 2u);
  EXPECT_GE(hard.negatives, 120u);
  EXPECT_LE(hard.joined, 1u);
  EXPECT_GE(edits.positives, 900u);
  EXPECT_GE(edits.found, 0.95 * edits.positives);
}

// The same edit rules on other articles (two other days), never used to
// choose a parameter: recall of the copies, and no copy joined to an article
// other than its original (measured: 890/930, 0).
TEST(PairEval, HeldOutEditsOfSharedCorpora) {
  NEWSINDEX_REQUIRE_SHARED();
  const auto dir = testing::source_dir() / "corpora" / "duplicates";
  EvalInputs in;
  in.corpora = {(testing::shared_dir() / "corpora" / "leestmeer-rss-2019").string()};
  in.id_files = {(dir / "held-out-ids.txt").string()};
  in.recipe_files = {(dir / "held-out-edits.tsv").string()};
  auto set = load_eval_set(in);
  ASSERT_TRUE(set.ok()) << set.status().to_string();
  ASSERT_TRUE(set->missing.empty());
  auto cluster_of = cluster_set(*set);
  PairScore s = score_pairs(cluster_of, set->labels, PartialAs::kIgnored);
  std::size_t copies_astray = 0;  // a predicted pair with a copy that has no label
  for (const auto& [a, b] : s.false_pairs) {
    copies_astray += a.find('~') != std::string::npos || b.find('~') != std::string::npos;
  }
  std::cout << "held-out edits: found " << s.tp << "/" << s.tp + s.fn << " recall=" << s.recall()
            << " copies joined elsewhere " << copies_astray << '\n';
  EXPECT_GE(s.tp + s.fn, 900u);
  EXPECT_GE(s.recall(), 0.94);
  EXPECT_LE(copies_astray, 2u);
}

}  // namespace
}  // namespace newsindex::internal::dedup
