// `newsindex index` and `compact` on a --db folder that holds other files
// (issue 16: `compact --db a` deleted sample.jsonl and text/ from `a`).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "testing/test_paths.h"

namespace newsindex {
namespace {

namespace fs = std::filesystem;

int run(const std::string& args) {
  const std::string cmd = testing::cli_path().string() + " " + args + " >/dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(DbDirCli, IndexAndCompactLeaveOtherFilesAlone) {
  const fs::path a = testing::fresh_dir("db_dir_cli") / "a";
  fs::create_directories(a / "text");
  fs::copy_file(testing::source_dir() / "corpora/sample/jsonl/sample.jsonl", a / "sample.jsonl");
  std::ofstream(a / "text" / "note.txt") << "x";
  EXPECT_EQ(run("index --db " + a.string() + " " + a.string()), 1);
  EXPECT_EQ(run("compact --db " + a.string()), 1);
  EXPECT_TRUE(fs::exists(a / "sample.jsonl"));
  EXPECT_TRUE(fs::exists(a / "text" / "note.txt"));
  EXPECT_FALSE(fs::exists(a / "iamglass"));

  const fs::path db = a.parent_path() / "db";
  ASSERT_EQ(run("index --db " + db.string() + " " + (a / "sample.jsonl").string()), 0);
  std::ofstream(db / "notes.txt") << "x";
  EXPECT_EQ(run("compact --db " + db.string()), 1);
  EXPECT_EQ(run("index --bulk --db " + db.string() + " " + (a / "sample.jsonl").string()), 1);
  EXPECT_TRUE(fs::exists(db / "notes.txt"));
  fs::remove(db / "notes.txt");
  EXPECT_EQ(run("compact --db " + db.string()), 0);
}

}  // namespace
}  // namespace newsindex
