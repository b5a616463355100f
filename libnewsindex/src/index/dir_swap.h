// index/dir_swap.h: putting a freshly built database in place of another.
#ifndef NEWSINDEX_INDEX_DIR_SWAP_H_
#define NEWSINDEX_INDEX_DIR_SWAP_H_

#include <filesystem>

#include "index/db_dir_check.h"  // check_database_dir, for the writer's open
#include "newsindex/status.h"

namespace newsindex::internal {

// "db/" -> "db": the directory a database path names.
std::filesystem::path database_dir(const std::string& path);

// Makes the complete database at `fresh` appear at `target` and removes the
// old one. Atomic where Linux's renameat2(RENAME_EXCHANGE) works: a reader
// or a crash sees either the old or the new database, never neither.
// Elsewhere two renames; a crash between them leaves the old database at
// `target` + ".swap-old" for the user to move back. Refuses (kInvalidArgument)
// a `target` that holds anything but a database, and removes only database
// files: a file someone put in the folder is never deleted.
Status swap_in(const std::filesystem::path& fresh, const std::filesystem::path& target);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_DIR_SWAP_H_
