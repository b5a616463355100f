// Database folders: `index` refuses a folder that holds other files, and
// compaction and the swap never delete a file they did not write.
#include "index/db_dir_check.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "index/dir_swap.h"
#include "newsindex/writer.h"
#include "testing/test_paths.h"

namespace newsindex::internal {
namespace {

namespace fs = std::filesystem;

void touch(const fs::path& p) { std::ofstream(p) << "x"; }

Status make_db(const fs::path& dir) {
  auto w = IndexWriter::open(dir.string());
  if (!w.ok()) return w.status();
  Article a;
  a.id = "a1";
  a.title = "Fietsers in Utrecht";
  if (Status st = (*w)->add(a); !st.ok()) return st;
  return (*w)->commit();
}

TEST(DbDirCheck, DatabaseFileNames) {
  const struct {
    const char* name;
    bool db;
  } kCases[] = {
      {"iamglass", true},      {"flintlock", true},    {"postlist.glass", true},
      {"termlist.glass", true}, {"v.tmp", true},        {"changes12", true},
      {"changestmp", true},
      {"sample.jsonl", false}, {"README", false},      {".glass", false},
      {"changes", false},      {"changes1a", false},   {"iamglass.bak", false},
  };
  for (const auto& c : kCases) EXPECT_EQ(is_database_file(c.name), c.db) << c.name;
}

// Regression: `mkdir a; cp sample.jsonl a/; newsindex index --db a a` made
// `a` a database, and `compact --db a` then deleted sample.jsonl and text/.
TEST(DbDirCheck, OpeningRefusesAFolderWithOtherFiles) {
  const fs::path root = testing::fresh_dir("db_dir_open");
  const struct {
    const char* layout;  // files (a trailing '/' makes a folder) in the --db folder
    bool ok;
  } kCases[] = {
      {"", true},                     // a new folder
      {"-", true},                    // an empty one ("-": create it only)
      {"sample.jsonl", false},
      {"text/", false},
      {"flintlock", true},            // a database's lock file alone
  };
  int i = 0;
  for (const auto& c : kCases) {
    const fs::path dir = root / ("db" + std::to_string(i++));
    const std::string layout = c.layout;
    if (!layout.empty()) fs::create_directories(dir);
    if (layout.ends_with('/')) {
      fs::create_directories(dir / layout);
    } else if (!layout.empty() && layout != "-") {
      touch(dir / layout);
    }
    auto w = IndexWriter::open(dir.string());
    EXPECT_EQ(w.ok(), c.ok) << c.layout << ": " << w.status().to_string();
    if (!c.ok) {
      EXPECT_EQ(w.status().code(), StatusCode::kInvalidArgument);
      EXPECT_NE(w.status().message().find(dir.string()), std::string::npos)
          << w.status().message();
      EXPECT_TRUE(fs::exists(dir / layout)) << c.layout;
      EXPECT_FALSE(fs::exists(dir / "iamglass")) << "no database made in " << c.layout;
    }
  }
}

TEST(DbDirCheck, CompactAndSwapKeepFilesTheyDidNotWrite) {
  const fs::path root = testing::fresh_dir("db_dir_compact");
  const fs::path db = root / "db";
  ASSERT_TRUE(make_db(db).ok());
  // A database with a stranger in it: opening, compacting and swapping refuse.
  touch(db / "notes.txt");
  auto w = IndexWriter::open(db.string());
  EXPECT_EQ(w.status().code(), StatusCode::kInvalidArgument) << w.status().to_string();
  Status st = compact_database(db.string());
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << st.to_string();
  EXPECT_NE(st.message().find("notes.txt"), std::string::npos) << st.message();
  EXPECT_TRUE(fs::exists(db / "notes.txt"));
  EXPECT_TRUE(fs::exists(db / "iamglass"));

  const fs::path fresh = root / "fresh";
  ASSERT_TRUE(make_db(fresh).ok());
  st = swap_in(fresh, db);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << st.to_string();
  EXPECT_TRUE(fs::exists(db / "notes.txt"));
  EXPECT_TRUE(fs::exists(fresh / "iamglass"));

  // Without the stranger both work, and a stale work folder holding a
  // stranger is left alone (compaction refuses rather than delete it).
  fs::remove(db / "notes.txt");
  EXPECT_TRUE(swap_in(fresh, db).ok());
  EXPECT_FALSE(fs::exists(fresh));
  const fs::path tmp = db.string() + ".compact-tmp";
  fs::create_directories(tmp);
  touch(tmp / "mine.txt");
  EXPECT_FALSE(compact_database(db.string()).ok());
  EXPECT_TRUE(fs::exists(tmp / "mine.txt"));
  fs::remove(tmp / "mine.txt");
  touch(tmp / "postlist.glass");  // a leftover of an interrupted compaction
  EXPECT_TRUE(compact_database(db.string()).ok());
  EXPECT_FALSE(fs::exists(tmp));
}

TEST(DbDirCheck, RemoveDatabaseDirRemovesOnlyDatabaseFiles) {
  const fs::path dir = testing::fresh_dir("db_dir_remove") / "old";
  fs::create_directories(dir / "sub");
  touch(dir / "iamglass");
  touch(dir / "postlist.glass");
  touch(dir / "keep.jsonl");
  EXPECT_FALSE(remove_database_dir(dir));
  EXPECT_FALSE(fs::exists(dir / "iamglass"));
  EXPECT_TRUE(fs::exists(dir / "keep.jsonl"));
  EXPECT_TRUE(fs::exists(dir / "sub"));
  fs::remove(dir / "keep.jsonl");
  fs::remove(dir / "sub");
  EXPECT_TRUE(remove_database_dir(dir));
  EXPECT_FALSE(fs::exists(dir));
}

}  // namespace
}  // namespace newsindex::internal
