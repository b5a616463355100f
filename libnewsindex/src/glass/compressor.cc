// Raw deflate for glass tags (glass/compressor.h).
#include "glass/compressor.h"

#include <zlib.h>

#include <new>

namespace newsindex::glass {

struct Compressor::State {
  z_stream z{};
  bool ready = false;
};

Compressor::Compressor(int level) : state_(std::make_unique<State>()) {
  // -15: raw deflate, 32 KiB window; memory level 9, as Xapian writes.
  if (deflateInit2(&state_->z, level, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::bad_alloc();
  }
  state_->ready = true;
}

Compressor::~Compressor() {
  if (state_->ready) deflateEnd(&state_->z);
}

bool Compressor::compress(std::string_view in, std::string& out) {
  z_stream& z = state_->z;
  if (deflateReset(&z) != Z_OK) return false;
  out.resize(in.size());
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) return false;  // did not fit: not smaller
  if (z.total_out >= in.size()) return false;
  out.resize(z.total_out);
  return true;
}

}  // namespace newsindex::glass
