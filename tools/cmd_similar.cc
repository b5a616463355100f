// newsindex similar: articles like a given one (more like this).
//
//   newsindex similar --db DIR ID [--json] [--limit N]
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_common.h"
#include "commands.h"
#include "newsindex/searcher.h"
#include "search_json.h"

namespace newsindex::tools {
namespace {

struct SimilarFlags {
  std::vector<std::string> dbs;
  std::string id;
  bool json = false;
  bool override_analysis = false;
  SearcherOptions options;  // --allow-partial, --remote-timeout
  std::uint32_t limit = 10;
};

int run(const SimilarFlags& f) {
  SearcherOptions options = f.options;
  options.override_analysis = f.override_analysis;
  auto searcher = Searcher::open(f.dbs, options);
  if (!searcher.ok()) return report_error("similar", searcher.status());
  auto res = (*searcher)->similar(f.id, f.limit);
  if (!res.ok()) return report_error("similar", res.status());
  if (f.json) {
    std::cout << dump_json(similar_results_json(f.id, *res)) << "\n";
    return kExitOk;
  }
  bool terminal = stdout_is_terminal();
  for (const std::string& w : res->warnings) std::cerr << "warning: " << w << "\n";
  if (!res->missing_shards.empty()) {
    std::cout << "Partial results: " << res->missing_shards.size() << " shard"
              << (res->missing_shards.size() == 1 ? "" : "s") << " missing:";
    for (const std::string& m : res->missing_shards) std::cout << " " << m;
    std::cout << "\n";
  }
  std::cout << "Articles like " << f.id << ":\n";
  for (const Hit& h : res->hits) {
    std::cout << "\n"
              << h.rank << ". " << (terminal ? "\x1b[1m" : "") << (h.title.empty() ? h.id : h.title)
              << (terminal ? "\x1b[0m" : "") << "\n   " << h.date.substr(0, 10) << "  " << h.outlet
              << "  [" << h.id << "]\n";
  }
  return kExitOk;
}

}  // namespace

void add_similar_command(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<SimilarFlags>();
  auto* cmd = app.add_subcommand("similar", "Articles like the one with ID (more like this)");
  cmd->add_option("--db", flags->dbs, "Database directory or tcp://HOST:PORT (repeatable)")
      ->required()
      ->allow_extra_args(false);
  cmd->add_option("id", flags->id, "Article id")->required();
  cmd->add_flag("--json", flags->json, "One JSON object on standard output");
  cmd->add_option("--limit", flags->limit, "Hits to show (default 10)");
  cmd->add_flag("--override-analysis", flags->override_analysis,
                "Search even if the database was built with other analysis");
  add_shard_options(cmd, flags->options,
                    "Answer from the shards that respond when some do not (named in the "
                    "output and in JSON missing_shards) instead of failing");
  cmd->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace newsindex::tools
