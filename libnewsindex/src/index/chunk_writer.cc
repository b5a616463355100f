// Bulk mode: one thread writing a series of chunk databases.
#include "index/chunk_writer.h"

#include <algorithm>

#include <utility>

#include "xapian/errors.h"

namespace newsindex::internal {
namespace {
// Scratch databases use 32 KiB blocks (Xapian's default is 8 KiB): fewer block
// splits and writes per flush, 1-6% faster builds here (docs/performance.md).
// The merge (Database::compact) writes the default 8 KiB blocks.
constexpr int kChunkBlockSize = 32768;
}  // namespace

ChunkWriter::ChunkWriter(std::string prefix, std::size_t chunk_docs, std::size_t first_chunk_docs,
                         std::size_t flush_docs, std::size_t queue_docs, bool direct)
    : prefix_(std::move(prefix)),
      chunk_docs_(chunk_docs < 1 ? 1 : chunk_docs),
      first_chunk_docs_(first_chunk_docs < 1 ? 1 : std::min(first_chunk_docs, chunk_docs_)),
      flush_docs_(flush_docs),
      queue_docs_(queue_docs < 1 ? 1 : queue_docs),
      direct_(direct),
      thread_([this] { run(); }) {}

ChunkWriter::~ChunkWriter() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

Status ChunkWriter::add(BuiltDocument&& doc) {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return queue_.size() < queue_docs_ || !error_.ok(); });
  if (!error_.ok()) return error_;
  queue_.push_back(std::move(doc));
  lock.unlock();
  cv_.notify_all();
  return Status();
}

void ChunkWriter::start_finish() {
  std::lock_guard<std::mutex> lock(mu_);
  finishing_ = true;
  cv_.notify_all();
}

Result<std::vector<std::string>> ChunkWriter::finish() {
  std::unique_lock<std::mutex> lock(mu_);
  finishing_ = true;
  cv_.notify_all();
  cv_.wait(lock, [&] { return !finishing_; });
  if (!error_.ok()) return error_;
  return std::exchange(done_, {});
}

void ChunkWriter::write(BuiltDocument& built) {
  if (direct_) {
    if (!open_) {
      path_ = prefix_ + "-" + std::to_string(next_chunk_++);
      if (!batch_) {
        glass::BatchOptions options;
        options.block_size = kChunkBlockSize;
        options.compress_data = false;  // the record is compressed (index/stored_data.h)
        // Term lists deflate to the same size at level 1 as at 6 (they are
        // short and hardly repeat; docs/index-format.md), at less CPU.
        options.compress_level = 1;
        batch_ = std::make_unique<glass::GlassBatch>(options);
      }
      batch_->clear();
      open_ = true;
      in_chunk_ = 0;
      chunk_limit_ = next_chunk_ == 1 ? first_chunk_docs_ : chunk_docs_;
    }
    Status st = built.direct ? batch_->add(built.image) : batch_->add(built.doc);
    if (!st.ok()) throw Xapian::InvalidArgumentError(st.message());
    if (++in_chunk_ >= chunk_limit_) close_chunk();
    return;
  }
  if (!open_) {
    path_ = prefix_ + "-" + std::to_string(next_chunk_++);
    db_ = Xapian::WritableDatabase(path_, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC |
                                              Xapian::DB_DANGEROUS | Xapian::DB_BACKEND_GLASS,
                                   kChunkBlockSize);
    open_ = true;
    in_chunk_ = 0;
    chunk_limit_ = next_chunk_ == 1 ? first_chunk_docs_ : chunk_docs_;
  }
  // Ids are unique per chunk by construction (repeats are resolved after
  // the merge), so add_document: no lookup of the id term.
  db_.add_document(built.doc);
  if (++in_chunk_ >= chunk_limit_) {
    close_chunk();
  } else if (flush_docs_ != 0 && in_chunk_ % flush_docs_ == 0) {
    db_.commit();  // cheap: no fsync (DB_NO_SYNC)
  }
}

void ChunkWriter::close_chunk() {
  if (!open_) return;
  if (direct_) {
    Status st = batch_->write_runs(path_);
    batch_->clear();
    open_ = false;
    if (!st.ok()) throw Xapian::DatabaseError(st.message());
    std::lock_guard<std::mutex> lock(mu_);
    done_.push_back(path_);
    return;
  }
  db_.commit();
  db_.close();
  db_ = Xapian::WritableDatabase();
  open_ = false;
  std::lock_guard<std::mutex> lock(mu_);
  done_.push_back(path_);
}

void ChunkWriter::run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [&] { return stop_ || finishing_ || !queue_.empty(); });
    if (stop_) {
      // Destroyed without finish(): the backlog and the open chunk are
      // uncommitted work, discarded with the scratch files.
      lock.unlock();
      try {
        if (open_ && !direct_) db_.close();
      } catch (const Xapian::Error&) {
      }
      return;
    }
    if (!queue_.empty() && error_.ok()) {
      BuiltDocument doc = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      cv_.notify_all();  // room in the queue
      Status st = guard(prefix_, [&] {
        write(doc);
        return Status();
      });
      lock.lock();
      if (!st.ok() && error_.ok()) {
        error_ = std::move(st);
        cv_.notify_all();  // add() returns the error
      }
      continue;
    }
    if (!error_.ok()) queue_.clear();
    if (finishing_) {
      lock.unlock();
      Status st = guard(prefix_, [&] {
        close_chunk();
        return Status();
      });
      lock.lock();
      if (!st.ok() && error_.ok()) error_ = std::move(st);
      finishing_ = false;
      cv_.notify_all();
    }
  }
}

}  // namespace newsindex::internal
