// dedup/minhash.h: word shingles -> MinHash signature -> LSH band keys.
//
// Wire stories republished with small edits share most of their 3-word
// shingles. A MinHash signature (60 hashes of 16 bits) estimates the Jaccard
// similarity of two shingle sets; documents whose signatures agree on a whole
// band (kRows consecutive hashes) are candidates, confirmed by the estimated
// Jaccard.
// See docs/index-format.md, "Wire-story collapse".
#ifndef NEWSINDEX_DEDUP_MINHASH_H_
#define NEWSINDEX_DEDUP_MINHASH_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsindex::internal::dedup {

inline constexpr int kShingleWords = 3;
inline constexpr int kBands = 20;
inline constexpr int kRows = 3;
inline constexpr int kHashes = kBands * kRows;
// Estimated Jaccard similarity at or above which two articles are one story
// (0.5 merged RSS teasers sharing only a series intro; docs/index-format.md).
inline constexpr double kThreshold = 0.6;
// Fewer words than this: too short to call anything a copy of it.
inline constexpr std::size_t kMinWords = 8;

using Signature = std::array<std::uint16_t, kHashes>;
using BandKeys = std::array<std::uint64_t, kBands>;

// "shingle=3 hashes=60 bands=20x3 threshold=0.5": recorded in the metadata.
std::string parameters();

// 64-bit FNV-1a, stable across runs and platforms.
std::uint64_t fnv1a(std::string_view text);

// Collects the words of one text and computes its signature. Reusable; not
// thread-safe.
class Shingler {
 public:
  void reset() { words_.clear(); }
  void add_word(std::string_view normalised_word) { words_.push_back(fnv1a(normalised_word)); }
  std::size_t words() const { return words_.size(); }
  // False when the text has fewer than kMinWords words (no signature).
  bool signature(Signature& out) const;

 private:
  std::vector<std::uint64_t> words_;
};

// One key per band of kRows hashes, the band number mixed in.
BandKeys band_keys(const Signature& sig);

// Fraction of equal hashes: the MinHash estimate of the Jaccard similarity.
double estimate_jaccard(const Signature& a, const Signature& b);

// Value-slot encoding: the low 16 bits of each hash, little-endian (120
// bytes; a chance agreement of 1/65536 per hash does not move the estimate).
std::string encode(const Signature& sig);
bool decode(std::string_view bytes, Signature& out);

}  // namespace newsindex::internal::dedup

#endif  // NEWSINDEX_DEDUP_MINHASH_H_
