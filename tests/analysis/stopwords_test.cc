// Snowball's Dutch stop list, embedded, and the stopword flag on tokens.
#include "analysis/stopwords.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "analysis_test_util.h"
#include "testing/test_paths.h"

namespace newsindex::internal::analysis {
namespace {

TEST(Stopwords, EmbeddedListMatchesSnowballsFile) {
  NEWSINDEX_REQUIRE_SHARED();
  std::ifstream in(testing::shared_dir() / "testdata/snowball-dutch/stop.txt");
  ASSERT_TRUE(in);
  std::vector<std::string> words;
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('|'));
    const auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    words.push_back(line.substr(b, line.find_first_of(" \t\r", b) - b));
  }
  ASSERT_EQ(words.size(), dutch_stopword_count());
  for (std::size_t i = 0; i < words.size(); ++i) EXPECT_EQ(dutch_stopword(i), words[i]) << i;
}

TEST(Stopwords, Lookup) {
  EXPECT_EQ(dutch_stopword_count(), 101u);
  for (const char* w : {"de", "en", "van", "een", "voor", "geweest", "andere", "zijn", "kan"})
    EXPECT_TRUE(is_dutch_stopword(w)) << w;
  for (const char* w : {"één", "vóór", "dé", "minister", "", "d", "hebbenn", "De"})
    EXPECT_FALSE(is_dutch_stopword(w)) << w;
  for (const char* w : {"één", "vóór", "dé", "èn", "ná", "wíe"})
    EXPECT_TRUE(is_accented_dutch_stopword(w)) << w;
  for (const char* w : {"een", "café", "vóórstel", "", "ĳ", "naïef"})
    EXPECT_FALSE(is_accented_dutch_stopword(w)) << w;
}

TEST(Stopwords, TokensAreFlaggedNotDropped) {
  ASSERT_TRUE(testing::default_analyzer_ok());
  auto ts = testing::default_analyzer().stream();
  ts->reset("zo snel als mogelijk, één of vóór");
  std::string flags;
  while (ts->next()) flags += std::string(ts->token().term) + (ts->token().stopword ? "* " : " ");
  EXPECT_EQ(flags, "zo* snel als* mogelijk één of* vóór ");
  // Not through the stem either (Snowball alone stems één to "een").
  for (const char* w : {"één", "vóór", "dé", "èn", "ná"}) {
    EXPECT_EQ(testing::default_analyzer().stem(w), w);
  }
  EXPECT_EQ(testing::default_analyzer().stem("een"), "een");
  ts->reset("één");
  ASSERT_TRUE(ts->next());
  EXPECT_EQ(ts->token().stem, "één");
  EXPECT_TRUE(testing::default_analyzer().is_stopword("voor"));
  EXPECT_FALSE(testing::default_analyzer().is_stopword("vóór"));
}

}  // namespace
}  // namespace newsindex::internal::analysis
