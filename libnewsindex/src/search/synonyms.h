// search/synonyms.h: synonym and alias groups for query expansion.
//
// "NAVO" also finds "NATO", "VS" also finds "Verenigde Staten". Every form is
// analysed with the same Analyzer as the documents, so a group holds
// normalised term sequences; a form of several words is searched as a phrase.
#ifndef NEWSINDEX_SEARCH_SYNONYMS_H_
#define NEWSINDEX_SEARCH_SYNONYMS_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "newsindex/analyzer.h"
#include "newsindex/status.h"

namespace newsindex::internal {

// The words of `text` as the index spells them, one term per position (the
// hyphen parts of a hyphenated word, as a phrase would match them).
std::vector<std::string> synonym_form(std::string_view text, TokenStream& stream);

// The text of a word-list file (synonyms, related forms); kNotFound or
// kIoError naming `path` and `what` ("synonym file").
Result<std::string> read_list_file(const std::string& path, std::string_view what);

// A word-list file's lines: calls f(line, line_no) for each line of `text`
// that is neither blank nor a '#' comment, trimmed, numbered from 1; returns
// the first error f returns.
Status for_each_list_line(std::string_view text,
                          const std::function<Status(std::string_view, std::size_t)>& f);

// The comma-separated items of `list`, trimmed, empty ones left out.
std::vector<std::string_view> list_items(std::string_view list);

// The built-in Dutch list: the text of libnewsindex/data/synonyms-nl.txt,
// compiled in at build time (cmake/EmbedFile.cmake).
std::string_view builtin_synonyms_text();

class Synonyms {
 public:
  using Form = std::vector<std::string>;  // normalised terms, in order

  // Parses "term = alias, alias" lines; kParseError naming `origin` and the
  // line on a line without '='.
  static Result<Synonyms> parse(std::string_view text, const Analyzer& analyzer,
                                std::string_view origin);
  // Loads `path`, or the built-in list when `path` is empty.
  static Result<Synonyms> load(const std::string& path, const Analyzer& analyzer);

  // The longest form that starts at terms[start]; returns its length in
  // terms (0 when none) and sets `group`.
  std::size_t match(const std::vector<std::string>& terms, std::size_t start,
                    std::size_t& group) const;
  // All forms of a group, the matched one included.
  const std::vector<Form>& group(std::size_t g) const { return groups_[g]; }
  std::size_t size() const { return groups_.size(); }

 private:
  std::vector<std::vector<Form>> groups_;
  // First term -> (form, group) entries, longest forms first.
  std::map<std::string, std::vector<std::pair<Form, std::size_t>>, std::less<>> index_;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_SYNONYMS_H_
