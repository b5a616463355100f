// index/sharded_writer.h: an IndexWriter over the shards of a sharded folder.
//
// One IndexWriter per shard (index/shard_layout.h for the layout and the
// routing), each fed by its own thread from a short queue, so N shards
// analyse and write on up to N cores while the caller reads the input.
// add() checks the article (so a bad one is still refused at once, as by a
// single writer), routes it by its id and queues it; a shard's failure is
// returned by a later add(), remove() or commit(). remove() and commit()
// first wait until the queues are empty. commit() commits all shards in
// parallel; it returns the first failure, and the committed counts of
// stats() then say what each shard made durable (summed).
//
// The shards share one near-duplicate cluster table (dedup::SharedClusterIndex),
// so wire copies routed to different shards still collapse together. With
// threads == 1 there are no feeder threads: articles are written in input
// order in the caller's thread, and the clusters are exactly those of one
// database. With feeder threads the shards reach their articles in an order
// that depends on timing; a chain of copies that resemble their neighbours
// but not each other (A~B, B~C, A!~C) may then split differently.
#ifndef NEWSINDEX_INDEX_SHARDED_WRITER_H_
#define NEWSINDEX_INDEX_SHARDED_WRITER_H_

#include <memory>
#include <string>

#include "newsindex/analyzer.h"
#include "newsindex/writer.h"

namespace newsindex::internal {

// Opens the sharded folder `dir` (creating `options.shards` shards when `dir`
// is new or empty). kInvalidArgument when options.shards disagrees with the
// stub, when `dir` holds a single database, or when it is some other folder.
Result<std::unique_ptr<IndexWriter>> open_sharded_writer(const std::string& dir,
                                                         const WriterOptions& options,
                                                         std::shared_ptr<const Analyzer> analyzer);

// Which layout `dir` has, for IndexWriter::open: the shard count of its stub
// (0 when it has none, or is missing).
Result<std::uint32_t> shard_count_of(const std::string& dir);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_SHARDED_WRITER_H_
