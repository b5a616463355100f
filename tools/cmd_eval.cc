// newsindex eval (placeholder until implemented).
#include <iostream>

#include "commands.h"

namespace newsindex::tools {

void add_eval_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("eval", "eval (not implemented yet)");
  cmd->allow_extras();
  cmd->callback([&exit_code] {
    std::cerr << "newsindex eval: not implemented yet\n";
    exit_code = kExitFailure;
  });
}

}  // namespace newsindex::tools
