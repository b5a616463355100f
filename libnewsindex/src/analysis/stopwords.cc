// analysis/stopwords.cc
#include "analysis/stopwords.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace newsindex::internal::analysis {
namespace {

// Snowball's Dutch stop list, ranked commonest first (snowball-website
// algorithms/dutch/stop.txt @ a5c23fcf, 3-clause BSD, (c) 2001 Dr Martin Porter).
constexpr std::array<std::string_view, 101> kStopWords = {
    "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet",
    "zijn", "is", "was", "op", "aan", "met", "als", "voor", "had", "er", "maar", "om",
    "hem", "dan", "zou", "of", "wat", "mijn", "men", "dit", "zo", "door", "over", "ze",
    "zich", "bij", "ook", "tot", "je", "mij", "uit", "der", "daar", "haar", "naar",
    "heb", "hoe", "heeft", "hebben", "deze", "u", "want", "nog", "zal", "me", "zij",
    "nu", "ge", "geen", "omdat", "iets", "worden", "toch", "al", "waren", "veel",
    "meer", "doen", "toen", "moet", "ben", "zonder", "kan", "hun", "dus", "alles",
    "onder", "ja", "eens", "hier", "wie", "werd", "altijd", "doch", "wordt", "wezen",
    "kunnen", "ons", "zelf", "tegen", "na", "reeds", "wil", "kon", "niets", "uw",
    "iemand", "geweest", "andere",
};

// The same words sorted, for binary search.
struct Sorted {
  std::array<std::string_view, kStopWords.size()> words = kStopWords;
  Sorted() { std::sort(words.begin(), words.end()); }
};

const Sorted& sorted() {
  static const Sorted s;
  return s;
}

}  // namespace

bool is_dutch_stopword(std::string_view term) {
  if (term.empty() || term.size() > 7) return false;  // the longest is "geweest"
  const auto& w = sorted().words;
  return std::binary_search(w.begin(), w.end(), term);
}

bool is_accented_dutch_stopword(std::string_view term) {
  if (term.size() > 14) return false;
  char folded[16];
  std::size_t n = 0;
  bool accented = false;
  for (std::size_t i = 0; i < term.size(); ++i) {
    const auto c = static_cast<unsigned char>(term[i]);
    if (c < 0x80) {
      folded[n++] = static_cast<char>(c);
      continue;
    }
    // Precomposed lower-case vowels with accents: U+00E0..U+00FC are C3 A0..BC.
    if (c != 0xC3 || i + 1 >= term.size()) return false;
    const auto d = static_cast<unsigned char>(term[++i]);
    char base = 0;
    if (d >= 0xA0 && d <= 0xA4) base = 'a';
    else if (d >= 0xA8 && d <= 0xAB) base = 'e';
    else if (d >= 0xAC && d <= 0xAF) base = 'i';
    else if (d >= 0xB2 && d <= 0xB6) base = 'o';
    else if (d >= 0xB9 && d <= 0xBC) base = 'u';
    if (base == 0) return false;
    folded[n++] = base;
    accented = true;
  }
  return accented && is_dutch_stopword(std::string_view(folded, n));
}

std::size_t dutch_stopword_count() { return kStopWords.size(); }
std::string_view dutch_stopword(std::size_t i) { return kStopWords[i]; }

}  // namespace newsindex::internal::analysis
