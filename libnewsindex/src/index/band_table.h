// index/band_table.h: LSH band key -> the articles that have it.
//
// ClusterIndex's candidate table: 30 band keys per article over the articles
// it remembers, so it is the writer's largest structure after the chunks.
// An open-addressing table of 8-byte slots (the key's high 32 bits as a
// fingerprint, the article's index), at most half full: 16 bytes per article
// and band, where a std::unordered_multimap took a 40-byte node and a
// bucket. The fingerprint also picks the home slot, so growing the table
// moves slots without the keys (the writer's serial stage does not stop to
// recompute them). Two keys with one fingerprint are rare (2^-32) and
// harmless: a candidate is confirmed by comparing signatures.
//
// Thread-safety: none.
#ifndef NEWSINDEX_INDEX_BAND_TABLE_H_
#define NEWSINDEX_INDEX_BAND_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace newsindex::internal::dedup {

class BandTable {
 public:
  // Adds article `index` under each of `keys`. Articles are added in
  // increasing index order.
  template <class Keys>
  void insert(const Keys& keys, std::uint32_t index) {
    if ((used_ + keys.size()) * 2 > slots_.size()) grow(used_ + keys.size());
    for (std::uint64_t key : keys) place(Slot{fingerprint(key), index + 1});
  }

  // Calls f(index) for the articles under `key` in the order added, while f
  // returns true.
  template <class F>
  void for_each(std::uint64_t key, F f) const {
    if (slots_.empty()) return;
    const std::size_t mask = slots_.size() - 1;
    const std::uint32_t fp = fingerprint(key);
    for (std::size_t i = fp & mask; slots_[i].index != 0; i = (i + 1) & mask) {
      if (slots_[i].fp == fp && !f(slots_[i].index - 1)) return;
    }
  }

  std::size_t size() const { return used_; }
  std::size_t bytes() const { return slots_.size() * sizeof(Slot); }

 private:
  struct Slot {
    std::uint32_t fp = 0;
    std::uint32_t index = 0;  // article + 1; 0: empty
  };
  static std::uint32_t fingerprint(std::uint64_t key) {
    return static_cast<std::uint32_t>(key >> 32);
  }
  // Linear probing from the home slot: the slots of one fingerprint stay in
  // the order placed.
  void place(Slot s) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = s.fp & mask;
    while (slots_[i].index != 0) i = (i + 1) & mask;
    slots_[i] = s;
    ++used_;
  }
  void grow(std::size_t need) {
    std::size_t n = slots_.empty() ? 1024 : slots_.size() * 2;
    while (need * 2 > n) n *= 2;
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{});
    used_ = 0;
    if (old.empty()) return;
    // From an empty slot on, so that no probe run wraps past the start: the
    // slots of one fingerprint are then met, and placed, in the order they
    // were added.
    const std::size_t mask = old.size() - 1;
    std::size_t start = 0;
    while (old[start].index != 0) ++start;  // at most half full: one exists
    for (std::size_t k = 1; k <= old.size(); ++k) {
      const Slot& s = old[(start + k) & mask];
      if (s.index != 0) place(s);
    }
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace newsindex::internal::dedup

#endif  // NEWSINDEX_INDEX_BAND_TABLE_H_
