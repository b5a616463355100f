// newsindex stats: what a database holds.
//
//   newsindex stats --db DIR [--json]
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_common.h"
#include "commands.h"
#include "newsindex/index_info.h"

namespace newsindex::tools {

namespace {

struct StatsArgs {
  std::string db;
  bool json = false;
};

// "2019-04-01T06:00:00Z", or "" when unknown.
std::string utc_text(std::int64_t t) {
  if (t == kNoTimestamp) return "";
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  if (::gmtime_r(&tt, &tm) == nullptr) return "";
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

nlohmann::json counts_json(const std::vector<std::pair<std::string, std::uint64_t>>& counts) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [name, n] : counts) out.push_back({{"name", name}, {"count", n}});
  return out;
}

void print_counts(const char* title,
                  const std::vector<std::pair<std::string, std::uint64_t>>& counts) {
  std::cout << title << " (" << counts.size() << "):\n";
  std::size_t shown = 0;
  for (const auto& [name, n] : counts) {
    if (++shown > 25) {
      std::cout << "  … " << counts.size() - 25 << " more (--json lists all)\n";
      break;
    }
    std::printf("  %-32s %10llu\n", name.c_str(), static_cast<unsigned long long>(n));
  }
  std::fflush(stdout);
}

int run_stats(const StatsArgs& args) {
  auto info = read_index_info(args.db);
  if (!info.ok()) return report_error("stats", info.status());
  const IndexInfo& i = *info;
  if (args.json) {
    nlohmann::json out = {{"db", args.db},
                          {"documents", i.documents},
                          {"first_date", i.first_timestamp == kNoTimestamp
                                             ? nlohmann::json(nullptr)
                                             : nlohmann::json(utc_text(i.first_timestamp))},
                          {"last_date", i.last_timestamp == kNoTimestamp
                                            ? nlohmann::json(nullptr)
                                            : nlohmann::json(utc_text(i.last_timestamp))},
                          {"sources", counts_json(i.sources)},
                          {"outlets", counts_json(i.outlets)},
                          {"bytes_on_disk", i.bytes_on_disk},
                          {"analyzer", i.analyzer},
                          {"stemmer", i.stemmer},
                          {"schema", i.schema}};
    // Per shard of a sharded folder (docs/scaling.md); [] for one database.
    nlohmann::json shards = nlohmann::json::array();
    for (const ShardInfo& sh : i.shards) {
      shards.push_back({{"name", sh.name},
                        {"documents", sh.documents},
                        {"first_date", sh.first_timestamp == kNoTimestamp
                                           ? nlohmann::json(nullptr)
                                           : nlohmann::json(utc_text(sh.first_timestamp))},
                        {"last_date", sh.last_timestamp == kNoTimestamp
                                          ? nlohmann::json(nullptr)
                                          : nlohmann::json(utc_text(sh.last_timestamp))},
                        {"bytes_on_disk", sh.bytes_on_disk}});
    }
    out["shards"] = std::move(shards);
    std::cout << dump_json(out) << '\n';
    return kExitOk;
  }
  std::printf("database      %s\n", args.db.c_str());
  std::printf("documents     %llu\n", static_cast<unsigned long long>(i.documents));
  if (i.first_timestamp != kNoTimestamp) {
    std::printf("dates         %s .. %s\n", utc_text(i.first_timestamp).c_str(),
                utc_text(i.last_timestamp).c_str());
  } else {
    std::printf("dates         (none)\n");
  }
  std::printf("size on disk  %.1f MB (%llu bytes)\n", static_cast<double>(i.bytes_on_disk) / 1e6,
              static_cast<unsigned long long>(i.bytes_on_disk));
  std::printf("analyzer      %s\n", i.analyzer.c_str());
  std::printf("stemmer       %s\n", i.stemmer.c_str());
  std::printf("schema        %s\n", i.schema.c_str());
  if (!i.shards.empty()) {
    std::printf("shards        %zu\n", i.shards.size());
    for (const ShardInfo& sh : i.shards) {
      std::printf("  %-40s %10llu docs  %8.1f MB  %s .. %s\n", sh.name.c_str(),
                  static_cast<unsigned long long>(sh.documents),
                  static_cast<double>(sh.bytes_on_disk) / 1e6,
                  sh.first_timestamp == kNoTimestamp ? "-" : utc_text(sh.first_timestamp).c_str(),
                  sh.last_timestamp == kNoTimestamp ? "-" : utc_text(sh.last_timestamp).c_str());
    }
    std::printf("  %-40s %10llu docs  %8.1f MB\n", "total",
                static_cast<unsigned long long>(i.documents),
                static_cast<double>(i.bytes_on_disk) / 1e6);
  }
  std::fflush(stdout);
  print_counts("sources", i.sources);
  print_counts("outlets", i.outlets);
  return kExitOk;
}

}  // namespace

void add_stats_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<StatsArgs>();
  auto* cmd = app.add_subcommand("stats", "Show what a database holds");
  cmd->add_option("--db", args->db, "Database directory")->required();
  cmd->add_flag("--json", args->json, "Print JSON on stdout");
  cmd->callback([args, &exit_code] { exit_code = run_stats(*args); });
}

}  // namespace newsindex::tools
