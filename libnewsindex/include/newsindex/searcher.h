// newsindex/searcher.h: ranked search over one or more news databases.
#ifndef NEWSINDEX_SEARCHER_H_
#define NEWSINDEX_SEARCHER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsindex/analyzer.h"
#include "newsindex/article.h"
#include "newsindex/export.h"
#include "newsindex/status.h"

namespace newsindex {

enum class DefaultOperator { kOr, kAnd };
enum class SortOrder { kRelevance, kDate };

struct SearchRequest {
  std::string query;  // query language: docs/query-syntax.md; may be empty
  std::uint32_t offset = 0;
  std::uint32_t limit = 10;
  // Inclusive bounds in seconds since the epoch; kNoTimestamp = open.
  std::int64_t since = kNoTimestamp;
  std::int64_t until = kNoTimestamp;
  std::vector<std::string> sources, outlets, categories, languages;
  SortOrder sort = SortOrder::kRelevance;
  // Recency boost half-life in seconds; 0 = off.
  double recency_half_life = 0;
  bool collapse = false;  // one hit per wire story
  // Facets to count: any of "source", "outlet", "category", "year", "month".
  std::vector<std::string> facets;
  bool snippets = true;
  std::uint32_t snippet_length = 200;  // bytes, roughly
  bool explain = false;  // fill SearchResults::explanation
  // Fill Hit::rerank_features for the top hits (the model's depth, else 50),
  // to learn a rerank model from (scripts/eval/ltr-rerank.py). Ranked
  // queries only. Default: false.
  bool rerank_features = false;
};

// A piece of a snippet; highlighted pieces are query matches.
struct SnippetPart {
  std::string text;
  bool highlight = false;
};

struct Hit {
  std::uint32_t rank = 0;  // 1-based, offset included
  std::string id;
  double score = 0;
  std::string title, date, source, outlet, category, url;
  std::vector<SnippetPart> snippet;
  std::uint32_t duplicates = 0;  // other copies collapsed into this hit
  // With SearchRequest::rerank_features, for the top hits: the rerank's
  // features, named by rerank_feature_names() (SearcherOptions::rerank);
  // score is the match's, before any rerank. Else empty.
  std::vector<double> rerank_features;
};

// One article as stored in the index, for a document page.
struct StoredArticle {
  Hit fields;        // id, title, date, source, outlet, category, url (rank, score 0)
  std::string text;  // the stored text: the body (the lead or title when no body is stored)
};

struct FacetValue {
  std::string value;
  std::uint64_t count = 0;
};

struct SearchResults {
  std::string query;
  std::uint64_t estimate = 0, lower_bound = 0, upper_bound = 0;
  std::vector<Hit> hits;
  std::map<std::string, std::vector<FacetValue>> facets;
  std::string suggestion;   // "did you mean", empty when none
  std::string explanation;  // the Xapian query run, with explain
  std::vector<std::string> warnings;  // e.g. a fallback for a malformed query
  // With SearcherOptions::allow_partial: the shards (databases) that did not
  // answer and were left out of this result ("DIR/shard-001",
  // "tcp://HOST:PORT"); each also has a warning saying why. Empty when all
  // answered.
  std::vector<std::string> missing_shards;
};

// Snippet rendering: plain text with `open`/`close` around highlights, or
// HTML-escaped with <b>…</b>.
NEWSINDEX_EXPORT std::string render_snippet(const std::vector<SnippetPart>& parts,
                                            std::string_view open,
                                            std::string_view close);
NEWSINDEX_EXPORT std::string render_snippet_html(const std::vector<SnippetPart>& parts);

// The names of Hit::rerank_features, in order (as a rerank model file
// names them).
NEWSINDEX_EXPORT std::vector<std::string> rerank_feature_names();

struct SearcherOptions {
  // BM25 parameters. Defaults chosen by docs/evaluation.md (known-item-nl:
  // k1 0.9 / b 0.1 gave MRR@10 0.722 against 0.550 for the textbook 1.2 /
  // 0.75; k1 1.2 with query_part_weight and hyphen_part_weight 0.75, chosen
  // together by coordinate ascent on one half of the queries, +0.0055 and
  // +0.0053 on the held-out half, "A learned combination"; min_normlen 1, a
  // document shorter than the average counting as average length, gains
  // +0.001 with no query worse, "Other levers").
  double k1 = 1.2, k2 = 0.0, k3 = 1.0, b = 0.1, min_normlen = 1.0;
  // Weighting scheme: "bm25" (the parameters above), or one of Xapian's
  // others with weighting_param as its parameter (0: the scheme's default):
  // "lm" (language model, Dirichlet smoothing; mu, 2000), "lm2" (two-stage;
  // mu, 2000), "lmjm" (Jelinek-Mercer; lambda, 0.7), "dph", "dlh" (no
  // parameter), "pl2", "inl2", "bb2", "ifb2", "ineb2" (c, 1), or ours,
  // "qlm" (query likelihood, Dirichlet, a missing term scored as the model
  // says; mu, 1000); another name fails open() with kInvalidArgument.
  // "qlm" is not known to xapian-tcpsrv (local shards only). Default: "bm25"
  // (docs/evaluation.md, "Other weighting schemes", "Score fusion").
  std::string weighting = "bm25";
  double weighting_param = 0.0;
  DefaultOperator default_operator = DefaultOperator::kOr;
  // Search even if the databases record other analysis than the Analyzer
  // given to open(), none, or one this build cannot make again (then with
  // the default analysis). Default: false.
  bool override_analysis = false;
  // Synonym list (one "term = alias, alias" line each); "" = built-in list.
  std::string synonyms_path;
  // Query-side weights of a free-text word, relative to its exact form (1).
  // Defaults chosen by docs/evaluation.md ("Query-side weights": known-item-nl
  // MRR@10 0.738 against 0.722 with the old 0.5 / 0.25 / off); each must be
  // in [0, 1000] (else open() fails with kInvalidArgument); 0 switches a
  // level off.
  // A match through the stem ("Z" terms; an exact match also matches its
  // stem, so exact forms still rank above stem-only matches). Default: 1.
  double stem_weight = 1.0;
  // A match on a compound part of a document word ("XP" terms). Default: 0.25.
  double compound_weight = 0.25;
  // An extra match in the title (S / ZS terms of indexes built with titles),
  // added on top of the body match. Default: 0 (titles already count through
  // the writer's wdf boost of unprefixed title terms).
  double title_weight = 0.0;
  // Stop words of a free-text query ("wie", "nu"): 0 drops them (unless the
  // query is only stop words); > 0 keeps them at this weight, adding weight
  // to the documents the other words match (never required, never a match on
  // their own, under OR and AND); those in more than a fifth of the documents
  // ("de", "het") are dropped anyway. Default: 1 (docs/evaluation.md, "Stop
  // words in headline queries": known-item-nl MRR@10 +0.006 with lead words
  // x2; a third of a headline's words).
  double stopword_weight = 1.0;
  // The parts of a hyphenated query word ("IS-terroristen" -> "terroristen"),
  // searched as separate words next to the whole / closed / phrase forms.
  // Default: 0.75 ("A learned combination").
  double hyphen_part_weight = 0.75;
  // The compound parts of a query word ("betaalmunt" -> "munt"), searched as
  // words (Z) and as document compound parts (XP). Default: 0.75 ("A
  // learned combination").
  double query_part_weight = 0.75;
  // Other stems of the index that differ from the query word's stem by a
  // short ending the stemmer leaves on ("depressie" -> "depressief",
  // "depressiev"; at most 3 bytes longer or shorter, stems of 5+ bytes),
  // searched at this weight. Default: 0 (off). At 0.25 known-item-nl
  // MRR@10 gains 0.003 (docs/evaluation.md, "Related forms"), but headline
  // queries cost about a fifth more CPU, and a hit found only through a
  // variant shows a snippet with no highlighted word.
  double variant_weight = 0;
  // The other forms of a word's group in the related-forms list (strong and
  // irregular verbs "liep" -> "lopen", "gelopen", also after a prefix,
  // "aankwam" -> "aankomen"; numbers "drie" -> "3"; short forms "mln" ->
  // "miljoen"; countries "VS" -> "amerikaanse"), searched as words at this
  // weight and highlighted in snippets. Default: 0.5 (docs/evaluation.md,
  // "Related forms": known-item-nl MRR@10 +0.0024; 0 switches them off).
  double related_weight = 0.5;
  // Related-forms list (one group "form, form, ..." a line, and
  // "prefixes: ..." lines); "" = the built-in list.
  std::string related_forms_path;
  // Headline rates learned from the user's own archive
  // (newsindex/headline_rates.h, `newsindex learn-headlines`): a free-text
  // word's weight is scaled by (its stem's smoothed title-to-body rate / the
  // mean rate)^headline_rate_power, so headline words bodies seldom use
  // ("column", "commentaar") weigh less. "" = no file (every weight 1);
  // power in [0, 100], 0 = off. Default: "" / 0.15 (with both files, power
  // 0.15 and translation_weight 1 were the best on one half of known-item-nl
  // that keeps topic nDCG@10 on the sample set, +0.002 on the other half,
  // not significant: docs/evaluation.md, "Headline words learned from the
  // archive").
  std::string headline_rates_path;
  double headline_rate_power = 0.15;
  // Headline translations learned from the user's own archive (`newsindex
  // learn-headlines --translations-out`): a free-text word also searches
  // the body stems its headline stem translates to, each at
  // translation_weight × its share. "" = no file; weight in [0, 1000], 0 =
  // off. Default: "" / 1 (see headline_rate_power).
  std::string headline_translations_path;
  double translation_weight = 1.0;
  // A learned rerank of the top k ranked hits: a linear model over four
  // features of each hit, read from its stored text as bytes and from the
  // match (its score over the first hit's; where the query's stems first
  // start a word in it; its length; BM25 of their counts in it:
  // rerank_feature_names(), docs/evaluation.md, "A learned rerank of the top
  // k"). Pages within the top k are reranked; hits below it keep their
  // order; Hit::score stays the match's. The model is a file of "depth K"
  // and one "FEATURE MEAN SD WEIGHT" line per feature (scripts/eval/
  // ltr-rerank.py writes one from `newsindex eval --rerank-features-out`);
  // "" = the built-in model, libnewsindex/data/rerank-headlines.model (the
  // top 10, learned on headline queries: known-item-nl MRR@10 0.761 ->
  // 0.777). Default: true / "".
  bool rerank = true;
  std::string rerank_model_path;
  // Term proximity (sequential dependence): each pair of neighbouring
  // free-text words of the query (stop words dropped between them count as
  // gaps) also searched as an ordered phrase, allowing the gap
  // (phrase_pair_weight), and within near_pair_window positions in any order
  // (near_pair_weight); a document that has the pair so adds that share of
  // the two words' weight. Only exact forms (stems have no positions).
  // Chosen on known-item-nl with its latency in bench/search_bench
  // (docs/evaluation.md, "Term proximity"). Default: 0 / 0 / 8.
  double phrase_pair_weight = 0.0;
  double near_pair_weight = 0.0;
  std::uint32_t near_pair_window = 8;  // 2..64
  // BM25 extras for each query term a document matches (docs/evaluation.md,
  // "Other levers"): a flat coordination bonus (times the term's query-side
  // weight), so that matching more of the words counts beyond their idf; and
  // BM25+'s floor, a share of the term's idf weight for any match however
  // long the document. Each in [0, 1000]; > 0 needs k2 = 0 and local
  // databases (a remote server does not know the scheme). Default: 0 / 0.
  double coord_bonus = 0.0;
  // A match of a free-text word's stem in the lead field ("ZXL" terms of
  // indexes built with WriterOptions::lead_terms), on top of the body match.
  // Default: 0.
  double lead_weight = 0.0;
  double tf_floor = 0.0;
  // Pseudo-relevance feedback: the query is run once, and the feedback_terms
  // stems that best tell its top feedback_docs documents from the rest are
  // added beside it (AND_MAYBE: they reorder its matches and match nothing
  // themselves), the best at feedback_weight of a query word, the others
  // less by their expansion weight. Costs a second match. 0 docs = off;
  // feedback_docs in 0..1000, feedback_terms in 1..1000, feedback_weight in
  // [0, 1000]. Not used for date-sorted or browse queries. Default: 0 / 10 /
  // 0.25 (docs/evaluation.md, "Pseudo-relevance feedback").
  std::uint32_t feedback_docs = 0;
  std::uint32_t feedback_terms = 10;
  double feedback_weight = 0.25;
  // A shard (one of the databases, or one listed by a stub file) that cannot
  // be opened, or a remote one that stops answering, is left out and named
  // in SearchResults::missing_shards, instead of failing open() or search()
  // with an error naming it. At least one must answer. Default: false.
  bool allow_partial = false;
  // Remote databases (tcp://, "remote" stub lines): milliseconds to wait for
  // a connection and for each answer before the shard counts as down.
  // Default: 10000 (Xapian's default).
  unsigned remote_timeout_ms = 10000;
};

// One Searcher per thread: a Searcher is not thread-safe, but many Searchers
// may read the same databases concurrently, also while a writer commits.
class NEWSINDEX_EXPORT Searcher {
 public:
  // `databases`: local paths (a database folder, a sharded folder holding a
  // stub file XAPIANDB, or a stub file: every database the stub lists is
  // opened and checked as if given here), or "tcp://host:port" for
  // xapian-tcpsrv.
  //
  // Queries are analysed as the databases record they were built
  // (WriterOptions::analysis): the Searcher makes that analyzer, so the
  // caller need not repeat it. Errors:
  //   kInvalidArgument   no database; a malformed tcp:// spec; an option
  //                      out of range (named);
  //   kNotFound          a database or the synonyms file is missing;
  //   kIoError           a database cannot be read, or no shard answers;
  //   kCorruption        a database is damaged;
  //   kAnalysisMismatch  unless override_analysis: a database records no
  //                      analyzer, or one this build cannot make (another
  //                      stemmer or word list, a stem-override file, a custom
  //                      Analyzer: open with that Analyzer instead), or the
  //                      databases record different analyzers (both named).
  static Result<std::unique_ptr<Searcher>> open(const std::vector<std::string>& databases,
                                                const SearcherOptions& options = {});
  // The same, analysing queries with `analyzer`, which must have the
  // identity every database records (else kAnalysisMismatch, unless
  // override_analysis). REQUIRES: analyzer non-null (else kInvalidArgument).
  static Result<std::unique_ptr<Searcher>> open(const std::vector<std::string>& databases,
                                                const SearcherOptions& options,
                                                std::shared_ptr<const Analyzer> analyzer);
  virtual ~Searcher() = default;

