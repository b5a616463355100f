// The term cache: lookups, growth, and views that survive growth.
#include "analysis/term_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsindex::internal::analysis {
namespace {

TEST(TermCache, InsertFindGrowClear) {
  TermCache c;
  std::vector<std::string_view> stems;
  for (int i = 0; i < 20000; ++i) {
    const std::string term = "woord" + std::to_string(i);
    const std::string stem = "stam" + std::to_string(i);
    ASSERT_EQ(c.find(term), nullptr);
    CachedTerm e;
    e.term = term;
    e.stem = stem;
    e.stopword = i % 7 == 0;
    std::vector<CachedPart> parts;
    if (i % 3 == 0) parts.push_back({"deel", "del"});
    const CachedTerm* got = c.insert(e, parts);
    stems.push_back(got->stem);
  }
  EXPECT_EQ(c.size(), 20000u);
  for (int i = 0; i < 20000; ++i) {
    const std::string term = "woord" + std::to_string(i);
    const CachedTerm* e = c.find(term);
    ASSERT_NE(e, nullptr) << term;
    EXPECT_EQ(e->stem, "stam" + std::to_string(i));
    EXPECT_EQ(stems[i], e->stem);  // arena strings never move
    EXPECT_EQ(e->stopword, i % 7 == 0);
    EXPECT_EQ(e->parts_count, i % 3 == 0 ? 1u : 0u);
    if (e->parts_count) {
      EXPECT_EQ(c.parts(*e)[0].stem, "del");
    }
  }
  const std::string big(100000, 'x');
  CachedTerm e;
  e.term = big;
  e.stem = big;
  EXPECT_EQ(c.insert(e, {})->term, big);
  EXPECT_NE(c.find(big), nullptr);
  c.clear();
  EXPECT_EQ(c.find("woord1"), nullptr);
  EXPECT_EQ(c.size(), 0u);
}

}  // namespace
}  // namespace newsindex::internal::analysis
