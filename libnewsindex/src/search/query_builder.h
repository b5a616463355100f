// search/query_builder.h: QueryNode -> Xapian::Query through the Analyzer.
//
// Every word is analysed like the documents (index/term_mapper.h) and becomes
//   OR( exact forms            weight 1,
//       "Z" stems              weight stem_weight,
//       "XP" compound parts    weight compound_weight,
//       title (S / ZS)         weight title_weight          (0: off),
//       lead stems (ZXL)       weight lead_weight           (0: off),
//       hyphen parts as words  weight hyphen_part_weight    (0: off),
//       query compound parts   weight query_part_weight     (0: off),
//       stem variants          weight variant_weight        (0: off),
//       related forms          weight related_weight        (0: off),
//       headline translations  weight translation_weight × share (0: off) )
// times the word's headline weight (search/headline_rates.h; 1 without a
// rates table or at headline_rate_power 0),
// so an exact match ranks above a stem match above a compound-part match.
// Term proximity (0: off): neighbouring free-text words of a sequence as
//   AND_MAYBE(words, OR( PHRASE(a, b, 2 + gap)     weight phrase_pair_weight,
//                        NEAR(a, b, near_pair_window) weight near_pair_weight ))
// over their exact forms, where gap counts the stop words dropped between.
// With exact_within_stem the first two are `stem AND_MAYBE exact` (the same
// weights, cheaper to match).
// Stop words of free text are dropped (stopword_weight 0) or kept at
// stopword_weight as AND_MAYBE(other words, stop words): they add weight to
// the documents the other words match and match none alone. The weights are SearcherOptions'
// (BuilderOptions copies them). Given a database, the builder also leaves out very common
// compound-part terms and stop words (see BuilderOptions: cost limits).
#ifndef NEWSINDEX_SEARCH_QUERY_BUILDER_H_
#define NEWSINDEX_SEARCH_QUERY_BUILDER_H_

#include <xapian.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "newsindex/analyzer.h"
#include "newsindex/searcher.h"
#include "search/headline_rates.h"
#include "search/headline_translations.h"
#include "search/query_ast.h"
#include "search/related_forms.h"
#include "search/synonyms.h"

namespace newsindex::internal {

struct BuilderOptions {
  // The operator and query-side weights come from a SearcherOptions, the one
  // place their defaults are written and explained (newsindex/searcher.h,
  // chosen by docs/evaluation.md); BuilderOptions() takes SearcherOptions'
  // defaults.
  BuilderOptions() : BuilderOptions(SearcherOptions()) {}
  explicit BuilderOptions(const SearcherOptions& searcher)
      : default_operator(searcher.default_operator),
        stem_weight(searcher.stem_weight),
        compound_weight(searcher.compound_weight),
        title_weight(searcher.title_weight),
        lead_weight(searcher.lead_weight),
        stopword_weight(searcher.stopword_weight),
        hyphen_part_weight(searcher.hyphen_part_weight),
        query_part_weight(searcher.query_part_weight),
        variant_weight(searcher.variant_weight),
        related_weight(searcher.related_weight),
        phrase_pair_weight(searcher.phrase_pair_weight),
        near_pair_weight(searcher.near_pair_weight),
        near_pair_window(searcher.near_pair_window),
        headline_rate_power(searcher.headline_rate_power),
        translation_weight(searcher.translation_weight) {}

