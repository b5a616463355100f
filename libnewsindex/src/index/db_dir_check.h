// index/db_dir_check.h: telling a Xapian database folder from any other.
//
// `--db a` must never turn a folder of source files into a database, and
// compaction and the bulk swap must never delete a file they did not write:
// both rest on knowing which names glass writes in a database directory.
#ifndef NEWSINDEX_INDEX_DB_DIR_CHECK_H_
#define NEWSINDEX_INDEX_DB_DIR_CHECK_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "newsindex/status.h"

namespace newsindex::internal {

// True for the names Xapian's glass backend writes in a database directory
// (iamglass, flintlock, <table>.glass, changesN, temporary *.tmp).
bool is_database_file(std::string_view name);

// OK when `path` does not exist yet, is an empty folder, or is a folder that
// holds only a Xapian database's files. Otherwise kInvalidArgument naming the
// folder and an entry that does not belong there. A path that is not a
// folder is left to Xapian (a stub database file).
Status check_database_dir(const std::string& path);

// Removes the database files in `dir`, then `dir` itself when that leaves it
// empty; anything else in it stays where it is. Returns false when something
// was left behind.
bool remove_database_dir(const std::filesystem::path& dir);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_DB_DIR_CHECK_H_
