// newsindex stats (placeholder until implemented).
#include <iostream>

#include "commands.h"

namespace newsindex::tools {

void add_stats_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("stats", "stats (not implemented yet)");
  cmd->allow_extras();
  cmd->callback([&exit_code] {
    std::cerr << "newsindex stats: not implemented yet\n";
    exit_code = kExitFailure;
  });
}

}  // namespace newsindex::tools
