// glass/run_merge.h: many batches' runs merged into one glass database.
//
// A bulk import inverts each batch of documents in memory and writes it as
// runs (GlassBatch::write_runs: one file per table, in key order, plus the
// batch's statistics). merge_runs() reads the runs of every batch side by
// side and writes the final database once, sequentially, as a compaction
// would: the documents of batch i follow those of batch i-1; a term's
// posting-list chunks from several batches are joined (renumbered and,
// while they stay under a chunk's size, concatenated: the chunk bodies
// hold only differences, so nothing is decoded); positions, term lists,
// document data and value-stream chunks are copied under renumbered keys;
// value statistics and the database statistics are combined. The postlist
// table is written on one thread while the other tables are written on
// another. docs/index-format.md, "The direct writer".
#ifndef NEWSINDEX_GLASS_RUN_MERGE_H_
#define NEWSINDEX_GLASS_RUN_MERGE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "glass/version_file.h"
#include "newsindex/status.h"

namespace newsindex::glass {

struct MergeOptions {
  // Block size of every table of the result: 2048 .. 65536, a power of two.
  std::uint32_t block_size = 8192;
  // fsync the files and the directory before returning.
  bool sync = false;
  // The document data table's block size when not 0 (same range). Each hit
  // reads its record with one read of a whole block; the posting lists gain
  // from larger blocks, the records do not.
  std::uint32_t docdata_block_size = 0;
};

// The statistics file of a run directory (written last: a run directory
// without one is incomplete).
Status write_run_stats(const std::string& run_dir, const DatabaseStats& stats, bool sync);
Result<DatabaseStats> read_run_stats(const std::string& run_dir);

// Writes a new glass database into `dir` (which must not exist or be empty)
// from the run directories `runs`, in that order; its user metadata is
// `metadata` (the runs' own is ignored). kCorruption naming the file when a
// run is damaged; kIoError for a failed read or write.
Status merge_runs(const std::vector<std::string>& runs,
                  const std::map<std::string, std::string>& metadata, const std::string& dir,
                  const MergeOptions& options = {});

}  // namespace newsindex::glass

#endif  // NEWSINDEX_GLASS_RUN_MERGE_H_
