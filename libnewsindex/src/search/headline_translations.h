// search/headline_translations.h: body words for a headline word, learned
// from the archive's own headline/body pairs (newsindex/headline_rates.h,
// HeadlineRateLearner::translations_text).
//
// A headline says "opgepakt" where its body says "aangehouden": for a
// free-text query word whose stem w has translations v with share p, the
// query also searches each v's stem (Z) at translation_weight × p, as one
// more alternative of the word (search/query_builder.h).
#ifndef NEWSINDEX_SEARCH_HEADLINE_TRANSLATIONS_H_
#define NEWSINDEX_SEARCH_HEADLINE_TRANSLATIONS_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsindex/status.h"

namespace newsindex::internal {

// Immutable after parse(); safe to share between threads.
class HeadlineTranslations {
 public:
  using Targets = std::vector<std::pair<std::string, double>>;  // body stem, share

  // Parses "stem<TAB>stem<TAB>share" lines ('#' comments, blank lines), the
  // share in (0, 1]; kParseError naming `origin` and the line otherwise.
  static Result<HeadlineTranslations> parse(std::string_view text, std::string_view origin);
  // Loads `path`; an empty path gives an empty table.
  static Result<HeadlineTranslations> load(const std::string& path);

  // The translations of `stem` in file order (null when none).
  const Targets* find(std::string_view stem) const;
  std::size_t size() const { return by_stem_.size(); }

 private:
  std::map<std::string, Targets, std::less<>> by_stem_;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_HEADLINE_TRANSLATIONS_H_
