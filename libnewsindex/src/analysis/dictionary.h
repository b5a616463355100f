// analysis/dictionary.h: the Dutch word list as a compact hash set.
//
// Built at first use from a plain word list (one word per line; by default
// /usr/share/dict/dutch from Debian's wdutch, the OpenTaal list). Entries are
// normalised like terms (lower case, accents folded); entries starting with a
// capital (names: Amsterdam, Mini) and entries with digits, hyphens, dots or
// apostrophes are left out, since compound parts are lower-case common words.
// All words live in one string; the table holds 8-byte slots (offset, length,
// 24 hash bits), about 12 MB for the 350,000 usable OpenTaal entries, and
// a 512 KB Bloom filter in front that rejects most non-words without
// touching the big table.
#ifndef NEWSINDEX_ANALYSIS_DICTIONARY_H_
#define NEWSINDEX_ANALYSIS_DICTIONARY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsindex/status.h"

namespace newsindex::internal::analysis {

// Immutable after loading; thread-safe to read.
class Dictionary {
 public:
  // Loads `path`, or returns the already loaded copy (shared per path and
  // kept until the process ends).
  static Result<std::shared_ptr<const Dictionary>> load(const std::string& path);
  // From words already normalised (tests).
  static std::shared_ptr<const Dictionary> from_words(const std::vector<std::string>& words);

  bool contains(std::string_view word) const;
  std::size_t size() const { return count_; }
  // FNV-1a of the file's bytes: part of the analyzer identity.
  std::uint32_t fingerprint() const { return fingerprint_; }

 private:
  void add(std::string_view word);
  void build_table();

  std::string words_;
  std::vector<std::uint32_t> offsets_;  // during loading only
  std::vector<std::uint64_t> slots_;
  std::uint64_t mask_ = 0;
  std::vector<std::uint64_t> bloom_;  // filled by build_table()
  std::uint64_t bloom_mask_ = 0;
  std::size_t count_ = 0;
  std::uint32_t fingerprint_ = 0;
};

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_DICTIONARY_H_
