// index/xapian_writer.h: the IndexWriter implementation.
//
// Crash safety: the WritableDatabase is always inside a Xapian transaction
// (begin_transaction(true)); commit() ends it, which writes a new revision
// atomically, and begins the next. Xapian's WritableDatabase destructor would
// otherwise commit pending changes; with a transaction open it cancels them,
// so destroying an IndexWriter without commit() discards its changes, and a
// process killed at any point leaves the last committed revision.
//
// Bulk mode writes through ChunkWriters into scratch databases instead and
// commits by merging them in (bulk_merge.h); the transaction on the
// database itself then stays empty but still holds the write lock.
#ifndef NEWSINDEX_INDEX_XAPIAN_WRITER_H_
#define NEWSINDEX_INDEX_XAPIAN_WRITER_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/cluster_index.h"
#include "index/analysis_pool.h"
#include "index/bulk_merge.h"
#include "index/chunk_writer.h"
#include "index/document_builder.h"
#include "index/hash_set.h"
#include "index/writer_lock.h"
#include "newsindex/writer.h"

namespace newsindex::internal {

class XapianIndexWriter final : public IndexWriter {
 public:
  // Opens with a given analyzer (tests pass their own; IndexWriter::open
  // creates one from options.analysis).
  static Result<std::unique_ptr<IndexWriter>> open(const std::string& path,
                                                   const WriterOptions& options,
                                                   std::shared_ptr<const Analyzer> analyzer);
  ~XapianIndexWriter() override;

  Status add(const Article& article) override;
  Status remove(std::string_view id) override;
  Status commit() override;
  const WriteStats& stats() const override { return stats_; }
  // The shards of a sharded folder share one cluster table (sharded_writer.h).
  void share_clusters(std::shared_ptr<dedup::SharedClusterIndex> shared) {
    shared_clusters_ = std::move(shared);
  }

 private:
  XapianIndexWriter(std::string path, const WriterOptions& options,
                    std::shared_ptr<const Analyzer> analyzer);
  Status init();
  Status apply(BuiltDocument& built);
  Status apply_bulk(BuiltDocument& built);
  Status remove_bulk(const std::string& term);
  Status commit_bulk();
  // Counts an add or remove; commits when batch_size are pending.
  Status count_change();
  Status reopen();
  // The cluster table, loaded from the database on first use after a reopen.
  // May throw Xapian::Error (callers run under guard()).
  dedup::ClusterIndex& clusters();
  Status drain(bool all);
  void mark_committed();  // the counts of stats_ are durable now
  Status commit_now();
  // kIoError "No space left on device" when the disk lacks room for a commit.
  Status room_for_commit() const;
  Status fail(Status st);

  std::string path_;
  WriterOptions options_;
  std::shared_ptr<const Analyzer> analyzer_;
  WriterLock lock_;  // beside the database, for its whole life (writer_lock.h)
  Xapian::WritableDatabase db_;
  DocumentBuilder builder_;
  BuiltDocument built_;
  std::unique_ptr<AnalysisPool> pool_;
  std::unique_ptr<dedup::ClusterIndex> clusters_;  // null: reload when needed
  std::shared_ptr<dedup::SharedClusterIndex> shared_clusters_;  // instead, when set
  WriteStats stats_;
  std::uint64_t since_commit_ = 0;
  std::uint64_t text_since_commit_ = 0;  // text bytes added since the commit (plain mode)
  Status failed_;  // sticky: a failed write leaves the batch unusable

  // Bulk mode.
  std::filesystem::path scratch_;  // "DIR.newsindex-bulk"
  std::vector<std::unique_ptr<ChunkWriter>> chunk_writers_;
  HashSet pending_ids_;  // hashes of ids added since the commit
  IdFixups fixups_;
  // Bulk mode writes its chunks as runs of the direct glass writer (true)
  // or as glass databases through Xapian's writer.
  bool direct_chunks_ = false;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_XAPIAN_WRITER_H_
