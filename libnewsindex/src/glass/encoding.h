// glass/encoding.h: the integer and string encodings of Xapian's glass format.
//
// Written from the format as Xapian 1.4 reads it (common/pack.h there); the
// direct writer (glass/batch.h) uses these for every key and tag. Each
// function appends to `out`.
#ifndef NEWSINDEX_GLASS_ENCODING_H_
#define NEWSINDEX_GLASS_ENCODING_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsindex::glass {

// 7 bits a byte, least significant group first, high bit = "more follows".
inline void put_uint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

// Little-endian bytes without a length: only as the last field of a key.
inline void put_uint_last(std::string& out, std::uint64_t v) {
  while (v != 0) {
    out += static_cast<char>(v & 0xff);
    v >>= 8;
  }
}

// An order-preserving, prefix-free encoding (document ids in keys): values
// below 0x8000 take two big-endian bytes; larger ones a length in the high
// bits of the first byte, then big-endian bytes.
inline void put_sortable_uint(std::string& out, std::uint64_t v) {
  if (v < 0x8000) {
    out += static_cast<char>(v >> 8);
    out += static_cast<char>(v & 0xff);
    return;
  }
  const int len = (69 - __builtin_clzll(v)) / 7;  // bytes, length byte included
  const unsigned mask = 0xffu << (10 - len);
  char tmp[10];
  for (int i = len - 1; i >= 1; --i) {
    tmp[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  tmp[0] = static_cast<char>((v | mask) & 0xff);
  out.append(tmp, static_cast<std::size_t>(len));
}

inline void put_string(std::string& out, std::string_view s) {
  put_uint(out, s.size());
  out.append(s);
}

// Order-preserving string: NUL is escaped as NUL 0xff; a NUL ends the string
// unless it is the last thing in the key (`last`).
inline void put_sortable_string(std::string& out, std::string_view s, bool last) {
  for (char c : s) {
    out += c;
    if (c == '\0') out += '\xff';
  }
  if (!last) out += '\0';
}

inline void put_bool(std::string& out, bool b) { out += b ? '1' : '0'; }

}  // namespace newsindex::glass

#endif  // NEWSINDEX_GLASS_ENCODING_H_
