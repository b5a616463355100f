// The stored article text: round trips, and damaged values that must decode
// to "nothing" rather than crash or return garbage.
#include "index/stored_text.h"

#include <gtest/gtest.h>

#include <string>

namespace newsindex::internal {
namespace {

TEST(StoredText, RoundTrips) {
  std::string long_text;
  for (int i = 0; i < 20000; ++i) long_text += "De NAVO breidt de trainingsmissie uit. ";
  const std::string texts[] = {
      "a",
      "Één efficiënte Ĳsselmeer-tekst met auto's en 's-Hertogenbosch.",
      std::string("met\0nul", 7),
      long_text,
  };
  for (const std::string& text : texts) {
    const std::string value = encode_stored_text(text);
    ASSERT_FALSE(value.empty());
    std::string out = "stale";
    ASSERT_TRUE(decode_stored_text(value, &out)) << text.substr(0, 20);
    EXPECT_EQ(out, text);
  }
  EXPECT_LT(encode_stored_text(long_text).size(), long_text.size() / 20);  // it compresses
  EXPECT_EQ(encode_stored_text(""), "");
}

TEST(StoredText, DamagedValuesDecodeToNothing) {
  const std::string good = encode_stored_text("Een tekst die lang genoeg is om te knippen.");
  std::string wrong_length = good;
  wrong_length[1] = static_cast<char>(wrong_length[1] + 1);
  std::string huge_length = good;
  huge_length[4] = '\x7f';
  std::string flipped = good;
  flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x55);
  const std::string damaged[] = {
      "",
      "z",
      std::string("z\0\0\0\0", 5),
      "x" + good.substr(1),          // unknown format
      good.substr(0, good.size() - 3),  // cut off
      wrong_length,
      huge_length,
      flipped,
      std::string("z\x05\0\0\0", 5) + "not zlib at all",
  };
  for (const std::string& value : damaged) {
    std::string out = "stale";
    EXPECT_FALSE(decode_stored_text(value, &out)) << testing::PrintToString(value);
    EXPECT_EQ(out, "");
  }
}

}  // namespace
}  // namespace newsindex::internal
