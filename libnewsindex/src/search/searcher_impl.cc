// Searcher: query, ranking, filters, facets, snippets, collapse; the
// databases and their lifecycle are search/searcher_databases.*.
#include "search/searcher_impl.h"

#include <xapian.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

#include "analysis/analyzer_identity.h"
#include "index/schema.h"
#include "search/facets.h"
#include "search/feedback.h"
#include "search/hit_data.h"
#include "search/query_builder.h"
#include "search/query_parser.h"
#include "search/ranking_weight.h"
#include "search/recency_source.h"
#include "search/rerank.h"
#include "search/searcher_databases.h"
#include "search/snippets.h"
#include "search/spelling.h"
#include "search/related_forms.h"
#include "search/synonyms.h"
#include "util/calendar.h"

namespace newsindex::internal {
namespace {

// A fresh article with --recency gains up to this share of the best
// possible relevance score of the query.
constexpr double kRecencyShare = 0.5;
// Terms taken from a document for more-like-this.
constexpr Xapian::termcount kSimilarTerms = 25;

// Hits whose rerank features SearchRequest::rerank_features fills without a
// model (a model's depth otherwise).
constexpr std::uint32_t kFeatureDepth = 50;

// Accepts unprefixed, non-stop words of 3+ bytes that are not numbers.
class SimilarTermDecider : public Xapian::ExpandDecider {
 public:
  explicit SimilarTermDecider(const Analyzer& a) : analyzer_(a) {}
  bool operator()(const std::string& term) const override {
    return expansion_word(term, analyzer_);
  }

 private:
  const Analyzer& analyzer_;
};

// The builder's options: the Searcher's, with the loaded headline rates.
BuilderOptions builder_options(const SearcherOptions& options,
                               std::shared_ptr<const HeadlineRates> rates,
                               std::shared_ptr<const HeadlineTranslations> translations) {
  BuilderOptions b(options);
  b.headline_rates = std::move(rates);
  b.translations = std::move(translations);
  return b;
}

class SearcherImpl final : public Searcher {
 public:
  SearcherImpl(SearcherDatabases dbs, SearcherOptions options,
               std::shared_ptr<const Analyzer> analyzer, Synonyms synonyms, RelatedForms related,
               std::shared_ptr<const HeadlineRates> rates,
               std::shared_ptr<const HeadlineTranslations> translations, RerankModel rerank)
      : dbs_(std::move(dbs)),
        options_(std::move(options)),
        analyzer_(std::move(analyzer)),
        synonyms_(std::move(synonyms)),
        related_(std::move(related)),
        builder_(*analyzer_, &synonyms_,
                 builder_options(options_, std::move(rates), std::move(translations)), &dbs_.db(),
                 &related_),
        snippeter_(*analyzer_),
        rerank_(std::move(rerank)),
        rerank_stream_(analyzer_->stream()) {}

  Result<SearchResults> search(const SearchRequest& request) override {
    return run([&](SearchResults& results) { return search_once(request, results); });
  }

  Result<SearchResults> similar(std::string_view id, std::uint32_t limit) override {
    return run([&](SearchResults& results) {
      return similar_once(std::string(id), limit, results);
    });
  }

  Result<SearchResults> copies(std::string_view id, std::uint32_t limit) override {
    return run([&](SearchResults& results) {
      return copies_once(std::string(id), limit, results);
    });
  }

  Result<StoredArticle> document(std::string_view id) override {
    StoredArticle article;
    Status st = dbs_.retrying([&] {
      article = StoredArticle{};
      const std::string id_term = std::string(schema::kPrefixId) + std::string(id);
      Xapian::PostingIterator p = db().postlist_begin(id_term);
      if (p == db().postlist_end(id_term)) return no_such_id(std::string(id));
      article.text = fill_hit(db().get_document(*p), article.fields, true);
      return Status();
    });
    if (!st.ok()) return st;
    return article;
  }

  Status reopen() override { return dbs_.reopen(); }

 private:
  Xapian::Database& db() { return dbs_.db(); }

  Status no_such_id(const std::string& id) const {
    return Status::not_found(dbs_.what() + ": no document with id '" + id + "'");
  }

  // Runs one operation through the retry (searcher_databases.h) on fresh
  // results, and names the shards left out.
  template <typename Fn>
  Result<SearchResults> run(Fn&& once) {
    SearchResults results;
    Status st = dbs_.retrying([&] {
      results = SearchResults{};
      return once(results);
    });
    if (!st.ok()) return st;
    dbs_.report_missing(results);
    return results;
  }

