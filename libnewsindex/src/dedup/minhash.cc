// MinHash over word shingles.
#include "dedup/minhash.h"

#include <cstdio>
#include <limits>


namespace newsindex::internal::dedup {

namespace {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Fixed per-hash multipliers and offsets (odd), derived from a fixed seed so
// signatures are identical in every run and build.
struct Coefficients {
  std::array<std::uint64_t, kHashes> a{}, b{};
  Coefficients() {
    std::uint64_t s = 0x6e657773696e6465ULL;  // "newsinde"
    for (int i = 0; i < kHashes; ++i) {
      s = splitmix64(s);
      a[i] = s | 1;
      s = splitmix64(s);
      b[i] = s;
    }
  }
};

const Coefficients& coefficients() {
  static const Coefficients c;
  return c;
}

}  // namespace

std::string parameters() {
  char buf[96];
  std::snprintf(buf, sizeof buf, "shingle=%d hashes=%d bands=%dx%d threshold=%.2f",
                kShingleWords, kHashes, kBands, kRows, kThreshold);
  return buf;
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

bool Shingler::signature(Signature& out) const {
  if (words_.size() < kMinWords) return false;
  const auto& co = coefficients();
  std::array<std::uint32_t, kHashes> mins;
  mins.fill(std::numeric_limits<std::uint32_t>::max());
  const std::size_t n = words_.size() - kShingleWords + 1;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t sh = 0;
    for (int k = 0; k < kShingleWords; ++k) sh = splitmix64(sh ^ words_[i + k]);
    for (int h = 0; h < kHashes; ++h) {
      auto v = static_cast<std::uint32_t>((co.a[h] * sh + co.b[h]) >> 32);
      if (v < mins[h]) mins[h] = v;
    }
  }
  for (int h = 0; h < kHashes; ++h) out[h] = static_cast<std::uint16_t>(mins[h] & 0xffff);
  return true;
}

BandKeys band_keys(const Signature& sig) {
  BandKeys keys{};
  for (int band = 0; band < kBands; ++band) {
    std::uint64_t k = splitmix64(static_cast<std::uint64_t>(band) + 1);
    for (int r = 0; r < kRows; ++r) k = splitmix64(k ^ sig[band * kRows + r]);
    keys[band] = k;
  }
  return keys;
}

double estimate_jaccard(const Signature& a, const Signature& b) {
  int same = 0;
  for (int i = 0; i < kHashes; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / kHashes;
}

std::string encode(const Signature& sig) {
  std::string out(kHashes * 2, '\0');
  for (int i = 0; i < kHashes; ++i) {
    out[i * 2] = static_cast<char>(sig[i] & 0xff);
    out[i * 2 + 1] = static_cast<char>(sig[i] >> 8);
  }
  return out;
}

bool decode(std::string_view bytes, Signature& out) {
  if (bytes.size() != kHashes * 2) return false;
  for (int i = 0; i < kHashes; ++i) {
    out[i] = static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[i * 2]) |
                                        (static_cast<unsigned char>(bytes[i * 2 + 1]) << 8));
  }
  return true;
}

}  // namespace newsindex::internal::dedup
