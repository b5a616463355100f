// newsindex eval: run a TREC-style query set through the Searcher and score it.
//
//   newsindex eval --db DIR --queries FILE --qrels FILE [--run-out FILE]
//                  [--per-query FILE] [--json] [--limit 100] [--k1 X] [--b Y] [--and]
//                  [--synonyms FILE] [--no-stem] [--no-fold] [--no-apostrophes]
//                  [--no-compounds] [--stem-weight W] [--compound-weight W]
//                  [--title-weight W] [--stopword-weight W] [--hyphen-part-weight W]
//                  [--query-part-weight W]
//
// Prints MRR@10, nDCG@10, success@1/@10 and recall@100 (a table, or one JSON
// line with --json), writes a TREC run file and a per-query table for error
// analysis. --no-stem, --no-fold, --no-apostrophes and --no-compounds search
// ablation indexes built with the same switches. docs/evaluation.md describes
// the method and the results.
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli_common.h"
#include "commands.h"
#include "newsindex/eval.h"
#include "newsindex/searcher.h"

namespace newsindex::tools {
namespace {

struct EvalArgs {
  std::vector<std::string> databases;
  std::string queries, qrels, run_out, per_query, synonyms, tag = "newsindex";
  std::string features_out;  // the top hits' rerank features, to learn a model from
  bool json = false;
  bool and_operator = false;
  bool override_analysis = false;
  AnalyzerOptions analysis;
  std::uint32_t limit = 100;
  SearcherOptions ranking;  // BM25 and query-side weights (--k1, --stem-weight, ...)
};

int run_eval(const EvalArgs& args) {
  auto queries = read_queries(args.queries);
  if (!queries.ok()) {
    std::cerr << "newsindex eval: " << queries.status().to_string() << "\n";
    return kExitFailure;
  }
  auto qrels = read_qrels(args.qrels);
  if (!qrels.ok()) {
    std::cerr << "newsindex eval: " << qrels.status().to_string() << "\n";
    return kExitFailure;
  }

  SearcherOptions options = args.ranking;
  options.default_operator = args.and_operator ? DefaultOperator::kAnd : DefaultOperator::kOr;
  options.override_analysis = args.override_analysis;
  options.synonyms_path = args.synonyms;
  // The analysis the database records, unless a switch asks for other
  // query analysis (with --override-analysis, an ablation of the query side).
  const AnalyzerOptions defaults;
  const bool own_analysis = args.analysis.stem != defaults.stem ||
                            args.analysis.fold_accents != defaults.fold_accents ||
                            args.analysis.apostrophe_rules != defaults.apostrophe_rules ||
                            args.analysis.split_compounds != defaults.split_compounds;
  Result<std::unique_ptr<Searcher>> searcher = Status::internal_error("not opened");
  if (own_analysis) {
    auto analyzer = Analyzer::create(args.analysis);
    searcher = analyzer.ok() ? Searcher::open(args.databases, options, *analyzer)
                             : Result<std::unique_ptr<Searcher>>(analyzer.status());
  } else {
    searcher = Searcher::open(args.databases, options);
  }
  if (!searcher.ok()) {
    std::cerr << "newsindex eval: " << searcher.status().to_string() << "\n";
    return kExitFailure;
  }

  std::ofstream features;
  if (!args.features_out.empty()) {
    features.open(args.features_out, std::ios::binary | std::ios::trunc);
    if (!features) {
      std::cerr << "newsindex eval: io_error: " << args.features_out
                << ": cannot open for writing\n";
      return kExitFailure;
    }
    features << std::setprecision(17);  // the model sees what the searcher computes
    features << "qid\trank\tdoc_id";
    for (const std::string& name : rerank_feature_names()) features << '\t' << name;
    features << '\n';
  }
  std::vector<RankedList> runs;
  runs.reserve(queries->size());
  std::size_t failed = 0;
  auto start = std::chrono::steady_clock::now();
  for (const EvalQuery& q : *queries) {
    SearchRequest request;
    request.query = q.query;
    request.limit = args.limit;
    request.snippets = false;
    request.rerank_features = !args.features_out.empty();
    RankedList run;
    run.qid = q.qid;
    auto results = (*searcher)->search(request);
    if (!results.ok()) {
      // A query the searcher rejects scores as an empty ranking.
      if (failed++ < 5) {
        std::cerr << "newsindex eval: query " << q.qid << ": "
                  << results.status().to_string() << "\n";
      }
    } else {
      for (const Hit& hit : results->hits) {
        run.doc_ids.push_back(hit.id);
        run.scores.push_back(hit.score);
        if (hit.rerank_features.empty() || !features.is_open()) continue;
        features << q.qid << '\t' << hit.rank << '\t' << hit.id;
        for (double f : hit.rerank_features) features << '\t' << f;
        features << '\n';
      }
    }
    runs.push_back(std::move(run));
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  if (features.is_open()) {
    features.flush();
    if (!features) {
      std::cerr << "newsindex eval: io_error: " << args.features_out
                << ": cannot write the rerank features\n";
      return kExitFailure;
    }
  }
  EvalSummary summary = evaluate_runs(*queries, runs, *qrels);
  if (!args.run_out.empty()) {
    Status s = write_trec_run(args.run_out, runs, args.tag);
    if (!s.ok()) {
      std::cerr << "newsindex eval: " << s.to_string() << "\n";
      return kExitFailure;
    }
  }
  if (!args.per_query.empty()) {
    std::ofstream out(args.per_query, std::ios::binary | std::ios::trunc);
    out << format_per_query(summary, *queries);
    out.flush();
    if (!out) {
      std::cerr << "newsindex eval: io_error: " << args.per_query
                << ": cannot write the per-query table\n";
      return kExitFailure;
    }
  }
  if (args.json) {
    std::cout << format_summary_json(summary) << "\n";
  } else {
    std::cout << format_summary_table(summary);
  }
  std::cerr << "newsindex eval: " << queries->size() << " queries in " << seconds << " s";
  if (failed > 0) std::cerr << ", " << failed << " failed (scored as empty)";
  std::cerr << "\n";
  return kExitOk;
}

}  // namespace

void add_eval_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<EvalArgs>();
  auto* cmd = app.add_subcommand(
      "eval", "Score a query set (TREC qrels): MRR@10, nDCG@10, success@1/10, recall@100");
  cmd->add_option("--db", args->databases, "Database directory (repeat for shards)")
      ->required();
  cmd->add_option("--queries", args->queries,
                  "Queries: JSON Lines with qid and query, or qid<TAB>query")
      ->required();
  cmd->add_option("--qrels", args->qrels, "TREC qrels: qid 0 doc_id relevance")->required();
  cmd->add_option("--run-out", args->run_out, "Write a TREC run file here");
  cmd->add_option("--run-tag", args->tag, "Tag in the run file's last column")
      ->capture_default_str();
  cmd->add_option("--per-query", args->per_query,
                  "Write per-query results (qid, rank of first relevant, RR, ...) here");
  cmd->add_flag("--json", args->json, "Print the metrics as one JSON line");
  cmd->add_option("--rerank-features-out", args->features_out,
                  "Write the top hits' rerank features here (qid, rank, doc_id, then each "
                  "feature; for scripts/eval/ltr-rerank.py)");
  cmd->add_option("--limit", args->limit, "Hits retrieved per query")
      ->capture_default_str()
      ->check(CLI::Range(1u, 100000u));
  add_ranking_options(cmd, args->ranking);
  cmd->add_flag("--and", args->and_operator, "AND as the default operator (default: OR)");
  cmd->add_option("--synonyms", args->synonyms,
                  "Synonym file instead of the built-in list (an empty file: none)");
  cmd->add_option("--related-forms", args->ranking.related_forms_path,
                  "Related-forms file instead of the built-in list (used at --related-weight)");
  // Query analysis switches. Without them the Searcher analyses queries as
  // the database records it was built (ablation indexes need no switches);
  // with them, the database must record the same, unless
  // --override-analysis (query-side ablation).
  cmd->add_flag("--no-stem{false}", args->analysis.stem, "Queries without stemming");
  cmd->add_flag("--no-fold{false}", args->analysis.fold_accents,
                "Queries without accent folding");
  cmd->add_flag("--no-apostrophes{false}", args->analysis.apostrophe_rules,
                "Queries without the apostrophe rules");
  cmd->add_flag("--no-compounds{false}", args->analysis.split_compounds,
                "Queries without compound splitting");
  cmd->add_flag("--override-analysis", args->override_analysis,
                "Search even if the database was built with other analysis");
  cmd->callback([args, &exit_code] { exit_code = run_eval(*args); });
}

}  // namespace newsindex::tools
