// analysis/match_screen.h: words that cannot analyse to given terms or stems.
//
// The snippeter marks a word when its term, its stem or a compound part's
// stem is one of the query's, or its term starts with a wildcard prefix.
// Looking a window's words up in the term cache costs a cache miss or two
// each (the cache holds every word seen), yet almost none of them match. A
// screen rules words out by a substring test instead, without changing what
// matches: for a plain lower-case ASCII word (letters and digits) every term
// the analyzer can give it is the word or a substring (compound parts drop
// linking letters, they never add any), and Porter's Dutch stemmer only
// removes suffixes, except that it may undouble the vowel before the final
// consonant (maan -> man) and turn a final "heden" into "heid"
// (mogelijkheden). So a word whose analysis yields stem X contains X, or X
// with that vowel doubled, or X's "heid" as "heden", or a word that the stem
// overrides map to X (kind -> kinder). tests/analysis/match_screen_test.cc
// checks this against the analyzer on a vocabulary.
#ifndef NEWSINDEX_ANALYSIS_MATCH_SCREEN_H_
#define NEWSINDEX_ANALYSIS_MATCH_SCREEN_H_

#include <bitset>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis_config.h"

namespace newsindex::internal::analysis {

// Not thread-safe to build; may_match() is const. Empty: rules out every
// word it can judge.
class MatchScreen {
 public:
  MatchScreen() = default;

  void clear();
  // A term a word token must equal (or a prefix it must start with).
  void add_term(std::string_view term) { add_needle(term); }
  void add_prefix(std::string_view prefix) { add_needle(prefix); }
  // A stem the word's stem or a compound part's stem must equal, under
  // `config`'s stemming (overrides included).
  void add_stem(std::string_view stem, const AnalysisConfig& config);

  // False only when `word` (a normalised term) is lower-case ASCII letters
  // and digits and none of its tokens can have an added term, stem or
  // prefix; true otherwise (other words are not judged).
  bool may_match(std::string_view word) const;

 private:
  void add_needle(std::string_view needle);

  std::vector<std::string> needles_;
  bool all_ = false;          // an empty needle: every word may match
  std::bitset<256> singles_;  // one-byte needles
  std::bitset<65536> pairs_;  // the first two bytes of longer needles
};

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_MATCH_SCREEN_H_
