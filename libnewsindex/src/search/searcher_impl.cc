// Searcher: databases, query, ranking, filters, facets, snippets, collapse.
#include "search/searcher_impl.h"

#include <xapian.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>
#include <utility>

#include "index/schema.h"
#include "index/shard_layout.h"
#include "search/facets.h"
#include "search/hit_data.h"
#include "search/pinned_dir.h"
#include "search/query_builder.h"
#include "search/query_parser.h"
#include "search/ranking_weight.h"
#include "search/recency_source.h"
#include "search/snippets.h"
#include "search/spelling.h"
#include "search/synonyms.h"
#include "util/calendar.h"
#include "xapian/errors.h"

namespace newsindex::internal {
namespace {

// A fresh article with --recency gains up to this share of the best
// possible relevance score of the query.
constexpr double kRecencyShare = 0.5;
// Terms taken from a document for more-like-this.
constexpr Xapian::termcount kSimilarTerms = 25;
// Attempts at an operation or an open that meets a concurrent commit, the
// n-th after a wait of n-1 ms (retrying(), open_settled()).
constexpr int kAttempts = 8;

// The wait before attempt `attempt` (1-based) of kAttempts.
void back_off(int attempt) {
  if (attempt > 1) std::this_thread::sleep_for(std::chrono::milliseconds(attempt - 1));
}

bool parse_remote(const std::string& spec, std::string& host, unsigned& port) {
  constexpr std::string_view kScheme = "tcp://";
  std::string rest = spec.substr(kScheme.size());
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  std::size_t colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 >= rest.size()) return false;
  host = rest.substr(0, colon);
  port = 0;
  for (char c : rest.substr(colon + 1)) {
    if (c < '0' || c > '9') return false;
    port = port * 10 + static_cast<unsigned>(c - '0');
    if (port > 65535) return false;
  }
  return port > 0;
}

// Accepts unprefixed, non-stop words of 3+ bytes that are not numbers.
class SimilarTermDecider : public Xapian::ExpandDecider {
 public:
  explicit SimilarTermDecider(const Analyzer& a) : analyzer_(a) {}
  bool operator()(const std::string& term) const override {
    if (term.size() < 3) return false;
    unsigned char c = static_cast<unsigned char>(term[0]);
    if (c >= 'A' && c <= 'Z') return false;  // prefixed
    bool letter = false;
    for (unsigned char ch : term) {
      if (!(ch >= '0' && ch <= '9') && ch != '.' && ch != ',') letter = true;
    }
    return letter && !analyzer_.is_stopword(term);
  }

 private:
  const Analyzer& analyzer_;
};

Status open_settled(const std::string& name, bool& remote, Xapian::Database& out,
                    std::vector<PinnedDir>& dirs, std::string* recorded, unsigned timeout_ms);
Status open_one(const std::string& name, bool& remote, Xapian::Database& out,
                std::vector<PinnedDir>& dirs, unsigned timeout_ms);

// A database left out (SearcherOptions::allow_partial), and why.
struct Missing {
  std::string name, reason;
};

// A database to open, and the stub line that named it ("" when given
// directly).
struct Named {
  std::string name, where;
};

// A stub file read when the databases were expanded, and what it said: a
// replica folder of xapian-replicate is a stub that the replication client
// rewrites to point at a new copy (docs/scaling.md, "Replicas").
struct StubSeen {
  std::string path, text;
};

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool stubs_changed(const std::vector<StubSeen>& stubs) {
  for (const StubSeen& st : stubs) {
    if (file_text(st.path) != st.text) return true;
  }
  return false;
}

Result<std::vector<Named>> expand_stubs(const std::vector<std::string>& databases,
                                        std::vector<StubSeen>& stubs);

class SearcherImpl final : public Searcher {
 public:
  SearcherImpl(std::vector<std::string> databases, std::vector<StubSeen> stubs,
               std::vector<std::string> names, std::vector<PinnedDir> dirs, Xapian::Database db,
               bool remote, SearcherOptions options, std::shared_ptr<const Analyzer> analyzer,
               Synonyms synonyms, std::vector<Missing> missing)
      : databases_(std::move(databases)),
        stubs_(std::move(stubs)),
        names_(std::move(names)),
        missing_(std::move(missing)),
        dirs_(std::move(dirs)),
        db_(std::move(db)),
        remote_(remote),
        options_(std::move(options)),
        analyzer_(std::move(analyzer)),
        synonyms_(std::move(synonyms)),
        builder_(*analyzer_, &synonyms_, BuilderOptions(options_), &db_),
        snippeter_(*analyzer_) {}

