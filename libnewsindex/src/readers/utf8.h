// readers/utf8.h: UTF-8 validation and repair for reader input.
#ifndef NEWSINDEX_READERS_UTF8_H_
#define NEWSINDEX_READERS_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsindex::internal {

// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates, no
// code points above U+10FFFF) and holds no NUL byte.
bool is_valid_utf8(std::string_view s);

// Replaces every ill-formed sequence (and every NUL byte) in `s` with U+FFFD,
// one replacement per maximal ill-formed subpart (Unicode's recommended
// practice). Returns the number of replacements; 0 leaves `s` untouched.
std::size_t repair_utf8(std::string& s);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_READERS_UTF8_H_