  // The records (document data) of hits [from, from + kReadBatch) of
  // `mset` into data[0, ...), read in document-id order: ids close together
  // share B-tree blocks of the data table, so fewer blocks are read than in
  // rank order (2-word queries at 20k, top 10: 11.4 instead of 13.4). In
  // batches, so a long page does not hold every record at once.
  static constexpr Xapian::doccount kReadBatch = 64;
  // `at` gives the MSet index of each hit in the order they are added.
  static void read_records(const Xapian::MSet& mset, const std::vector<Xapian::doccount>& at,
                           Xapian::doccount from, std::vector<std::string>& data) {
    const auto n = std::min<Xapian::doccount>(kReadBatch, at.size() - from);
    std::vector<std::pair<Xapian::docid, Xapian::doccount>> order;
    order.reserve(n);
    for (Xapian::doccount i = 0; i < n; ++i) order.emplace_back(*mset[at[from + i]], i);
    std::sort(order.begin(), order.end());
    data.resize(n);
    for (const auto& [did, i] : order) data[i] = mset[at[from + i]].get_document().get_data();
  }

  // Hits [0, hits.size()) of an MSet, their stored fields and texts
  // already read (a rerank's features need them): add_hits takes them from
  // here rather than reading the records again.
  struct ReadHits {
    std::vector<Hit> hits;
    std::vector<std::string> texts;
  };

  // The one MSet -> hits loop: ranks from `offset` + 1, scores, collapse
  // counts, the stored fields, and, when `highlight` is given, a snippet of
  // about `snippet_length` bytes from the stored text. `page` (if given)
  // lists the MSet indexes of the hits in their order (a rerank's), else
  // every hit of `mset` in its order; `features` (if given) are the rerank
  // features of MSet indexes [0, features->size()); `read` (if given) holds
  // the first hits already read.
  void add_hits(const Xapian::MSet& mset, std::uint32_t offset, const HighlightTerms* highlight,
                std::uint32_t snippet_length, SearchResults& results,
                const std::vector<Xapian::doccount>* page = nullptr,
                const std::vector<RerankFeatures>* features = nullptr,
                ReadHits* read = nullptr) {
    results.estimate = mset.get_matches_estimated();
    results.lower_bound = mset.get_matches_lower_bound();
    results.upper_bound = mset.get_matches_upper_bound();
    std::vector<Xapian::doccount> all;
    if (!page) {
      all.resize(mset.size());
      std::iota(all.begin(), all.end(), 0);
      page = &all;
    }
    const Xapian::doccount have = read ? static_cast<Xapian::doccount>(read->hits.size()) : 0;
    std::vector<Xapian::doccount> unread;  // the page's hits whose records are read here
    for (Xapian::doccount at : *page) {
      if (at >= have) unread.push_back(at);
    }
    results.hits.reserve(results.hits.size() + page->size());
    std::vector<std::string> data;
    std::uint32_t rank = offset;
    Xapian::doccount next_unread = 0;
    for (Xapian::doccount at : *page) {
      const Xapian::MSetIterator it = mset[at];
      Hit hit;
      std::string text;
      if (at < have) {
        hit = std::move(read->hits[at]);
        text = std::move(read->texts[at]);
      } else {
        if (next_unread % kReadBatch == 0) read_records(mset, unread, next_unread, data);
        text = fill_hit(it.get_document(), data[next_unread % kReadBatch], hit,
                        highlight != nullptr);
        ++next_unread;
      }
      hit.rank = ++rank;
      hit.score = it.get_weight();
      hit.duplicates = it.get_collapse_count();
      if (highlight) hit.snippet = snippeter_.make(text, *highlight, snippet_length);
      if (features && at < features->size()) {
        hit.rerank_features.assign((*features)[at].begin(), (*features)[at].end());
      }
      results.hits.push_back(std::move(hit));
    }
  }