  Result<SearchResults> search(const SearchRequest& request) override {
    SearchResults results;
    Status st = run_search(request, results);
    if (!st.ok()) return st;
    return results;
  }

  Result<SearchResults> similar(std::string_view id, std::uint32_t limit) override {
    SearchResults results;
    Status st = run_similar(std::string(id), limit, results);
    if (!st.ok()) return st;
    return results;
  }

  Result<SearchResults> copies(std::string_view id, std::uint32_t limit) override {
    SearchResults results;
    Status st = retrying([&] {
      results = SearchResults{};
      return copies_once(std::string(id), limit, results);
    });
    if (!st.ok()) return st;
    return results;
  }

  Result<StoredArticle> document(std::string_view id) override {
    StoredArticle article;
    Status st = retrying([&] {
      article = StoredArticle{};
      const std::string id_term = std::string(schema::kPrefixId) + std::string(id);
      Xapian::PostingIterator p = db_.postlist_begin(id_term);
      if (p == db_.postlist_end(id_term)) {
        return Status::not_found(what() + ": no document with id '" + std::string(id) + "'");
      }
      article.text = fill_hit(db_.get_document(*p), article.fields, true);
      return Status();
    });
    if (!st.ok()) return st;
    return article;
  }

  Status reopen() override {
    return retrying([&] {
      refresh();
      return Status();
    });
  }

 private:
  std::string what() const {
    std::string w;
    for (const std::string& n : names_) {
      if (!w.empty()) w += ", ";
      w += n;
    }
    return w;
  }

  // A bulk commit or compact_database puts a new database in place of a
  // directory; Xapian's reopen() would then mix the new version file with
  // the old table files it has open. Such a database (its directory swapped,
  // pinned_dir.h, or its UUID changed, for remote shards) is opened afresh.
  // So are all when a stub file now says something else (xapian-replicate
  // switched a replica to a new full copy and deletes the old one; Xapian's
  // own reopen() does not re-read stubs). May throw.
  void refresh() {
    bool fresh_needed = false;
    for (const PinnedDir& d : dirs_) fresh_needed = fresh_needed || d.swapped();
    std::vector<std::string> names = names_;
    std::vector<StubSeen> stubs;
    const bool restub = stubs_changed(stubs_);
    if (restub) {
      Result<std::vector<Named>> expanded = expand_stubs(databases_, stubs);
      if (!expanded.ok()) throw Xapian::DatabaseOpeningError(expanded.status().message());
      names.clear();
      for (const Named& n : *expanded) {
        bool left_out = false;
        for (const Missing& m : missing_) left_out = left_out || m.name == n.name;
        if (!left_out) names.push_back(n.name);
      }
      fresh_needed = true;
    }
    if (!fresh_needed) {
      try {
        const std::string before = db_.get_uuid();
        db_.reopen();
        if (db_.get_uuid() == before) return;
      } catch (const Xapian::DatabaseOpeningError&) {
        // The pinned directory was swapped away (and emptied) after the
        // check: open afresh.
      }
    }
    Xapian::Database fresh;
    std::vector<PinnedDir> dirs;
    for (const std::string& name : names) {
      Xapian::Database one;
      bool remote = false;
      Status st = open_settled(name, remote, one, dirs, nullptr, options_.remote_timeout_ms);
      if (!st.ok() && stubs_changed(restub ? stubs : stubs_)) {
        // The stub moved on again while we opened what it said: try again.
        throw Xapian::DatabaseModifiedError(st.message());
      }
      if (!st.ok()) throw Xapian::DatabaseOpeningError(st.message());
      fresh.add_database(one);
    }
    db_ = std::move(fresh);
    dirs_ = std::move(dirs);
    if (restub) {
      names_ = std::move(names);
      stubs_ = std::move(stubs);
    }
  }

