// The newsindex command's top level: help, version, unknown subcommands.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include "testing/cli_runner.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {


using testing::CliRun;

// Standard output and error together in `out`.
CliRun run(const std::string& args) { return testing::run_newsindex(args + " 2>&1"); }

TEST(CliHelpTest, HelpListsEverySubcommand) {
  CliRun r = run("--help");
  EXPECT_EQ(r.code, 0) << r.out;
  for (const char* sub :
       {"index", "search", "similar", "stats", "delete", "compact", "check", "eval"}) {
    EXPECT_NE(r.out.find(std::string("  ") + sub), std::string::npos)
        << "--help does not list " << sub << ":\n"
        << r.out;
  }
}

TEST(CliHelpTest, VersionPrintsLibraryVersion) {
  CliRun r = run("--version");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("0.1.0"), std::string::npos) << r.out;
}

TEST(CliHelpTest, WrongUsageExitsTwoWithMessage) {
  for (const char* args : {"", "frobnicate", "search --limit notanumber --db x q"}) {
    CliRun r = run(args);
    EXPECT_EQ(r.code, 2) << "args: " << args << "\n" << r.out;
    EXPECT_FALSE(r.out.empty()) << "args: " << args;
  }
}

}  // namespace
}  // namespace newsindex
