// eval/metrics.cc: per-query retrieval metrics and their means.
//
// Conventions follow trec_eval where it has one: nDCG uses the grade as a
// linear gain and log2(rank + 1) as the discount ("ndcg_cut_10"); RR is cut
// at rank 10 (MS MARCO's MRR@10); a doc id repeated in a ranking counts once.
#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <unordered_map>

#include "newsindex/eval.h"

namespace newsindex {
namespace {

constexpr std::size_t kRrDepth = 10;
constexpr std::size_t kNdcgDepth = 10;
constexpr std::size_t kRecallDepth = 100;

double discount(std::size_t rank) { return 1.0 / std::log2(static_cast<double>(rank) + 1.0); }

}  // namespace

QueryMetrics score_ranking(std::string_view qid, const std::vector<std::string>& ranking,
                           const Judgements& judgements) {
  QueryMetrics m;
  m.qid = std::string(qid);

  std::vector<int> ideal;
  for (const auto& [doc, grade] : judgements) {
    if (grade > 0) ideal.push_back(grade);
  }
  m.relevant = ideal.size();

  std::set<std::string_view> seen;
  std::size_t rank = 0;  // 1-based rank after de-duplication
  double dcg = 0;
  std::size_t relevant_in_100 = 0;
  for (const std::string& doc : ranking) {
    if (!seen.insert(doc).second) continue;
    ++rank;
    auto it = judgements.find(doc);
    int grade = it == judgements.end() ? 0 : it->second;
    if (grade <= 0) continue;
    if (m.first_relevant_rank == 0) m.first_relevant_rank = rank;
    if (rank <= kNdcgDepth) dcg += grade * discount(rank);
    if (rank <= kRecallDepth) ++relevant_in_100;
  }
  m.retrieved = rank;
  if (m.relevant == 0) return m;

  std::sort(ideal.begin(), ideal.end(), std::greater<>());
  double idcg = 0;
  for (std::size_t i = 0; i < ideal.size() && i < kNdcgDepth; ++i) {
    idcg += ideal[i] * discount(i + 1);
  }
  m.ndcg_at_10 = idcg > 0 ? dcg / idcg : 0;
  std::size_t first = m.first_relevant_rank;
  m.rr_at_10 = (first != 0 && first <= kRrDepth) ? 1.0 / static_cast<double>(first) : 0;
  m.success_at_1 = first == 1 ? 1 : 0;
  m.success_at_10 = (first != 0 && first <= 10) ? 1 : 0;
  m.recall_at_100 =
      static_cast<double>(relevant_in_100) / static_cast<double>(m.relevant);
  return m;
}

EvalSummary evaluate_runs(const std::vector<EvalQuery>& queries,
                          const std::vector<RankedList>& runs, const Qrels& qrels) {
  std::unordered_map<std::string_view, const RankedList*> by_qid;
  for (const RankedList& run : runs) by_qid.emplace(run.qid, &run);

  static const std::vector<std::string> kEmpty;
  EvalSummary s;
  for (const EvalQuery& q : queries) {
    auto judged = qrels.find(q.qid);
    bool has_relevant =
        judged != qrels.end() &&
        std::any_of(judged->second.begin(), judged->second.end(),
                    [](const auto& entry) { return entry.second > 0; });
    if (!has_relevant) {
      ++s.unjudged_queries;
      continue;
    }
    auto run = by_qid.find(q.qid);
    const auto& ranking = run == by_qid.end() ? kEmpty : run->second->doc_ids;
    QueryMetrics m = score_ranking(q.qid, ranking, judged->second);
    s.mrr_at_10 += m.rr_at_10;
    s.ndcg_at_10 += m.ndcg_at_10;
    s.success_at_1 += m.success_at_1;
    s.success_at_10 += m.success_at_10;
    s.recall_at_100 += m.recall_at_100;
    s.per_query.push_back(std::move(m));
  }
  s.queries = s.per_query.size();
  if (s.queries > 0) {
    double n = static_cast<double>(s.queries);
    s.mrr_at_10 /= n;
    s.ndcg_at_10 /= n;
    s.success_at_1 /= n;
    s.success_at_10 /= n;
    s.recall_at_100 /= n;
  }
  return s;
}

}  // namespace newsindex
