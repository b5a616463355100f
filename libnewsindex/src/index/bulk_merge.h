// index/bulk_merge.h: bulk mode's commit.
//
// The chunks written since the last commit are either glass databases
// (Xapian's writer) or runs (the direct writer, glass/run_merge.h). Into a
// database that holds no documents, runs are merged straight into the new
// database; otherwise the committed database and the chunks (runs merged
// into one database first) are merged by Xapian's compaction, in that
// order, into a scratch directory. Older
// versions of ids that were added again, and removed ids, are deleted
// there; then the result is swapped in place of the database (dir_swap.h).
// Until the swap the database is untouched, so a crash at any point leaves
// either the last commit or this one, never a mixture.
#ifndef NEWSINDEX_INDEX_BULK_MERGE_H_
#define NEWSINDEX_INDEX_BULK_MERGE_H_

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "newsindex/status.h"

namespace newsindex::internal {

// id term ("Q" + id) -> true: keep only its newest version (the highest
// document id: the merge keeps the order of its sources, and one id's
// versions are always in one writer's chunks, in the order added);
// false: delete every version.
using IdFixups = std::unordered_map<std::string, bool>;

// REQUIRES: the caller holds the write lock on `db_dir` and has no
// uncommitted changes there; `work_dir` is on the same file system and
// holds nothing of value ("merged" is created in it). After an ok return the
// caller must reopen `db_dir`: the directory it had open is gone.
// `block_size`: of every table of the merged database (WriterOptions);
// `docdata_block_size` (0: block_size): of its document data table when the
// runs make a new database (Xapian's compaction writes one size for all).
Status merge_into(const std::filesystem::path& db_dir, const std::vector<std::string>& chunks,
                  bool runs, const IdFixups& fixups, const std::filesystem::path& work_dir,
                  std::uint32_t block_size, std::uint32_t docdata_block_size = 0);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_BULK_MERGE_H_
