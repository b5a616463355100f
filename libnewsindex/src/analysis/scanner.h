// analysis/scanner.h: finds the raw words of a text, with the Dutch rules.
//
// The scanner is the first stage of the pipeline. It walks the original bytes
// once (decoding UTF-8 with repair, see util/utf8.h), and yields spans:
//   words      letters/digits joined by word-internal ' ’ ‘ (auto's, zo'n),
//              hyphens (INF-verdrag, COVID-19) and dots (nos.nl, o.a);
//   numbers    digits joined by . or , (3,5  1.250  2019);
//   clitics    's 't 'n 'k 'm at a word start ('s avonds) and the clitic
//              compounds 's-Hertogenbosch / ’s-Gravenhage;
//   URLs, e-mail addresses, #hashtags, @handles;
//   complex    runs of Chinese/Japanese/Thai/... for ICU's BreakIterator.
// Everything else is a separator. Spans are byte ranges into the input.
#ifndef NEWSINDEX_ANALYSIS_SCANNER_H_
#define NEWSINDEX_ANALYSIS_SCANNER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analysis/word_breaker.h"

namespace newsindex::internal::analysis {

enum class SpanType : std::uint8_t {
  kWord,        // letters (and digits), maybe with joiners
  kNumber,      // digits only, maybe with . and , inside
  kUrl,         // http://, https://, www.
  kEmail,       // name@domain.tld
  kHashtag,     // #klimaat
  kHandle,      // @NOS
  kClitic,      // 's 't 'n (a whole word)
  kCliticWord,  // 's-Hertogenbosch
  kComplex,     // a run of a script written without spaces
};

struct RawSpan {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  SpanType type = SpanType::kWord;
  bool non_ascii = false;    // has bytes >= 0x80
  bool has_upper = false;    // has ASCII upper case letters
  bool has_alpha = false;    // has letters
  bool has_digit = false;    // has digits
  bool apostrophe = false;   // has a word-internal apostrophe
  std::uint16_t hyphens = 0; // word-internal hyphens
  std::uint16_t dots = 0;    // word-internal dots (words only, not numbers)
};

// Not thread-safe; owned by one TokenStream.
class Scanner {
 public:
  // `clitics`: recognise 's 't 'n at word starts (AnalyzerOptions::apostrophe_rules).
  void reset(std::string_view text, bool clitics);
  // The next span; false at the end of the text.
  bool next(RawSpan& span);
  // Ill-formed UTF-8 sequences skipped so far.
  std::size_t repaired() const { return repaired_; }

 private:
  struct Peek {
    CharClass cls;
    std::uint8_t len;
    bool valid;
    bool non_ascii;
  };
  Peek peek(std::size_t i) const;
  bool scan_word(RawSpan& span);
  std::size_t scan_word_body(std::size_t i, RawSpan& span, bool allow_dots) const;
  bool try_url(std::size_t s, RawSpan& span);
  bool try_email(std::size_t s, std::size_t word_end, RawSpan& span);
  std::size_t scan_domain(std::size_t i) const;
  bool try_clitic(RawSpan& span);
  bool try_tag(SpanType type, RawSpan& span);

  const unsigned char* p_ = nullptr;
  std::size_t n_ = 0;
  std::size_t pos_ = 0;
  std::size_t repaired_ = 0;
  bool clitics_ = true;
};

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_SCANNER_H_
