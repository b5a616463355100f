// The version is written once, in project(VERSION): the runtime string and the
// generated header must both say what CMake says.
#include "newsindex/version.h"

#include <gtest/gtest.h>

#include <string>

namespace newsindex {
namespace {

TEST(VersionTest, RuntimeVersionIsTheCMakeProjectVersion) {
  EXPECT_EQ(version(), NEWSINDEX_PROJECT_VERSION);
}

TEST(VersionTest, HeaderMacrosAreTheCMakeProjectVersion) {
  EXPECT_EQ(NEWSINDEX_VERSION_STRING, std::string(NEWSINDEX_PROJECT_VERSION));
  EXPECT_EQ(std::to_string(NEWSINDEX_VERSION_MAJOR) + "." +
                std::to_string(NEWSINDEX_VERSION_MINOR) + "." +
                std::to_string(NEWSINDEX_VERSION_PATCH),
            NEWSINDEX_PROJECT_VERSION);
}

}  // namespace
}  // namespace newsindex