  // A reader sees its revision vanish when a writer commits twice during
  // one operation: refresh and run it again, a few times, waiting a little
  // longer each time (0, 1, 2, ... ms) so that a burst of commits can pass
  // (without the wait, 8 immediate attempts lost to 15 back-to-back commits
  // about 1 run in 70 of SearcherConcurrency under load).
  //
  // A NetworkError (a remote shard stopped answering) is answered by
  // regroup(): an error naming the shards that are down, or, with
  // allow_partial, one more attempt without them.
  template <typename Fn>
  Status retrying(Fn&& once) {
    return guard(what(), [&]() -> Status {
      bool regrouped = false;
      for (int attempt = 1;; ++attempt) {
        try {
          if (attempt > 1 && !regrouped) {
            back_off(attempt);
            refresh();
          }
          regrouped = false;
          return once();
        } catch (const Xapian::DatabaseModifiedError&) {
          if (attempt == kAttempts) throw;
        } catch (const Xapian::NetworkError& e) {
          if (attempt == kAttempts) throw;
          Status st = regroup(e.get_msg());
          if (!st.ok()) return st;
          regrouped = true;
        }
      }
    });
  }

  // Opens every database afresh to see which answer. When all do, the
  // error was passing: the caller tries again on the new connections. Otherwise kIoError naming
  // those that do not, or, with allow_partial (and one still answering),
  // goes on with those that answer; the others join missing_.
  Status regroup(const std::string& cause) {
    Xapian::Database fresh;
    std::vector<PinnedDir> dirs;
    std::vector<std::string> alive;
    std::vector<Missing> down;
    bool remote = false;
    for (const std::string& name : names_) {
      Xapian::Database one;
      bool r = false;
      Status st = open_one(name, r, one, dirs, options_.remote_timeout_ms);
      if (st.ok()) {
        st = guard(name, [&] {
          fresh.add_database(one);
          return Status();
        });
      }
      if (!st.ok()) {
        down.push_back({name, st.message()});
        continue;
      }
      remote = remote || r;
      alive.push_back(name);
    }
    if (down.empty()) {
      // All answer again: go on with the new connections.
      db_ = std::move(fresh);
      dirs_ = std::move(dirs);
      return Status();
    }
    if (!options_.allow_partial || alive.empty()) {
      std::string msg = down.size() == 1 ? "shard not answering: " : "shards not answering: ";
      for (std::size_t i = 0; i < down.size(); ++i) {
        msg += (i ? "; " : "") + down[i].reason;
      }
      msg += " (" + cause + ")";
      if (!alive.empty()) msg += "; allow_partial (--allow-partial) searches the others";
      return Status::io_error(msg);
    }
    db_ = std::move(fresh);
    dirs_ = std::move(dirs);
    names_ = std::move(alive);
    remote_ = remote;
    for (Missing& m : down) missing_.push_back(std::move(m));
    return Status();
  }

  // Names the missing databases in `results`.
  void report_missing(SearchResults& results) const {
    for (const Missing& m : missing_) {
      results.missing_shards.push_back(m.name);
      results.warnings.push_back("left out (allow_partial): " + m.reason);
    }
  }

  Status run_search(const SearchRequest& request, SearchResults& results) {
    Status st = retrying([&] {
      results = SearchResults{};
      return search_once(request, results);
    });
    if (st.ok()) report_missing(results);
    return st;
  }

