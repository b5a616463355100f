// Interpolative coding of a position list (glass/positions.h).
#include "glass/positions.h"

#include "glass/encoding.h"

namespace newsindex::glass {
namespace {

// Bits of `x` up to its highest set bit (0 for 0).
int bit_width(std::uint64_t x) { return x == 0 ? 0 : 64 - __builtin_clzll(x); }

class BitStream {
 public:
  explicit BitStream(std::string& out) : out_(out) {}

  // `value` out of `range` possible values (value < range).
  void code(std::uint64_t value, std::uint64_t range) {
    int bits = bit_width(range - 1);
    const std::uint64_t spare = (std::uint64_t{1} << bits) - range;
    if (spare != 0) {
      // `spare` codes in the middle of the range are one bit shorter.
      const std::uint64_t mid_start = (range - spare) / 2;
      if (value >= mid_start + spare) {
        value = (value - (mid_start + spare)) | (std::uint64_t{1} << (bits - 1));
      } else if (value >= mid_start) {
        --bits;
      }
    }
    acc_ |= value << filled_;
    filled_ += bits;
    while (filled_ >= 8) {
      out_ += static_cast<char>(acc_ & 0xff);
      acc_ >>= 8;
      filled_ -= 8;
    }
  }

  // The positions strictly between pos[j] and pos[k], each known to lie
  // in the range those two and the count between them leave.
  void interpolate(const std::uint32_t* pos, std::size_t j, std::size_t k) {
    while (j + 1 < k) {
      const std::size_t mid = j + (k - j) / 2;
      const std::uint64_t range = (std::uint64_t{pos[k]} - pos[j]) - (k - j) + 1;
      const std::uint64_t lowest = std::uint64_t{pos[j]} + (mid - j);
      code(pos[mid] - lowest, range);
      interpolate(pos, j, mid);
      j = mid;
    }
  }

  void flush() {
    if (filled_ > 0) out_ += static_cast<char>(acc_ & 0xff);
    acc_ = 0;
    filled_ = 0;
  }

 private:
  std::string& out_;
  std::uint64_t acc_ = 0;
  int filled_ = 0;
};

}  // namespace

void encode_positions(std::string& out, const std::uint32_t* pos, std::size_t n) {
  const std::uint32_t last = pos[n - 1];
  put_uint(out, last);
  if (n == 1) return;
  BitStream bits(out);
  bits.code(pos[0], last);
  bits.code(n - 2, std::uint64_t{last} - pos[0]);
  bits.interpolate(pos, 0, n - 1);
  bits.flush();
}

}  // namespace newsindex::glass
