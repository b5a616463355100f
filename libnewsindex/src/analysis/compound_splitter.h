// analysis/compound_splitter.h: splits Dutch closed compounds with a word list.
//
// trainingsmissie -> training + missie, raketsysteem -> raket + systeem,
// stikstofuitstoot -> stikstof + uitstoot; minister, kantoor, komkommer stay
// whole. A split is a head (with a linking -s-, -en-, -e- or -er-) and a tail
// that are both dictionary words; the tail may itself split once. Precision
// rules (measured on tests/golden/analysis/compounds.tsv, see
// docs/analysis-nl.md):
//  - parts are at least 4 letters, or 3 from a short list of common nouns
//    (bom, zee, gas; pad, weg, wet), since the list holds many 3-letter
//    entries that are also word endings (ter, aal, rij, den);
//  - no particle or prefix head (aan, uit, over, ver, ont), no stop word or
//    numeral part, no suffix-like tail (ster, heid, schap, aar);
//  - a word that is a derivation of an unsplittable word (leiding = leid+ing,
//    handelaar = handel+aar) or an inflection of one (kantoren, bedragen)
//    is not split;
//  - among candidates: fewest parts, then a tail of 4+ letters, then the
//    longest head (landbouw+grond rather than land+bouwgrond);
//  - a short list of frequent lexicalised words is never split (zondag,
//    allemaal, praktijk, stikstof).
#ifndef NEWSINDEX_ANALYSIS_COMPOUND_SPLITTER_H_
#define NEWSINDEX_ANALYSIS_COMPOUND_SPLITTER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/dictionary.h"

namespace newsindex::internal::analysis {

// Immutable; thread-safe.
class CompoundSplitter {
 public:
  explicit CompoundSplitter(std::shared_ptr<const Dictionary> dict);

  // Splits `word` (normalised, letters only) into `parts` (cleared first);
  // returns false, with `parts` empty, when it is not a compound. Parts are
  // the forms to stem: linking morphemes are dropped (trainings -> training,
  // zonne -> zon, kinder -> kind); a listed plural head stays (kranten).
  bool split(std::string_view word, std::vector<std::string>& parts) const;

  // Words shorter than this are never split.
  static constexpr std::size_t kMinWordBytes = 6;

 private:
  bool word(std::string_view w) const { return dict_->contains(w); }
  bool ok_head_word(std::string_view h) const;
  bool ok_tail(std::string_view t) const;
  void heads(std::string_view h, std::string_view t, std::vector<std::string>& out) const;
  bool split_rec(std::string_view w, int depth, std::vector<std::string>& best) const;
  bool derived(std::string_view w) const;
  bool inflection_of_simple_word(std::string_view w) const;

  std::shared_ptr<const Dictionary> dict_;
};

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_COMPOUND_SPLITTER_H_
