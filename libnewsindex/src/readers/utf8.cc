// UTF-8 validation and repair.
#include "readers/utf8.h"

namespace newsindex::internal {
namespace {

// Length of the well-formed sequence starting at s[i], or 0 when the bytes
// there are ill-formed; `bad` receives the length of the maximal ill-formed
// subpart to replace.
std::size_t sequence_length(std::string_view s, std::size_t i, std::size_t& bad) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  bad = 1;
  if (c == 0) return 0;
  if (c < 0x80) return 1;
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  for (std::size_t k = 1; k < need; ++k) {
    if (i + k >= s.size()) return 0;
    const unsigned char t = b(k);
    const unsigned char l = k == 1 ? lo : 0x80;
    const unsigned char h = k == 1 ? hi : 0xBF;
    if (t < l || t > h) return 0;
    bad = k + 1;
  }
  return need;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0, bad = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x01 && c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = sequence_length(s, i, bad);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::size_t repair_utf8(std::string& s) {
  if (is_valid_utf8(s)) return 0;
  std::string out;
  out.reserve(s.size() + 8);
  std::size_t i = 0, bad = 0, replaced = 0;
  while (i < s.size()) {
    const std::size_t n = sequence_length(s, i, bad);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++replaced;
      // A truncated but otherwise valid prefix ("\xE2\x82" of a euro sign)
      // counts as one subpart; a stray byte is replaced alone.
      i += bad;
    } else {
      out.append(s, i, n);
      i += n;
    }
  }
  s.swap(out);
  return replaced;
}

}  // namespace newsindex::internal
