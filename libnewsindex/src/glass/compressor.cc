// Raw deflate for glass tags (glass/compressor.h), with libdeflate: a tag is
// one whole buffer, and zlib's deflateReset() clears 128 KiB of hash table
// for every one of them (most tags are a few hundred bytes), which made
// compression the largest single cost of the direct writer. libdeflate
// writes the same format (Xapian inflates it with zlib) at two to three
// times zlib's speed, and its output is no larger at the same level
// (docs/index-format.md, "The direct writer").
#include "glass/compressor.h"

#include <libdeflate.h>

#include <new>

namespace newsindex::glass {

struct Compressor::State {
  libdeflate_compressor* c = nullptr;
};

Compressor::Compressor(int level) : state_(std::make_unique<State>()) {
  state_->c = libdeflate_alloc_compressor(level);
  if (state_->c == nullptr) throw std::bad_alloc();
}

Compressor::~Compressor() { libdeflate_free_compressor(state_->c); }

bool Compressor::compress(std::string_view in, std::string& out) {
  if (in.size() < 2) return false;
  // Only a result smaller than the input is kept, as Xapian decides: room
  // for one byte less is all the output may take.
  out.resize(in.size() - 1);
  const std::size_t n =
      libdeflate_deflate_compress(state_->c, in.data(), in.size(), out.data(), out.size());
  if (n == 0) return false;  // did not fit: not smaller
  out.resize(n);
  return true;
}

}  // namespace newsindex::glass
