// compact_database: xapian-compact into a sibling directory, then swap it in.
#include <filesystem>

#include <xapian.h>

#include "index/dir_swap.h"
#include "newsindex/writer.h"
#include "xapian/errors.h"

namespace newsindex {

namespace fs = std::filesystem;

Status compact_database(const std::string& path) {
  const fs::path db_path = internal::database_dir(path);
  const fs::path tmp = db_path.string() + ".compact-tmp";
  std::error_code ec;
  fs::remove_all(tmp, ec);  // a leftover from an interrupted run
  return internal::guard(path, [&]() -> Status {
    // Holding the write lock keeps writers out while we copy and swap.
    Xapian::WritableDatabase db(db_path.string(), Xapian::DB_OPEN);
    db.compact(tmp.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    Status st = internal::swap_in(tmp, db_path);
    db.close();
    return st;
  });
}

}  // namespace newsindex
