// index/band_table.h: the near-duplicate candidate table.
#include "index/band_table.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <map>
#include <vector>

namespace newsindex::internal::dedup {
namespace {

// Articles get 3 keys each from a small key space, so many keys are shared
// by many articles and the table grows several times; for every key,
// for_each must give exactly the articles added under it, in the order added
// (ClusterIndex's first-copy rule depends on it), like a std::multimap.
TEST(BandTable, GivesEachKeysArticlesInTheOrderAddedAcrossGrowths) {
  struct Case {
    const char* name;
    std::uint32_t articles;
    std::uint64_t distinct_keys;
    std::uint64_t spread;  // multiplier: how keys spread over the fingerprint bits
  };
  const std::vector<Case> cases = {
      {"few keys, crowded runs", 2000, 50, 0x9E3779B97F4A7C15ull},
      {"many keys", 5000, 100000, 0x9E3779B97F4A7C15ull},
      // Keys whose high halves differ only in the low bits: neighbouring
      // home slots, long probe runs that wrap around the table's end.
      {"clustered fingerprints", 3000, 700, std::uint64_t{1} << 32},
      // Fingerprints just below 2^32: every home slot is at the table's
      // end, so the probe runs wrap around to its start.
      {"runs across the end", 3000, 7, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    BandTable table;
    std::multimap<std::uint64_t, std::uint32_t> want;
    std::uint64_t x = 12345;
    for (std::uint32_t a = 0; a < c.articles; ++a) {
      std::array<std::uint64_t, 3> keys{};
      for (auto& k : keys) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        const std::uint64_t n = (x >> 20) % c.distinct_keys + 1;
        k = c.spread != 0 ? n * c.spread : (0xFFFFFFFFull - n) << 32 | n;
        want.emplace(k, a);
      }
      table.insert(keys, a);
    }
    EXPECT_EQ(table.size(), std::size_t{c.articles} * 3);
    for (auto it = want.begin(); it != want.end(); it = want.upper_bound(it->first)) {
      std::vector<std::uint32_t> expected, got;
      for (auto r = want.equal_range(it->first); r.first != r.second; ++r.first) {
        expected.push_back(r.first->second);
      }
      table.for_each(it->first, [&](std::uint32_t i) {
        got.push_back(i);
        return true;
      });
      ASSERT_EQ(got, expected) << "key " << it->first;
    }
    // Stops when f returns false.
    int calls = 0;
    table.for_each(want.begin()->first, [&](std::uint32_t) { return ++calls < 2; });
    EXPECT_EQ(calls, std::min<int>(2, static_cast<int>(want.count(want.begin()->first))));
  }
}

}  // namespace
}  // namespace newsindex::internal::dedup
