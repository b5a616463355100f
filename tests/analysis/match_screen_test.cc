// The match screen: which words it rules out (a table), and that it never
// rules out a word whose analysis has the term, stem or part stem screened
// for (every word of the sample corpus; the whole word list in the slow
// property test).
#include "analysis/match_screen.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "analysis/token_stream.h"
#include "analysis_test_util.h"
#include "newsindex/reader.h"
#include "testing/test_paths.h"

namespace newsindex::internal::analysis {
namespace {

const AnalysisConfig& config(TokenStream& stream) {
  return dynamic_cast<DutchTokenStream&>(stream).config();
}

TEST(MatchScreen, Table) {
  if (!testing::default_analyzer_ok()) GTEST_SKIP() << "no default analyzer";
  auto stream = testing::default_analyzer().stream();
  struct Case {
    std::vector<std::string> terms, stems, prefixes;
    std::string word;
    bool may_match;
  };
  const Case kCases[] = {
      {{"missie"}, {"missie"}, {}, "missie", true},
      {{"missie"}, {"missie"}, {}, "trainingsmissie", true},
      {{"missie"}, {"missie"}, {}, "kabinet", false},
      {{"missie"}, {"missie"}, {}, "commissaris", false},
      {{}, {"man"}, {}, "maan", true},             // vowel undoubled by the stemmer
      {{}, {"man"}, {}, "mannen", true},
      {{}, {"brod"}, {}, "broden", true},
      {{}, {"brod"}, {}, "brood", true},
      {{}, {"brod"}, {}, "bord", false},
      {{}, {"mogelijkheid"}, {}, "mogelijkheden", true},  // heden -> heid
      {{}, {"kinder"}, {}, "kind", true},          // stem override
      {{}, {"kinder"}, {}, "kinderboek", true},
      {{}, {"boom"}, {}, "bomen", true},           // stem override
      {{}, {"boom"}, {}, "bom", false},
      {{}, {}, {"minist"}, "ministerie", true},
      {{}, {}, {"minist"}, "premier", false},
      {{}, {}, {""}, "premier", true},              // an empty prefix: every word
      {{"a"}, {}, {}, "kat", true},                // one-byte needles
      {{"a"}, {}, {}, "hond", false},
      {{}, {"missie"}, {}, "missi\xC3\xABs", true},  // not ASCII: not judged
      {{}, {"missie"}, {}, "auto's", true},        // not letters or digits: not judged
      {{}, {}, {}, "kabinet", false},              // an empty screen
  };
  for (const Case& c : kCases) {
    MatchScreen s;
    for (const auto& t : c.terms) s.add_term(t);
    for (const auto& t : c.stems) s.add_stem(t, config(*stream));
    for (const auto& t : c.prefixes) s.add_prefix(t);
    EXPECT_EQ(s.may_match(c.word), c.may_match) << c.word;
  }
}

// Every token of `word` (analysed alone): a screen for its stem, and for a
// word token its term and a prefix, must let `word` through.
void expect_screens_pass(TokenStream& stream, const std::string& word, std::size_t& checked) {
  std::vector<std::pair<std::string, std::string>> tokens;  // term, stem
  std::vector<bool> parts;
  stream.reset(word);
  while (stream.next()) {
    tokens.emplace_back(stream.token().term, stream.token().stem);
    parts.push_back(stream.token().kind == TokenKind::kCompoundPart);
  }
  MatchScreen s;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    s.clear();
    s.add_stem(tokens[i].second, config(stream));
    EXPECT_TRUE(s.may_match(word)) << word << ": stem " << tokens[i].second;
    if (!parts[i]) {
      s.clear();
      s.add_term(tokens[i].first);
      EXPECT_TRUE(s.may_match(word)) << word << ": term " << tokens[i].first;
      s.clear();
      s.add_prefix(tokens[i].first.substr(0, 3));
      EXPECT_TRUE(s.may_match(word)) << word << ": prefix " << tokens[i].first.substr(0, 3);
    }
    ++checked;
  }
}

bool plain_word(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

TEST(MatchScreen, NeverRulesOutAMatchInTheSampleCorpus) {
  if (!testing::default_analyzer_ok()) GTEST_SKIP() << "no default analyzer";
  auto source = ArticleSource::open(
      {(testing::source_dir() / "corpora/sample/jsonl/sample.jsonl").string()});
  ASSERT_TRUE(source.ok()) << source.status().to_string();
  auto stream = testing::default_analyzer().stream();
  std::set<std::string> words;
  Article a;
  ReadIssue issue;
  while ((*source)->next(a, issue) == ArticleSource::Next::kArticle) {
    for (const std::string* text : {&a.title, &a.body}) {
      stream->reset(*text);
      while (stream->next()) {
        if (stream->token().kind == TokenKind::kWord && plain_word(stream->token().term))
          words.emplace(stream->token().term);
      }
    }
  }
  ASSERT_GT(words.size(), 1000u);
  std::size_t checked = 0;
  for (const std::string& w : words) expect_screens_pass(*stream, w, checked);
  EXPECT_GT(checked, words.size());
}

// The Debian wdutch list, as in the build's default (CMake NEWSINDEX_DICTIONARY):
// 400,000 words, many of them compounds; slow, so a property test.
TEST(MatchScreenProperty, NeverRulesOutAMatchInTheWordList) {
  constexpr const char* kWordList = "/usr/share/dict/dutch";
  if (!testing::default_analyzer_ok()) GTEST_SKIP() << "no default analyzer";
  std::ifstream in(kWordList);
  if (!in) GTEST_SKIP() << "no word list at " << kWordList;
  auto stream = testing::default_analyzer().stream();
  std::size_t words = 0, checked = 0;
  for (std::string line; std::getline(in, line);) {
    for (char& c : line) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (!plain_word(line)) continue;
    expect_screens_pass(*stream, line, checked);
    ++words;
  }
  EXPECT_GT(words, 100000u);
}

}  // namespace
}  // namespace newsindex::internal::analysis
