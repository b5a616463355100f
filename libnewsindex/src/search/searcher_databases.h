// search/searcher_databases.h: the databases one Searcher reads, from open
// to close.
//
// Opening (a local folder through a PinnedDir, a tcp:// remote, a stub file
// or sharded folder expanded into the shards it lists), the analyzer
// identity each database records, reopening (afresh when a directory was
// swapped by a bulk commit or compaction, or a stub now names other
// databases), the retry of an operation that meets a writer's commit, and
// shards that stop answering (SearcherOptions::allow_partial). The query side
// (searcher_impl.cc) sees one Xapian::Database and runs its operations
// through retrying().
#ifndef NEWSINDEX_SEARCH_SEARCHER_DATABASES_H_
#define NEWSINDEX_SEARCH_SEARCHER_DATABASES_H_

#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "newsindex/searcher.h"
#include "newsindex/status.h"
#include "search/pinned_dir.h"
#include "xapian/errors.h"

namespace newsindex::internal {

// Attempts at an operation or an open that meets a concurrent commit, the
// n-th after a wait of n-1 ms.
inline constexpr int kOpenAttempts = 8;

// "tcp://HOST:PORT" (trailing slashes allowed) -> host and port; false when
// malformed (no host, no port, port not in 1..65535).
bool parse_remote(const std::string& spec, std::string& host, unsigned& port);

// Not thread-safe (one per Searcher). Move-only.
class SearcherDatabases {
 public:
  // A database as opened: its name ("DIR/shard-001", "tcp://HOST:PORT") and
  // the analyzer identity it records ("" when none).
  struct Opened {
    std::string name, analyzer;
  };

  // Opens `databases` (stubs expanded; a stub read again when it changes
  // during the open). With allow_partial, a database that cannot be opened
  // is left out (missing()) as long as one opens. Errors: kInvalidArgument
  // (none given, a malformed tcp:// spec), kNotFound, kIoError, kCorruption,
  // each naming the database (and, for a shard, the stub line naming it).
  static Result<SearcherDatabases> open(const std::vector<std::string>& databases,
                                        bool allow_partial, unsigned remote_timeout_ms);

  SearcherDatabases(SearcherDatabases&&) = default;
  SearcherDatabases& operator=(SearcherDatabases&&) = default;

  // The databases as one; the address stays the same for this object's life
  // (reopen() assigns to it).
  Xapian::Database& db() { return db_; }
  const Xapian::Database& db() const { return db_; }
  bool remote() const { return remote_; }
  // The databases opened, in order, with their recorded analyzer identities.
  const std::vector<Opened>& opened() const { return opened_; }
  // The names searched, comma-separated (for error messages).
  std::string what() const;
  // Names the databases left out (allow_partial) in `results`.
  void report_missing(SearchResults& results) const;

  // Runs `once` and returns its Status. When it meets a writer's commit
  // (DatabaseModifiedError), reopens and runs it again, up to
  // kOpenAttempts times, waiting 0, 1, 2, ... ms; when a remote shard stops
  // answering (NetworkError), regroups: runs it again on fresh connections,
  // or, with allow_partial, without the shards that are down, else returns
  // kIoError naming them. Any other exception becomes a Status (errors.h).
  Status retrying(const std::function<Status()>& once);

  // Sees the latest committed state (Searcher::reopen()).
  Status reopen();

 private:
  struct Missing {
    std::string name, reason;
  };
  struct StubSeen {
    std::string path, text;
  };

  SearcherDatabases() = default;
  // retrying(), reopening first when `refresh_first` (reopen()).
  Status run(const std::function<Status()>& once, bool refresh_first);
  Status refresh(XapianFailure& failure);
  Status regroup(const std::string& cause);

  std::vector<std::string> databases_;  // as given to open()
  std::vector<StubSeen> stubs_;         // the stubs among them, as last read
  std::vector<std::string> names_;      // the databases searched (stubs expanded)
  std::vector<Opened> opened_;          // as opened by open()
  std::vector<Missing> missing_;        // left out (allow_partial)
  std::vector<PinnedDir> dirs_;         // local databases, opened through these
  Xapian::Database db_;
  bool remote_ = false;
  bool allow_partial_ = false;
  unsigned remote_timeout_ms_ = 10000;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_SEARCHER_DATABASES_H_
