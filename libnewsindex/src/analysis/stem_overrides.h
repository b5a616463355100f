// analysis/stem_overrides.h: stems that replace Snowball's for known bad conflations.
//
// Porter's Dutch stemmer maps bomen (trees) and bom (bomb) both to "bom", and
// fiets (bicycle) to "fiet". The built-in list fixes those and carries the four
// defaults of Lucene's DutchAnalyzer (fiets, bromfiets, ei->eier, kind->kinder,
// so that ei meets eieren and kind meets kinderen). Users extend it with a file
// of "word stem" lines (# starts a comment).
#ifndef NEWSINDEX_ANALYSIS_STEM_OVERRIDES_H_
#define NEWSINDEX_ANALYSIS_STEM_OVERRIDES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsindex/status.h"

namespace newsindex::internal::analysis {

// Immutable after loading; thread-safe to read.
class StemOverrides {
 public:
  // The built-in list.
  static StemOverrides builtin();

  // Adds the pairs in `path` (later lines win). Words and stems are
  // lower-cased (ASCII) as written; they must be normalised terms.
  Status load_file(const std::string& path);
  // Parses `text` ("word stem" per line); `origin` names it in errors.
  Status parse(std::string_view text, std::string_view origin);

  // The override stem of `term`, or nullptr.
  const std::string* find(std::string_view term) const;
  // The words whose override stem is `stem` (the list is short: a scan).
  std::vector<std::string> words_with_stem(std::string_view stem) const;
  std::size_t size() const { return map_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> map_;
};

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_STEM_OVERRIDES_H_
