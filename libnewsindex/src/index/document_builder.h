// index/document_builder.h: one Article -> one Xapian::Document.
//
// Terms come from the shared Analyzer through TermMapper (title first, then
// the body kFieldPositionGap positions later); boolean filter terms, value
// slots and the stored JSON data follow schema.h (docs/index-format.md).
// The cluster key (kSlotCollapse) is left to the writer's serial stage,
// which knows the earlier articles; the builder computes the MinHash
// signature it needs.
#ifndef NEWSINDEX_INDEX_DOCUMENT_BUILDER_H_
#define NEWSINDEX_INDEX_DOCUMENT_BUILDER_H_

#include <memory>
#include <string>

#include <xapian.h>

#include "dedup/minhash.h"
#include "glass/doc_image.h"
#include "index/doc_sink.h"
#include "index/term_mapper.h"
#include "newsindex/analyzer.h"
#include "newsindex/article.h"
#include "newsindex/status.h"

namespace newsindex::internal {

// A built document waiting for its cluster key.
struct BuiltDocument {
  Xapian::Document doc;    // unless `direct`
  glass::DocImage image;   // when `direct` (finished)
  bool direct = false;
  std::string id;
  std::string id_term;  // "Q" + id
  bool has_signature = false;
  dedup::Signature signature{};
  dedup::BandKeys bands{};
  std::uint64_t text_bytes = 0;
};

// kInvalidArgument naming the article when it cannot be indexed: no id, an
// id too long for a term, or neither title nor body.
Status validate_article(const Article& article);

// True when the article has a timestamp in years 1..9999 (else it is
// indexed as undated).
bool has_usable_date(const Article& article);

// "2020-02-12T13:48:00+01:00" (or "2020-02-12" without a time of day); ""
// when the timestamp is unknown.
std::string iso_date(const Article& article);

// Reusable; not thread-safe (one per thread: it owns a TokenStream).
class DocumentBuilder {
 public:
  // `direct`: build glass::DocImages for the direct glass writer instead of
  // Xapian::Documents (BuiltDocument::direct).
  // `weights`: the wdf of a title and of a lead word (WriterOptions).
  DocumentBuilder(std::shared_ptr<const Analyzer> analyzer, bool index_title,
                  bool direct = false, FieldWeights weights = {});

  // Builds `out` from `article`. REQUIRES: validate_article(article).ok().
  // May throw std::bad_alloc or Xapian::Error (callers guard).
  void build(const Article& article, BuiltDocument& out);

 private:
  // Tokens that start before byte `lead_end` of `text` count as kLead.
  void index_text(DocSink& doc, std::string_view text, Field field,
                  std::uint32_t first_position, bool shingle, std::size_t lead_end = 0);

  std::shared_ptr<const Analyzer> analyzer_;
  std::unique_ptr<TokenStream> stream_;
  TermMapper mapper_;
  dedup::Shingler shingler_;
  bool index_title_;
  bool direct_;
};

// Finishes a built document with its cluster key.
void set_cluster(BuiltDocument& built, const std::string& cluster);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_DOCUMENT_BUILDER_H_
