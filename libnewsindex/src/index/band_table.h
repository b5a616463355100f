// index/band_table.h: LSH band key -> the articles that have it.
//
// ClusterIndex's candidate table: 30 band keys per article over every
// article of the database and of the import, so it is the writer's one
// structure that grows with the archive rather than with a chunk. An
// open-addressing table of 8-byte slots (the key's high 32 bits as a
// fingerprint, the article's index), at most half full: 16 bytes per
// article and band, where a std::unordered_multimap took a 40-byte node
// and a bucket. Two keys with one fingerprint and home slot are rare
// (2^-32) and harmless: a candidate is confirmed by comparing signatures.
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
  // increasing index order. `rekey(i, add)` must call add(key) for each key
  // of article i < index: growing the table re-adds every article in order,
  // so that each key's articles stay in the order added.
  template <class Keys, class Rekey>
  void insert(const Keys& keys, std::uint32_t index, Rekey rekey) {
    if ((used_ + keys.size()) * 2 > slots_.size()) grow(used_ + keys.size(), index, rekey);
    for (std::uint64_t key : keys) place(key, index);
  }

  // Calls f(index) for the articles under `key` in the order added, while f
  // returns true.
  template <class F>
  void for_each(std::uint64_t key, F f) const {
    if (slots_.empty()) return;
    const std::size_t mask = slots_.size() - 1;
    const auto fp = static_cast<std::uint32_t>(key >> 32);
    for (std::size_t i = home(key); slots_[i].index != 0; i = (i + 1) & mask) {
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
  std::size_t home(std::uint64_t key) const {
    // The low bits pick the slot (the fingerprint is the high ones).
    return static_cast<std::size_t>(key) & (slots_.size() - 1);
  }
  void place(std::uint64_t key, std::uint32_t index) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = home(key);
    while (slots_[i].index != 0) i = (i + 1) & mask;
    slots_[i] = Slot{static_cast<std::uint32_t>(key >> 32), index + 1};
    ++used_;
  }
  template <class Rekey>
  void grow(std::size_t need, std::uint32_t below, Rekey rekey) {
    std::size_t n = slots_.empty() ? 1024 : slots_.size() * 2;
    while (need * 2 > n) n *= 2;
    // The old table goes first: every article is re-added from `rekey`, so
    // the peak is the new table alone (at a million articles the table is
    // 512 MiB).
    slots_ = std::vector<Slot>();
    slots_.assign(n, Slot{});
    used_ = 0;
    for (std::uint32_t i = 0; i < below; ++i) {
      rekey(i, [&](std::uint64_t key) { place(key, i); });
    }
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace newsindex::internal::dedup

#endif  // NEWSINDEX_INDEX_BAND_TABLE_H_
