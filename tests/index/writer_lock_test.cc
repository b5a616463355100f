// WriterLock: one newsindex writer per database, held across bulk mode's
// folder swap; released when the holder goes.
#include "index/writer_lock.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "newsindex/writer.h"
#include "testing/test_paths.h"

namespace newsindex::internal {
namespace {

namespace fs = std::filesystem;

TEST(WriterLock, OneHolderAtATime) {
  const std::string db = (testing::fresh_dir("writer_lock") / "db").string();
  auto first = WriterLock::take(db);
  ASSERT_TRUE(first.ok()) << first.status().to_string();
  EXPECT_TRUE(first->held());
  EXPECT_TRUE(fs::exists(db + ".newsindex-lock"));
  auto second = WriterLock::take(db + "/");  // the same database, spelt with a slash
  EXPECT_EQ(second.status().code(), StatusCode::kLocked);
  EXPECT_NE(second.status().message().find("another newsindex writer"), std::string::npos);
  { WriterLock gone = std::move(*first); }  // released with its holder
  auto third = WriterLock::take(db);
  ASSERT_TRUE(third.ok()) << third.status().to_string();
  EXPECT_TRUE(third->held());
}

TEST(WriterLock, ASecondIndexWriterIsRefusedByIt) {
  const std::string db = (testing::fresh_dir("writer_lock_writers") / "db").string();
  auto w = IndexWriter::open(db);
  ASSERT_TRUE(w.ok()) << w.status().to_string();
  auto again = IndexWriter::open(db);
  EXPECT_EQ(again.status().code(), StatusCode::kLocked);
  EXPECT_NE(again.status().message().find(db + ".newsindex-lock"), std::string::npos)
      << again.status().message();
  w->reset();
  EXPECT_TRUE(IndexWriter::open(db).ok());
}

}  // namespace
}  // namespace newsindex::internal
