// MinHash over word shingles.
#include "dedup/minhash.h"

#include <algorithm>
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
  char buf[192];
  std::snprintf(buf, sizeof buf,
                "shingle=%d hashes=%d bands=%dx%d containment=%.2f short=%.2f<%d "
                "unknown-length=%.2f agree=%d compared=%d standing=%d words=%zu",
                kShingleWords, kHashes, kBands, kRows, kContainment, kContainmentShort,
                kShortShingles, kContainmentUnknownLength, kMinAgree, kMinCompared,
                kStandingTitles, kMinWords);
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

std::uint32_t name_hash(std::string_view name) {
  if (name.empty()) return 0;
  auto h = static_cast<std::uint32_t>(splitmix64(fnv1a(name)) >> 32);
  return h == 0 ? 1 : h;
}

bool Shingler::signature(Signature& out) {
  if (words_.size() < kMinWords) return false;
  out.title = title_mask_;
  const auto& co = coefficients();
  std::array<std::uint32_t, kHashes> mins;
  mins.fill(std::numeric_limits<std::uint32_t>::max());
  const std::size_t n = words_.size() - kShingleWords + 1;
  shingles_.clear();
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t sh = 0;
    for (int k = 0; k < kShingleWords; ++k) sh = splitmix64(sh ^ words_[i + k]);
    shingles_.push_back(sh);
  }
  // Distinct shingles only: a repeated one counts once in the set, and
  // hashing it once is cheaper.
  std::sort(shingles_.begin(), shingles_.end());
  shingles_.erase(std::unique(shingles_.begin(), shingles_.end()), shingles_.end());
  for (std::uint64_t sh : shingles_) {
    for (int h = 0; h < kHashes; ++h) {
      auto v = static_cast<std::uint32_t>((co.a[h] * sh + co.b[h]) >> 32);
      if (v < mins[h]) mins[h] = v;
    }
  }
  for (int h = 0; h < kHashes; ++h) out.mins[h] = static_cast<std::uint16_t>(mins[h] & 0xffff);
  out.shingles = static_cast<std::uint16_t>(std::min<std::size_t>(shingles_.size(), 0xffff));
  return true;
}

BandKeys band_keys(const Signature& sig) {
  BandKeys keys{};
  for (int band = 0; band < kBands; ++band) {
    std::uint64_t k = splitmix64(static_cast<std::uint64_t>(band) + 1);
    for (int r = 0; r < kRows; ++r) k = splitmix64(k ^ sig.mins[band * kRows + r]);
    keys[band] = k;
  }
  return keys;
}

int agreeing_hashes(const Signature& a, const Signature& b, const HashMask& ignore) {
  int same = 0;
  for (int i = 0; i < kHashes; ++i) same += a.mins[i] == b.mins[i] && !ignore[i];
  return same;
}

double estimate_jaccard(const Signature& a, const Signature& b, const HashMask& ignore) {
  const auto compared = static_cast<int>(kHashes - ignore.count());
  return compared == 0 ? 0.0 : static_cast<double>(agreeing_hashes(a, b, ignore)) / compared;
}

namespace {
double containment_of(double j, const Signature& a, const Signature& b) {
  if (a.shingles == 0 || b.shingles == 0) return 2 * j / (1 + j);
  // |A n B| = J |A u B| and |A u B| = (|A| + |B|) / (1 + J).
  const double smaller = std::min(a.shingles, b.shingles);
  const double c = j * (static_cast<double>(a.shingles) + b.shingles) / ((1 + j) * smaller);
  return std::min(1.0, c);
}
}  // namespace

double estimate_containment(const Signature& a, const Signature& b, const HashMask& ignore) {
  return containment_of(estimate_jaccard(a, b, ignore), a, b);
}

double containment_threshold(const Signature& a, const Signature& b) {
  if (a.shingles == 0 || b.shingles == 0) return kContainmentUnknownLength;
  return std::min(a.shingles, b.shingles) < kShortShingles ? kContainmentShort : kContainment;
}

double match_score(const Signature& a, const Signature& b, const HashMask& ignore) {
  const int compared = kHashes - static_cast<int>(ignore.count());
  if (compared < kMinCompared) return -1;
  const int agree = agreeing_hashes(a, b, ignore);
  if (agree < kMinAgree) return -1;
  const double j = static_cast<double>(agree) / compared;
  const double c = containment_of(j, a, b);
  if (c < containment_threshold(a, b) - 1e-9) return -1;
  return c + 1e-3 * j;
}

bool same_story(const Signature& a, const Signature& b, const HashMask& ignore) {
  return match_score(a, b, ignore) >= 0;
}

namespace {
constexpr std::size_t kOldValueBytes = kHashes * 2;
constexpr std::size_t kValueBytes = kOldValueBytes + 2 + 4 + 8;

std::uint16_t get16(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                    (static_cast<unsigned char>(bytes[at + 1]) << 8));
}
std::uint32_t get32(std::string_view bytes, std::size_t at) {
  return get16(bytes, at) | (static_cast<std::uint32_t>(get16(bytes, at + 2)) << 16);
}
void put32(std::string& out, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}
}  // namespace

std::string encode(const Signature& sig) {
  std::string out(kValueBytes, '\0');
  for (int i = 0; i < kHashes; ++i) {
    out[i * 2] = static_cast<char>(sig.mins[i] & 0xff);
    out[i * 2 + 1] = static_cast<char>(sig.mins[i] >> 8);
  }
  out[kOldValueBytes] = static_cast<char>(sig.shingles & 0xff);
  out[kOldValueBytes + 1] = static_cast<char>(sig.shingles >> 8);
  put32(out, kOldValueBytes + 2, sig.outlet);
  put32(out, kOldValueBytes + 6, static_cast<std::uint32_t>(sig.title));
  put32(out, kOldValueBytes + 10, static_cast<std::uint32_t>(sig.title >> 32));
  return out;
}

bool decode(std::string_view bytes, Signature& out) {
  if (bytes.size() != kValueBytes && bytes.size() != kOldValueBytes) return false;
  for (int i = 0; i < kHashes; ++i) out.mins[i] = get16(bytes, i * 2);
  const bool full = bytes.size() == kValueBytes;
  out.shingles = full ? get16(bytes, kOldValueBytes) : 0;
  out.outlet = full ? get32(bytes, kOldValueBytes + 2) : 0;
  out.title = full ? get32(bytes, kOldValueBytes + 6) |
                         (static_cast<std::uint64_t>(get32(bytes, kOldValueBytes + 10)) << 32)
                   : 0;
  return true;
}

}  // namespace newsindex::internal::dedup
