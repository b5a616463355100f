// The Searcher's databases: open, reopen, retry, regroup.
#include "search/searcher_databases.h"

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>
#include <utility>

#include "index/schema.h"
#include "index/shard_layout.h"

namespace newsindex::internal {
namespace {

// The wait before attempt `attempt` (1-based) of kOpenAttempts.
void back_off(int attempt) {
  if (attempt > 1) std::this_thread::sleep_for(std::chrono::milliseconds(attempt - 1));
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A database to open, and the stub line that named it ("" when given
// directly).
struct Named {
  std::string name, where;
};

// One database, opened by name (a local one through a PinnedDir added to
// `dirs`, also on failure: swapped() then says why).
Status open_one(const std::string& name, bool& remote, Xapian::Database& out,
                std::vector<PinnedDir>& dirs, unsigned timeout_ms, XapianFailure& failure) {
  return guard(name, &failure, [&] {
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
    dirs.push_back(std::move(dir).value());
    out = Xapian::Database(dirs.back().path());
    return Status();
  });
}

// open_one(), and the recorded analyzer read into *recorded (when given),
// retried while a writer's commit or directory swap is in progress: opening
// then meets a discarded revision (DatabaseModifiedError), or a swapped
// directory being emptied reads as no database at all. A missing analyzer
// record is read again too (SearcherConcurrency met one about once in 600
// runs, with no error). The likely cause: a block that a commit rewrites
// while we read it comes back torn, its revision still the old one and the
// rest new, and glass, which keeps no checksums, finds no record instead of
// raising DatabaseModifiedError. A database that really has no record costs
// only the waits. `failure` says what the last attempt met.
Status open_settled(const std::string& name, bool& remote, Xapian::Database& out,
                    std::vector<PinnedDir>& dirs, std::string* recorded, unsigned timeout_ms,
                    XapianFailure& failure) {
  Status st;
  std::vector<PinnedDir> pinned;
  for (int attempt = 1; attempt <= kOpenAttempts; ++attempt) {
    back_off(attempt);
    pinned.clear();
    st = open_one(name, remote, out, pinned, timeout_ms, failure);
    if (st.ok() && recorded) {
      st = guard(name, &failure, [&] {
        *recorded = out.get_metadata(std::string(schema::kMetaAnalyzer));
        return Status();
      });
      if (st.ok() && recorded->empty() && attempt < kOpenAttempts) continue;
    }
    const bool racing = failure == XapianFailure::kModified ||
                        (failure == XapianFailure::kDatabase && !pinned.empty() &&
                         pinned.front().swapped());
    if (st.ok() || !racing) break;
  }
  for (PinnedDir& d : pinned) dirs.push_back(std::move(d));
  return st;
}

}  // namespace

bool parse_remote(const std::string& spec, std::string& host, unsigned& port) {
  constexpr std::string_view kScheme = "tcp://";
  if (!spec.starts_with(kScheme)) return false;
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

namespace {

bool stubs_changed(const std::vector<std::pair<std::string, std::string>>& stubs) {
  for (const auto& [path, text] : stubs) {
    if (file_text(path) != text) return true;
  }
  return false;
}

// The databases `databases` stand for: a stub file (or a sharded folder
// holding one) is replaced by the databases it lists. Each stub read is
// added to `stubs` (path, text) before its entries are read, so a change
// after that is seen.
Result<std::vector<Named>> expand_stubs(const std::vector<std::string>& databases,
                                        std::vector<std::pair<std::string, std::string>>& stubs) {
  std::vector<Named> expanded;
  for (const std::string& name : databases) {
    const std::string stub = name.starts_with("tcp://") ? std::string() : stub_file_of(name);
    if (stub.empty()) {
      expanded.push_back({name, ""});
      continue;
    }
    stubs.emplace_back(stub, file_text(stub));
    Result<std::vector<StubEntry>> entries = read_stub(stub);
    if (!entries.ok()) return entries.status();
    for (const StubEntry& e : *entries) {
      expanded.push_back({e.name(), stub + ":" + std::to_string(e.line)});
    }
  }
  return expanded;
}

// A database that cannot be opened again is no missing article: search,
// similar, copies, document and reopen report it as kIoError (or
// kCorruption when it is damaged), as searcher.h lists.
Status as_read_error(Status st) {
  if (st.ok() || st.code() == StatusCode::kCorruption || st.code() == StatusCode::kIoError) {
    return st;
  }
  return Status::io_error(st.message());
}

}  // namespace

Result<SearcherDatabases> SearcherDatabases::open(const std::vector<std::string>& databases,
                                                  bool allow_partial,
                                                  unsigned remote_timeout_ms) {
  if (databases.empty()) return Status::invalid_argument("no database given");
  // A stub that changes while its databases are opened (xapian-replicate
  // switching a replica to a new copy and deleting the old) is read again.
  for (int attempt = 1;; ++attempt) {
    std::vector<std::pair<std::string, std::string>> stubs;
    SearcherDatabases set;
    set.databases_ = databases;
    set.allow_partial_ = allow_partial;
    set.remote_timeout_ms_ = remote_timeout_ms;
    Status st = [&]() -> Status {
      // Each database a stub lists is opened and, with allow_partial, left
      // out on its own, and named by itself in errors ("where" says which
      // stub line).
      Result<std::vector<Named>> expanded = expand_stubs(databases, stubs);
      if (!expanded.ok()) return expanded.status();
      for (const Named& n : *expanded) {
        Xapian::Database one;
        std::string recorded;
        bool r = false;
        XapianFailure failure;
        Status one_st = open_settled(n.name, r, one, set.dirs_, &recorded, remote_timeout_ms,
                                     failure);
        if (!one_st.ok() && !n.where.empty()) {
          one_st = Status(one_st.code(),
                          "shard " + n.name + " (" + n.where + "): " + one_st.message());
        }
        if (!one_st.ok() && allow_partial) {
          set.missing_.push_back({n.name, one_st.message()});
          continue;
        }
        if (!one_st.ok()) return one_st;
        one_st = guard(n.name, [&] {
          set.db_.add_database(one);
          return Status();
        });
        if (!one_st.ok()) return one_st;
        set.remote_ = set.remote_ || r;
        set.names_.push_back(n.name);
        set.opened_.push_back({n.name, std::move(recorded)});
      }
      if (set.names_.empty()) {
        std::string msg = "no database answers:";
        for (const Missing& m : set.missing_) msg += " " + m.reason + ";";
        return Status::io_error(msg);
      }
      return Status();
    }();
    if (st.ok()) {
      for (auto& [path, text] : stubs) set.stubs_.push_back({path, text});
      return set;
    }
    if (attempt == kOpenAttempts || !stubs_changed(stubs)) return st;
    back_off(attempt + 1);
  }
}

std::string SearcherDatabases::what() const {
  std::string w;
  for (const std::string& n : names_) {
    if (!w.empty()) w += ", ";
    w += n;
  }
  return w;
}

void SearcherDatabases::report_missing(SearchResults& results) const {
  for (const Missing& m : missing_) {
    results.missing_shards.push_back(m.name);
    results.warnings.push_back("left out (allow_partial): " + m.reason);
  }
}

// A bulk commit or compact_database puts a new database in place of a
// directory; Xapian's reopen() would then mix the new version file with the
// old table files it has open. Such a database (its directory swapped,
// pinned_dir.h, or its UUID changed, for remote shards) is opened afresh. So
// are all when a stub file now says something else (xapian-replicate
// switched a replica to a new full copy and deletes the old one; Xapian's
// own reopen() does not re-read stubs). `failure` says what kind of Xapian
// exception the error (if any) came from: kModified when trying again may
// help.
Status SearcherDatabases::refresh(XapianFailure& failure) {
  failure = XapianFailure::kNone;
  bool fresh_needed = false;
  for (const PinnedDir& d : dirs_) fresh_needed = fresh_needed || d.swapped();
  std::vector<std::pair<std::string, std::string>> seen, stubs;
  for (const StubSeen& s : stubs_) seen.emplace_back(s.path, s.text);
  std::vector<std::string> names = names_;
  const bool restub = stubs_changed(seen);
  if (restub) {
    Result<std::vector<Named>> expanded = expand_stubs(databases_, stubs);
    if (!expanded.ok()) return as_read_error(expanded.status());
    names.clear();
    for (const Named& n : *expanded) {
      bool left_out = false;
      for (const Missing& m : missing_) left_out = left_out || m.name == n.name;
      if (!left_out) names.push_back(n.name);
    }
    fresh_needed = true;
  }
  if (!fresh_needed) {
    bool same = false;
    Status st = guard(what(), &failure, [&] {
      const std::string before = db_.get_uuid();
      db_.reopen();
      same = db_.get_uuid() == before;
      return Status();
    });
    if (st.ok() && same) return st;
    // DatabaseOpeningError: the pinned directory was swapped away (and
    // emptied) after the check: open afresh, as when the UUID changed.
    if (!st.ok() && failure != XapianFailure::kDatabase) return st;
  }
  Xapian::Database fresh;
  std::vector<PinnedDir> dirs;
  for (const std::string& name : names) {
    Xapian::Database one;
    bool remote = false;
    Status st =
        open_settled(name, remote, one, dirs, nullptr, remote_timeout_ms_, failure);
    if (!st.ok() && stubs_changed(restub ? stubs : seen)) {
      // The stub moved on again while we opened what it said: try again.
      failure = XapianFailure::kModified;
      return as_read_error(st);
    }
    if (!st.ok()) return as_read_error(st);
    st = guard(name, &failure, [&] {
      fresh.add_database(one);
      return Status();
    });
    if (!st.ok()) return as_read_error(st);
  }
  db_ = std::move(fresh);
  dirs_ = std::move(dirs);
  if (restub) {
    names_ = std::move(names);
    stubs_.clear();
    for (auto& [path, text] : stubs) stubs_.push_back({path, text});
  }
  return Status();
}

// A reader sees its revision vanish when a writer commits twice during one
// operation: refresh and run it again, a few times, waiting a little longer
// each time (0, 1, 2, ... ms) so that a burst of commits can pass (without
// the wait, 8 immediate attempts lost to 15 back-to-back commits about 1 run
// in 70 of SearcherConcurrency under load).
Status SearcherDatabases::retrying(const std::function<Status()>& once) {
  return run(once, /*refresh_first=*/false);
}

Status SearcherDatabases::reopen() {
  return run([] { return Status(); }, /*refresh_first=*/true);
}

Status SearcherDatabases::run(const std::function<Status()>& once, bool refresh_first) {
  bool regrouped = false;
  for (int attempt = 1;; ++attempt) {
    XapianFailure failure = XapianFailure::kNone;
    Status st;
    if ((attempt > 1 || refresh_first) && !regrouped) {
      back_off(attempt);
      st = refresh(failure);
    }
    regrouped = false;
    if (st.ok()) st = guard(what(), &failure, once);
    if (st.ok() || attempt == kOpenAttempts) return st;
    if (failure == XapianFailure::kModified) continue;
    if (failure != XapianFailure::kNetwork) return st;
    if (Status down = regroup(st.message()); !down.ok()) return down;
    regrouped = true;
  }
}

// Opens every database afresh to see which answer. When all do, the error
// was passing: the caller tries again on the new connections. Otherwise
// kIoError naming those that do not, or, with allow_partial (and one still
// answering), goes on with those that answer; the others join missing_.
Status SearcherDatabases::regroup(const std::string& cause) {
  Xapian::Database fresh;
  std::vector<PinnedDir> dirs;
  std::vector<std::string> alive;
  std::vector<Missing> down;
  bool remote = false;
  for (const std::string& name : names_) {
    Xapian::Database one;
    bool r = false;
    XapianFailure failure;
    Status st = open_one(name, r, one, dirs, remote_timeout_ms_, failure);
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
    db_ = std::move(fresh);
    dirs_ = std::move(dirs);
    return Status();
  }
  if (!allow_partial_ || alive.empty()) {
    std::string msg = down.size() == 1 ? "shard not answering: " : "shards not answering: ";
    for (std::size_t i = 0; i < down.size(); ++i) msg += (i ? "; " : "") + down[i].reason;
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

}  // namespace newsindex::internal