  // The top `depth` hits' rerank features (from the query's `stems`) and
  // the page, in the model's order when `rerank`: `mset` holds hits [0,
  // offset + limit) or more.
  void add_reranked_hits(const Xapian::MSet& mset, const SearchRequest& request,
                         std::uint32_t depth, const std::vector<std::string>& stems,
                         std::vector<std::string> keys, bool rerank,
                         const HighlightTerms* highlight, SearchResults& results) {
    const auto n = std::min<Xapian::doccount>(depth, mset.size());
    ReadHits read;
    read.hits.resize(n);
    read.texts.resize(n);
    std::vector<Xapian::doccount> top(n);
    std::iota(top.begin(), top.end(), 0);
    std::vector<std::string> data;
    for (Xapian::doccount i = 0; i < n; ++i) {
      if (i % kReadBatch == 0) read_records(mset, top, i, data);
      read.texts[i] = fill_hit(mset[i].get_document(), data[i % kReadBatch], read.hits[i], true);
    }
    const RerankQuery rq = rerank_query(stems, std::move(keys), mset, db().get_doccount());
    std::vector<RerankFeatures> features = rerank_features(mset, read.texts, rq);
    std::vector<Xapian::doccount> order(mset.size());
    std::iota(order.begin(), order.end(), 0);
    if (rerank) {
      std::vector<std::size_t> best = rerank_order(rerank_, features);
      for (std::size_t i = 0; i < best.size(); ++i) {
        order[i] = static_cast<Xapian::doccount>(best[i]);
      }
    }
    const auto from = std::min<std::size_t>(request.offset, order.size());
    const auto to = std::min<std::size_t>(from + request.limit, order.size());
    std::vector<Xapian::doccount> page(order.begin() + static_cast<std::ptrdiff_t>(from),
                                       order.begin() + static_cast<std::ptrdiff_t>(to));
    add_hits(mset, request.offset, highlight, request.snippet_length, results, &page,
             request.rerank_features ? &features : nullptr, &read);
  }

  Xapian::Query request_filter(const SearchRequest& r) const {
    std::vector<Xapian::Query> parts;
    auto field = [&](const std::vector<std::string>& values, std::string_view prefix) {
      std::vector<Xapian::Query> qs;
      for (const std::string& v : values) {
        std::string fv = schema::filter_value(v);
        if (!fv.empty()) qs.emplace_back(schema::boolean_term(prefix, fv));
      }
      if (!qs.empty()) parts.emplace_back(Xapian::Query::OP_OR, qs.begin(), qs.end());
    };
    field(r.sources, schema::kPrefixSource);
    field(r.outlets, schema::kPrefixOutlet);
    field(r.categories, schema::kPrefixCategory);
    field(r.languages, schema::kPrefixLanguage);
    if (r.since != kNoTimestamp && r.until != kNoTimestamp) {
      parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, date_slot(r.since),
                         date_slot(r.until));
    } else if (r.since != kNoTimestamp) {
      parts.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, date_slot(r.since));
    } else if (r.until != kNoTimestamp) {
      parts.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, date_slot(r.until));
    }
    if (parts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  }

  std::unique_ptr<Xapian::Weight> weight() const { return make_weight(options_); }

  FeedbackOptions feedback_options() const {
    return {options_.feedback_docs, options_.feedback_terms, options_.feedback_weight};
  }

  Status search_once(const SearchRequest& request, SearchResults& results) {
    results.query = request.query;
    if (request.recency_half_life < 0) {
      return Status::invalid_argument("recency half-life must not be negative");
    }
    if (request.since != kNoTimestamp && request.until != kNoTimestamp &&
        request.since > request.until) {
      results.warnings.push_back("since is after until: nothing can match");
    }
    FacetCollector facets;
    Status facets_ok = facets.init(request.facets, dbs_.remote(), &db(), &columns_);
    if (!facets_ok.ok()) return facets_ok;

    ParsedQuery parsed = parse_query(request.query);
    BuiltQuery built = builder_.build(parsed.root);
    results.warnings = std::move(parsed.warnings);
    results.warnings.insert(results.warnings.end(), built.warnings.begin(), built.warnings.end());
    if (built.nothing) {
      if (request.explain) results.explanation = "Query()";
      return Status();
    }
    Xapian::Query query = built.query;
    Xapian::Query filter = request_filter(request);
    if (!filter.empty()) {
      query = built.browse && query.get_type() == Xapian::Query::LEAF_MATCH_ALL
                  ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0.0)
                  : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    }

