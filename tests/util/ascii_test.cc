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

// The eight-bytes-at-a-time lowering gives lower_ascii() of every byte: all
// 256 byte values at every position of a word, and every length's tail.
TEST(Ascii, LowerIntoIsLowerOfEveryByte) {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  for (std::size_t shift = 0; shift < 9; ++shift) {
    const std::string in = std::string(shift, 'Q') + all + all;
    for (std::size_t len : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{8},
                            std::size_t{9}, std::size_t{100}, in.size()}) {
      const std::string_view part = std::string_view(in).substr(0, len);
      std::string out(len, '\0');
      lower_ascii_into(part, out.data());
      EXPECT_EQ(out, lower_ascii(part)) << "shift " << shift << " length " << len;
    }
  }
}

}  // namespace
}  // namespace newsindex::internal
