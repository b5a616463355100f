// analysis/stemmer.cc
#include "analysis/stemmer.h"

#include <libstemmer.h>

#include <cstring>

namespace newsindex::internal::analysis {
namespace {

// libstemmer has no version call; this is the version the build is tested
// against (Debian 12 libstemmer0d 2.2.0-2). The behaviour check below is what
// actually pins the algorithm.
constexpr const char* kLibstemmerVersion = "2.2.0";

bool stems_like_porter(sb_stemmer* s) {
  static const char kWord[] = "aalsmeer";
  const sb_symbol* out =
      sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(kWord), sizeof(kWord) - 1);
  if (out == nullptr) return false;
  const int len = sb_stemmer_length(s);
  return std::string_view(reinterpret_cast<const char*>(out), static_cast<std::size_t>(len)) ==
         "aalsmer";
}

}  // namespace

Result<PinnedStemmer> pin_dutch_porter() {
  for (const char* name : {"dutch_porter", "dutch"}) {
    sb_stemmer* s = sb_stemmer_new(name, "UTF_8");
    if (s == nullptr) continue;
    const bool porter = stems_like_porter(s);
    sb_stemmer_delete(s);
    if (porter)
      return PinnedStemmer{name, std::string("snowball-dutch-porter(libstemmer ") +
                                     kLibstemmerVersion + ")"};
  }
  std::string have;
  for (const char** l = sb_stemmer_list(); *l != nullptr; ++l) {
    if (!have.empty()) have += ' ';
    have += *l;
  }
  return Status(StatusCode::kInternal,
                "libstemmer has no classic (Porter) Dutch stemmer under 'dutch' or "
                "'dutch_porter'; available: " + have);
}

Stemmer::Stemmer(const std::string& algorithm, const StemOverrides* overrides)
    : stemmer_(sb_stemmer_new(algorithm.c_str(), "UTF_8")), overrides_(overrides) {}

Stemmer::~Stemmer() {
  if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
}

std::string_view Stemmer::stem(std::string_view term) {
  if (overrides_ != nullptr) {
    if (const std::string* o = overrides_->find(term)) return *o;
  }
  return snowball(term);
}

std::string_view Stemmer::snowball(std::string_view term) {
  if (stemmer_ == nullptr || term.size() > 4096) return term;
  const sb_symbol* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(term.data()),
                                         static_cast<int>(term.size()));
  if (out == nullptr) return term;  // out of memory inside libstemmer
  return {reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer_))};
}

}  // namespace newsindex::internal::analysis
