// index/hash_set.h: a set of 64-bit hashes in one flat table.
//
// Bulk mode's record of the ids added since the last commit (one hash per
// article of the import): open addressing with linear probing, at most half
// full, 8 bytes a slot. A node-based std::unordered_set took about 40 bytes
// per hash in small allocations spread over the heap among the pipeline's
// short-lived ones.
//
// Thread-safety: none.
#ifndef NEWSINDEX_INDEX_HASH_SET_H_
#define NEWSINDEX_INDEX_HASH_SET_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace newsindex::internal {

class HashSet {
 public:
  // Adds `h`; false when it was there already.
  bool insert(std::uint64_t h) {
    h = nonzero(h);
    if ((size_ + 1) * 2 > slots_.size()) grow();
    std::size_t i = find(h);
    if (slots_[i] == h) return false;
    slots_[i] = h;
    ++size_;
    return true;
  }
  bool contains(std::uint64_t h) const {
    if (slots_.empty()) return false;
    h = nonzero(h);
    return slots_[find(h)] == h;
  }
  std::size_t size() const { return size_; }
  // Empties the set and gives its memory back.
  void clear() {
    slots_ = std::vector<std::uint64_t>();
    size_ = 0;
  }

 private:
  // 0 marks an empty slot: the hash 0 is stored as 1 (two hashes that
  // differ only so count as one, as equal hashes do).
  static std::uint64_t nonzero(std::uint64_t h) { return h == 0 ? 1 : h; }
  // The slot holding `h`, or the empty slot where it would go.
  std::size_t find(std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    // The high bits pick the slot: FNV-1a's low bits are weak for short keys.
    std::size_t i = static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    while (slots_[i] != 0 && slots_[i] != h) i = (i + 1) & mask;
    return i;
  }
  void grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    for (std::uint64_t h : old) {
      if (h != 0) slots_[find(h)] = h;
    }
  }

  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_HASH_SET_H_
