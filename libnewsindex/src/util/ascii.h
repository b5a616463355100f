// util/ascii.h: the ASCII character helpers every layer needs (white space,
// trimming, case), written once. Locale-free on purpose: `std::isspace`
// and `std::tolower` follow the C locale a host program may have changed, and
// a byte of a UTF-8 sequence (>= 0x80) must never count as space or change
// case ("É" stays two untouched bytes).
#ifndef NEWSINDEX_UTIL_ASCII_H_
#define NEWSINDEX_UTIL_ASCII_H_

#include <string>
#include <string_view>

namespace newsindex::internal {

// The C locale's white space: space, \t, \n, \v, \f, \r.
constexpr bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
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

}  // namespace newsindex::internal

#endif  // NEWSINDEX_UTIL_ASCII_H_