  // Errors of search, similar, copies, document and reopen:
  //   kInvalidArgument  a request value out of range (a negative recency
  //                     half-life); a malformed query is not an error (it
  //                     degrades to a sensible query plus a warning);
  //   kNotFound         similar/copies/document: no article with `id`;
  //   kIoError          a database or shard cannot be read or stopped
  //                     answering (named; with allow_partial only when none
  //                     answers), or it changed under the reader more often
  //                     than the retries allow;
  //   kCorruption       a database is damaged (named, with the advice to
  //                     restore or rebuild it);
  //   kInternal         an unexpected engine error (a bug).
  // A database modified by a writer during the call is reopened and the call
  // retried; that is not an error.
  virtual Result<SearchResults> search(const SearchRequest& request) = 0;
  // Articles like the one with `id` (more like this); kNotFound when there
  // is no article `id`.
  virtual Result<SearchResults> similar(std::string_view id, std::uint32_t limit = 10) = 0;
  // The other copies of the wire story of the article `id`: the articles a
  // collapsed search folds into one hit with it (Hit::duplicates counts
  // them), oldest first, at most `limit`; no snippets. kNotFound when there
  // is no article `id`.
  virtual Result<SearchResults> copies(std::string_view id, std::uint32_t limit = 100) = 0;
  // The stored article with `id`; kNotFound when there is none.
  virtual Result<StoredArticle> document(std::string_view id) = 0;
  // Sees the latest committed state of the databases (a database replaced
  // by a bulk commit or compaction is opened afresh). kIoError or
  // kCorruption as above when a database can no longer be opened.
  virtual Status reopen() = 0;
};

}  // namespace newsindex

#endif  // NEWSINDEX_SEARCHER_H_
