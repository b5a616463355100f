// AnalyzerOptions really switch features off, and identity() says which.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <thread>

#include "analysis_test_util.h"

namespace newsindex::testing {
namespace {

std::shared_ptr<const Analyzer> make(const AnalyzerOptions& o) {
  auto a = Analyzer::create(o);
  EXPECT_TRUE(a.ok()) << a.status().to_string();
  return a.ok() ? *a : nullptr;
}

TEST(AnalyzerOptions, DefaultIdentity) {
  ASSERT_TRUE(default_analyzer_ok());
  const std::string id = default_analyzer().identity();
  EXPECT_TRUE(std::regex_match(id, std::regex("newsindex-nl/1 stem=snowball-dutch-porter\\("
                                              "libstemmer 2\\.2\\.0\\) fold=1 apos=1 "
                                              "compounds=1 dict=[0-9a-f]{8}")))
      << id;
  EXPECT_EQ(default_analyzer().stemmer_identity(), "snowball-dutch-porter(libstemmer 2.2.0)");
}

TEST(AnalyzerOptions, EachSwitchChangesIdentity) {
  std::set<std::string> ids;
  for (int mask = 0; mask < 16; ++mask) {
    AnalyzerOptions o;
    o.stem = mask & 1;
    o.fold_accents = mask & 2;
    o.apostrophe_rules = mask & 4;
    o.split_compounds = mask & 8;
    auto a = make(o);
    ASSERT_TRUE(a);
    ids.insert(a->identity());
  }
  EXPECT_EQ(ids.size(), 16u);
}

TEST(AnalyzerOptions, StemOff) {
  AnalyzerOptions o;
  o.stem = false;
  auto a = make(o);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->stemmer_identity(), "none");
  EXPECT_NE(a->identity().find("stem=none"), std::string::npos);
  auto ts = a->stream();
  ts->reset("lopen auto's bomen trainingsmissie");
  while (ts->next()) EXPECT_EQ(ts->token().stem, ts->token().term);
  EXPECT_EQ(a->stem("lopen"), "lopen");
}

TEST(AnalyzerOptions, FoldAccentsOff) {
  AnalyzerOptions o;
  o.fold_accents = false;
  auto a = make(o);
  ASSERT_TRUE(a);
  EXPECT_EQ(render(*a, "efficiënte Curaçao IJsselmeer"), "efficiënte[1] curaçao[2] ijsselmeer[3]");
}

TEST(AnalyzerOptions, ApostropheRulesOff) {
  AnalyzerOptions o;
  o.apostrophe_rules = false;
  auto a = make(o);
  ASSERT_TRUE(a);
  // What a generic engine does: auto's is one term (stem "auto'"), 's is
  // punctuation plus the letter s.
  EXPECT_EQ(render(*a, "auto's 's-Hertogenbosch"),
            "auto's[1] s-hertogenbosch[2] shertogenbosch[2] s[2] hertogenbosch[3]");
  EXPECT_EQ(a->stem("auto's"), "auto'");
}

TEST(AnalyzerOptions, SplitCompoundsOff) {
  AnalyzerOptions o;
  o.split_compounds = false;
  o.dictionary_path = "/nonexistent";  // not even opened
  auto a = make(o);
  ASSERT_TRUE(a);
  EXPECT_EQ(render(*a, "trainingsmissie"), "trainingsmissie[1]");
  EXPECT_EQ(a->identity().find("dict="), std::string::npos);
}

TEST(AnalyzerOptions, MissingDictionaryIsAnError) {
  AnalyzerOptions o;
  o.dictionary_path = "/nonexistent/dutch";
  auto a = Analyzer::create(o);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kNotFound);
  EXPECT_NE(a.status().message().find("/nonexistent/dutch"), std::string::npos);
}

TEST(TokenStream, PositionsOffsetsAndContinuation) {
  ASSERT_TRUE(default_analyzer_ok());
  const std::string text = "De NAVO’s INF-verdrag";
  auto ts = default_analyzer().stream();
  ts->reset(text, 10);
  std::string got;
  while (ts->next()) {
    const Token& t = ts->token();
    got += std::string(t.term) + "@" + std::to_string(t.position) + "=" +
           text.substr(t.start, t.end - t.start) + " ";
  }
  EXPECT_EQ(got,
            "de@10=De navo's@11=NAVO’s navo@11=NAVO’s inf-verdrag@12=INF-verdrag "
            "infverdrag@12=INF-verdrag inf@12=INF verdrag@13=verdrag ");
  EXPECT_EQ(ts->next_position(), 14u);
}

TEST(TokenStream, TokenKinds) {
  ASSERT_TRUE(default_analyzer_ok());
  auto ts = default_analyzer().stream();
  ts->reset("auto's INF-verdrag trainingsmissie");
  std::string kinds;
  while (ts->next()) kinds += "WVHC"[static_cast<int>(ts->token().kind)];
  EXPECT_EQ(kinds, "WVWVHHWCC");
}

// One Analyzer, two threads, a stream each: the same tokens as alone.
TEST(TokenStream, SharedAnalyzerAcrossThreads) {
  ASSERT_TRUE(default_analyzer_ok());
  const std::string text =
      "De NAVO's trainingsmissie in 's-Hertogenbosch kostte 1.250 euro; zo'n INF-verdrag.";
  const std::string expected = render(default_analyzer(), text);
  std::string r1, r2;
  std::thread t1([&] {
    for (int i = 0; i < 200; ++i) r1 = render(default_analyzer(), text);
  });
  std::thread t2([&] {
    for (int i = 0; i < 200; ++i) r2 = render(default_analyzer(), text);
  });
  t1.join();
  t2.join();
  EXPECT_EQ(r1, expected);
  EXPECT_EQ(r2, expected);
}

// A stream reused for many texts gives the same tokens as a fresh one (the
// term cache is transparent).
TEST(TokenStream, ReuseIsTransparent) {
  ASSERT_TRUE(default_analyzer_ok());
  auto ts = default_analyzer().stream();
  const char* texts[] = {"raketsysteem auto's", "bomen en fietsen", "raketsysteem auto's"};
  for (const char* t : texts) {
    std::string got;
    ts->reset(t);
    while (ts->next()) got += std::string(ts->token().term) + "/" + std::string(ts->token().stem) + " ";
    std::string fresh;
    auto f = default_analyzer().stream();
    f->reset(t);
    while (f->next()) fresh += std::string(f->token().term) + "/" + std::string(f->token().stem) + " ";
    EXPECT_EQ(got, fresh);
  }
}

}  // namespace
}  // namespace newsindex::testing
