// search/snippets.h: the best passage of an article, query matches marked.
//
// Matches are found through the same Analyzer as the index: the passage is
// tokenised and a token is highlighted when its term, its stem or (for a
// compound part) its part stem is one of the query's, so `missie` marks
// `trainingsmissie` and `efficiente` marks `efficiënte`.
#ifndef NEWSINDEX_SEARCH_SNIPPETS_H_
#define NEWSINDEX_SEARCH_SNIPPETS_H_

#include <memory>
#include <string_view>
#include <vector>

#include "analysis/match_screen.h"
#include "newsindex/analyzer.h"
#include "newsindex/searcher.h"
#include "search/key_search.h"
#include "search/query_builder.h"

namespace newsindex::internal {
namespace analysis {
class DutchTokenStream;
}  // namespace analysis

// Not thread-safe (owns a TokenStream).
class Snippeter {
 public:
  explicit Snippeter(const Analyzer& analyzer);

  // A passage of about `length` bytes from `text`: the window holding the
  // most distinct query matches (then the most matches, then the earliest),
  // started at a sentence or word boundary, "…" where text was cut. Without
  // matches, the beginning of `text`. The window is chosen by a cheap byte
  // search for the query's terms and stems; only the window is analysed
  // (the whole text when the byte search was fooled).
  std::vector<SnippetPart> make(std::string_view text, const HighlightTerms& query,
                                std::size_t length);

 private:
  struct Match {
    std::uint32_t start, end;
    std::string key;  // what matched, for counting distinct matches
  };
  // Analyses `text` (which starts at byte `base` of the whole text) and
  // keeps the tokens that match the query.
  void find_matches(std::string_view text, const HighlightTerms& query, std::uint32_t base);
  // Approximate matches by byte search for keys_, to choose a window cheaply.
  void find_candidates(std::string_view text);
  std::size_t best_start(std::string_view text, std::size_t length) const;
  // What depends on the query alone, rebuilt only when it changes: the
  // byte-search keys, and the Dutch stream's screen, so that words which
  // cannot match are not analysed.
  void prepare(const HighlightTerms& query);

  std::unique_ptr<TokenStream> stream_;
  // stream_ when it is the Dutch analyzer's (whose stemming the screen
  // knows); else null and every word is analysed.
  analysis::DutchTokenStream* dutch_ = nullptr;
  analysis::MatchScreen screen_;
  std::vector<std::string> keys_;
  KeySearch search_;  // finds keys_
  HighlightTerms prepared_for_;  // what keys_ and screen_ were built for
  bool prepared_ = false;
  std::vector<Match> matches_;
  std::string lower_;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_SNIPPETS_H_
