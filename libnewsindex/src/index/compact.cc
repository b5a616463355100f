// compact_database: xapian-compact into a sibling directory, then swap it in.
#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <xapian.h>

#include "newsindex/writer.h"
#include "xapian/errors.h"

namespace newsindex {

namespace fs = std::filesystem;

namespace {

// Atomically exchanges two directory entries (Linux renameat2); false when
// the kernel or file system cannot.
bool exchange(const fs::path& a, const fs::path& b) {
#ifdef RENAME_EXCHANGE
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
#else
  (void)a;
  (void)b;
  return false;
#endif
}

}  // namespace

Status compact_database(const std::string& path) {
  fs::path db_path = fs::path(path);
  while (db_path.has_filename() == false && db_path.has_parent_path() &&
         db_path != db_path.root_path()) {
    db_path = db_path.parent_path();  // "db/" -> "db"
  }
  const fs::path tmp = db_path.string() + ".compact-tmp";
  std::error_code ec;
  fs::remove_all(tmp, ec);  // a leftover from an interrupted run
  return internal::guard(path, [&]() -> Status {
    // Holding the write lock keeps writers out while we copy and swap.
    Xapian::WritableDatabase db(db_path.string(), Xapian::DB_OPEN);
    db.compact(tmp.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    if (!exchange(tmp, db_path)) {
      // Fallback: two renames (a crash in between leaves the complete old
      // database at DIR.compact-old).
      const fs::path old = db_path.string() + ".compact-old";
      fs::remove_all(old, ec);
      fs::rename(db_path, old, ec);
      if (ec) return io_error(path + ": cannot move the old database aside: " + ec.message());
      fs::rename(tmp, db_path, ec);
      if (ec) {
        std::error_code ec2;
        fs::rename(old, db_path, ec2);
        return io_error(path + ": cannot move the compacted database in: " + ec.message());
      }
      db.close();
      fs::remove_all(old, ec);
      return Status();
    }
    db.close();
    fs::remove_all(tmp, ec);  // now the old database
    return Status();
  });
}

}  // namespace newsindex
