// analysis/stopwords.h: Snowball's Dutch stop word list (101 words).
//
// The list is data embedded in the library (from snowballstem/snowball-website
// algorithms/dutch/stop.txt, BSD licence; see docs/analysis-nl.md). Tokens
// in it are marked stopword=true; the index keeps them, queries drop them.
#ifndef NEWSINDEX_ANALYSIS_STOPWORDS_H_
#define NEWSINDEX_ANALYSIS_STOPWORDS_H_

#include <cstddef>
#include <string_view>

namespace newsindex::internal::analysis {

// True if `term` (normalised: lower case, accents folded) is a stop word.
bool is_dutch_stopword(std::string_view term);

// True if `term` is a stop word written with accents on its vowels (één,
// vóór, dé, èn, ná): lower-case, precomposed Latin-1 vowels only.
bool is_accented_dutch_stopword(std::string_view term);

// The embedded list, in Snowball's order (commonest first).
std::size_t dutch_stopword_count();
std::string_view dutch_stopword(std::size_t i);

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_STOPWORDS_H_