    Xapian::Enquire enquire(db());
    enquire.set_weighting_scheme(*weight());
    if (!built.browse && request.sort != SortOrder::kDate) {
      query = expand_by_feedback(enquire, query, feedback_options(), *analyzer_);
    }
    std::unique_ptr<RecencySource> recency;
    if (request.recency_half_life > 0 && dbs_.remote()) {
      // xapian-tcpsrv does not know our PostingSource.
      results.warnings.push_back("recency boost is not available over remote databases; ignored");
    } else if (request.recency_half_life > 0 && !built.browse) {
      enquire.set_query(query);
      double best = enquire.get_mset(0, 0).get_max_possible();
      std::string newest = db().get_value_upper_bound(schema::kSlotTimestamp);
      if (best > 0 && !newest.empty()) {
        recency = std::make_unique<RecencySource>(Xapian::sortable_unserialise(newest),
                                                  request.recency_half_life, best * kRecencyShare);
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(recency.get()));
      }
    }
    enquire.set_query(query);
    if (built.browse || request.sort == SortOrder::kDate) {
      enquire.set_sort_by_value_then_relevance(schema::kSlotDate, /*reverse=*/true);
    }
    if (request.collapse) enquire.set_collapse_key(schema::kSlotCollapse);
    facets.attach(enquire);
    // Facets count the whole match set; collapse counts too: Xapian counts
    // only the copies its matcher looked at, which depends on the order of
    // document ids, so they would differ between one database and shards.
    //
    // Over several databases (shards), every match is checked too: Xapian
    // 1.4.22's matcher, pruning by weight, left a hit out of the top 10 over
    // 4 shards that it finds at rank 9 in one database and, over the same 4
    // shards, with a larger limit or a full check ("steun voor KLM", 2,100
    // shared articles, tests/search/shard_parity_test.cc). Not understood;
    // the full check costs time per query on large shards (docs/scaling.md).
    Xapian::doccount check =
        facets.empty() && !request.collapse && db().size() <= 1 ? 0 : db().get_doccount();
    const bool ranked = !built.browse && request.sort == SortOrder::kRelevance;
    // The rerank's depth: the model's, for a query with the words it was
    // learned on (or to fill the features), else 0.
    std::uint32_t depth = 0;
    std::vector<std::string> stems, keys;
    bool rerank = false;
    if (ranked) {
      rerank = !rerank_.empty() && rerank_query_words(request.query) >= rerank_.min_words();
      if (rerank || request.rerank_features) {
        depth = rerank_.empty() ? kFeatureDepth : rerank_.depth();
        stems = rerank_query_stems(request.query, *rerank_stream_, &keys);
      }
    }
    const HighlightTerms* highlight = request.snippets ? &built.highlight : nullptr;
    Xapian::MSet mset;
    if (depth > 0 && request.offset < depth) {
      const auto want = std::max<std::uint64_t>(
          depth, std::uint64_t{request.offset} + std::uint64_t{request.limit});
      mset = enquire.get_mset(0, static_cast<Xapian::doccount>(std::min<std::uint64_t>(
                                     want, std::numeric_limits<Xapian::doccount>::max())),
                              check);
      add_reranked_hits(mset, request, depth, stems, std::move(keys), rerank, highlight, results);
    } else {
      mset = enquire.get_mset(request.offset, request.limit, check);
      add_hits(mset, request.offset, highlight, request.snippet_length, results);
    }
    if (!facets.empty()) results.facets = facets.collect();
    if (!built.words.empty() && (mset.empty() || mset.get_matches_estimated() < 3)) {
      results.suggestion = suggest(db(), *analyzer_, built.words);
    }
    if (request.explain) results.explanation = query.get_description();
    return Status();
  }

  Status copies_once(const std::string& id, std::uint32_t limit, SearchResults& results) {
    results.query = "copies:" + id;
    const std::string id_term = std::string(schema::kPrefixId) + id;
    Xapian::PostingIterator p = db().postlist_begin(id_term);
    if (p == db().postlist_end(id_term)) {
      return Status::not_found(dbs_.what() + ": no document with id '" + id + "'");
    }
    const std::string cluster = db().get_document(*p).get_value(schema::kSlotCollapse);
    if (cluster.empty()) return Status();  // indexed without collapse keys
    Xapian::Enquire enquire(db());
    enquire.set_query(Xapian::Query(
        Xapian::Query::OP_AND_NOT,
        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotCollapse, cluster, cluster),
        Xapian::Query(id_term)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::kSlotDate, /*reverse=*/false);
    Xapian::MSet mset = enquire.get_mset(0, limit);
    add_hits(mset, 0, nullptr, 0, results);
    // Fewer than asked is all there are.
    if (mset.size() < limit) {
      results.estimate = results.lower_bound = results.upper_bound = mset.size();
    }
    return Status();
  }

  Status similar_once(const std::string& id, std::uint32_t limit, SearchResults& results) {
    results.query = "similar:" + id;
    std::string id_term = std::string(schema::kPrefixId) + id;
    Xapian::PostingIterator p = db().postlist_begin(id_term);
    if (p == db().postlist_end(id_term)) {
      return Status::not_found(dbs_.what() + ": no document with id '" + id + "'");
    }
    Xapian::docid did = *p;
    Xapian::Document doc = db().get_document(did);
    Xapian::RSet rset;
    rset.add_document(did);
    Xapian::Enquire enquire(db());
    enquire.set_weighting_scheme(*weight());
    SimilarTermDecider decider(*analyzer_);
    // Exact term frequencies: over several databases (shards) Xapian would
    // otherwise scale the frequencies of the document's own shard, and pick
    // other terms than one database does.
    Xapian::ESet eset =
        enquire.get_eset(kSimilarTerms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    std::vector<Xapian::Query> terms;
    HighlightTerms highlight;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
      terms.emplace_back(*it);
      highlight.terms.insert(*it);
    }
    if (terms.empty()) return Status();
    Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    std::vector<Xapian::Query> exclude{Xapian::Query(id_term)};
    std::string cluster = doc.get_value(schema::kSlotCollapse);
    if (!cluster.empty()) {
      exclude.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotCollapse, cluster, cluster);
    }
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                          Xapian::Query(Xapian::Query::OP_OR, exclude.begin(), exclude.end()));
    enquire.set_query(query);
    enquire.set_collapse_key(schema::kSlotCollapse);
    // Exact collapse counts, as in search_once().
    Xapian::MSet mset = enquire.get_mset(0, limit, db().get_doccount());
    add_hits(mset, 0, &highlight, 200, results);
    results.explanation = query.get_description();
    return Status();
  }

  SearcherDatabases dbs_;
  SearcherOptions options_;
  std::shared_ptr<const Analyzer> analyzer_;
  Synonyms synonyms_;
  RelatedForms related_;
  QueryBuilder builder_;
  Snippeter snippeter_;
  RerankModel rerank_;
  std::unique_ptr<TokenStream> rerank_stream_;  // for the rerank's features
  ColumnCache columns_;  // facet columns of db() (one local database)
};

