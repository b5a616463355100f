// analysis/term_cache.cc
#include "analysis/term_cache.h"

#include <cstring>
#include <functional>

namespace newsindex::internal::analysis {
namespace {

inline std::uint32_t hash32(std::string_view s) {
  const std::size_t h = std::hash<std::string_view>{}(s);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

constexpr std::size_t kInitialSlots = 4096;

}  // namespace

std::string_view StringArena::add(std::string_view s) {
  if (s.empty()) return {};
  if (s.size() > kChunk / 4) {
    // Big strings get a chunk of their own, placed before the current one so
    // the current chunk keeps filling.
    auto big = std::make_unique<char[]>(s.size());
    std::memcpy(big.get(), s.data(), s.size());
    const char* p = big.get();
    chunks_.insert(chunks_.empty() ? chunks_.end() : chunks_.end() - 1, std::move(big));
    return {p, s.size()};
  }
  if (used_ + s.size() > kChunk) {
    chunks_.push_back(std::make_unique<char[]>(kChunk));
    used_ = 0;
  }
  char* p = chunks_.back().get() + used_;
  std::memcpy(p, s.data(), s.size());
  used_ += s.size();
  return {p, s.size()};
}

void StringArena::clear() {
  chunks_.clear();
  used_ = kChunk;
}

TermCache::TermCache() { clear(); }

void TermCache::clear() {
  entries_.clear();
  parts_.clear();
  slots_.assign(kInitialSlots, Slot{});
  mask_ = kInitialSlots - 1;
  arena_.clear();
}

const CachedTerm* TermCache::find(std::string_view term) const {
  const std::uint32_t h = hash32(term);
  for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
    const Slot s = slots_[i];
    if (s.entry == 0) return nullptr;
    if (s.hash == h && entries_[s.entry - 1].term == term) return &entries_[s.entry - 1];
  }
}

void TermCache::grow() {
  const std::size_t cap = slots_.size() * 2;
  std::vector<Slot> old(cap, Slot{});
  old.swap(slots_);
  mask_ = cap - 1;
  for (const Slot& s : old) {  // the stored hashes: no rehashing of terms
    if (s.entry == 0) continue;
    std::size_t i = s.hash & mask_;
    while (slots_[i].entry != 0) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

const CachedTerm* TermCache::insert(const CachedTerm& entry, const std::vector<CachedPart>& parts) {
  if ((entries_.size() + 1) * 2 > slots_.size()) grow();
  CachedTerm e = entry;
  e.term = arena_.add(entry.term);
  e.stem = entry.stem == entry.term ? e.term : arena_.add(entry.stem);
  e.variant = arena_.add(entry.variant);
  e.parts_begin = static_cast<std::uint32_t>(parts_.size());
  e.parts_count = static_cast<std::uint32_t>(parts.size());
  for (const CachedPart& p : parts) {
    CachedPart c;
    c.term = arena_.add(p.term);
    c.stem = p.stem == p.term ? c.term : arena_.add(p.stem);
    parts_.push_back(c);
  }
  const std::uint32_t h = hash32(e.term);
  std::size_t i = h & mask_;
  while (slots_[i].entry != 0) i = (i + 1) & mask_;
  entries_.push_back(e);
  slots_[i] = Slot{static_cast<std::uint32_t>(entries_.size()), h};
  return &entries_.back();
}

}  // namespace newsindex::internal::analysis
