// newsindex/writer.h: writing articles into a Xapian database.
#ifndef NEWSINDEX_WRITER_H_
#define NEWSINDEX_WRITER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "newsindex/analyzer.h"
#include "newsindex/article.h"
#include "newsindex/export.h"
#include "newsindex/status.h"

namespace newsindex {

struct WriterOptions {
  AnalyzerOptions analysis;
  // Documents per automatic commit; 0 = only explicit commit(). Xapian keeps
  // a batch's postings in maps that get slower per posting as they grow, so
  // small batches write faster, up to the cost of the commits themselves
  // (docs/performance.md, "Plain mode"). Default: 1000.
  std::uint32_t batch_size = 1000;
  // Analysis threads; 0 = all cores. With more than one, articles are
  // analysed on worker threads while the calling thread writes them, in the
  // order they were added (the same database as with one thread). An article
  // that fails to build is then reported by a later add() or by commit().
  // Default: 1.
  unsigned threads = 1;
  // Bulk mode, for large imports: articles are analysed on `threads` worker
  // threads and written by `threads` writer threads into small scratch
  // databases beside the database ("DIR.newsindex-bulk"), which commit()
  // merges into it with Xapian's compaction and swaps in atomically. Each
  // commit rewrites the whole database, so give bulk mode a large
  // batch_size (or 0 and one commit() at the end). Default: false.
  bool bulk = false;
  // Bulk mode: documents per scratch database. Default: 20000.
  std::uint32_t bulk_chunk_docs = 20000;
  // Bulk mode: a writer thread flushes its scratch database every this many
  // documents (0 = only when it is full). Xapian's in-memory inverter gets
  // slower per posting as it grows, so small flushes into a large scratch
  // database beat both one flush per database and many small databases
  // (docs/performance.md). Default: 250.
  std::uint32_t bulk_flush_docs = 250;
  // Bulk mode: write each scratch database with libnewsindex's own glass
  // writer, which inverts the chunk in memory and writes its tables
  // sequentially, instead of through Xapian's writer (bulk_flush_docs then
  // does not apply). The databases are the same through Xapian's read API
  // (docs/index-format.md, "The direct writer"). Needs the linked Xapian to
  // be 1.4.x; with any other version bulk mode falls back to Xapian's writer
  // and says so in WriteStats::notice. Default: true.
  bool direct_glass = true;
  // Index the title into the searchable text (and S-prefixed). Default: true.
  bool index_title = true;
  // How many times a word of the title counts in the searchable text (its
  // wdf per occurrence; body words count once). Chosen on the lead task
  // (docs/evaluation.md, "Index-time weights", title boost: 3, 5 and 8 level). Default: 5.
  std::uint32_t title_wdf = 5;
  // The same for a word of the lead: the body's first paragraph (as the
  // readers derive Article::lead), or a lead given apart from the body.
  // Chosen on known-item-nl (docs/evaluation.md, "Index-time weights": MRR@10
  // 0.747 against 0.738 with 1). Default: 2.
  std::uint32_t lead_wdf = 2;
  // Also index the lead's words as a field of their own ("ZXL" stems,
  // docs/index-format.md), which SearcherOptions::lead_weight searches.
  // Default: false.
  bool lead_terms = false;
  // Write even if the database was built with a different analysis. Default: false.
  bool override_analysis = false;
  // Sharding (docs/scaling.md). 0: write what the path holds, one database,
  // or the shards of a sharded folder (one with a stub file XAPIANDB, whose
  // shard count is used). N > 0: the path is a sharded folder of N shards,
  // created when it is new or empty; open() fails with kInvalidArgument when
  // it holds another count or a single database. Each article goes to shard
  // FNV-1a-64(id) mod N, so replacing and deleting reach the shard that
  // holds it. The shards are written in parallel, each by its own thread,
  // with threads / N analysis threads each (at least one); batch_size and
  // bulk apply per shard. With threads == 1 the shards are written one
  // article at a time in the caller's thread, and near-duplicate clusters
  // (collapse) come out exactly as in one database; in parallel a chain of
  // copies can split differently (docs/scaling.md). Default: 0.
  std::uint32_t shards = 0;
  // Near-duplicate detection (search's collapse) compares each article with
  // the articles written before it; this many at most are remembered, about
  // 1.1 KB each, so the writer's memory does not grow with the archive. An
  // article is compared with at least the last dedup_window / 2 articles of
  // the input (and, when the writer opens, the database's documents of the
  // highest ids). Read in date order that is weeks to months of news; wire
  // copies appear within days (docs/index-format.md, "Wire-story collapse"). 0:
  // remember every article (memory grows with the archive). Default: 200000.
  std::uint32_t dedup_window = 200000;
  // Block size in bytes of the database's tables when this writer creates
  // the database (plain mode) or rewrites it (bulk mode's merge): a power of
  // two from 2048 to 65536; open() refuses others (kInvalidArgument). An
  // existing database keeps its block size in plain mode. Xapian reads one
  // block per B-tree level a lookup descends and per posting-list chunk, one
  // pread each; 16 KiB blocks make a 2-word query with snippets read about
  // 30% fewer blocks than 8 KiB (Xapian's default) and cost 5-8% less CPU, at
  // about the same index size (docs/performance.md, "Query ranking").
  // Default: 16384.
  std::uint32_t block_size = 16384;
  // Block size in bytes of the document data table (one record per
  // document) when bulk mode's own merge writes a new database (a new or
  // empty database, direct_glass on the Xapian it was built for); 0: as
  // block_size. Elsewhere (plain mode, a bulk merge into a database with
  // documents, compaction) Xapian writes block_size for every table. Each
  // hit reads its record with one read of a whole block, so smaller blocks
  // copy less per hit while the posting lists keep the larger size: 8 KiB
  // makes full queries (snippets) cost 2-7% less CPU than 16 KiB
  // (docs/performance.md, "Query ranking"). 0 or a power of two from 2048 to
  // 65536; open() refuses others (kInvalidArgument). Default: 8192.
  std::uint32_t docdata_block_size = 8192;
};

struct WriteStats {
  std::uint64_t added = 0;     // new ids
  std::uint64_t replaced = 0;  // ids that were already there
  std::uint64_t deleted = 0;
  std::uint64_t commits = 0;
  // The same three counts as of the last successful commit: what is durable
  // (after a failure, what the database holds of this writer's work).
  std::uint64_t committed_added = 0;
  std::uint64_t committed_replaced = 0;
  std::uint64_t committed_deleted = 0;
  std::uint64_t text_bytes = 0;  // title + body bytes analysed
  // Something the caller should tell the user that is not an error (for
  // example that bulk mode fell back to Xapian's writer); "" when none.
  std::string notice;
};

// Owns the database write lock. Not thread-safe: one thread calls it.
// Nothing is durable until commit() returns ok. The destructor does NOT
// commit: uncommitted changes are discarded.
class NEWSINDEX_EXPORT IndexWriter {
 public:
  // Creates the database when missing. kLocked when another writer holds it;
  // kAnalysisMismatch when it was built with other analysis. A sharded
  // folder (WriterOptions::shards) gives a writer over all its shards.
  static Result<std::unique_ptr<IndexWriter>> open(const std::string& path,
                                                   const WriterOptions& options = {});
  // The same, analysing with `analyzer` instead of options.analysis (an
  // Analyzer of the caller's own; analyzer.h). The database records its
  // identity(). REQUIRES: analyzer non-null (else kInvalidArgument).
  static Result<std::unique_ptr<IndexWriter>> open(const std::string& path,
                                                   const WriterOptions& options,
                                                   std::shared_ptr<const Analyzer> analyzer);
  virtual ~IndexWriter() = default;

  // Adds `article`, replacing any document with the same id.
  // REQUIRES: article.id non-empty; title or body non-empty.
  virtual Status add(const Article& article) = 0;
  // Deletes the document with `id`; kNotFound if there is none.
  virtual Status remove(std::string_view id) = 0;
  // Makes everything added or removed so far durable.
  virtual Status commit() = 0;

  virtual const WriteStats& stats() const = 0;
};

// Merges and compacts the database at `path` in place (xapian-compact).
NEWSINDEX_EXPORT Status compact_database(const std::string& path);

}  // namespace newsindex

#endif  // NEWSINDEX_WRITER_H_
