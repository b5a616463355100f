// The ASCII helpers (util/ascii.h) the readers, analysis and query language
// share: white space is the C locale's six bytes, and no byte of a UTF-8
// sequence is ever space or changes case.
#include "util/ascii.h"

#include <gtest/gtest.h>

namespace newsindex::internal {
namespace {

TEST(Ascii, SpaceIsTheSixCLocaleBytes) {
  for (int c = 0; c < 256; ++c) {
    const bool expected =
        c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
    EXPECT_EQ(is_ascii_space(static_cast<char>(c)), expected) << "byte " << c;
  }
}

TEST(Ascii, TrimTable) {
  const struct {
    std::string_view in, out;
  } cases[] = {
      {"", ""},
      {" \t\r\n\f\v", ""},
      {"  NAVO  ", "NAVO"},
      {"\tauto's\r\n", "auto's"},
      {"a b", "a b"},                          // inner space stays
      {"\xC2\xA0" "x\xC2\xA0", "\xC2\xA0" "x\xC2\xA0"},  // no-break space is not ASCII space
  };
  for (const auto& c : cases) EXPECT_EQ(trim_ascii(c.in), c.out) << "'" << c.in << "'";
}

TEST(Ascii, LowerTable) {
  const struct {
    std::string_view in, out;
  } cases[] = {
      {"", ""},
      {"NAVO's", "navo's"},
      {"Bron:ANP", "bron:anp"},
      {"\xC3\x89\xC3\xA9N", "\xC3\x89\xC3\xA9n"},  // "ÉéN": only the ASCII N changes
      {"@[`{Z", "@[`{z"},                          // the bytes around A-Z stay
  };
  for (const auto& c : cases) EXPECT_EQ(lower_ascii(c.in), c.out) << "'" << c.in << "'";
}

}  // namespace
}  // namespace newsindex::internal
