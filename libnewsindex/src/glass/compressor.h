// glass/compressor.h: raw deflate of a tag, as glass stores a compressed
// tag (no zlib header; Xapian inflates it with zlib, a 32 KiB window).
//
// Thread-safety: none; one Compressor per thread (it keeps its state).
#ifndef NEWSINDEX_GLASS_COMPRESSOR_H_
#define NEWSINDEX_GLASS_COMPRESSOR_H_

#include <memory>
#include <string>
#include <string_view>

namespace newsindex::glass {

class Compressor {
 public:
  // `level`: 1 (fastest) .. 12 (libdeflate's scale; 1 .. 9 as zlib's);
  // Xapian itself uses zlib's default, 6.
  explicit Compressor(int level);
  ~Compressor();
  Compressor(const Compressor&) = delete;
  Compressor& operator=(const Compressor&) = delete;

  // Sets `out` to the compressed form of `in` and returns true when that is
  // smaller; false (out unspecified) when it is not, as Xapian decides.
  bool compress(std::string_view in, std::string& out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace newsindex::glass

#endif  // NEWSINDEX_GLASS_COMPRESSOR_H_
