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

// A posting-list or value-stream chunk is closed once its body reaches this
// many bytes, as Xapian's writer closes them.
inline constexpr std::size_t kChunkBytes = 2000;

// The first 8 bytes of `s` as a big-endian number, zero-padded: a < b as
// numbers means a < b as byte strings, and equal heads need the whole
// strings compared. Sorting terms by head first keeps most comparisons off
// the terms' bytes, which are scattered over the heap.
inline std::uint64_t sort_head(std::string_view s) {
  std::uint64_t head = 0;
  const std::size_t n = s.size() < 8 ? s.size() : 8;
  for (std::size_t i = 0; i < 8; ++i) {
    head = (head << 8) | (i < n ? static_cast<unsigned char>(s[i]) : 0u);
  }
  return head;
}

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

// Decoders for the merge of runs (glass/run_merge.h). Each reads from `in`,
// moves it past what it read and returns false when `in` is cut short.
inline bool get_uint(std::string_view& in, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) return false;
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if (byte < 0x80) return true;
  }
  return false;
}

inline bool get_sortable_uint(std::string_view& in, std::uint64_t& v) {
  if (in.size() < 2) return false;
  const auto first = static_cast<unsigned char>(in[0]);
  if (first < 0x80) {
    v = (static_cast<std::uint64_t>(first) << 8) | static_cast<unsigned char>(in[1]);
    in.remove_prefix(2);
    return true;
  }
  int ones = 0;
  while (ones < 8 && (first & (0x80u >> ones)) != 0) ++ones;
  const std::size_t len = static_cast<std::size_t>(ones) + 2;
  if (ones > 6 || in.size() < len) return false;
  v = first & (0xffu >> ones);
  for (std::size_t i = 1; i < len; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  in.remove_prefix(len);
  return true;
}

inline bool get_bool(std::string_view& in, bool& b) {
  if (in.empty() || (in[0] != '0' && in[0] != '1')) return false;
  b = in[0] == '1';
  in.remove_prefix(1);
  return true;
}

// Where the sort-preserving string at the start of `key` ends: the offset of
// its terminating NUL (one not followed by 0xff), or npos when it runs to
// the end of the key unterminated.
inline std::size_t sortable_string_end(std::string_view key) {
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] != '\0') continue;
    if (i + 1 < key.size() && key[i + 1] == '\xff') {
      ++i;
      continue;
    }
    return i;
  }
  return std::string_view::npos;
}

}  // namespace newsindex::glass

#endif  // NEWSINDEX_GLASS_ENCODING_H_
