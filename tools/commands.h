// tools/commands.h: the newsindex subcommands, one file each.
//
// Each add_*_command registers a CLI11 subcommand whose callback runs the
// command and stores its exit code in `exit_code`.
#ifndef NEWSINDEX_TOOLS_COMMANDS_H_
#define NEWSINDEX_TOOLS_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace newsindex::tools {

// Exit codes shared by all subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the command failed (error printed)
inline constexpr int kExitUsage = 2;    // wrong options (CLI11's own code is 105+)
inline constexpr int kExitSkipped = 3;  // index: done, but some records were skipped

void add_index_command(CLI::App& app, int& exit_code);
void add_stats_command(CLI::App& app, int& exit_code);
void add_delete_command(CLI::App& app, int& exit_code);
void add_compact_command(CLI::App& app, int& exit_code);
void add_check_command(CLI::App& app, int& exit_code);
void add_search_command(CLI::App& app, int& exit_code);
void add_similar_command(CLI::App& app, int& exit_code);
void add_eval_command(CLI::App& app, int& exit_code);
void add_serve_command(CLI::App& app, int& exit_code);
void add_learn_headlines_command(CLI::App& app, int& exit_code);

}  // namespace newsindex::tools

#endif  // NEWSINDEX_TOOLS_COMMANDS_H_
