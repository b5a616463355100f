// The newsindex command's top level: help, version, unknown subcommands.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include "testing/test_paths.h"

namespace newsindex {
namespace {

struct CliRun {
  int exit_code;
  std::string output;  // stdout and stderr
};

CliRun run(const std::string& args) {
  std::string cmd = testing::cli_path().string() + " " + args + " 2>&1";
  CliRun r{-1, {}};
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST(CliHelpTest, HelpListsEverySubcommand) {
  CliRun r = run("--help");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  for (const char* sub :
       {"index", "search", "similar", "stats", "delete", "compact", "check", "eval"}) {
    EXPECT_NE(r.output.find(std::string("  ") + sub), std::string::npos)
        << "--help does not list " << sub << ":\n"
        << r.output;
  }
}

TEST(CliHelpTest, VersionPrintsLibraryVersion) {
  CliRun r = run("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("0.1.0"), std::string::npos) << r.output;
}

TEST(CliHelpTest, WrongUsageExitsTwoWithMessage) {
  for (const char* args : {"", "frobnicate", "search --limit notanumber --db x q"}) {
    CliRun r = run(args);
    EXPECT_EQ(r.exit_code, 2) << "args: " << args << "\n" << r.output;
    EXPECT_FALSE(r.output.empty()) << "args: " << args;
  }
}

}  // namespace
}  // namespace newsindex
