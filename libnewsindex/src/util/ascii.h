// util/ascii.h: the ASCII character helpers every layer needs (white space,
// trimming, case), written once. Locale-free on purpose: `std::isspace`
// and `std::tolower` follow the C locale a host program may have changed, and
// a byte of a UTF-8 sequence (>= 0x80) must never count as space or change
// case ("É" stays two untouched bytes).
#ifndef NEWSINDEX_UTIL_ASCII_H_
#define NEWSINDEX_UTIL_ASCII_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace newsindex::internal {

// The C locale's white space: space, \t, \n, \v, \f, \r.
constexpr bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// '0'..'9', 'A'..'Z', 'a'..'z'.
constexpr bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// `s` without leading and trailing ASCII white space (a view into `s`).
constexpr std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

// 'A'..'Z' to 'a'..'z'; every other byte unchanged.
constexpr char lower_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// 'a'..'z' to 'A'..'Z'; every other byte unchanged.
constexpr char upper_ascii(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

// lower_ascii() of each byte of `in` into out[0, in.size()), eight bytes at
// a time (the snippeter lowers every hit's body: a byte loop is most of its
// byte search). REQUIRES: `out` holds in.size() bytes.
inline void lower_ascii_into(std::string_view in, char* out) {
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full, kHigh = 0x8080808080808080ull;
  std::size_t i = 0;
  for (; i + 8 <= in.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, in.data() + i, 8);
    const std::uint64_t low = x & kLow7;  // each byte's low 7 bits: no carry between bytes below
    const std::uint64_t from_a = low + 0x3F3F3F3F3F3F3F3Full;   // high bit: >= 'A'
    const std::uint64_t past_z = low + 0x2525252525252525ull;   // high bit: > 'Z'
    const std::uint64_t upper = from_a & ~past_z & ~x & kHigh;  // ASCII (< 0x80) 'A'..'Z'
    x |= upper >> 2;  // 0x80 -> 0x20 in the same byte: 'A' | 0x20 = 'a'
    std::memcpy(out + i, &x, 8);
  }
  for (; i < in.size(); ++i) out[i] = lower_ascii(in[i]);
}

}  // namespace newsindex::internal

#endif  // NEWSINDEX_UTIL_ASCII_H_
