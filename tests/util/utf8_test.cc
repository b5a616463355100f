// UTF-8 validation and repair.
#include "readers/utf8.h"

#include <gtest/gtest.h>

namespace newsindex::internal {
namespace {

TEST(Utf8, ValidTextIsUntouched) {
  std::string s = "efficiënte één €5 — 🙂";
  EXPECT_TRUE(is_valid_utf8(s));
  EXPECT_EQ(repair_utf8(s), 0u);
  EXPECT_EQ(s, "efficiënte één €5 — 🙂");
}

TEST(Utf8, RepairsEachIllFormedSubpart) {
  struct Case {
    std::string in, out;
    std::size_t replaced;
  };
  const std::string r = "\xEF\xBF\xBD";
  const Case cases[] = {
      {"caf\xE9", "caf" + r, 1},  // Latin-1 é
      {"a\xFF"
       "b",
       "a" + r + "b", 1},              // never valid
      {"\xC0\xAF", r + r, 2},          // overlong '/'
      {"\xED\xA0\x80", r + r + r, 3},  // a surrogate
      {"\xE2\x82", r, 1},              // truncated € at the end
      {"\xE2\x82"
       "x",
       r + "x", 1},                                // truncated € mid-text
      {"\xF4\x90\x80\x80", r + r + r + r, 4},      // above U+10FFFF
      {std::string("a\0b", 3), "a" + r + "b", 1},  // NUL
      {"\x80\x80", r + r, 2},                      // stray continuation bytes
  };
  for (const Case& c : cases) {
    std::string s = c.in;
    EXPECT_FALSE(is_valid_utf8(s));
    EXPECT_EQ(repair_utf8(s), c.replaced);
    EXPECT_EQ(s, c.out);
    EXPECT_TRUE(is_valid_utf8(s));
  }
}

}  // namespace
}  // namespace newsindex::internal
