// analysis/match_screen.cc
#include "analysis/match_screen.h"

#include <algorithm>

namespace newsindex::internal::analysis {
namespace {

bool lower_ascii_alnum(std::string_view w) {
  for (char c : w) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::size_t pair_index(char a, char b) {
  return (static_cast<std::size_t>(static_cast<unsigned char>(a)) << 8) |
         static_cast<unsigned char>(b);
}

}  // namespace

void MatchScreen::clear() {
  needles_.clear();
  all_ = false;
  singles_.reset();
  pairs_.reset();
}

void MatchScreen::add_needle(std::string_view needle) {
  if (needle.empty()) {
    all_ = true;
    return;
  }
  if (std::find(needles_.begin(), needles_.end(), needle) != needles_.end()) return;
  needles_.emplace_back(needle);
  if (needle.size() == 1) {
    singles_.set(static_cast<unsigned char>(needle[0]));
  } else {
    pairs_.set(pair_index(needle[0], needle[1]));
  }
}

void MatchScreen::add_stem(std::string_view stem, const AnalysisConfig& config) {
  // Without stemming, and for words with digits, the stem is the word.
  add_needle(stem);
  if (!config.options.stem) return;
  const std::size_t n = stem.size();
  // maan -> man, brood -> brod: the stemmer's last step drops one of a
  // doubled a, e, o, u before the final letter (a consonant, or a y it
  // treats as one).
  if (n >= 2 && (stem[n - 2] == 'a' || stem[n - 2] == 'e' || stem[n - 2] == 'o' ||
                 stem[n - 2] == 'u')) {
    std::string doubled(stem.substr(0, n - 1));
    doubled += stem[n - 2];
    doubled += stem[n - 1];
    add_needle(doubled);
  }
  // mogelijkheden -> mogelijkheid when the "heid" is not removed after.
  if (stem.ends_with("heid")) {
    std::string heden(stem.substr(0, n - 4));
    heden += "heden";
    add_needle(heden);
  }
  // Overridden words stem to anything (bomen -> boom, kind -> kinder).
  for (const std::string& word : config.overrides.words_with_stem(stem)) add_needle(word);
}

bool MatchScreen::may_match(std::string_view word) const {
  if (all_ || !lower_ascii_alnum(word)) return true;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (singles_.test(static_cast<unsigned char>(word[i]))) return true;
    if (i + 1 < word.size() && pairs_.test(pair_index(word[i], word[i + 1]))) {
      const std::string_view rest = word.substr(i);
      for (const std::string& n : needles_) {
        if (rest.starts_with(n)) return true;
      }
    }
  }
  return false;
}

}  // namespace newsindex::internal::analysis
