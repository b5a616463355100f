// newsindex/eval.h: retrieval-quality evaluation (TREC-style).
//
// Reads query sets and relevance judgements (qrels), scores ranked lists with
// MRR@10, nDCG@10, success@1, success@10 and recall@100, and writes TREC run
// files, so that every analysis and ranking default can be chosen by numbers
// (docs/evaluation.md). Plain value types only; nothing here touches Xapian.
//
// Not part of the installed library: this is the evaluation kit of our own
// tools (`newsindex eval`), benchmarks and tests, built as the static library
// newsindex_eval (libnewsindex/eval/). A user who wants the metrics can link
// it from a build tree; its interface may change with any release.
#ifndef NEWSINDEX_EVAL_H_
#define NEWSINDEX_EVAL_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "newsindex/export.h"
#include "newsindex/status.h"

namespace newsindex {

// One query of a test collection.
struct EvalQuery {
  std::string qid;
  std::string query;
};

// Graded judgements of one query: doc id -> relevance. Relevance > 0 is
// relevant; 0 (or negative) is judged non-relevant.
using Judgements = std::map<std::string, int, std::less<>>;
// All judgements: qid -> Judgements.
using Qrels = std::map<std::string, Judgements, std::less<>>;

// Parses queries: JSON Lines objects with string "qid" and "query" (other keys
// ignored), or TSV lines "qid<TAB>query". The format is chosen per line (a
// line starting with '{' is JSON). Blank lines and lines starting with '#' are
// skipped. `where` names the input in error messages ("queries.jsonl:12: ...").
// Errors: kParseError on a malformed line, kInvalidArgument on a duplicate qid.
NEWSINDEX_EXPORT Result<std::vector<EvalQuery>> parse_queries(std::string_view text,
                                                              std::string_view where);
// Reads and parses a query file. kNotFound/kIoError when it cannot be read.
NEWSINDEX_EXPORT Result<std::vector<EvalQuery>> read_queries(const std::string& path);

// Parses TREC qrels: "qid iteration doc_id relevance" per line, separated by
// spaces or tabs. A repeated (qid, doc_id) keeps the last grade.
NEWSINDEX_EXPORT Result<Qrels> parse_qrels(std::string_view text, std::string_view where);
NEWSINDEX_EXPORT Result<Qrels> read_qrels(const std::string& path);

// Scores of one ranked list against its judgements.
struct QueryMetrics {
  std::string qid;
  double rr_at_10 = 0;          // 1/rank of the first relevant doc in the top 10
  double ndcg_at_10 = 0;        // linear gain (grade), log2(rank + 1) discount
  double success_at_1 = 0;      // 1 if a relevant doc is at rank 1
  double success_at_10 = 0;     // 1 if a relevant doc is in the top 10
  double recall_at_100 = 0;     // relevant docs in the top 100 / all relevant
  std::size_t first_relevant_rank = 0;  // 1-based, any depth; 0 = none retrieved
  std::size_t retrieved = 0;            // length of the ranked list
  std::size_t relevant = 0;             // judged relevant docs
};

// Scores `ranking` (doc ids, best first) against `judgements` (doc id -> grade).
// A doc id repeated in `ranking` counts only at its first rank.
NEWSINDEX_EXPORT QueryMetrics score_ranking(
    std::string_view qid, const std::vector<std::string>& ranking,
    const Judgements& judgements);

// Means over the queries that have at least one relevant judgement.
struct EvalSummary {
  std::size_t queries = 0;           // queries scored (with >= 1 relevant doc)
  std::size_t unjudged_queries = 0;  // queries without a relevant judgement (skipped)
  double mrr_at_10 = 0;
  double ndcg_at_10 = 0;
  double success_at_1 = 0;
  double success_at_10 = 0;
  double recall_at_100 = 0;
  std::vector<QueryMetrics> per_query;  // in the order of the queries given
};

// A run: for each qid, the ranked doc ids and their scores (same length).
struct RankedList {
  std::string qid;
  std::vector<std::string> doc_ids;
  std::vector<double> scores;
};

// Scores every query of `queries` (in that order) that has relevant judgements
// in `qrels`; a query missing from `runs` scores as an empty ranking.
NEWSINDEX_EXPORT EvalSummary evaluate_runs(const std::vector<EvalQuery>& queries,
                                           const std::vector<RankedList>& runs,
                                           const Qrels& qrels);

// TREC run lines "qid Q0 doc_id rank score tag", rank from 1.
NEWSINDEX_EXPORT std::string format_trec_run(const std::vector<RankedList>& runs,
                                             std::string_view tag);
// Writes format_trec_run() to `path` (replacing it). kIoError on failure.
NEWSINDEX_EXPORT Status write_trec_run(const std::string& path,
                                       const std::vector<RankedList>& runs,
                                       std::string_view tag);
// Parses a TREC run file back into ranked lists (ordered by rank; qids in
// first-seen order).
NEWSINDEX_EXPORT Result<std::vector<RankedList>> parse_trec_run(std::string_view text,
                                                               std::string_view where);

// Tab-separated per-query table with a header line:
// "qid first_relevant_rank rr@10 ndcg@10 recall@100 retrieved query".
NEWSINDEX_EXPORT std::string format_per_query(const EvalSummary& summary,
                                              const std::vector<EvalQuery>& queries);
// A fixed-width metrics table for people, and a one-line JSON object
// {"queries":N,"mrr@10":x,...} for scripts.
NEWSINDEX_EXPORT std::string format_summary_table(const EvalSummary& summary);
NEWSINDEX_EXPORT std::string format_summary_json(const EvalSummary& summary);

}  // namespace newsindex

#endif  // NEWSINDEX_EVAL_H_
