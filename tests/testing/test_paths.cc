// Test data locations, fixed at configure time.
#include "testing/test_paths.h"

#include <unistd.h>

#include <cstdlib>
#include <string>

namespace newsindex::testing {

std::filesystem::path source_dir() { return NEWSINDEX_SOURCE_DIR; }

std::filesystem::path shared_dir() {
  std::filesystem::path p = NEWSINDEX_SHARED_DIR;
  if (const char* env = std::getenv("NEWSINDEX_SHARED")) p = env;
  std::error_code ec;
  if (!std::filesystem::is_directory(p / "corpora", ec)) return {};
  return p;
}

std::string shared_missing_message() {
  return std::string("../shared is absent (looked in ") + NEWSINDEX_SHARED_DIR +
         " and $NEWSINDEX_SHARED): this test needs the real corpora";
}

std::filesystem::path cli_path() { return NEWSINDEX_CLI_PATH; }

std::filesystem::path fresh_dir(const std::string& name) {
  // CTest runs each test in its own process, several at once (-j): the pid
  // keeps two processes of one fixture from sharing (and wiping) a directory.
  std::filesystem::path p = std::filesystem::path(NEWSINDEX_BINARY_DIR) / "test-tmp" /
                            (name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p;
}

}  // namespace newsindex::testing
