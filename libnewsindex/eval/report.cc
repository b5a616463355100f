// eval/report.cc: evaluation results for people (a table, a per-query TSV)
// and for scripts (one JSON line).
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "newsindex/eval.h"

namespace newsindex {
namespace {

std::string fixed(double v, int decimals = 4) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// Rounds to 6 decimals so JSON output is stable and readable.
double round6(double v) { return std::round(v * 1e6) / 1e6; }

}  // namespace

std::string format_per_query(const EvalSummary& summary,
                             const std::vector<EvalQuery>& queries) {
  std::unordered_map<std::string_view, std::string_view> text;
  for (const EvalQuery& q : queries) text.emplace(q.qid, q.query);
  std::string out = "qid\tfirst_relevant_rank\trr@10\tndcg@10\trecall@100\tretrieved\tquery\n";
  for (const QueryMetrics& m : summary.per_query) {
    auto found = text.find(m.qid);
    std::string query(found == text.end() ? std::string_view() : found->second);
    for (char& c : query) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    out += m.qid + '\t' + std::to_string(m.first_relevant_rank) + '\t' +
           fixed(m.rr_at_10) + '\t' + fixed(m.ndcg_at_10) + '\t' + fixed(m.recall_at_100) +
           '\t' + std::to_string(m.retrieved) + '\t' + query + '\n';
  }
  return out;
}

std::string format_summary_table(const EvalSummary& s) {
  std::string out;
  out += "queries      " + std::to_string(s.queries);
  if (s.unjudged_queries > 0) {
    out += " (" + std::to_string(s.unjudged_queries) + " without judgements skipped)";
  }
  out += '\n';
  out += "MRR@10       " + fixed(s.mrr_at_10) + '\n';
  out += "nDCG@10      " + fixed(s.ndcg_at_10) + '\n';
  out += "success@1    " + fixed(s.success_at_1) + '\n';
  out += "success@10   " + fixed(s.success_at_10) + '\n';
  out += "recall@100   " + fixed(s.recall_at_100) + '\n';
  return out;
}

std::string format_summary_json(const EvalSummary& s) {
  nlohmann::ordered_json j;
  j["queries"] = s.queries;
  j["unjudged_queries"] = s.unjudged_queries;
  j["mrr@10"] = round6(s.mrr_at_10);
  j["ndcg@10"] = round6(s.ndcg_at_10);
  j["success@1"] = round6(s.success_at_1);
  j["success@10"] = round6(s.success_at_10);
  j["recall@100"] = round6(s.recall_at_100);
  return j.dump();
}

}  // namespace newsindex