// The query weights of `options` are in range.
Status check_weights(const SearcherOptions& options) {
  const std::pair<const char*, double> weights[] = {
      {"stem_weight", options.stem_weight},
      {"compound_weight", options.compound_weight},
      {"title_weight", options.title_weight},
      {"stopword_weight", options.stopword_weight},
      {"hyphen_part_weight", options.hyphen_part_weight},
      {"query_part_weight", options.query_part_weight},
      {"variant_weight", options.variant_weight},
      {"related_weight", options.related_weight},
      {"translation_weight", options.translation_weight},
      {"phrase_pair_weight", options.phrase_pair_weight},
      {"near_pair_weight", options.near_pair_weight},
      {"coord_bonus", options.coord_bonus},
      {"lead_weight", options.lead_weight},
      {"tf_floor", options.tf_floor},
      {"feedback_weight", options.feedback_weight}};
  for (const auto& [name, w] : weights) {
    if (!(w >= 0.0 && w <= 1000.0)) {
      return Status::invalid_argument(std::string(name) + " must be between 0 and 1000, got " +
                                      std::to_string(w));
    }
  }
  if (!known_weighting(options.weighting) || !(options.weighting_param >= 0.0)) {
    return Status::invalid_argument("unknown weighting scheme '" + options.weighting +
                                    "' or negative weighting_param (docs: SearcherOptions)");
  }
  if (!(options.headline_rate_power >= 0.0 && options.headline_rate_power <= 100.0)) {
    return Status::invalid_argument("headline_rate_power must be between 0 and 100, got " +
                                    std::to_string(options.headline_rate_power));
  }
  if ((options.coord_bonus > 0.0 || options.tf_floor > 0.0) && options.k2 != 0.0) {
    return Status::invalid_argument("coord_bonus and tf_floor need k2 = 0, got k2 " +
                                    std::to_string(options.k2));
  }
  if (options.feedback_docs > 1000 || options.feedback_terms < 1 ||
      options.feedback_terms > 1000) {
    return Status::invalid_argument(
        "feedback_docs must be between 0 and 1000 and feedback_terms between 1 and 1000, got " +
        std::to_string(options.feedback_docs) + " and " + std::to_string(options.feedback_terms));
  }
  if (options.near_pair_window < 2 || options.near_pair_window > 64) {
    return Status::invalid_argument("near_pair_window must be between 2 and 64, got " +
                                    std::to_string(options.near_pair_window));
  }
  return Status();
}

