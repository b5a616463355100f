// Stored article text: zlib with a length header.
#include "index/stored_text.h"

#include <libdeflate.h>
#include <zlib.h>

#include <cstdint>

namespace newsindex::internal {
namespace {

constexpr char kFormat = 'z';
constexpr std::size_t kHeader = 5;
// Articles over the readers' size limit never get here; this bounds what a
// damaged header can make us allocate.
constexpr std::uint32_t kMaxText = 256u << 20;
// Level 1: the fastest; on 6,000 Dutch news bodies the output is 2% larger
// than at zlib's default level 6.
constexpr int kLevel = 1;

// One deflate state per thread, reset per text: compress2() would allocate
// and clear about 256 KiB of zlib state for every article.
struct Deflater {
  z_stream zs{};
  bool ok = false;
  Deflater() { ok = deflateInit(&zs, kLevel) == Z_OK; }
  ~Deflater() {
    if (ok) deflateEnd(&zs);
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
};

// One libdeflate decompressor per thread. It reads the zlib stream that
// deflate() wrote (header, DEFLATE data, Adler-32 checked) in one call into
// a buffer of the known size, in about 60% of zlib's uncompress() time on
// news bodies: the text is inflated for every hit shown with a snippet.
struct Inflater {
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  ~Inflater() {
    if (d) libdeflate_free_decompressor(d);
  }
  Inflater() = default;
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
};

}  // namespace

std::string encode_stored_text(std::string_view text) {
  if (text.empty() || text.size() > kMaxText) return "";
  thread_local Deflater d;
  if (!d.ok || deflateReset(&d.zs) != Z_OK) return "";
  const auto n = static_cast<std::uint32_t>(text.size());
  const uLong bound = deflateBound(&d.zs, n);
  std::string out(kHeader + bound, '\0');
  out[0] = kFormat;
  for (int i = 0; i < 4; ++i) out[1 + i] = static_cast<char>((n >> (8 * i)) & 0xFF);
  d.zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  d.zs.avail_in = n;
  d.zs.next_out = reinterpret_cast<Bytef*>(out.data() + kHeader);
  d.zs.avail_out = static_cast<uInt>(bound);
  if (deflate(&d.zs, Z_FINISH) != Z_STREAM_END) return "";
  out.resize(kHeader + d.zs.total_out);
  return out;
}

bool decode_stored_text(std::string_view value, std::string* out) {
  out->clear();
  if (value.size() <= kHeader || value[0] != kFormat) return false;
  std::uint32_t n = 0;
  for (int i = 0; i < 4; ++i) n |= std::uint32_t{static_cast<unsigned char>(value[1 + i])} << (8 * i);
  if (n == 0 || n > kMaxText) return false;
  thread_local Inflater inflater;
  if (!inflater.d) return false;
  out->resize(n);
  std::size_t got = 0;
  const libdeflate_result rc = libdeflate_zlib_decompress(
      inflater.d, value.data() + kHeader, value.size() - kHeader, out->data(), n, &got);
  if (rc != LIBDEFLATE_SUCCESS || got != n) {
    out->clear();
    return false;
  }
  return true;
}

}  // namespace newsindex::internal
