// Fuzz target: gzip input. The first byte picks how the rest reaches the
// readers (format sniffed): 0 as it is (a gzip stream only if the bytes make
// one); 1 gzip-compressed whole; 2 compressed and cut short; 3 compressed
// with one byte changed; so the decoder meets valid, truncated and damaged
// streams of real records. See reader_target.h for the invariants.
#include <zlib.h>

#include <string>

#include "reader_target.h"

namespace {

std::string gzip(std::string_view in) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) __builtin_trap();
  std::string out(deflateBound(&z, in.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) __builtin_trap();
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 2, size - 2);
  const unsigned mode = data[0] % 4;
  if (mode == 0) {
    newsindex::fuzz::read_all(rest, newsindex::Format::kAuto);
    return 0;
  }
  std::string z = gzip(rest);
  const std::size_t at = z.size() * data[1] / 256;
  if (mode == 2) z.resize(at);
  if (mode == 3) z[at] = static_cast<char>(z[at] ^ (1 + data[1] % 255));
  newsindex::fuzz::read_all(z, newsindex::Format::kAuto);
  return 0;
}
