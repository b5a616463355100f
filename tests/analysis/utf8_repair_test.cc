// Ill-formed UTF-8: repaired (as U+FFFD separators), counted, never a crash;
// byte offsets always point into the original input.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "analysis/utf8_decode.h"
#include "analysis_test_util.h"

namespace newsindex::internal::analysis {
namespace {

Decoded decode(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  return decode_utf8(p, p + s.size());
}

TEST(Utf8Decode, Table) {
  const struct {
    const char* bytes;
    char32_t cp;
    int length;
    bool valid;
  } cases[] = {
      {"a", U'a', 1, true},
      {"\xC3\xA9", U'é', 2, true},
      {"\xE2\x80\x99", 0x2019, 3, true},
      {"\xF0\x9F\x98\x80", 0x1F600, 4, true},
      {"\xC0\xAF", kReplacementChar, 1, false},          // overlong lead
      {"\xE0\x80\xAF", kReplacementChar, 1, false},      // overlong 3-byte
      {"\xED\xA0\x80", kReplacementChar, 1, false},      // surrogate
      {"\xF4\x90\x80\x80", kReplacementChar, 1, false},  // above U+10FFFF
      {"\x80", kReplacementChar, 1, false},              // lone continuation
      {"\xE2\x82", kReplacementChar, 2, false},          // truncated at the end
      {"\xE2\x82x", kReplacementChar, 2, false},         // truncated before x
      {"\xFF", kReplacementChar, 1, false},
  };
  for (const auto& c : cases) {
    const Decoded d = decode(c.bytes);
    EXPECT_EQ(d.cp, c.cp) << c.bytes;
    EXPECT_EQ(d.length, c.length) << c.bytes;
    EXPECT_EQ(d.valid, c.valid) << c.bytes;
  }
}

struct RepairCase {
  std::string input;
  std::string expected;
  std::size_t repaired;
};

TEST(Utf8Repair, TokensAndCounts) {
  ASSERT_TRUE(testing::default_analyzer_ok());
  const RepairCase cases[] = {
      {"caf\xE9 au lait", "caf[1] au[2] lait[3]", 1},  // Latin-1 é
      {"\xFF\xFE", "", 2},
      {"auto\x80's", "auto[1] 's[2]", 1},
      {"ge\xC3\xA9\xC3", "gee[1]", 1},  // é ok (folded), then a truncated sequence
      {"\xED\xA0\x80vrede", "vrede[1]", 3},
      {std::string("nul\0byte", 8), "nul[1] byte[2]", 0},
  };
  auto ts = testing::default_analyzer().stream();
  for (const auto& c : cases) {
    EXPECT_EQ(testing::render(testing::default_analyzer(), c.input), c.expected) << c.input;
    ts->reset(c.input);
    while (ts->next()) {
    }
    EXPECT_EQ(ts->repaired(), c.repaired) << c.input;
  }
  ts->reset("schoon");
  EXPECT_EQ(ts->repaired(), 0u) << "reset() starts the count over";
}

TEST(Utf8Repair, EmptyTextGivesNoTokens) {
  ASSERT_TRUE(testing::default_analyzer_ok());
  auto ts = testing::default_analyzer().stream();
  ts->reset("", 7);
  EXPECT_FALSE(ts->next());
  EXPECT_EQ(ts->next_position(), 7u);
  EXPECT_EQ(ts->repaired(), 0u);
}

bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    const Decoded d = decode_utf8(p, end);
    if (!d.valid) return false;
    p += d.length;
  }
  return true;
}

// Random bytes mixed with Dutch fragments (fixed seed): every token is
// non-empty valid UTF-8 of at most 245 bytes, its offsets are inside the
// input, positions never go backwards.
TEST(Utf8Repair, RandomBytesNeverBreakTheStream) {
  ASSERT_TRUE(testing::default_analyzer_ok());
  std::mt19937 rng(20261127);
  const char* fragments[] = {"auto's ", "INF-", "verdrag", "’s-", "é", "\xE2\x80", "13u48",
                             "http://x.nl/", "@", "#", "'", "-", ".", ",", "中文", "ĳ"};
  auto ts = testing::default_analyzer().stream();
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      if (rng() % 2 == 0) {
        text += fragments[rng() % std::size(fragments)];
      } else {
        text += static_cast<char>(rng() % 256);
      }
    }
    ts->reset(text, 1);
    std::uint32_t last = 1;
    while (ts->next()) {
      const Token& t = ts->token();
      ASSERT_FALSE(t.term.empty());
      ASSERT_LE(t.term.size(), 245u);
      ASSERT_TRUE(valid_utf8(t.term)) << "round " << round;
      ASSERT_LE(t.start, t.end);
      ASSERT_LE(t.end, text.size());
      ASSERT_GE(t.position, last);
      ASSERT_TRUE(valid_utf8(std::string_view(text).substr(t.start, t.end - t.start)));
      last = t.position;
    }
  }
}

TEST(Utf8Repair, OverlongTokensAreDropped) {
  ASSERT_TRUE(testing::default_analyzer_ok());
  const std::string longword(300, 'a');
  EXPECT_EQ(testing::render(testing::default_analyzer(), "kort " + longword + " eind"),
            "kort[1] eind[3]");
  const std::string longurl = "https://nu.nl/" + std::string(300, 'x');
  EXPECT_EQ(testing::render(testing::default_analyzer(), longurl), "nu[1] nl[2]");
}

}  // namespace
}  // namespace newsindex::internal::analysis
