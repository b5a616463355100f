// KeySearch finds what one memmem() pass per key finds: every occurrence,
// overlapping ones included, in order, at most `limit` per key.
#include "search/key_search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace newsindex::internal {
namespace {

// The reference: memmem from each position after the last occurrence.
std::string naive(std::string_view text, const std::vector<std::string>& keys, std::size_t limit) {
  std::string out;
  for (const std::string& k : keys) {
    out += k + ":";
    std::size_t n = 0;
    for (std::size_t p = 0; p + k.size() <= text.size() && n < limit; ++p) {
      const void* hit = memmem(text.data() + p, text.size() - p, k.data(), k.size());
      if (hit == nullptr) break;
      p = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
      out += " " + std::to_string(p);
      ++n;
    }
    out += ";";
  }
  return out;
}

std::string found(std::string_view text, const std::vector<std::string>& keys, std::size_t limit) {
  KeySearch s;
  s.set_keys(keys);
  s.find(text, limit);
  std::string out;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    out += keys[k] + ":";
    for (std::uint32_t p : s.positions(k)) out += " " + std::to_string(p);
    out += ";";
  }
  return out;
}

struct Case {
  std::string text;
  std::vector<std::string> keys;
  std::size_t limit;
  std::string want;
};

TEST(KeySearch, Table) {
  const Case cases[] = {
      {"trainingsmissie in de commissie", {"missi", "train"}, 100, "missi: 9 25;train: 0;"},
      // Overlapping occurrences, a key that is a prefix of another, the end.
      {"aaaa", {"aa", "aaa"}, 100, "aa: 0 1 2;aaa: 0 1;"},
      {"de nato en de navo", {"na", "nav", "de"}, 100, "na: 3 14;nav: 14;de: 0 11;"},
      // At most `limit` per key.
      {"ababababab", {"ab", "ba"}, 2, "ab: 0 2;ba: 1 3;"},
      // Across the 16-byte blocks and in the tail.
      {"xxxxxxxxxxxxxxxkey xxxxxxxxxxxxkey", {"key"}, 100, "key: 15 31;"},
      {"een \xC3\xA9\xC3\xA9n", {"\xC3\xA9\xC3\xA9n"}, 100, "\xC3\xA9\xC3\xA9n: 4;"},
      {"", {"ab"}, 100, "ab:;"},
      {"a", {"ab"}, 100, "ab:;"},
      {"ab", {"ab"}, 100, "ab: 0;"},
      {"no match here", {"zz"}, 100, "zz:;"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(found(c.text, c.keys, c.limit), c.want) << c.text;
    EXPECT_EQ(naive(c.text, c.keys, c.limit), c.want) << c.text;
  }
}

TEST(KeySearch, SameAsMemmemOnRandomText) {
  std::mt19937 rng(7);
  const std::string alphabet = "abn \xC3";
  for (int round = 0; round < 300; ++round) {
    std::string text(rng() % 120, ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    std::vector<std::string> keys;
    const std::size_t nkeys = 1 + rng() % 20;  // more than 16 pairs: the scalar path too
    for (std::size_t k = 0; k < nkeys; ++k) {
      std::string key(2 + rng() % 4, ' ');
      for (char& c : key) c = alphabet[rng() % alphabet.size()];
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
    const std::size_t limit = 1 + rng() % 40;
    ASSERT_EQ(found(text, keys, limit), naive(text, keys, limit)) << round;
  }
}

}  // namespace
}  // namespace newsindex::internal
