// UTF-8 decoding, encoding, validation and repair (util/utf8.h): the one
// decoder the readers and the analysis scanner share.
#include "util/utf8.h"

#include <gtest/gtest.h>

namespace newsindex::internal {
namespace {

Decoded decode(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  return decode_utf8(p, p + s.size());
}

TEST(Utf8Decode, Table) {
  const struct {
    std::string_view bytes;
    char32_t cp;
    int length;
    bool valid;
  } cases[] = {
      {"a", U'a', 1, true},
      {"\xC3\xA9", U'é', 2, true},
      {"\xE2\x80\x99", 0x2019, 3, true},
      {"\xF0\x9F\x98\x80", 0x1F600, 4, true},
      {std::string_view("\0x", 2), 0, 1, true},          // NUL is a code point here
      {"\xC0\xAF", kReplacementChar, 1, false},          // overlong lead
      {"\xE0\x80\xAF", kReplacementChar, 1, false},      // overlong 3-byte
      {"\xED\xA0\x80", kReplacementChar, 1, false},      // surrogate
      {"\xF4\x90\x80\x80", kReplacementChar, 1, false},  // above U+10FFFF
      {"\x80", kReplacementChar, 1, false},              // lone continuation
      {"\xE2\x82", kReplacementChar, 2, false},          // truncated at the end
      {"\xE2\x82x", kReplacementChar, 2, false},         // truncated before x
      {"\xF0\x9F\x98", kReplacementChar, 3, false},      // truncated 4-byte
      {"\xFF", kReplacementChar, 1, false},
  };
  for (const auto& c : cases) {
    const Decoded d = decode(c.bytes);
    EXPECT_EQ(d.cp, c.cp) << c.bytes;
    EXPECT_EQ(d.length, c.length) << c.bytes;
    EXPECT_EQ(d.valid, c.valid) << c.bytes;
  }
}

TEST(Utf8Append, EncodesEveryLengthAndDecodesBack) {
  const struct {
    char32_t cp;
    std::string_view bytes;
  } cases[] = {
      {U'a', "a"},
      {U'é', "\xC3\xA9"},
      {0x7FF, "\xDF\xBF"},
      {0x2019, "\xE2\x80\x99"},
      {kReplacementChar, "\xEF\xBF\xBD"},
      {0x1F600, "\xF0\x9F\x98\x80"},
      {0x10FFFF, "\xF4\x8F\xBF\xBF"},
  };
  for (const auto& c : cases) {
    std::string out = "x";
    append_utf8(c.cp, out);
    EXPECT_EQ(out, "x" + std::string(c.bytes)) << static_cast<std::uint32_t>(c.cp);
    const Decoded d = decode(c.bytes);
    EXPECT_TRUE(d.valid);
    EXPECT_EQ(d.cp, c.cp);
    EXPECT_EQ(d.length, c.bytes.size());
  }
}

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
      {"één\xC3", "één" + r, 1},                   // valid text, then a cut-off é
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
