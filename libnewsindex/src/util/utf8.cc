// UTF-8 decoding, encoding, validation and repair (see util/utf8.h).
#include "util/utf8.h"

namespace newsindex::internal {
namespace {

// The decoded sequence at s[i], with a NUL byte counted as ill-formed (the
// readers' rule; the scanner's decode_utf8 lets it through).
Decoded decode_text(std::string_view s, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (p[i] == 0) return {kReplacementChar, 1, false};
  return decode_utf8(p + i, p + s.size());
}

}  // namespace

Decoded decode_utf8(const unsigned char* p, const unsigned char* end) {
  const unsigned char b0 = p[0];
  if (b0 < 0x80) return {b0, 1, true};
  int need;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // no overlong forms
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return {kReplacementChar, 1, false};
  }
  std::uint8_t len = 1;
  for (int i = 0; i < need; ++i) {
    // A truncated but otherwise valid prefix is one subpart.
    if (p + len >= end) return {kReplacementChar, len, false};
    const unsigned char b = p[len];
    const unsigned char min = i == 0 ? lo : 0x80;
    const unsigned char max = i == 0 ? hi : 0xBF;
    if (b < min || b > max) return {kReplacementChar, len, false};
    cp = (cp << 6) | (b & 0x3F);
    ++len;
  }
  return {cp, len, true};
}

void append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x01 && c < 0x80) {  // the common case, without a call
      ++i;
      continue;
    }
    const Decoded d = decode_text(s, i);
    if (!d.valid) return false;
    i += d.length;
  }
  return true;
}

std::size_t repair_utf8(std::string& s) {
  if (is_valid_utf8(s)) return 0;
  std::string out;
  out.reserve(s.size() + 8);
  std::size_t i = 0, replaced = 0;
  while (i < s.size()) {
    const Decoded d = decode_text(s, i);
    if (d.valid) {
      out.append(s, i, d.length);
    } else {
      append_utf8(kReplacementChar, out);
      ++replaced;
    }
    i += d.length;
  }
  s.swap(out);
  return replaced;
}

}  // namespace newsindex::internal
