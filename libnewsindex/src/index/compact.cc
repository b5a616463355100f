// compact_database: xapian-compact into a sibling directory, then swap it in.
#include <filesystem>

#include <xapian.h>

#include "index/damage_mark.h"
#include "index/db_dir_check.h"
#include "index/dir_swap.h"
#include "index/shard_layout.h"
#include "newsindex/writer.h"
#include "xapian/errors.h"

namespace newsindex {

namespace fs = std::filesystem;

Status compact_database(const std::string& path) {
  // A sharded folder: each shard on its own (the stub stays as it is).
  Result<std::uint32_t> shards = internal::sharded_count(path);
  if (!shards.ok()) return shards.status();
  for (std::uint32_t i = 0; i < *shards; ++i) {
    Status st = compact_database((fs::path(path) / internal::shard_name(i)).string());
    if (!st.ok()) return st;
  }
  if (*shards > 0) return Status();
  const fs::path db_path = internal::database_dir(path);
  const fs::path tmp = db_path.string() + ".compact-tmp";
  // Compaction replaces the whole folder: refuse one that holds other files
  // (`mkdir a; cp feed.jsonl a/` must not lose feed.jsonl).
  if (Status st = internal::check_database_dir(db_path.string()); !st.ok()) return st;
  if (Status st = internal::refuse_if_damaged(db_path.string()); !st.ok()) return st;
  if (!internal::remove_database_dir(tmp)) {  // a leftover from an interrupted run
    return Status::invalid_argument(tmp.string() +
                            ": in the way of compaction and holds files that are not a "
                            "database; move it away");
  }
  return internal::guard(path, [&]() -> Status {
    // Holding the write lock keeps writers out while we copy and swap.
    Xapian::WritableDatabase db(db_path.string(), Xapian::DB_OPEN);
    // In the writer's default block size (Xapian's own default is 8 KiB):
    // compaction must not undo what the writer chose for query speed.
    db.compact(tmp.string(), Xapian::DBCOMPACT_NO_RENUMBER,
               static_cast<int>(WriterOptions().block_size));
    Status st = internal::swap_in(tmp, db_path);
    db.close();
    return st;
  });
}

}  // namespace newsindex
