// newsindex search (placeholder until implemented).
#include <iostream>

#include "commands.h"

namespace newsindex::tools {

void add_search_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("search", "search (not implemented yet)");
  cmd->allow_extras();
  cmd->callback([&exit_code] {
    std::cerr << "newsindex search: not implemented yet\n";
    exit_code = kExitFailure;
  });
}

}  // namespace newsindex::tools