  Status run_similar(const std::string& id, std::uint32_t limit, SearchResults& results) {
    Status st = retrying([&] {
      results = SearchResults{};
      return similar_once(id, limit, results);
    });
    if (st.ok()) report_missing(results);
    return st;
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
    if (Status st = facets.init(request.facets, remote_, &db_, &columns_); !st.ok()) return st;

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

    Xapian::Enquire enquire(db_);
    enquire.set_weighting_scheme(*weight());
    std::unique_ptr<RecencySource> recency;
    if (request.recency_half_life > 0 && remote_) {
      // xapian-tcpsrv does not know our PostingSource.
      results.warnings.push_back("recency boost is not available over remote databases; ignored");
    } else if (request.recency_half_life > 0 && !built.browse) {
      enquire.set_query(query);
      double best = enquire.get_mset(0, 0).get_max_possible();
      std::string newest = db_.get_value_upper_bound(schema::kSlotTimestamp);
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
        facets.empty() && !request.collapse && db_.size() <= 1 ? 0 : db_.get_doccount();
    Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, check);

    results.estimate = mset.get_matches_estimated();
    results.lower_bound = mset.get_matches_lower_bound();
    results.upper_bound = mset.get_matches_upper_bound();
    std::uint32_t rank = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit hit;
      hit.rank = ++rank;
      hit.score = it.get_weight();
      std::string text = fill_hit(it.get_document(), hit, request.snippets);
      if (request.collapse) hit.duplicates = it.get_collapse_count();
      if (request.snippets) {
        hit.snippet = snippeter_.make(text, built.highlight, request.snippet_length);
      }
      results.hits.push_back(std::move(hit));
    }
    if (!facets.empty()) results.facets = facets.collect();
    if (!built.words.empty() && (mset.empty() || mset.get_matches_estimated() < 3)) {
      results.suggestion = suggest(db_, *analyzer_, built.words);
    }
    if (request.explain) results.explanation = query.get_description();
    return Status();
  }

  Status copies_once(const std::string& id, std::uint32_t limit, SearchResults& results) {
    results.query = "copies:" + id;
    const std::string id_term = std::string(schema::kPrefixId) + id;
    Xapian::PostingIterator p = db_.postlist_begin(id_term);
    if (p == db_.postlist_end(id_term)) {
      return Status::not_found(what() + ": no document with id '" + id + "'");
    }
    const std::string cluster = db_.get_document(*p).get_value(schema::kSlotCollapse);
    if (cluster.empty()) return Status();  // indexed without collapse keys
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(
        Xapian::Query::OP_AND_NOT,
        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotCollapse, cluster, cluster),
        Xapian::Query(id_term)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::kSlotDate, /*reverse=*/false);
    Xapian::MSet mset = enquire.get_mset(0, limit);
    results.estimate = results.lower_bound = results.upper_bound = mset.size();
    if (mset.size() == limit) {
      results.estimate = mset.get_matches_estimated();
      results.lower_bound = mset.get_matches_lower_bound();
      results.upper_bound = mset.get_matches_upper_bound();
    }
    std::uint32_t rank = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit hit;
      hit.rank = ++rank;
      fill_hit(it.get_document(), hit, false);
      results.hits.push_back(std::move(hit));
    }
    return Status();
  }

  Status similar_once(const std::string& id, std::uint32_t limit, SearchResults& results) {
    results.query = "similar:" + id;
    std::string id_term = std::string(schema::kPrefixId) + id;
    Xapian::PostingIterator p = db_.postlist_begin(id_term);
    if (p == db_.postlist_end(id_term)) {
      return Status::not_found(what() + ": no document with id '" + id + "'");
    }
    Xapian::docid did = *p;
    Xapian::Document doc = db_.get_document(did);
    Xapian::RSet rset;
    rset.add_document(did);
    Xapian::Enquire enquire(db_);
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
    Xapian::MSet mset = enquire.get_mset(0, limit, db_.get_doccount());
    results.estimate = mset.get_matches_estimated();
    results.lower_bound = mset.get_matches_lower_bound();
    results.upper_bound = mset.get_matches_upper_bound();
    std::uint32_t rank = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit hit;
      hit.rank = ++rank;
      hit.score = it.get_weight();
      std::string text = fill_hit(it.get_document(), hit, true);
      hit.duplicates = it.get_collapse_count();
      hit.snippet = snippeter_.make(text, highlight, 200);
      results.hits.push_back(std::move(hit));
    }
    results.explanation = query.get_description();
    return Status();
  }

  std::vector<std::string> databases_;  // as given to open()
  std::vector<StubSeen> stubs_;         // the stubs among them, as last read
  std::vector<std::string> names_;  // the databases searched (stubs expanded)
  std::vector<Missing> missing_;   // left out (allow_partial)
  std::vector<PinnedDir> dirs_;  // local databases, opened through these
  Xapian::Database db_;
  bool remote_;
  SearcherOptions options_;
  std::shared_ptr<const Analyzer> analyzer_;
  Synonyms synonyms_;
  QueryBuilder builder_;
  Snippeter snippeter_;
  ColumnCache columns_;  // facet columns of db_ (one local database)
};

