// WriterOptions::block_size: the block size of the tables of a database the
// writer creates (plain mode), of each bulk merge, and of compact_database();
// WriterOptions::docdata_block_size: the document data table's when bulk
// mode's own merge writes a new database.
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "index/xapian_writer.h"
#include "index_test_util.h"
#include "newsindex/writer.h"
#include "testing/child_process.h"
#include "testing/cli_runner.h"
#include "testing/fake_analyzer.h"
#include "testing/test_paths.h"

namespace newsindex::internal {
namespace {

// "16K": the block size xapian-check reports for DIR's TABLE (postlist,
// docdata, ...), or what went wrong. (The tool, not Xapian::Database::check:
// under ASan that reports a new-delete-type-mismatch inside libxapian.)
std::string table_block_size(const std::string& dir, const std::string& table) {
  testing::CliRun r =
      testing::run_shell("xapian-check " + testing::shell_quote(dir + "/" + table + ".glass"));
  if (r.code != 0 || r.all().find("No errors found") == std::string::npos) {
    return "xapian-check exit " + std::to_string(r.code) + ": " + r.all();
  }
  const std::string key = "blocksize=";
  const std::size_t at = r.out.find(key);
  if (at == std::string::npos) return "not reported: " + r.out;
  return r.out.substr(at + key.size(), r.out.find(' ', at) - at - key.size());
}

std::string postlist_block_size(const std::string& dir) {
  return table_block_size(dir, "postlist");
}

Status write_articles(const std::string& db, WriterOptions o, int from, int to) {
  auto w = XapianIndexWriter::open(db, o, testing::FakeAnalyzer::make());
  if (!w.ok()) return w.status();
  for (int i = from; i < to; ++i) {
    Status st = (*w)->add(testing::make_article("doc-" + std::to_string(i), "Titel",
                                                "Tekst over onderwerp " + std::to_string(i)));
    if (!st.ok()) return st;
  }
  return (*w)->commit();
}

TEST(BlockSize, DefaultIs16KiBWithRecordsIn8KiB) {
  EXPECT_EQ(WriterOptions().block_size, 16384u);
  EXPECT_EQ(WriterOptions().docdata_block_size, 8192u);
}

TEST(BlockSize, EachModeWritesTheBlockSizeAsked) {
  if (!testing::on_path("xapian-check")) GTEST_SKIP() << "xapian-check is not installed";
  struct Row {
    const char* name;
    bool bulk;
    bool direct_glass;
    std::uint32_t block_size;
    std::uint32_t docdata_block_size;
    const char* expected;          // every table but the document data
    const char* expected_docdata;  // the document data table
  };
  const std::uint32_t kBs = WriterOptions().block_size;
  const std::uint32_t kDocdata = WriterOptions().docdata_block_size;
  const Row kRows[] = {
      // Xapian's writer and its compaction write one size for all tables.
      {"plain, default", false, true, kBs, kDocdata, "16K", "16K"},
      {"plain, 8 KiB", false, true, 8192, kDocdata, "8K", "8K"},
      {"bulk (direct writer's merge), default", true, true, kBs, kDocdata, "16K", "8K"},
      {"bulk (direct writer's merge), 32 KiB", true, true, 32768, kDocdata, "32K", "8K"},
      {"bulk (direct writer's merge), records 0 = as the others", true, true, 32768, 0, "32K",
       "32K"},
      {"bulk (direct writer's merge), records in 4 KiB", true, true, kBs, 4096, "16K", "4K"},
      {"bulk through Xapian's compaction, 4 KiB", true, false, 4096, kDocdata, "4K", "4K"},
  };
  for (const Row& row : kRows) {
    const std::string db = testing::fresh_dir("block_size").string() + "/db";
    WriterOptions o;
    o.bulk = row.bulk;
    o.direct_glass = row.direct_glass;
    o.batch_size = 0;
    o.block_size = row.block_size;
    o.docdata_block_size = row.docdata_block_size;
    ASSERT_TRUE(write_articles(db, o, 0, 20).ok()) << row.name;
    EXPECT_EQ(postlist_block_size(db), row.expected) << row.name;
    EXPECT_EQ(table_block_size(db, "termlist"), row.expected) << row.name;
    EXPECT_EQ(table_block_size(db, "docdata"), row.expected_docdata) << row.name;
    EXPECT_EQ(Xapian::Database(db).get_doccount(), 20u) << row.name;
  }
}

// A bulk commit into a database that holds documents rewrites it (Xapian's
// compaction) in the writer's block size; plain mode keeps the database's own.
TEST(BlockSize, BulkRewritesAnExistingDatabasePlainKeepsIt) {
  if (!testing::on_path("xapian-check")) GTEST_SKIP() << "xapian-check is not installed";
  const std::string db = testing::fresh_dir("block_size_existing").string() + "/db";
  WriterOptions small;
  small.block_size = 4096;
  ASSERT_TRUE(write_articles(db, small, 0, 10).ok());
  ASSERT_EQ(postlist_block_size(db), "4K");
  WriterOptions plain;  // default block size: applies only to a new database
  ASSERT_TRUE(write_articles(db, plain, 10, 20).ok());
  EXPECT_EQ(postlist_block_size(db), "4K");
  WriterOptions bulk;
  bulk.bulk = true;
  bulk.batch_size = 0;
  ASSERT_TRUE(write_articles(db, bulk, 20, 30).ok());
  EXPECT_EQ(postlist_block_size(db), "16K");
  EXPECT_EQ(table_block_size(db, "docdata"), "16K");  // Xapian's compaction: one size
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 30u);
}

TEST(BlockSize, CompactionWritesTheWritersDefault) {
  if (!testing::on_path("xapian-check")) GTEST_SKIP() << "xapian-check is not installed";
  const std::string db = testing::fresh_dir("block_size_compact").string() + "/db";
  WriterOptions o;
  o.block_size = 8192;
  ASSERT_TRUE(write_articles(db, o, 0, 10).ok());
  ASSERT_TRUE(compact_database(db).ok());
  EXPECT_EQ(postlist_block_size(db), "16K");
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 10u);
}

