// dedup/minhash.h: word shingles -> MinHash signature -> LSH band keys.
//
// Wire stories republished with small edits share most of their 3-word
// shingles. A MinHash signature (60 hashes of 16 bits) estimates the Jaccard
// similarity of two shingle sets; with the number of distinct shingles of
// each text it also estimates how much of the shorter text is in the longer
// (containment), which is what joins a 3-paragraph copy to the 12-paragraph
// version. Documents whose signatures agree on a whole band (kRows
// consecutive hashes) are candidates, confirmed by the estimated containment.
// See docs/index-format.md, "Wire-story collapse".
#ifndef NEWSINDEX_DEDUP_MINHASH_H_
#define NEWSINDEX_DEDUP_MINHASH_H_

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsindex::internal::dedup {

inline constexpr int kShingleWords = 3;
inline constexpr int kHashes = 60;
// 30 bands of 2 rows (20 x 3 until the containment rule): a pair with
// Jaccard s shares a band with probability 1 - (1 - s^2)^30, 0.86 at s = 0.25,
// the Jaccard of a text and a copy four times as long.
inline constexpr int kBands = 30;
inline constexpr int kRows = kHashes / kBands;
static_assert(kBands * kRows == kHashes);
// Estimated containment (share of the shorter text's shingles found in the
// longer) at or above which two articles are one story. For texts of equal
// length containment c is 2J/(1+J), so 0.75 is the former Jaccard threshold
// 0.6; it stays the rule when a shingle count is unknown (an old signature).
inline constexpr double kContainmentUnknownLength = 0.75;
// With both lengths known: 0.70, and 0.82 when the shorter text has fewer
// than kShortShingles shingles (about 30 words). In a short text one
// rewritten sentence is a third of it, a series' standing intro most of it
// (De Telegraaf's showbizz teasers: a 16-word intro under each headline
// reach 0.72-0.80), and 60 hashes estimate a small set coarsely.
inline constexpr double kContainment = 0.70;
inline constexpr double kContainmentShort = 0.82;
inline constexpr int kShortShingles = 30;
// Fewer equal hashes than this is no match whatever the containment: the
// estimate is too noisy, and it bounds the length ratio of a match (about 7).
inline constexpr int kMinAgree = 8;
// Standing text (dedup/cluster_index.h): a hash this article shares with
// this many earlier articles of its outlet under unrelated titles.
inline constexpr int kStandingTitles = 3;
// Fewer words than this: too short to call anything a copy of it.
inline constexpr std::size_t kMinWords = 8;

// The signature of one text. Old databases (before the shingle count was
// stored) decode with shingles == 0: unknown, compared as if of equal length.
struct Signature {
  std::array<std::uint16_t, kHashes> mins{};
  std::uint16_t shingles = 0;  // distinct shingles, capped at 65535; 0: unknown
  // For the standing-text test (dedup/cluster_index.h): a hash of the outlet,
  // and the title's words of 4 or more bytes as bits of a 64-bit set (two
  // titles sharing 2 bits share words); 0: unknown.
  std::uint32_t outlet = 0;
  std::uint64_t title = 0;
  bool operator==(const Signature&) const = default;
};
using BandKeys = std::array<std::uint64_t, kBands>;

// "shingle=3 hashes=60 bands=30x2 containment=0.70 short=0.82<30
// unknown-length=0.75 agree=8 compared=30 standing=3 words=8": recorded in
// the metadata of a new database.
std::string parameters();

// 64-bit FNV-1a, stable across runs and platforms.
std::uint64_t fnv1a(std::string_view text);
// A non-zero 32-bit hash of a name (an outlet); 0 for an empty one.
std::uint32_t name_hash(std::string_view name);

// Collects the words of one text and computes its signature. Reusable; not
// thread-safe.
class Shingler {
 public:
  void reset() {
    words_.clear();
    mask_ = title_mask_ = 0;
  }
  // The words added so far are the title's.
  void end_title() { title_mask_ = mask_; }
  void add_word(std::string_view normalised_word) {
    const std::uint64_t h = fnv1a(normalised_word);
    words_.push_back(h);
    if (normalised_word.size() >= 4) mask_ |= std::uint64_t{1} << (h >> 58);
  }
  std::size_t words() const { return words_.size(); }
  // False when the text has fewer than kMinWords words (no signature).
  // Sets out.title from the title words (end_title()); out.outlet is the
  // caller's.
  bool signature(Signature& out);

 private:
  std::vector<std::uint64_t> words_;
  std::uint64_t mask_ = 0, title_mask_ = 0;
  std::vector<std::uint64_t> shingles_;  // scratch, reused
};

// One key per band of kRows hashes, the band number mixed in.
BandKeys band_keys(const Signature& sig);

// Hash positions left out of a comparison (standing text; cluster_index.h).
using HashMask = std::bitset<kHashes>;
// Fewer compared positions than this: no match (the rest is standing text).
inline constexpr int kMinCompared = 30;

// Number of equal hashes (outside `ignore`).
int agreeing_hashes(const Signature& a, const Signature& b, const HashMask& ignore = {});

// Fraction of equal hashes among the compared ones: the MinHash estimate of
// the Jaccard similarity.
double estimate_jaccard(const Signature& a, const Signature& b, const HashMask& ignore = {});

// Estimated share of the shorter text's shingles that occur in the longer:
// J(n_a + n_b) / ((1 + J) min(n_a, n_b)), at most 1; 2J/(1+J) when a count is
// unknown (an old signature).
double estimate_containment(const Signature& a, const Signature& b, const HashMask& ignore = {});

// The containment threshold for this pair (above).
double containment_threshold(const Signature& a, const Signature& b);

// The match rule: at least kMinCompared positions compared, kMinAgree equal
// hashes among them and estimated containment >= containment_threshold(a, b).
bool same_story(const Signature& a, const Signature& b, const HashMask& ignore = {});
// -1 when !same_story(a, b, ignore), else containment + 0.001 x Jaccard (the
// most similar copy wins; one pass over the hashes).
double match_score(const Signature& a, const Signature& b, const HashMask& ignore = {});

// Value-slot encoding: the low 16 bits of each hash, little-endian (120
// bytes; a chance agreement of 1/65536 per hash does not move the estimate),
// then the shingle count (2 bytes), the outlet hash (4) and the title's word
// bits (8): 134 bytes. decode() also takes the 120-byte values of older
// databases (shingles, outlet and title 0: unknown).
std::string encode(const Signature& sig);
bool decode(std::string_view bytes, Signature& out);

}  // namespace newsindex::internal::dedup

#endif  // NEWSINDEX_DEDUP_MINHASH_H_