Status open_one(const std::string& name, bool& remote, Xapian::Database& out,
                std::vector<PinnedDir>& dirs, unsigned timeout_ms) {
  return guard(name, [&] {
    if (name.starts_with("tcp://")) {
      std::string host;
      unsigned port = 0;
      if (!parse_remote(name, host, port)) {
        return Status::invalid_argument(name + ": expected tcp://HOST:PORT");
      }
      out = Xapian::Remote::open(host, port, timeout_ms, timeout_ms);
      remote = true;
      return Status();
    }
    Result<PinnedDir> dir = PinnedDir::open(name);
    if (!dir.ok()) return dir.status();
    dirs.push_back(std::move(dir).value());  // also on failure: swapped() says why
    out = Xapian::Database(dirs.back().path());
    return Status();
  });
}

// open_one(), and the recorded analyzer read into *recorded (when given),
// retried while a writer's commit or directory swap is in progress: opening
// then meets a discarded revision, or a swapped directory being emptied
// reads as no database at all. A missing analyzer record is read again too
// (SearcherConcurrency met one about once in 600 runs, with no error). The
// likely cause: a block that a commit rewrites while we read it comes back
// torn, its revision still the old one and the rest new, and glass, which
// keeps no checksums, finds no record instead of raising
// DatabaseModifiedError. A database that really has no record costs only the
// waits.
Status open_settled(const std::string& name, bool& remote, Xapian::Database& out,
                    std::vector<PinnedDir>& dirs, std::string* recorded, unsigned timeout_ms) {
  Status st;
  std::vector<PinnedDir> pinned;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    back_off(attempt);
    pinned.clear();
    st = open_one(name, remote, out, pinned, timeout_ms);
    if (st.ok() && recorded) {
      st = guard(name, [&] {
        *recorded = out.get_metadata(std::string(schema::kMetaAnalyzer));
        return Status();
      });
      if (st.ok() && recorded->empty() && attempt < kAttempts) continue;
    }
    const bool racing = st.message().find("DatabaseModifiedError") != std::string::npos ||
                        (st.message().find("Database") != std::string::npos &&
                         !pinned.empty() && pinned.front().swapped());
    if (st.ok() || !racing) break;
  }
  for (PinnedDir& d : pinned) dirs.push_back(std::move(d));
  return st;
}

Result<std::vector<Named>> expand_stubs(const std::vector<std::string>& databases,
                                        std::vector<StubSeen>& stubs) {
  std::vector<Named> expanded;
  for (const std::string& name : databases) {
    const std::string stub =
        name.starts_with("tcp://") ? std::string() : internal::stub_file_of(name);
    if (stub.empty()) {
      expanded.push_back({name, ""});
      continue;
    }
    // Read before the entries: a change after this is seen by refresh().
    stubs.push_back({stub, file_text(stub)});
    Result<std::vector<StubEntry>> entries = read_stub(stub);
    if (!entries.ok()) return entries.status();
    for (const StubEntry& e : *entries) {
      expanded.push_back({e.name(), stub + ":" + std::to_string(e.line)});
    }
  }
  return expanded;
}

Result<std::unique_ptr<Searcher>> open_once(const std::vector<std::string>& databases,
                                            const SearcherOptions& options,
                                            std::shared_ptr<const Analyzer> analyzer,
                                            std::vector<StubSeen>& stubs);

}  // namespace

Result<std::unique_ptr<Searcher>> open_searcher(const std::vector<std::string>& databases,
                                                const SearcherOptions& options,
                                                std::shared_ptr<const Analyzer> analyzer) {
  // A stub that changes while its databases are opened (xapian-replicate
  // switching a replica to a new copy and deleting the old) is read again.
  for (int attempt = 1;; ++attempt) {
    std::vector<StubSeen> stubs;
    auto searcher = open_once(databases, options, analyzer, stubs);
    if (searcher.ok() || attempt == kAttempts || !stubs_changed(stubs)) return searcher;
    back_off(attempt + 1);
  }
}

