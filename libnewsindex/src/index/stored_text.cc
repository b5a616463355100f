// Stored article text: zlib with a length header.
#include "index/stored_text.h"

#include <zlib.h>

#include <cstdint>

namespace newsindex::internal {
namespace {

constexpr char kFormat = 'z';
constexpr std::size_t kHeader = 5;
// Articles over the readers' size limit never get here; this bounds what a
// damaged header can make us allocate.
constexpr std::uint32_t kMaxText = 256u << 20;
// Level 1: a quarter of the time of the default level for a body 2% larger
// (Dutch news, docs/performance.md).
constexpr int kLevel = 1;

}  // namespace

std::string encode_stored_text(std::string_view text) {
  if (text.empty() || text.size() > kMaxText) return "";
  uLongf bound = compressBound(static_cast<uLong>(text.size()));
  std::string out(kHeader + bound, '\0');
  out[0] = kFormat;
  const auto n = static_cast<std::uint32_t>(text.size());
  for (int i = 0; i < 4; ++i) out[1 + i] = static_cast<char>((n >> (8 * i)) & 0xFF);
  if (compress2(reinterpret_cast<Bytef*>(out.data() + kHeader), &bound,
                reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()),
                kLevel) != Z_OK) {
    return "";
  }
  out.resize(kHeader + bound);
  return out;
}

bool decode_stored_text(std::string_view value, std::string* out) {
  out->clear();
  if (value.size() <= kHeader || value[0] != kFormat) return false;
  std::uint32_t n = 0;
  for (int i = 0; i < 4; ++i) n |= std::uint32_t{static_cast<unsigned char>(value[1 + i])} << (8 * i);
  if (n == 0 || n > kMaxText) return false;
  out->resize(n);
  uLongf got = n;
  const int rc = uncompress(reinterpret_cast<Bytef*>(out->data()), &got,
                            reinterpret_cast<const Bytef*>(value.data() + kHeader),
                            static_cast<uLong>(value.size() - kHeader));
  if (rc != Z_OK || got != n) {
    out->clear();
    return false;
  }
  return true;
}

}  // namespace newsindex::internal
