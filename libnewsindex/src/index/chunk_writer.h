// index/chunk_writer.h: bulk mode's parallel write path.
//
// Xapian's write path (the inverter's maps, position encoding, the flush)
// runs on one thread per WritableDatabase. Bulk mode therefore gives each of
// its writer threads its own series of small "chunk" databases: fresh glass
// databases of at most `chunk_docs` documents, written with DB_NO_SYNC and
// DB_DANGEROUS (they are scratch files: a crash loses nothing committed) and
// flushed every `flush_docs` documents: Xapian's inverter keeps a map per
// term and per document, so a posting costs less in a small batch, while few
// large chunks keep the merged posting lists in few pieces. At commit,
// Xapian's compaction merges them into the real database
// (index/bulk_merge.h).
//
// With `direct` (the default of WriterOptions::direct_glass) a chunk is not
// written through Xapian at all: its documents are inverted in memory by
// glass::GlassBatch and, when it is full, written sequentially as runs (one
// plain file per table, glass/batch.h write_runs()), which the commit merges
// into the database (glass/run_merge.h); memory then holds one chunk per
// thread.
//
// Documents reach a ChunkWriter in the order the serial stage saw them, and
// one id always goes to the same ChunkWriter (the writer partitions by id),
// so all versions of an id sit in one writer's chunks in submission order.
#ifndef NEWSINDEX_INDEX_CHUNK_WRITER_H_
#define NEWSINDEX_INDEX_CHUNK_WRITER_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "glass/batch.h"
#include "index/document_builder.h"

#include "newsindex/status.h"

namespace newsindex::internal {

// Thread-safety: add() and finish() are called by one thread (the writer's);
// the ChunkWriter's own thread writes the chunks.
class ChunkWriter {
 public:
  // Chunks are written as `prefix` + "-0", "-1", ... (directories), each
  // of `chunk_docs` documents but the first, of `first_chunk_docs` (at most
  // `chunk_docs`): writers given different first sizes close their chunks at
  // different times, so that while one writes a chunk (and its queue fills)
  // the others go on taking documents. `flush_docs` 0: flush only when the
  // chunk is full.
  ChunkWriter(std::string prefix, std::size_t chunk_docs, std::size_t first_chunk_docs,
              std::size_t flush_docs, std::size_t queue_docs, bool direct);
  ~ChunkWriter();  // stops the thread; unfinished chunks stay on disk
  ChunkWriter(const ChunkWriter&) = delete;
  ChunkWriter& operator=(const ChunkWriter&) = delete;

  // Queues `doc` (waits while the queue is full). Returns the first write
  // error, after which nothing more is written.
  Status add(BuiltDocument&& built);

  // Waits until everything queued is written and the open chunk is
  // committed; returns the chunks written since the last finish() (in order)
  // or the first error. The ChunkWriter can be used again afterwards.
  Result<std::vector<std::string>> finish();
  // Starts what finish() waits for, without waiting: a commit starts every
  // writer's last chunk before it waits for the first, so that they are
  // written in parallel.
  void start_finish();

 private:
  void run();
  void write(BuiltDocument& built);
  void close_chunk();

  const std::string prefix_;
  const std::size_t chunk_docs_;
  const std::size_t first_chunk_docs_;
  const std::size_t flush_docs_;
  const std::size_t queue_docs_;
  const bool direct_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<BuiltDocument> queue_;
  bool finishing_ = false;  // finish() waits for the open chunk to close
  bool stop_ = false;
  Status error_;
  std::vector<std::string> done_;  // chunks committed since the last finish()

  // Owned by the thread.
  Xapian::WritableDatabase db_;
  std::unique_ptr<glass::GlassBatch> batch_;  // direct mode
  bool open_ = false;
  std::size_t in_chunk_ = 0;
  std::size_t chunk_limit_ = 0;  // documents in the open chunk when full
  std::size_t next_chunk_ = 0;
  std::string path_;

  std::thread thread_;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_CHUNK_WRITER_H_
