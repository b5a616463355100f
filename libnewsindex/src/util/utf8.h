// util/utf8.h: UTF-8 decoding, encoding, validation and repair, shared by
// the readers (which repair whole fields once, as they are read) and the
// analysis scanner (which decodes one code point at a time and never copies
// the input: byte offsets stay offsets into the caller's text).
//
// Both follow Unicode's recommended practice for ill-formed input: each
// maximal ill-formed subpart counts as one error and becomes one U+FFFD
// ("\xE2\x82" of a cut-off euro sign is one, a stray "\x80" another).
// Overlong forms, surrogates and code points above U+10FFFF are ill-formed.
#ifndef NEWSINDEX_UTIL_UTF8_H_
#define NEWSINDEX_UTIL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsindex::internal {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct Decoded {
  char32_t cp = 0;
  std::uint8_t length = 0;  // bytes consumed, >= 1 when input remains
  bool valid = true;        // false: cp is U+FFFD standing for bad bytes
};

// Decodes the code point starting at p (REQUIRES: p < end). An ill-formed
// sequence decodes as U+FFFD spanning its maximal ill-formed subpart. A NUL
// byte decodes as U+0000 (valid: the scanner treats it as a separator).
Decoded decode_utf8(const unsigned char* p, const unsigned char* end);

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(char32_t cp, std::string& out);

// True when `s` is well-formed UTF-8 and holds no NUL byte (a NUL in stored
// article text is always damage, never content).
bool is_valid_utf8(std::string_view s);

// Replaces every maximal ill-formed subpart (and every NUL byte) in `s` with
// U+FFFD. Returns the number of replacements; 0 leaves `s` untouched.
std::size_t repair_utf8(std::string& s);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_UTIL_UTF8_H_
