// testing/test_paths.h: where tests find their data.
#ifndef NEWSINDEX_TESTS_TEST_PATHS_H_
#define NEWSINDEX_TESTS_TEST_PATHS_H_

#include <filesystem>
#include <string>

namespace newsindex::testing {

// The source tree (for corpora/sample, tests/golden).
std::filesystem::path source_dir();
// ../shared beside the source tree, or $NEWSINDEX_SHARED when set; empty
// when absent (tests then GTEST_SKIP with shared_missing_message()).
std::filesystem::path shared_dir();
std::string shared_missing_message();
// The newsindex command, empty when tools are not built.
std::filesystem::path cli_path();
// A fresh, empty directory under the build tree's test-tmp/, unique to this
// process (so parallel ctest jobs never share one): name it after the test.
std::filesystem::path fresh_dir(const std::string& name);

}  // namespace newsindex::testing

// Skips the current test when ../shared is absent.
#define NEWSINDEX_REQUIRE_SHARED()                                   \
  do {                                                               \
    if (::newsindex::testing::shared_dir().empty())                  \
      GTEST_SKIP() << ::newsindex::testing::shared_missing_message(); \
  } while (0)

#endif  // NEWSINDEX_TESTS_TEST_PATHS_H_
