// Snowball Dutch through libstemmer: pinned algorithm, the reference
// vocabulary, and the override list.
#include "analysis/stemmer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "analysis_test_util.h"
#include "testing/test_paths.h"

namespace newsindex::internal::analysis {
namespace {

TEST(Stemmer, PinsTheClassicPorterAlgorithm) {
  auto pinned = pin_dutch_porter();
  ASSERT_TRUE(pinned.ok()) << pinned.status().to_string();
  EXPECT_EQ(pinned->identity, "snowball-dutch-porter(libstemmer 2.2.0)");
  Stemmer s(pinned->algorithm, nullptr);
  // Porter and Kraaij-Pohlmann disagree on these (snowball-data dutch/ vs dutch_porter/).
  EXPECT_EQ(s.stem("aalsmeer"), "aalsmer");
  EXPECT_EQ(s.stem("aalmoezen"), "aalmoez");
}

// Every word of snowball-data's dutch_porter vocabulary stems to its
// reference output (45,670 words).
TEST(Stemmer, SnowballDutchPorterVocabulary) {
  NEWSINDEX_REQUIRE_SHARED();
  const auto dir = testing::shared_dir() / "testdata/snowball-dutch/dutch_porter";
  std::ifstream voc(dir / "voc.txt"), out(dir / "output.txt");
  ASSERT_TRUE(voc && out) << "missing " << dir;
  auto pinned = pin_dutch_porter();
  ASSERT_TRUE(pinned.ok());
  Stemmer s(pinned->algorithm, nullptr);
  std::string word, expected;
  std::size_t n = 0, wrong = 0;
  while (std::getline(voc, word)) {
    ASSERT_TRUE(static_cast<bool>(std::getline(out, expected))) << "output.txt is shorter";
    ++n;
    if (s.snowball(word) != expected) {
      if (++wrong <= 10)
        ADD_FAILURE() << word << " -> " << s.snowball(word) << ", expected " << expected;
    }
  }
  EXPECT_EQ(n, 45670u);
  EXPECT_EQ(wrong, 0u);
}

struct Conflation {
  const char* a;
  const char* b;
  bool same;
};

// Known bad conflations of Porter's algorithm, and the ones Lucene's
// DutchAnalyzer adds by default.
TEST(StemOverrides, BuiltinListFixesKnownConflations) {
  ASSERT_TRUE(testing::default_analyzer_ok());
  const Analyzer& a = testing::default_analyzer();
  const Conflation cases[] = {
      {"bomen", "bom", false},  {"boom", "bom", false},         {"bomen", "boom", true},
      {"bommen", "bomen", false},  {"fiets", "fietsen", true},      {"bromfiets", "bromfietsen", true},
      {"ei", "eieren", true},   {"kind", "kinderen", true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(a.stem(c.a) == a.stem(c.b), c.same)
        << c.a << " -> " << a.stem(c.a) << ", " << c.b << " -> " << a.stem(c.b);
  }
  EXPECT_EQ(a.stem("fiets"), "fiets");  // Snowball alone says "fiet"
}

// Without the overrides Snowball alone gets these wrong (so the test above
// can fail).
TEST(StemOverrides, SnowballAloneConflatesThem) {
  auto pinned = pin_dutch_porter();
  ASSERT_TRUE(pinned.ok());
  Stemmer s(pinned->algorithm, nullptr);
  EXPECT_EQ(std::string(s.stem("bomen")), std::string(s.stem("bom")));
  EXPECT_NE(std::string(s.stem("kind")), std::string(s.stem("kinderen")));
  EXPECT_NE(std::string(s.stem("ei")), std::string(s.stem("eieren")));
  EXPECT_EQ(s.stem("fiets"), "fiet");
}

TEST(StemOverrides, ParsesWordStemLines) {
  StemOverrides o;
  ASSERT_TRUE(o.parse("# comment\n\nAuto wagen\n  bom\texplosief  # bomb\n", "x").ok());
  ASSERT_NE(o.find("auto"), nullptr);
  EXPECT_EQ(*o.find("auto"), "wagen");
  EXPECT_EQ(*o.find("bom"), "explosief");
  EXPECT_EQ(o.find("fiets"), nullptr);
  const Status bad = o.parse("auto\nbom bom extra\n", "list.txt");
  EXPECT_EQ(bad.code(), StatusCode::kParseError);
  EXPECT_NE(bad.message().find("list.txt:1"), std::string::npos) << bad.message();
}

TEST(StemOverrides, LoadableFromAFileThroughOptions) {
  const auto dir = testing::fresh_dir("stem_overrides_file");
  const std::string path = (dir / "overrides.txt").string();
  {
    std::ofstream out(path);
    out << "# user list\nauto wagen\nbomen boom\n";
  }
  AnalyzerOptions o;
  o.stem_overrides_path = path;
  auto a = Analyzer::create(o);
  ASSERT_TRUE(a.ok()) << a.status().to_string();
  EXPECT_EQ((*a)->stem("auto"), "wagen");
  EXPECT_EQ((*a)->stem("auto's"), "wagen");
  EXPECT_EQ((*a)->stem("kind"), "kinder");  // the built-in list still applies
  EXPECT_NE((*a)->identity().find(" overrides="), std::string::npos);
  EXPECT_NE((*a)->identity(), testing::default_analyzer().identity());

  o.stem_overrides_path = (dir / "missing.txt").string();
  auto missing = Analyzer::create(o);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);

  const std::string bad = (dir / "bad.txt").string();
  {
    std::ofstream out(bad);
    out << "auto wagen\nthree fields here\n";
  }
  o.stem_overrides_path = bad;
  auto malformed = Analyzer::create(o);
  ASSERT_FALSE(malformed.ok());
  EXPECT_EQ(malformed.status().code(), StatusCode::kParseError);
  EXPECT_NE(malformed.status().message().find("bad.txt:2"), std::string::npos);
}

TEST(Stemmer, StemsInTheTokenStream) {
  ASSERT_TRUE(testing::default_analyzer_ok());
  auto ts = testing::default_analyzer().stream();
  ts->reset("bomen auto's NAVO's zo'n 13u48 lopen");
  const char* stems[] = {"boom", "auto", "auto", "navo", "navo", "zo'n", "13u48", "lop"};
  std::size_t i = 0;
  while (ts->next()) {
    ASSERT_LT(i, std::size(stems));
    EXPECT_EQ(ts->token().stem, stems[i]) << ts->token().term;
    ++i;
  }
  EXPECT_EQ(i, std::size(stems));
}

}  // namespace
}  // namespace newsindex::internal::analysis
