// The fixture archive in tests/golden/readers/archive/ (one small file per
// format, written for these tests) read as a folder must give exactly
// tests/golden/readers/archive.golden. Regenerate after an intended change
// with NEWSINDEX_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>

#include "readers/reader_test_util.h"
#include "testing/test_paths.h"

namespace newsindex::testing {
namespace {

TEST(ArchiveGolden, FolderOfAllFormatsMatchesGolden) {
  const auto dir = source_dir() / "tests/golden/readers/archive";
  const auto golden = source_dir() / "tests/golden/readers/archive.golden";
  const ReadResult r = read_all({dir.string()});
  ASSERT_TRUE(r.status.ok()) << r.status.to_string();
  std::string got;
  const std::string prefix = dir.string() + "/";
  for (const Article& a : r.articles) got += describe(a);
  for (const ReadIssue& i : r.notes) got += describe(i, prefix);
  for (const ReadIssue& i : r.skipped) got += describe(i, prefix);
  if (std::getenv("NEWSINDEX_UPDATE_GOLDEN") != nullptr) {
    write_file(golden, got);
    GTEST_SKIP() << "rewrote " << golden;
  }
  EXPECT_EQ(got, read_text(golden));
}

}  // namespace
}  // namespace newsindex::testing
