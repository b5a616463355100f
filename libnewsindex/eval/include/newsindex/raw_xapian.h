// newsindex/raw_xapian.h: the raw Xapian baseline, written once.
//
// What a developer gets from Xapian alone, the row every comparison in
// docs/performance.md and docs/evaluation.md is measured against:
// TermGenerator + Stem(NAME) over the text (Xapian's defaults otherwise),
// QueryParser + Stem(NAME) with STEM_SOME. The index, search and analysis
// benchmarks, bench/eval_baseline/raw_xapian_eval and
// tests/eval/sample_relevance_test build it through these functions.
// Header-only (Xapian types, which this evaluation kit may show: it is not
// installed); the user links Xapian.
#ifndef NEWSINDEX_EVAL_RAW_XAPIAN_H_
#define NEWSINDEX_EVAL_RAW_XAPIAN_H_

#include <xapian.h>

#include <string>
#include <string_view>

namespace newsindex::raw_xapian {

// The baseline's analysis: Xapian's TermGenerator with Stem(`stemmer`).
inline Xapian::TermGenerator term_generator(const std::string& stemmer = "dutch") {
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem(stemmer));
  return tg;
}

// Indexes `title` (when not empty), then `body` one position further, as
// free text into `doc`; with `title_prefix`, the title also under it.
inline void index_article_text(Xapian::TermGenerator& tg, Xapian::Document& doc,
                               std::string_view title, std::string_view body,
                               const char* title_prefix = nullptr) {
  tg.set_document(doc);
  if (!title.empty()) {
    if (title_prefix != nullptr) tg.index_text(std::string(title), 1, title_prefix);
    tg.index_text(std::string(title));
    tg.increase_termpos();
  }
  tg.index_text(std::string(body));
}

// The baseline's query parser over `db`: Stem(`stemmer`), STEM_SOME.
inline Xapian::QueryParser query_parser(const Xapian::Database& db,
                                        const std::string& stemmer = "dutch") {
  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem(stemmer));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_database(db);
  return qp;
}

}  // namespace newsindex::raw_xapian

#endif  // NEWSINDEX_EVAL_RAW_XAPIAN_H_
