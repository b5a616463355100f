// analysis/normalizer.h: NFKC, full case folding and accent folding (via ICU).
//
// IJsselmeer, Ijsselmeer and Ĳsselmeer (U+0132) all become "ijsselmeer";
// efficiënte, coördinatie, Curaçao become "efficiente", "coordinatie",
// "curacao"; ’ ‘ ʼ become ' and U+2010/U+2011 become '-'. Accent folding strips
// the combining diacritics U+0300–U+036F after canonical decomposition, so
// letters of other scripts keep their vowel signs. Whether an accented stop
// word keeps its accents (één, vóór) is the pipeline's decision: it asks for
// the unfolded form when the folded one is a stop word.
#ifndef NEWSINDEX_ANALYSIS_NORMALIZER_H_
#define NEWSINDEX_ANALYSIS_NORMALIZER_H_

#include <string>
#include <string_view>

namespace newsindex::internal::analysis {

// Lower-cases ASCII `in` into `out` (the fast path for ASCII words).
void ascii_lower(std::string_view in, std::string& out);

// Not thread-safe (scratch buffers); one per TokenStream.
class Normalizer {
 public:
  // Writes the normalised form of `in` (valid UTF-8) to `out`, replacing its
  // contents. With `fold_accents`, returns true when diacritics were removed.
  bool normalize(std::string_view in, std::string& out, bool fold_accents);

 private:
  std::string scratch_;
};

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_NORMALIZER_H_
