// index/damage_mark.h: remembering that a database is known to be damaged.
//
// Glass keeps no checksums: damage in a block is found only when something
// reads it. Once it has been found (by `newsindex check`, or by a writer
// that met it), DIR.newsindex-damaged beside the database says so, and no
// writer, compaction or bulk swap writes into that database again until a
// check passes (after a restore), which removes the mark.
#ifndef NEWSINDEX_INDEX_DAMAGE_MARK_H_
#define NEWSINDEX_INDEX_DAMAGE_MARK_H_

#include <string>

#include "newsindex/status.h"

namespace newsindex::internal {

// DIR.newsindex-damaged for the database folder `db`.
std::string damage_mark_path(const std::string& db);

// Records `why` (the corruption error) in the mark; best effort: a mark that
// cannot be written (a read-only folder) is left out.
void mark_damaged(const std::string& db, const std::string& why);

// Removes the mark, if any.
void clear_damage_mark(const std::string& db);

// kCorruption naming the database and what was found when it is marked,
// else OK.
Status refuse_if_damaged(const std::string& db);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_DAMAGE_MARK_H_
