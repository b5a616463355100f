// Tests for eval/metrics.cc: hand-computed tables.
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "newsindex/eval.h"

namespace newsindex {
namespace {

constexpr double kEps = 1e-9;

std::vector<std::string> docs(std::initializer_list<const char*> ids) {
  return {ids.begin(), ids.end()};
}

struct RankingCase {
  const char* name;
  std::vector<std::string> ranking;
  Judgements judgements;
  double rr, ndcg, s1, s10, recall;
  std::size_t first_rank;
};

TEST(ScoreRanking, HandComputedTable) {
  // Discounts: 1/log2(r+1): r1 1, r2 0.63093, r3 0.5, r4 0.43068.
  const double d2 = 1 / std::log2(3.0);
  const double d3 = 0.5;
  const double d4 = 1 / std::log2(5.0);
  std::vector<std::string> long_list;
  for (int i = 1; i <= 120; ++i) long_list.push_back("d" + std::to_string(i));

  const RankingCase cases[] = {
      {"first", docs({"a", "b", "c"}), {{"a", 1}}, 1.0, 1.0, 1, 1, 1, 1},
      {"third", docs({"x", "y", "a", "z"}), {{"a", 1}}, 1.0 / 3, d3, 0, 1, 1, 3},
      {"absent", docs({"x", "y"}), {{"a", 1}}, 0, 0, 0, 0, 0, 0},
      {"empty ranking", {}, {{"a", 1}}, 0, 0, 0, 0, 0, 0},
      // Rank 11: outside RR@10, nDCG@10 and success@10, inside recall@100.
      {"rank 11", docs({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "a"}),
       {{"a", 1}}, 0, 0, 0, 0, 1, 11},
      // Judged non-relevant (0) counts as not relevant.
      {"grade 0 ignored", docs({"n", "a"}), {{"n", 0}, {"a", 1}}, 0.5, d2, 0, 1, 1, 2},
      // Graded: ranking b(1) a(2) c(0) x; ideal a(2) b(1).
      // DCG = 1*1 + 2*d2; IDCG = 2*1 + 1*d2.
      {"graded", docs({"b", "a", "c", "x"}), {{"a", 2}, {"b", 1}, {"c", 0}}, 1.0,
       (1 + 2 * d2) / (2 + d2), 1, 1, 1, 1},
      // Two relevant, one found at rank 4: recall 1/2; nDCG = d4 / (1 + d2).
      {"half recall", docs({"x", "y", "z", "a"}), {{"a", 1}, {"b", 1}}, 0.25,
       d4 / (1 + d2), 0, 1, 0.5, 4},
      // A duplicate id counts once: "x" twice, then "a" is at rank 2.
      {"duplicate ids", docs({"x", "x", "a"}), {{"a", 1}}, 0.5, d2, 0, 1, 1, 2},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    QueryMetrics m = score_ranking("q", c.ranking, c.judgements);
    EXPECT_NEAR(m.rr_at_10, c.rr, kEps);
    EXPECT_NEAR(m.ndcg_at_10, c.ndcg, kEps);
    EXPECT_NEAR(m.success_at_1, c.s1, kEps);
    EXPECT_NEAR(m.success_at_10, c.s10, kEps);
    EXPECT_NEAR(m.recall_at_100, c.recall, kEps);
    EXPECT_EQ(m.first_relevant_rank, c.first_rank);
  }
}

TEST(ScoreRanking, RecallStopsAtOneHundred) {
  std::vector<std::string> ranking;
  for (int i = 1; i <= 150; ++i) ranking.push_back("d" + std::to_string(i));
  // d100 is inside the cut, d101 is not.
  QueryMetrics m = score_ranking("q", ranking, {{"d100", 1}, {"d101", 1}});
  EXPECT_NEAR(m.recall_at_100, 0.5, kEps);
  EXPECT_EQ(m.first_relevant_rank, 100u);
  EXPECT_EQ(m.retrieved, 150u);
  EXPECT_EQ(m.relevant, 2u);
}

TEST(ScoreRanking, NdcgIdealIsCutAtTen) {
  // Twelve relevant docs, all retrieved first: nDCG@10 is exactly 1.
  std::vector<std::string> ranking;
  Judgements j;
  for (int i = 1; i <= 12; ++i) {
    ranking.push_back("d" + std::to_string(i));
    j["d" + std::to_string(i)] = 1;
  }
  EXPECT_NEAR(score_ranking("q", ranking, j).ndcg_at_10, 1.0, kEps);
}

TEST(EvaluateRuns, MeansOverJudgedQueriesInQueryOrder) {
  std::vector<EvalQuery> queries = {{"q1", "een"}, {"q2", "twee"}, {"q3", "drie"},
                                    {"q4", "geen oordeel"}};
  Qrels qrels = {{"q1", {{"a", 1}}}, {"q2", {{"b", 1}}}, {"q3", {{"c", 1}}},
                 {"q4", {{"d", 0}}}};
  std::vector<RankedList> runs = {
      {"q2", {"x", "b"}, {2, 1}},         // RR 1/2
      {"q1", {"a"}, {5}},                 // RR 1
      {"q4", {"d"}, {1}},                 // no relevant judgement: skipped
  };                                      // q3 has no run: RR 0
  EvalSummary s = evaluate_runs(queries, runs, qrels);
  EXPECT_EQ(s.queries, 3u);
  EXPECT_EQ(s.unjudged_queries, 1u);
  EXPECT_NEAR(s.mrr_at_10, (1 + 0.5 + 0) / 3, kEps);
  EXPECT_NEAR(s.success_at_1, 1.0 / 3, kEps);
  EXPECT_NEAR(s.success_at_10, 2.0 / 3, kEps);
  EXPECT_NEAR(s.recall_at_100, 2.0 / 3, kEps);
  ASSERT_EQ(s.per_query.size(), 3u);
  EXPECT_EQ(s.per_query[0].qid, "q1");
  EXPECT_EQ(s.per_query[1].qid, "q2");
  EXPECT_EQ(s.per_query[2].qid, "q3");
  EXPECT_EQ(s.per_query[2].retrieved, 0u);
}

TEST(EvaluateRuns, NoQueriesGivesZeros) {
  EvalSummary s = evaluate_runs({}, {}, {});
  EXPECT_EQ(s.queries, 0u);
  EXPECT_EQ(s.mrr_at_10, 0);
}

}  // namespace
}  // namespace newsindex
