// IndexWriter over N shards: routing, one feeder thread per shard.
#include "index/sharded_writer.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "index/db_dir_check.h"
#include "index/document_builder.h"
#include "index/shard_layout.h"
#include "index/xapian_writer.h"

namespace newsindex::internal {

namespace fs = std::filesystem;

namespace {

// Articles queued per shard before add() waits: enough to keep a shard busy
// while the reader fills the others, small enough to bound memory.
constexpr std::size_t kQueueDepth = 256;

class ShardedWriter final : public IndexWriter {
 public:
  struct Shard {
    std::string path;
    std::unique_ptr<IndexWriter> writer;
    std::mutex mu;
    std::condition_variable wake;  // work arrived, or stop
    std::condition_variable idle;  // the queue ran empty, or room freed
    std::deque<Article> queue;
    bool busy = false;
    bool stop = false;
    Status failure;      // the first failure of this shard's writer
    WriteStats snapshot;  // the writer's stats as of its last operation
    std::thread feeder;
  };

  // `serial`: no feeder threads; add() writes in the caller's thread, so
  // near-duplicate clusters form in input order, exactly as in one database.
  ShardedWriter(std::vector<std::unique_ptr<Shard>> shards,
                std::shared_ptr<dedup::SharedClusterIndex> clusters, bool serial)
      : shards_(std::move(shards)), clusters_(std::move(clusters)), serial_(serial) {
    for (auto& s : shards_) {
      s->snapshot = s->writer->stats();
      Shard* raw = s.get();
      if (!serial_) s->feeder = std::thread([raw] { feed(*raw); });
    }
    sum();
  }

  ~ShardedWriter() override {
    for (auto& s : shards_) {
      {
        std::lock_guard<std::mutex> lock(s->mu);
        s->stop = true;
        s->queue.clear();  // the destructor discards uncommitted work
      }
      s->wake.notify_all();
    }
    for (auto& s : shards_) {
      if (s->feeder.joinable()) s->feeder.join();
    }
  }

  Status add(const Article& article) override {
    if (Status st = validate_article(article); !st.ok()) return st;
    if (Status st = first_failure(); !st.ok()) return st;
    Shard& s = *shards_[shard_of(article.id, static_cast<std::uint32_t>(shards_.size()))];
    if (serial_) {
      std::lock_guard<std::mutex> lock(s.mu);
      Status st = s.writer->add(article);
      s.snapshot = s.writer->stats();
      if (!st.ok()) s.failure = Status(st.code(), s.path + ": " + st.message());
      return s.failure;
    }
    {
      std::unique_lock<std::mutex> lock(s.mu);
      s.idle.wait(lock, [&] { return s.queue.size() < kQueueDepth || !s.failure.ok(); });
      if (!s.failure.ok()) return s.failure;
      s.queue.push_back(article);
    }
    s.wake.notify_one();
    return Status();
  }

  Status remove(std::string_view id) override {
    if (Status st = first_failure(); !st.ok()) return st;
    Shard& s = *shards_[shard_of(id, static_cast<std::uint32_t>(shards_.size()))];
    std::unique_lock<std::mutex> lock(s.mu);
    s.idle.wait(lock, [&] { return (s.queue.empty() && !s.busy) || !s.failure.ok(); });
    if (!s.failure.ok()) return s.failure;
    Status st = s.writer->remove(id);
    s.snapshot = s.writer->stats();
    if (!st.ok() && st.code() != StatusCode::kNotFound) s.failure = st;
    if (st.code() == StatusCode::kNotFound) {
      return Status::not_found(st.message() + " (" + s.path + ", the shard its id routes to)");
    }
    return st;
  }

  Status commit() override {
    for (auto& s : shards_) {
      std::unique_lock<std::mutex> lock(s->mu);
      s->idle.wait(lock, [&] { return (s->queue.empty() && !s->busy) || !s->failure.ok(); });
    }
    // Shards commit in parallel: a bulk commit merges a whole shard.
    std::vector<Status> results(shards_.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < shards_.size(); ++i) {
      threads.emplace_back([this, i, &results] {
        Shard& s = *shards_[i];
        std::lock_guard<std::mutex> lock(s.mu);
        if (!s.failure.ok()) {
          results[i] = s.failure;
          return;
        }
        results[i] = s.writer->commit();
        s.snapshot = s.writer->stats();
        if (!results[i].ok()) s.failure = results[i];
      });
    }
    for (auto& t : threads) t.join();
    clusters_->reset();
    sum();
    for (std::size_t i = 0; i < results.size(); ++i) {
      if (!results[i].ok()) return results[i];
    }
    return Status();
  }

  const WriteStats& stats() const override {
    sum();
    return stats_;
  }

 private:
  static void feed(Shard& s) {
    std::unique_lock<std::mutex> lock(s.mu);
    for (;;) {
      s.wake.wait(lock, [&] { return s.stop || !s.queue.empty(); });
      if (s.stop) return;
      Article a = std::move(s.queue.front());
      s.queue.pop_front();
      s.busy = true;
      // The writer is used outside the lock (the caller's add() only
      // queues); remove() and commit() wait until we are idle.
      lock.unlock();
      Status st = s.writer->add(a);
      WriteStats now = s.writer->stats();
      lock.lock();
      s.snapshot = std::move(now);
      if (!st.ok() && s.failure.ok()) s.failure = Status(st.code(), s.path + ": " + st.message());
      if (!s.failure.ok()) s.queue.clear();
      s.busy = false;
      s.idle.notify_all();
    }
  }