TEST(BlockSize, OtherDocdataSizesAreRefusedByName) {
  for (std::uint32_t bs : {1024u, 3000u, 12288u, 131072u}) {
    const std::string db = testing::fresh_dir("docdata_block_size_bad").string() + "/db";
    WriterOptions o;
    o.bulk = true;
    o.docdata_block_size = bs;
    auto w = XapianIndexWriter::open(db, o, testing::FakeAnalyzer::make());
    ASSERT_FALSE(w.ok()) << bs;
    EXPECT_EQ(w.status().code(), StatusCode::kInvalidArgument) << bs;
    EXPECT_NE(w.status().message().find("docdata_block_size"), std::string::npos)
        << w.status().to_string();
    EXPECT_NE(w.status().message().find(std::to_string(bs)), std::string::npos)
        << w.status().to_string();
    EXPECT_NE(w.status().message().find(db), std::string::npos) << w.status().to_string();
  }
}

TEST(BlockSize, OtherSizesAreRefusedByName) {
  for (std::uint32_t bs : {0u, 1024u, 3000u, 12288u, 131072u}) {
    const std::string db = testing::fresh_dir("block_size_bad").string() + "/db";
    WriterOptions o;
    o.block_size = bs;
    auto w = XapianIndexWriter::open(db, o, testing::FakeAnalyzer::make());
    ASSERT_FALSE(w.ok()) << bs;
    EXPECT_EQ(w.status().code(), StatusCode::kInvalidArgument) << bs;
    EXPECT_NE(w.status().message().find("block_size"), std::string::npos) << w.status().to_string();
    EXPECT_NE(w.status().message().find(std::to_string(bs)), std::string::npos)
        << w.status().to_string();
    EXPECT_NE(w.status().message().find(db), std::string::npos) << w.status().to_string();
  }
}

}  // namespace
}  // namespace newsindex::internal
