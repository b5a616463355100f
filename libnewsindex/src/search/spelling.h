// search/spelling.h: "did you mean" from the indexed vocabulary.
//
// A query word that occurs in no document (neither as written nor as a
// stem) is replaced by the most frequent indexed word within a small edit
// distance (1 for words up to 4 letters, else 2; transpositions count 1)
// that starts with the same letter. Xapian's spelling tables are not used:
// the writer does not fill them, and the vocabulary is already there.
#ifndef NEWSINDEX_SEARCH_SPELLING_H_
#define NEWSINDEX_SEARCH_SPELLING_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "newsindex/analyzer.h"

namespace newsindex::internal {

// Optimal-string-alignment distance over bytes, or `limit` + 1 when larger.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// The closest frequent indexed word for `word`, "" when none.
std::string closest_word(const Xapian::Database& db, const std::string& word);

// `words` with unknown ones corrected, joined by spaces; "" when no word
// needed correcting or none could be corrected.
std::string suggest(const Xapian::Database& db, const Analyzer& analyzer,
                    const std::vector<std::string>& words);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_SPELLING_H_