// The analyzer `db` records, made again (analysis/analyzer_identity.h).
Result<std::shared_ptr<const Analyzer>> followed_analyzer(const SearcherDatabases::Opened& db) {
  if (db.analyzer.empty()) {
    return Status::analysis_mismatch(db.name +
                                     ": records no analyzer (none recorded: not built by "
                                     "newsindex?); override the check to search it anyway");
  }
  Result<std::shared_ptr<const Analyzer>> made = analyzer_for_identity(db.analyzer);
  if (!made.ok()) return Status(made.status().code(), db.name + ": " + made.status().message());
  return made;
}

}  // namespace

Result<std::unique_ptr<Searcher>> open_searcher(const std::vector<std::string>& databases,
                                                const SearcherOptions& options,
                                                std::shared_ptr<const Analyzer> analyzer) {
  if (databases.empty()) return Status::invalid_argument("no database given");
  if (Status st = check_weights(options); !st.ok()) return st;
  Result<SearcherDatabases> dbs =
      SearcherDatabases::open(databases, options.allow_partial, options.remote_timeout_ms);
  if (!dbs.ok()) return dbs.status();
  const std::vector<SearcherDatabases::Opened>& opened = dbs->opened();
  // Opened without an Analyzer: the one the first database records, which
  // the others must record too.
  std::string source;  // who chose the analysis (for messages)
  if (!analyzer) {
    Result<std::shared_ptr<const Analyzer>> followed = followed_analyzer(opened.front());
    if (!followed.ok() && !options.override_analysis) return followed.status();
    if (!followed.ok()) followed = Analyzer::create({});
    if (!followed.ok()) return followed.status();
    analyzer = std::move(followed).value();
    source = " (recorded by " + opened.front().name + ")";
  }
  for (const SearcherDatabases::Opened& o : opened) {
    if (!options.override_analysis && o.analyzer != analyzer->identity()) {
      return Status::analysis_mismatch(
          o.name + ": built with analyzer '" +
          (o.analyzer.empty() ? "(none recorded)" : o.analyzer) + "' but searching uses '" +
          analyzer->identity() + "'" + source + " (rebuild the index, or override the check)");
    }
  }
  Result<Synonyms> syn = Synonyms::load(options.synonyms_path, *analyzer);
  if (!syn.ok()) return syn.status();
  Result<RelatedForms> related = RelatedForms::load(options.related_forms_path, *analyzer);
  if (!related.ok()) return related.status();
  Result<HeadlineRates> rates = HeadlineRates::load(options.headline_rates_path);
  if (!rates.ok()) return rates.status();
  Result<HeadlineTranslations> translations =
      HeadlineTranslations::load(options.headline_translations_path);
  if (!translations.ok()) return translations.status();
  // The learned rerank: none, the built-in model, or the model file given.
  Result<RerankModel> rerank = RerankModel();
  if (options.rerank && options.rerank_model_path.empty()) {
    rerank = RerankModel::builtin();
  } else if (options.rerank) {
    rerank = RerankModel::load(options.rerank_model_path);
  }
  if (!rerank.ok()) return rerank.status();
  try {
    return std::unique_ptr<Searcher>(new SearcherImpl(
        std::move(dbs).value(), options, std::move(analyzer), std::move(syn).value(),
        std::move(related).value(),
        rates->size() ? std::make_shared<const HeadlineRates>(std::move(*rates)) : nullptr,
        translations->size()
            ? std::make_shared<const HeadlineTranslations>(std::move(*translations))
            : nullptr,
        std::move(rerank).value()));
  } catch (const std::exception& e) {
    return Status::internal_error(std::string("opening searcher: ") + e.what());
  }
}

}  // namespace newsindex::internal

namespace newsindex {

Result<std::unique_ptr<Searcher>> Searcher::open(const std::vector<std::string>& databases,
                                                 const SearcherOptions& options) {
  return internal::open_searcher(databases, options, nullptr);
}

Result<std::unique_ptr<Searcher>> Searcher::open(const std::vector<std::string>& databases,
                                                 const SearcherOptions& options,
                                                 std::shared_ptr<const Analyzer> analyzer) {
  if (!analyzer) return Status::invalid_argument("no analyzer given");
  return internal::open_searcher(databases, options, std::move(analyzer));
}

}  // namespace newsindex
