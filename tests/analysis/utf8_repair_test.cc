// Ill-formed UTF-8 in the analyzer: repaired (as U+FFFD separators), counted,
// never a crash; byte offsets always point into the original input. The
// decoder itself is tested in tests/util/utf8_test.cc.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "analysis_test_util.h"
#include "util/utf8.h"

namespace newsindex::internal::analysis {
namespace {

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
