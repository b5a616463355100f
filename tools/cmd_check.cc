// newsindex check: Xapian's full consistency check of a database.
//
//   newsindex check --db DIR [--json]
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_common.h"
#include "commands.h"
#include "newsindex/index_info.h"

namespace newsindex::tools {

namespace {

struct CheckArgs {
  std::string db;
  bool json = false;
};

int run_check(const CheckArgs& args) {
  const auto t0 = std::chrono::steady_clock::now();
  Status st = check_database(args.db);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (args.json) {
    nlohmann::json out = {{"db", args.db}, {"ok", st.ok()}, {"seconds", secs}};
    if (!st.ok()) out["failure"] = st.to_string();
    std::cout << dump_json(out) << '\n';
  }
  if (!st.ok()) return report_error("check", st);
  if (!args.json) std::printf("%s: no errors found (%.1f s)\n", args.db.c_str(), secs);
  return kExitOk;
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand(
      "check", "Check a database for corruption (reads every block, as xapian-check does)");
  cmd->add_option("--db", args->db, "Database directory")->required();
  cmd->add_flag("--json", args->json, "Print the result as JSON on stdout");
  cmd->callback([args, &exit_code] { exit_code = run_check(*args); });
}

}  // namespace newsindex::tools
