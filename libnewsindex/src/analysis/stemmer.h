// analysis/stemmer.h: Snowball Dutch (Porter) through libstemmer, pinned.
//
// libstemmer 2.2.0 (Debian 12) calls the classic Porter-based Dutch stemmer
// "dutch"; Snowball 3.0 renamed it "dutch_porter" and gave "dutch" to the
// Kraaij-Pohlmann algorithm. pin_dutch_porter() finds the classic algorithm
// under either name by its behaviour (aalsmeer -> "aalsmer" in Porter,
// "aalsmeer" in Kraaij-Pohlmann) and refuses to run without it.
#ifndef NEWSINDEX_ANALYSIS_STEMMER_H_
#define NEWSINDEX_ANALYSIS_STEMMER_H_

#include <memory>
#include <string>
#include <string_view>

#include "analysis/stem_overrides.h"
#include "newsindex/status.h"

struct sb_stemmer;

namespace newsindex::internal::analysis {

struct PinnedStemmer {
  std::string algorithm;  // libstemmer's name: "dutch" or "dutch_porter"
  std::string identity;   // "snowball-dutch-porter(libstemmer 2.2.0)"
};

// The classic Dutch algorithm, or an error naming what libstemmer offers.
Result<PinnedStemmer> pin_dutch_porter();

// Not thread-safe: one per TokenStream (libstemmer keeps state per stemmer).
class Stemmer {
 public:
  // REQUIRES: `algorithm` from pin_dutch_porter(); `overrides` may be null
  // and must outlive the Stemmer.
  Stemmer(const std::string& algorithm, const StemOverrides* overrides);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of `term` (a normalised word). The view is valid until the next
  // call. An override wins over Snowball.
  std::string_view stem(std::string_view term);
  // Snowball alone, without overrides.
  std::string_view snowball(std::string_view term);

 private:
  sb_stemmer* stemmer_ = nullptr;
  const StemOverrides* overrides_ = nullptr;
};

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_STEMMER_H_
