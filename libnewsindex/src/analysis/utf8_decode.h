// analysis/utf8_decode.h: one code point at a time, with repair.
//
// The tokenizer never copies the input to repair it: an ill-formed sequence
// decodes as U+FFFD spanning its maximal ill-formed subpart (Unicode's
// recommended practice), the scanner treats U+FFFD as a separator and counts
// it, and every byte offset stays an offset into the caller's original text.
#ifndef NEWSINDEX_ANALYSIS_UTF8_DECODE_H_
#define NEWSINDEX_ANALYSIS_UTF8_DECODE_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace newsindex::internal::analysis {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct Decoded {
  char32_t cp = 0;
  std::uint8_t length = 0;  // bytes consumed, >= 1 when input remains
  bool valid = true;        // false: cp is U+FFFD standing for bad bytes
};

// Decodes the code point starting at p (REQUIRES: p < end).
Decoded decode_utf8(const unsigned char* p, const unsigned char* end);

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(char32_t cp, std::string& out);

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_UTF8_DECODE_H_
