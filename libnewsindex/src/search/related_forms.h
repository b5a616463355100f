// search/related_forms.h: word forms Snowball leaves apart, searched at a
// lower weight beside the query word.
//
// The Dutch stemmer does not join the forms of a strong or irregular verb
// ("lopen", "liep", "gelopen"), a number and its word ("3", "drie"), or a
// short form and its long one ("mln", "miljoen"). A group lists such forms,
// one group per line, from general grammar (data/related-forms-nl.txt, not
// from any query set); a query word in a group also searches the stems of
// the group's other forms (as words: their stems could be another word's,
// "reed" and "reden" both stem to "red"). A "prefixes:" line lists prefixes that a rule
// puts before every form: "aankwam" (aan + kwam) also searches "aankomen",
// "aangekomen" (aan + gekomen), ... Stop words are neither looked up nor
// added ("zijn", "was" stay apart). Every form is analysed with the same
// Analyzer as the documents.
#ifndef NEWSINDEX_SEARCH_RELATED_FORMS_H_
#define NEWSINDEX_SEARCH_RELATED_FORMS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "newsindex/analyzer.h"
#include "newsindex/status.h"

namespace newsindex::internal {

// The built-in Dutch list: the text of libnewsindex/data/related-forms-nl.txt,
// compiled in at build time (cmake/EmbedFile.cmake).
std::string_view builtin_related_forms_text();

// Immutable after parse(); safe to share between threads.
class RelatedForms {
 public:
  // Parses "form, form, ..." lines and "prefixes: p, p, ..." lines ('#'
  // comments, blank lines); kParseError naming `origin` and the line for a
  // form of more than one word.
  static Result<RelatedForms> parse(std::string_view text, const Analyzer& analyzer,
                                    std::string_view origin);
  // Loads `path`, or the built-in list when `path` is empty.
  static Result<RelatedForms> load(const std::string& path, const Analyzer& analyzer);

  // The normalised words related to a query word whose normalised form is
  // `word` and whose stems are `stems` (leaving out words with one of those
  // stems, which the stem level matches already), in group order.
  // `analyzer` (the one given to parse) stems the forms.
  std::vector<std::string> words_for(std::string_view word, const std::vector<std::string>& stems,
                                     const Analyzer& analyzer) const;
  std::size_t size() const { return groups_.size(); }

 private:
  // Adds the forms of `groups`, each with `prefix` before it, whose stems
  // are not in `stems`.
  void add_group_words(const std::vector<std::size_t>& groups, std::string_view prefix,
                       const std::vector<std::string>& stems, const Analyzer& analyzer,
                       std::vector<std::string>& out) const;

  std::vector<std::vector<std::string>> groups_;  // normalised words
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_word_;
  std::vector<std::string> prefixes_;  // longest first
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_RELATED_FORMS_H_
