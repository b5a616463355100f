// analysis/term_cache.h: per-stream memo of what a normalised term becomes.
//
// Stemming and compound splitting cost microseconds; news text repeats its
// words, so each TokenStream remembers, per distinct term, its stem, stop-word
// flag, apostrophe variant (auto's -> auto) and compound parts. Strings live
// in an arena of fixed-size chunks that never move, so the views handed out
// stay valid until clear(). After warm-up a token costs one hash lookup and
// no allocation.
#ifndef NEWSINDEX_ANALYSIS_TERM_CACHE_H_
#define NEWSINDEX_ANALYSIS_TERM_CACHE_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace newsindex::internal::analysis {

// Append-only string storage in 64 KiB chunks; views stay valid until clear().
class StringArena {
 public:
  std::string_view add(std::string_view s);
  void clear();

 private:
  static constexpr std::size_t kChunk = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t used_ = kChunk;  // in the last chunk
};

struct CachedPart {
  std::string_view term;
  std::string_view stem;
};

struct CachedTerm {
  std::string_view term;
  std::string_view stem;
  std::string_view variant;  // "auto" for "auto's"; empty when none
  std::uint32_t parts_begin = 0;
  std::uint32_t parts_count = 0;
  bool stopword = false;
  bool variant_stopword = false;
};

// Not thread-safe; one per TokenStream.
class TermCache {
 public:
  TermCache();
  // The entry for `term`, or nullptr. The pointer is valid until the next insert().
  const CachedTerm* find(std::string_view term) const;
  // Adds an entry (strings are copied into the arena); returns it. `parts`
  // are copied too. REQUIRES: find(entry.term) == nullptr.
  const CachedTerm* insert(const CachedTerm& entry, const std::vector<CachedPart>& parts);
  const CachedPart* parts(const CachedTerm& e) const { return parts_.data() + e.parts_begin; }
  std::size_t size() const { return entries_.size(); }
  void clear();

 private:
  void grow();
  std::vector<CachedTerm> entries_;
  std::vector<CachedPart> parts_;
  // A probe reads the entry index and the hash from one cache line (the
  // table outgrows the CPU caches on a large vocabulary).
  struct Slot {
    std::uint32_t entry = 0;  // entry index + 1; 0 = empty
    std::uint32_t hash = 0;
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  StringArena arena_;
};

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_TERM_CACHE_H_
