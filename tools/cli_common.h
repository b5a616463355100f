// tools/cli_common.h: option helpers shared by the newsindex subcommands.
#ifndef NEWSINDEX_TOOLS_CLI_COMMON_H_
#define NEWSINDEX_TOOLS_CLI_COMMON_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "newsindex/searcher.h"
#include "newsindex/status.h"

namespace newsindex::tools {

// "7d", "12h", "30m", "45s", "2w" or plain seconds ("3600") -> seconds.
// False on anything else (negative, empty, unknown unit).
bool parse_duration(std::string_view text, double& seconds);

// "2020", "2020-02", "2020-02-12", "2020-02-12T13:48[:00]" with an optional
// "Z" or "+01:00" -> seconds since the epoch (UTC when no offset is given).
// `end_of_period`: the last second of the year/month/day/minute named (for
// --until), else the first.
bool parse_date(std::string_view text, bool end_of_period, std::int64_t& seconds);

// "a,b , c" -> {"a", "b", "c"} (empty items dropped).
std::vector<std::string> split_list(std::string_view text, char separator = ',');

// True when standard output is a terminal (highlighting, colours).
bool stdout_is_terminal();

// Prints "newsindex <command>: <status>" to stderr; returns kExitFailure.
int report_error(std::string_view command, const Status& status);

// --k1, --b and the query-side weights (--stem-weight, ...) into `ranking`,
// defaults shown from its current values (search and eval).
void add_ranking_options(CLI::App* cmd, SearcherOptions& ranking);

// --allow-partial and --remote-timeout MS (SearcherOptions::allow_partial,
// remote_timeout_ms; docs/scaling.md), for the commands that search shards.
// `partial_help` says what a missing shard does to this command.
void add_shard_options(CLI::App* cmd, SearcherOptions& options, const std::string& partial_help);

// JSON text on one line; invalid UTF-8 replaced instead of throwing.
std::string dump_json(const nlohmann::json& j);

}  // namespace newsindex::tools

#endif  // NEWSINDEX_TOOLS_CLI_COMMON_H_
