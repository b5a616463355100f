// search/feedback.h: pseudo-relevance feedback (RM3-style query expansion).
//
// The query is run once; the stems (Z terms) that best tell its top
// `docs` documents from the rest of the collection (Xapian's ESet over them
// as if judged relevant) are added, `terms` of them, each scaled by its share
// of the best expansion weight and all by `weight`, as AND_MAYBE beside the
// query: they reorder what the query matches and match nothing themselves,
// so the match set, its estimate and the facet counts stay the query's.
// A headline saying "doden" finds a body saying "omgekomen" when the top
// documents about the same event use both (docs/evaluation.md, "Pseudo-
// relevance feedback"). It costs a second match and an ESet over `docs`
// term lists.
#ifndef NEWSINDEX_SEARCH_FEEDBACK_H_
#define NEWSINDEX_SEARCH_FEEDBACK_H_

#include <xapian.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "newsindex/analyzer.h"

namespace newsindex::internal {

// True when `word` (a stem or a term without prefix) may be offered as an
// expansion: 3 bytes or more, not starting with a prefix's capital, holding
// something besides digits and separators, not a stop word. Shared by
// feedback and the Searcher's similar-articles terms.
bool expansion_word(std::string_view word, const Analyzer& analyzer);

struct FeedbackOptions {
  std::uint32_t docs = 0;   // first-pass documents taken as relevant; 0 = off
  std::uint32_t terms = 0;  // expansion stems added
  double weight = 0.0;      // scale of the best expansion stem, relative to a query word
};

// The expansion stems, best first, with their weights (already scaled by
// options.weight), for `query` on `enquire` (whose weighting scheme is set;
// its query is replaced). Empty when off or nothing matches.
std::vector<std::pair<std::string, double>> feedback_terms(Xapian::Enquire& enquire,
                                                           const Xapian::Query& query,
                                                           const FeedbackOptions& options,
                                                           const Analyzer& analyzer);

// `query` AND_MAYBE the expansion stems; `query` itself when there are none.
Xapian::Query expand_by_feedback(Xapian::Enquire& enquire, const Xapian::Query& query,
                                 const FeedbackOptions& options, const Analyzer& analyzer);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_FEEDBACK_H_
