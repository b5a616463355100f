// index/term_mapper.h: THE mapping from analyzer tokens to Xapian terms.
//
// The writer and the query builder both call these functions, so a query term
// is spelled exactly like the indexed one (docs/index-format.md, "Terms"):
//   kWord, kVariant, kHyphenPart -> term (with position) + "Z"+stem (no position)
//   kCompoundPart                -> "XP"+stem (no position: never in phrases)
//   title text additionally      -> "S"+term (with position) + "ZS"+stem
//   lead text, with lead_terms   -> "ZXL"+stem (no position)
// Title and lead words count `FieldWeights` times on their unprefixed, Z and
// XP terms (the index-time boosts); body words once.
// Stop words are indexed as exact terms with positions (phrases need them)
// but get no "Z" stem term: queries drop stop words, and a stop word's
// posting list would be in nearly every document ("de", "het", "een").
// Terms longer than schema::kMaxTermBytes are skipped.
#ifndef NEWSINDEX_INDEX_TERM_MAPPER_H_
#define NEWSINDEX_INDEX_TERM_MAPPER_H_

#include <string>
#include <string_view>

#include <xapian.h>

#include "index/doc_sink.h"
#include "index/schema.h"
#include "newsindex/analyzer.h"

namespace newsindex::internal {

enum class Field { kBody, kLead, kTitle };

// wdf per occurrence of a title / lead word (WriterOptions::title_wdf,
// lead_wdf).
struct FieldWeights {
  Xapian::termcount title = schema::kTitleWdfBoost;
  Xapian::termcount lead = schema::kLeadWdfBoost;
  // Lead words also as "ZXL"+stem (wdf 1), the lead field.
  bool lead_terms = false;
};

// "Z" + stem.
std::string stem_term(std::string_view stem);
// "S" + term (title words, positional).
std::string title_term(std::string_view term);
// "ZS" + stem.
std::string title_stem_term(std::string_view stem);
// "ZXL" + stem (lead words, WriterOptions::lead_terms).
std::string lead_stem_term(std::string_view stem);
// "XP" + stem (closed-compound parts).
std::string compound_term(std::string_view stem);

// True when `term` (prefix included) is short enough to be indexed.
bool term_fits(std::string_view term);

// True when the token's stem is indexed as a "Z" term (not for stop words and
// not for compound parts, which have their own "XP" term).
bool indexes_stem(const Token& token);

// Adds the terms of one token to a document. Reuses one string buffer, so it
// does not allocate per token once warmed up. Not thread-safe: one per thread.
class TermMapper {
 public:
  explicit TermMapper(FieldWeights weights = {}) : weights_(weights) {}
  // Adds `token` from `field`; title and lead tokens get their FieldWeights
  // wdf on their unprefixed, Z and XP terms. Returns the number of terms added.
  int add(DocSink& doc, const Token& token, Field field);
  int add(Xapian::Document& doc, const Token& token, Field field) {
    XapianDocSink sink(doc);
    return add(sink, token, field);
  }

 private:
  void post(DocSink& doc, std::string_view prefix, std::string_view text, Xapian::termpos pos,
            Xapian::termcount wdf);
  void term(DocSink& doc, std::string_view prefix, std::string_view text, Xapian::termcount wdf);
  bool fill(std::string_view prefix, std::string_view text);

  FieldWeights weights_;
  std::string buf_;
  int added_ = 0;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_TERM_MAPPER_H_
