// analysis/term_rules.h: what one normalised term becomes (stem, variant, parts).
//
// The rules that the term cache memoises:
//   auto's      stem of "auto", variant "auto" (apostrophe rules on)
//   zo'n        stem "zo'n" (contractions are not stemmed)
//   13u48, 3,5  stem = term (nothing with a digit is stemmed)
//   bomen       "boom" (the override list wins over Snowball)
//   trainingsmissie  stem "trainingsmissie", parts training/train, missie/missi
//   kernwapenverdrag parts kernwapen, kern, wapen, verdrag (a part that is a
//                    compound adds its own parts, one level deep)
#ifndef NEWSINDEX_ANALYSIS_TERM_RULES_H_
#define NEWSINDEX_ANALYSIS_TERM_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis_config.h"
#include "analysis/stemmer.h"

namespace newsindex::internal::analysis {

struct TermFacts {
  std::string stem;
  std::string variant;
  bool stopword = false;
  bool variant_stopword = false;
  std::vector<std::string> part_terms;
  std::vector<std::string> part_stems;
};

// Fills `facts` for `term`. `stemmer` may be null when stemming is off.
// With `split` false, compound parts are not looked for (stems only).
void analyse_term(std::string_view term, const AnalysisConfig& config, Stemmer* stemmer,
                  TermFacts& facts, bool split = true);

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_TERM_RULES_H_