  Status first_failure() {
    for (auto& s : shards_) {
      std::lock_guard<std::mutex> lock(s->mu);
      if (!s->failure.ok()) return s->failure;
    }
    return Status();
  }

  // stats_ := the sum of the shards' snapshots (articles still queued are
  // not counted yet).
  void sum() const {
    WriteStats t;
    for (const auto& s : shards_) {
      std::lock_guard<std::mutex> lock(s->mu);
      const WriteStats& w = s->snapshot;
      t.added += w.added;
      t.replaced += w.replaced;
      t.deleted += w.deleted;
      t.commits += w.commits;
      t.committed_added += w.committed_added;
      t.committed_replaced += w.committed_replaced;
      t.committed_deleted += w.committed_deleted;
      t.text_bytes += w.text_bytes;
      if (t.notice.empty()) t.notice = w.notice;
    }
    stats_ = std::move(t);
  }

  std::vector<std::unique_ptr<Shard>> shards_;
  std::shared_ptr<dedup::SharedClusterIndex> clusters_;
  bool serial_;
  mutable WriteStats stats_;
};

// Every entry of `dir` belongs to a sharded folder: the stub, its temporary
// file, shard folders and their bulk scratch folders.
bool sharded_entry(const std::string& name) {
  return name == kStubName || name == std::string(kStubName) + ".tmp" ||
         name.starts_with("shard-");
}

}  // namespace

Result<std::uint32_t> shard_count_of(const std::string& dir) { return sharded_count(dir); }

Result<std::unique_ptr<IndexWriter>> open_sharded_writer(const std::string& dir,
                                                         const WriterOptions& options,
                                                         std::shared_ptr<const Analyzer> analyzer) {
  if (dir.empty()) return Status::invalid_argument("no database path given");
  if (options.shards > kMaxShards) {
    return Status::invalid_argument("--shards " + std::to_string(options.shards) + ": at most " +
                            std::to_string(kMaxShards) + " shards");
  }
  Result<std::uint32_t> found = sharded_count(dir);
  if (!found.ok()) return found.status();
  std::uint32_t n = *found;
  const bool fresh = n == 0;
  std::error_code ec;
  if (n > 0) {
    if (options.shards != 0 && options.shards != n) {
      return Status::invalid_argument(dir + " has " + std::to_string(n) + " shards (" +
                              (fs::path(dir) / kStubName).string() + ") but " +
                              std::to_string(options.shards) +
                              " were asked for: articles must keep going to the shard that "
                              "holds them; to re-shard, index into a new folder");
    }
    for (std::uint32_t i = 0; i < n; ++i) {
      fs::path shard = fs::path(dir) / shard_name(i);
      if (!fs::exists(shard / "iamglass", ec)) {
        return Status::not_found(shard.string() + ": shard " + std::to_string(i) + " of " +
                         std::to_string(n) + " listed in " +
                         (fs::path(dir) / kStubName).string() + " is missing");
      }
    }
  } else {
    if (options.shards == 0) return Status::invalid_argument(dir + ": no shard count given");
    if (fs::exists(fs::path(dir) / "iamglass", ec)) {
      return Status::invalid_argument(dir + " holds a single (unsharded) database; to shard it, index "
                                    "the articles into a new folder with --shards");
    }
    if (fs::is_directory(dir, ec)) {
      for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (!sharded_entry(name)) {
          return Status::invalid_argument(dir + ": folder is not empty and is not a sharded database "
                                        "(found " + name + ")");
        }
        if (name.starts_with("shard-") && entry.is_directory() &&
            !fs::is_empty(entry.path(), ec)) {
          return Status::invalid_argument(dir + ": holds " + name + " but no stub file " +
                                  std::string(kStubName) +
                                  " saying how many shards there are (an interrupted "
                                  "first run?); remove the folder and index again");
        }
      }
    } else if (fs::exists(dir, ec)) {
      return Status::invalid_argument(dir + ": exists and is not a folder");
    }
    n = options.shards;
    fs::create_directories(dir, ec);
    if (ec) return Status::io_error(dir + ": " + ec.message());
  }

  WriterOptions per = options;
  per.shards = 0;
  unsigned total = options.threads == 0 ? std::max(1u, std::thread::hardware_concurrency())
                                        : options.threads;
  per.threads = std::max(1u, total / n);
  std::vector<std::unique_ptr<ShardedWriter::Shard>> shards;
  std::vector<std::string> paths;
  for (std::uint32_t i = 0; i < n; ++i) paths.push_back((fs::path(dir) / shard_name(i)).string());
  // One cluster table for all shards: wire copies land on different shards.
  auto clusters = std::make_shared<dedup::SharedClusterIndex>(paths, options.dedup_window);
  for (std::uint32_t i = 0; i < n; ++i) {
    auto s = std::make_unique<ShardedWriter::Shard>();
    s->path = (fs::path(dir) / shard_name(i)).string();
    auto w = XapianIndexWriter::open(s->path, per, analyzer);
    if (!w.ok()) return w.status();
    static_cast<XapianIndexWriter&>(**w).share_clusters(clusters);
    s->writer = std::move(w).value();
    shards.push_back(std::move(s));
  }
  if (fresh) {
    // After the shards exist (each has its analysis recorded), so a reader
    // that finds the stub finds every shard it names.
    if (Status st = write_stub(dir, n); !st.ok()) return st;
  }
  return std::unique_ptr<IndexWriter>(new ShardedWriter(std::move(shards), std::move(clusters), total == 1));
}

}  // namespace newsindex::internal
