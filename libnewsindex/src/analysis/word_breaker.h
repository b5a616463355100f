// analysis/word_breaker.h: where words begin and end (the ICU segmentation seam).
//
// Latin, Greek, Cyrillic text is segmented by the scanner (scanner.h) from the
// character classes below, which come from ICU's character properties; that is
// UAX #29 word segmentation for alphabetic scripts plus the Dutch rules ICU does
// not know (auto's, 's-Hertogenbosch, INF-verdrag). Runs of scripts written
// without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) are handed to
// ICU's dictionary-based BreakIterator (locale nl) through ComplexScriptBreaker.
// This file and normalizer.cc are the only analysis files that include ICU.
#ifndef NEWSINDEX_ANALYSIS_WORD_BREAKER_H_
#define NEWSINDEX_ANALYSIS_WORD_BREAKER_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace newsindex::internal::analysis {

enum class CharClass : std::uint8_t {
  kSeparator,   // space, punctuation, symbols, U+FFFD
  kLetter,      // a letter of an alphabetic script
  kDigit,       // a decimal digit
  kMark,        // a combining mark: belongs to the letter before it
  kIgnorable,   // soft hyphen, ZWJ, ZWNJ: inside a word, dropped by NFKC_CF
  kApostrophe,  // ' U+2019 U+2018 U+02BC
  kHyphen,      // - U+2010 U+2011
  kDot,         // .
  kComma,       // ,
  kAt,          // @
  kHash,        // #
  kUnderscore,  // _
  kComplex,     // a letter of a script written without spaces
};

// The class of an ASCII byte (REQUIRES: c < 0x80).
CharClass classify_ascii(unsigned char c);
// The class of any code point.
CharClass classify(char32_t cp);

inline bool is_word_class(CharClass c) {
  return c == CharClass::kLetter || c == CharClass::kDigit ||
         c == CharClass::kMark || c == CharClass::kIgnorable;
}

// Splits a run of complex-script text into words with ICU's BreakIterator.
// Not thread-safe: one per TokenStream. The ICU iterator is created on first use.
class ComplexScriptBreaker {
 public:
  ComplexScriptBreaker();
  ~ComplexScriptBreaker();
  ComplexScriptBreaker(const ComplexScriptBreaker&) = delete;
  ComplexScriptBreaker& operator=(const ComplexScriptBreaker&) = delete;

  // Fills `words` with the [begin, end) byte ranges (relative to `run`) of the
  // words in `run` (valid UTF-8). Punctuation-only segments are left out. On
  // an ICU failure the whole run is one word.
  void split(std::string_view run, std::vector<std::pair<std::uint32_t, std::uint32_t>>& words);

 private:
  struct Icu;
  std::unique_ptr<Icu> icu_;
};

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_WORD_BREAKER_H_
