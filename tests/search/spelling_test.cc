// Edit distance and "did you mean" over an index vocabulary.
#include "search/spelling.h"

#include <gtest/gtest.h>

#include "testing/fake_analyzer.h"
#include "testing/test_paths.h"

namespace newsindex::internal {
namespace {

TEST(Spelling, EditDistance) {
  struct Case {
    const char* a;
    const char* b;
    std::size_t limit, expected;
  };
  const Case kCases[] = {
      {"missie", "missie", 2, 0}, {"misie", "missie", 2, 1}, {"msisie", "missie", 2, 1},
      {"missie", "misise", 2, 1}, {"navo", "nato", 2, 1},    {"abc", "xyz", 2, 3},
      {"", "ab", 2, 2},           {"a", "abcdef", 2, 3},     {"verkiezing", "verkeizing", 1, 1},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(edit_distance(c.a, c.b, c.limit), c.expected) << c.a << " " << c.b;
  }
}

TEST(Spelling, ClosestFrequentWord) {
  std::string path = testing::fresh_dir("spelling_vocab").string();
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    auto add = [&](std::initializer_list<const char*> words, int copies) {
      for (int i = 0; i < copies; ++i) {
        Xapian::Document d;
        for (const char* w : words) d.add_term(w);
        db.add_document(d);
      }
    };
    add({"missie", "Zmissi"}, 5);
    add({"missive"}, 1);
    add({"verkiezing", "Zverkiez"}, 3);
    add({"navo"}, 2);
    db.commit();
  }
  Xapian::Database db(path);
  testing::FakeAnalyzer a;
  EXPECT_EQ(closest_word(db, "misie"), "missie");
  EXPECT_EQ(closest_word(db, "verkeizing"), "verkiezing");
  EXPECT_EQ(closest_word(db, "nava"), "navo");
  EXPECT_EQ(closest_word(db, "xyzzy"), "");
  EXPECT_EQ(suggest(db, a, {"misie", "verkiezing"}), "missie verkiezing");
  EXPECT_EQ(suggest(db, a, {"missie"}), "");
  EXPECT_EQ(suggest(db, a, {"xyzzy"}), "");
}

}  // namespace
}  // namespace newsindex::internal