namespace {

Result<std::unique_ptr<Searcher>> open_once(const std::vector<std::string>& databases,
                                            const SearcherOptions& options,
                                            std::shared_ptr<const Analyzer> analyzer,
                                            std::vector<StubSeen>& stubs) {
  if (databases.empty()) return Status::invalid_argument("no database given");
  if (!analyzer) return Status::invalid_argument("no analyzer given");
  const std::pair<const char*, double> weights[] = {
      {"stem_weight", options.stem_weight},
      {"compound_weight", options.compound_weight},
      {"title_weight", options.title_weight},
      {"stopword_weight", options.stopword_weight},
      {"hyphen_part_weight", options.hyphen_part_weight},
      {"query_part_weight", options.query_part_weight},
      {"phrase_pair_weight", options.phrase_pair_weight},
      {"near_pair_weight", options.near_pair_weight},
      {"coord_bonus", options.coord_bonus},
      {"lead_weight", options.lead_weight},
      {"tf_floor", options.tf_floor}};
  for (const auto& [name, w] : weights) {
    if (!(w >= 0.0 && w <= 1000.0)) {
      return Status::invalid_argument(std::string(name) + " must be between 0 and 1000, got " +
                              std::to_string(w));
    }
  }
  if ((options.coord_bonus > 0.0 || options.tf_floor > 0.0) && options.k2 != 0.0) {
    return Status::invalid_argument("coord_bonus and tf_floor need k2 = 0, got k2 " +
                                    std::to_string(options.k2));
  }
  if (options.near_pair_window < 2 || options.near_pair_window > 64) {
    return Status::invalid_argument("near_pair_window must be between 2 and 64, got " +
                            std::to_string(options.near_pair_window));
  }
  // A stub file (or a sharded folder holding one) stands for the databases
  // it lists: each is opened, checked and, with allow_partial, left out on
  // its own, and named by itself in errors ("where" says which stub).
  Result<std::vector<Named>> expansion = expand_stubs(databases, stubs);
  if (!expansion.ok()) return expansion.status();
  const std::vector<Named>& expanded = *expansion;
  Xapian::Database all;
  std::vector<PinnedDir> dirs;
  std::vector<std::string> names;
  std::vector<Missing> missing;
  bool remote = false;
  for (const Named& n : expanded) {
    const std::string& name = n.name;
    Xapian::Database one;
    std::string recorded;
    bool r = false;
    Status st = open_settled(name, r, one, dirs, &recorded, options.remote_timeout_ms);
    if (!st.ok() && !n.where.empty()) {
      st = Status(st.code(), "shard " + name + " (" + n.where + "): " + st.message());
    }
    if (!st.ok() && options.allow_partial) {
      missing.push_back({name, st.message()});
      continue;
    }
    if (!st.ok()) return st;
    st = guard(name, [&] {
      all.add_database(one);
      return Status();
    });
    if (!st.ok()) return st;
    remote = remote || r;
    if (!options.override_analysis && recorded != analyzer->identity()) {
      return Status::analysis_mismatch(name + ": built with analyzer '" +
                               (recorded.empty() ? "(none recorded)" : recorded) +
                               "' but searching uses '" + analyzer->identity() +
                               "' (rebuild the index, or override the check)");
    }
    names.push_back(name);
  }
  if (names.empty()) {
    std::string msg = "no database answers:";
    for (const Missing& m : missing) msg += " " + m.reason + ";";
    return Status::io_error(msg);
  }
  Result<Synonyms> syn = Synonyms::load(options.synonyms_path, *analyzer);
  if (!syn.ok()) return syn.status();
  try {
    return std::unique_ptr<Searcher>(new SearcherImpl(
        databases, stubs, std::move(names), std::move(dirs), std::move(all), remote, options, std::move(analyzer),
        std::move(syn).value(), std::move(missing)));
  } catch (const std::exception& e) {
    return Status::internal_error(std::string("opening searcher: ") + e.what());
  }
}

}  // namespace
}  // namespace newsindex::internal

namespace newsindex {

Result<std::unique_ptr<Searcher>> Searcher::open(const std::vector<std::string>& databases,
                                                 const SearcherOptions& options) {
  Result<std::shared_ptr<const Analyzer>> analyzer = Analyzer::create(options.analysis);
  if (!analyzer.ok()) return analyzer.status();
  return internal::open_searcher(databases, options, std::move(analyzer).value());
}

}  // namespace newsindex
