// One pass over a text for every occurrence of a few short keys.
#include "search/key_search.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsindex::internal {
namespace {

std::uint16_t pair_at(const char* p) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(p[0]) |
                                    (static_cast<unsigned char>(p[1]) << 8));
}

}  // namespace

void KeySearch::set_keys(const std::vector<std::string>& keys) {
  keys_ = keys;
  pairs_.clear();
  keys_of_pair_.clear();
  found_.assign(keys_.size(), {});
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    if (keys_[k].size() < 2) continue;  // (REQUIRES: never)
    const std::uint16_t pair = pair_at(keys_[k].data());
    auto it = std::find(pairs_.begin(), pairs_.end(), pair);
    if (it == pairs_.end()) {
      pairs_.push_back(pair);
      keys_of_pair_.emplace_back();
      it = pairs_.end() - 1;
    }
    keys_of_pair_[static_cast<std::size_t>(it - pairs_.begin())].push_back(k);
  }
}

void KeySearch::check(std::string_view text, std::size_t at, std::size_t limit) {
  const std::uint16_t pair = pair_at(text.data() + at);
  for (std::size_t i = 0; i < pairs_.size(); ++i) {
    if (pairs_[i] != pair) continue;
    for (std::size_t k : keys_of_pair_[i]) {
      const std::string& key = keys_[k];
      if (found_[k].size() < limit && at + key.size() <= text.size() &&
          std::memcmp(text.data() + at + 2, key.data() + 2, key.size() - 2) == 0) {
        found_[k].push_back(static_cast<std::uint32_t>(at));
      }
    }
  }
}

void KeySearch::find(std::string_view text, std::size_t limit) {
  for (auto& f : found_) f.clear();
  if (pairs_.empty() || text.size() < 2) return;
  const char* const data = text.data();
  // Positions 0 .. text.size() - 2 can start a pair.
  const std::size_t last = text.size() - 2;
  std::size_t at = 0;
#if defined(__SSE2__)
  // 16 starts at a time: the bytes at p and at p + 1 (so p + 16 < size).
  constexpr std::size_t kMaxVectorPairs = 16;
  if (pairs_.size() <= kMaxVectorPairs) {
    __m128i first[kMaxVectorPairs], second[kMaxVectorPairs];
    for (std::size_t i = 0; i < pairs_.size(); ++i) {
      first[i] = _mm_set1_epi8(static_cast<char>(pairs_[i] & 0xFF));
      second[i] = _mm_set1_epi8(static_cast<char>(pairs_[i] >> 8));
    }
    for (; at + 16 < text.size(); at += 16) {
      const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
      const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at + 1));
      unsigned mask = 0;
      for (std::size_t i = 0; i < pairs_.size(); ++i) {
        mask |= static_cast<unsigned>(_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpeq_epi8(a, first[i]), _mm_cmpeq_epi8(b, second[i]))));
      }
      while (mask != 0) {
        check(text, at + static_cast<std::size_t>(__builtin_ctz(mask)), limit);
        mask &= mask - 1;
      }
    }
  }
#endif
  for (; at <= last; ++at) {
    const std::uint16_t pair = pair_at(data + at);
    if (std::find(pairs_.begin(), pairs_.end(), pair) != pairs_.end()) check(text, at, limit);
  }
}

}  // namespace newsindex::internal
