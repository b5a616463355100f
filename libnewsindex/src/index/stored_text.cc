// Stored article text: a zlib stream with a length header, written and read
// with libdeflate (whole buffers: no per-text stream state to reset).
#include "index/stored_text.h"

#include <libdeflate.h>

#include <cstdint>

namespace newsindex::internal {
namespace {

constexpr char kFormat = 'z';
constexpr std::size_t kHeader = 5;
// Articles over the readers' size limit never get here; this bounds what a
// damaged header can make us allocate.
constexpr std::uint32_t kMaxText = 256u << 20;
// Level 1: the fastest; on 5,000 Dutch news items libdeflate's level 1 is
// 0.4% larger than its level 6 (and smaller than zlib's level 6).
constexpr int kLevel = 1;

// Frees the thread's codec when the thread ends.
struct OwnedCodec {
  DeflateCodec codec{libdeflate_alloc_compressor(kLevel), libdeflate_alloc_decompressor()};
  ~OwnedCodec() {
    libdeflate_free_compressor(codec.c);
    libdeflate_free_decompressor(codec.d);
  }
};

}  // namespace

DeflateCodec& deflate_codec() {
  thread_local OwnedCodec owned;
  return owned.codec;
}

bool plausible_inflated_size(std::uint64_t size, std::size_t compressed) {
  constexpr std::uint64_t kMaxRatio = 1032;  // 258 bytes from one 2-bit code, at best
  return size <= kMaxText && size <= kMaxRatio * compressed;
}

std::string encode_stored_text(std::string_view text) {
  if (text.empty() || text.size() > kMaxText) return "";
  DeflateCodec& k = deflate_codec();
  if (k.c == nullptr) return "";
  const auto n = static_cast<std::uint32_t>(text.size());
  const std::size_t bound = libdeflate_zlib_compress_bound(k.c, n);
  std::string out(kHeader + bound, '\0');
  out[0] = kFormat;
  for (int i = 0; i < 4; ++i) out[1 + i] = static_cast<char>((n >> (8 * i)) & 0xFF);
  const std::size_t got = libdeflate_zlib_compress(k.c, text.data(), n, out.data() + kHeader, bound);
  if (got == 0) return "";
  out.resize(kHeader + got);
  return out;
}

bool decode_stored_text(std::string_view value, std::string* out) {
  out->clear();
  if (value.size() <= kHeader || value[0] != kFormat) return false;
  std::uint32_t n = 0;
  for (int i = 0; i < 4; ++i) n |= std::uint32_t{static_cast<unsigned char>(value[1 + i])} << (8 * i);
  if (n == 0 || !plausible_inflated_size(n, value.size() - kHeader)) return false;
  DeflateCodec& k = deflate_codec();
  if (k.d == nullptr) return false;
  out->resize(n);
  std::size_t got = 0;
  const libdeflate_result rc =
      libdeflate_zlib_decompress(k.d, value.data() + kHeader, value.size() - kHeader,
                                 out->data(), n, &got);
  if (rc != LIBDEFLATE_SUCCESS || got != n) {
    out->clear();
    return false;
  }
  return true;
}

}  // namespace newsindex::internal
