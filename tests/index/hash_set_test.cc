// index/hash_set.h: the flat set of id hashes that bulk mode keeps.
#include "index/hash_set.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <vector>

namespace newsindex::internal {
namespace {

// Each row inserts its hashes in order; insert() must say whether each was
// new, and afterwards contains() must agree with std::set for every hash
// inserted and for a probe list of absent ones.
TEST(HashSet, AgreesWithStdSet) {
  struct Case {
    const char* name;
    std::vector<std::uint64_t> hashes;
  };
  std::vector<std::uint64_t> many;  // past several growths, with repeats
  for (std::uint64_t i = 0; i < 5000; ++i) many.push_back((i % 3000) * 0x100000001ull);
  std::vector<std::uint64_t> same_low_bits;  // differ only in the high half
  for (std::uint64_t i = 0; i < 3000; ++i) same_low_bits.push_back(i << 40 | 7);
  const std::vector<Case> cases = {
      {"empty", {}},
      {"zero and one", {0, 1, 0, 2}},
      {"repeats", {5, 5, 5, 6, 5}},
      {"many with repeats", many},
      {"same low bits", same_low_bits},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    HashSet set;
    std::set<std::uint64_t> want;
    for (std::uint64_t h : c.hashes) {
      // 0 and 1 are one hash (0 is stored as 1).
      const std::uint64_t key = h == 0 ? 1 : h;
      EXPECT_EQ(set.insert(h), want.insert(key).second) << h;
    }
    EXPECT_EQ(set.size(), want.size());
    for (std::uint64_t h : c.hashes) EXPECT_TRUE(set.contains(h)) << h;
    for (std::uint64_t absent : {std::uint64_t{3}, std::uint64_t{0xFFFFFFFFFFFFFFFF},
                                 std::uint64_t{12345} << 40 | 8}) {
      EXPECT_EQ(set.contains(absent), want.count(absent) > 0) << absent;
    }
    set.clear();
    EXPECT_EQ(set.size(), 0u);
    for (std::uint64_t h : c.hashes) EXPECT_FALSE(set.contains(h)) << h;
  }
}

}  // namespace
}  // namespace newsindex::internal