  DefaultOperator default_operator;
  double stem_weight;
  double compound_weight;
  double title_weight;
  double lead_weight;
  double stopword_weight;
  double hyphen_part_weight;
  double query_part_weight;
  double variant_weight;
  double related_weight;
  double phrase_pair_weight;
  double near_pair_weight;
  Xapian::termcount near_pair_window;
  double headline_rate_power;
  // The learned headline rates headline_rate_power applies (may be null:
  // every word at weight 1). Shared, immutable.
  std::shared_ptr<const HeadlineRates> headline_rates;
  double translation_weight;
  // The learned headline translations translation_weight applies (may be
  // null: none).
  std::shared_ptr<const HeadlineTranslations> translations;
  // Most terms a trailing wildcard expands to (the most frequent). Default: 100.
  unsigned wildcard_limit = 100;
  // The exact level as `stem AND_MAYBE exact` (same weights as OR; the exact
  // list is skipped through, not merged) when the exact forms are plain terms.
  // Default: true.
  bool exact_within_stem = true;
  // Only with a database (QueryBuilder's db, the Searcher's): cost limits
  // measured with bench/search_bench and known-item-nl (docs/performance.md).
  // XP and query-compound-part terms in more than this share of the documents
  // and in more than common_part_floor documents are left out (long lists,
  // low IDF; shorter lists cost little). 0: off. Default: 0.01 and 1,000.
  double common_part_share = 0.01;
  Xapian::doccount common_part_floor = 1000;
  // A kept stop word (stopword_weight > 0) in more than this share of the
  // documents is dropped after all ("de", "het": almost no weight, the
  // longest posting lists). 1: off. Default: 0.2 (known-item-nl MRR@10 -0.0007
  // against 1, for most of the CPU the kept stop words cost on headline
  // queries: docs/evaluation.md, "Stop words in headline queries").
  double stopword_max_share = 0.2;
  // A word whose stem is in at least this many documents is not expanded into
  // its query compound parts. 0: off. Default: 50.
  Xapian::doccount whole_word_docs = 50;
};

// What a snippet highlights: analysed query words (positive clauses only).
struct HighlightTerms {
  std::set<std::string, std::less<>> terms;  // exact normalised forms
  std::set<std::string, std::less<>> stems;  // their stems
  std::vector<std::string> prefixes;         // wildcard prefixes
  bool empty() const { return terms.empty() && stems.empty() && prefixes.empty(); }
};

struct BuiltQuery {
  Xapian::Query query;  // MatchAll for a blank query (browse)
  // No positive words (blank, only filters or only exclusions): the query
  // ranks nothing, so results come newest first.
  bool browse = false;
  bool nothing = false;  // words given but none searchable (e.g. "*")
  std::vector<std::string> warnings;
  HighlightTerms highlight;
  // Single plain words (normalised) for the spelling suggestion.
  std::vector<std::string> words;
};

// Not thread-safe (owns a TokenStream); cheap to create. `db` (may be null)
// gives the term frequencies for the cost limits of BuilderOptions; it must
// outlive the builder, as must `related` (may be null: no related forms).
class QueryBuilder {
 public:
  QueryBuilder(const Analyzer& analyzer, const Synonyms* synonyms, BuilderOptions options = {},
               const Xapian::Database* db = nullptr, const RelatedForms* related = nullptr);
  BuiltQuery build(const QueryNode& root);

 private:
  struct Built;
  struct Chunk;
  Built node(const QueryNode& n, BuiltQuery& out);
  Built seq(const QueryNode& n, BuiltQuery& out);
  Built word(const QueryNode& n, BuiltQuery& out, bool positional);
  Built phrase(const QueryNode& n, BuiltQuery& out);
  // The per-position queries of a phrase (terms or ORs of terms).
  std::vector<Xapian::Query> phrase_positions(const QueryNode& n, BuiltQuery* out = nullptr,
                                              std::uint32_t* span = nullptr);
  Built wildcard(const QueryNode& n, BuiltQuery& out);
  Built filter(const QueryNode& n, BuiltQuery& out);
  // The proximity subqueries of the neighbouring plain words of a sequence
  // (MatchNothing when none).
  Xapian::Query proximity(const std::vector<QueryNode>& kids,
                          const std::vector<std::size_t>& consumed);
  Built synonym_group(std::size_t group, QueryField field, BuiltQuery& out);
  Chunk analyse(const std::string& text);
  Xapian::Query levels(std::vector<Xapian::Query> exact, const std::vector<std::string>& stems,
                       QueryField field);
  // The optional levels of a free-text word (title, hyphen parts, query
  // compound parts) added to its base query.
  Xapian::Query extras(Xapian::Query base, const Chunk& c, const std::vector<std::string>& forms,
                       const std::vector<std::string>& stems, QueryField field);
  bool all_stopwords(const QueryNode& root);
  // A term in `tf` documents is in more than common_part_share of them.
  bool common_tf(Xapian::doccount tf) const;
  // `term` is in more than common_part_share of the documents.
  bool common(const std::string& term) const;
  // `term` is in no document (so it adds no weight: Xapian would still look
  // it up twice, a block read each), or common().
  bool absent_or_common(const std::string& term) const;
  // A stem of the word is in at least whole_word_docs documents.
  bool found_whole(const std::vector<std::string>& stems) const;
  // The related forms of a free-text word (none when related_weight is 0,
  // without stemming, for a stop word or another field), and their level.
  std::vector<std::string> related_words(const std::string& word,
                                         const std::vector<std::string>& stems,
                                         QueryField field) const;
  Xapian::Query related_level(const std::vector<std::string>& words) const;
  // Stems of the database that `stem` with up to 3 bytes more or fewer at
  // its end (not `stem` itself; none without a database or under 5 bytes).
  std::vector<std::string> stem_variants(const std::string& stem) const;

  const Analyzer& analyzer_;
  const Synonyms* synonyms_;
  BuilderOptions options_;
  const Xapian::Database* db_;
  const RelatedForms* related_;
  std::unique_ptr<TokenStream> stream_;
  bool keep_stopwords_ = false;
  bool positive_ = true;   // false inside a NOT branch: no highlights
  bool weighted_ = false;  // a positive text clause was built
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_QUERY_BUILDER_H_
