// analysis/apostrophes.h: the Dutch apostrophe rules on normalised terms.
//
// After normalisation every apostrophe is ASCII ' (’ ‘ ʼ are mapped).
//  - Plural and possessive 's: auto's, navo's, cd's, baby's, alinea's are
//    indexed as written AND as the bare word (auto), which is what they are
//    found by; the stem is the bare word's stem (Snowball would give "auto'").
//  - Other word-internal apostrophes are contractions that stay one token
//    with no variant and no stemming: zo'n, m'n, z'n, d'r.
//  - Leading clitics ('s, 't, 'n) are found by the scanner; 's-Hertogenbosch
//    is indexed whole and as hertogenbosch (see clitic_word_rest).
#ifndef NEWSINDEX_ANALYSIS_APOSTROPHES_H_
#define NEWSINDEX_ANALYSIS_APOSTROPHES_H_

#include <string_view>

namespace newsindex::internal::analysis {

inline bool has_apostrophe(std::string_view term) {
  return term.find('\'') != std::string_view::npos;
}

// "auto" for "auto's"; empty when `term` is not a word + 's.
std::string_view apostrophe_s_base(std::string_view term);

// "hertogenbosch" for "'s-hertogenbosch"; empty when there is no rest.
std::string_view clitic_word_rest(std::string_view term);

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_APOSTROPHES_H_
