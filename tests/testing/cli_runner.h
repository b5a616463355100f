// testing/cli_runner.h: runs the newsindex command (or another shell
// command) to its end and captures what it printed, for the CLI tests.
#ifndef NEWSINDEX_TESTS_CLI_RUNNER_H_
#define NEWSINDEX_TESTS_CLI_RUNNER_H_

#include <string>

namespace newsindex::testing {

struct CliRun {
  int code = -1;    // the exit status; -1 when it did not exit normally
  std::string out;  // standard output
  std::string err;  // standard error
  // Both, standard output first (for a message that may be on either).
  std::string all() const { return out + err; }
};

// `s` as one shell word ('…', quotes inside escaped).
std::string shell_quote(const std::string& s);

// Runs `command` with /bin/sh; `command` may hold redirections (its own
// "2>" wins over the capture of standard error).
CliRun run_shell(const std::string& command);

// Runs `newsindex ARGS` (testing::cli_path(); ARGS as shell words, quoted
// by the caller where needed).
CliRun run_newsindex(const std::string& args);

}  // namespace newsindex::testing

#endif  // NEWSINDEX_TESTS_CLI_RUNNER_H_
