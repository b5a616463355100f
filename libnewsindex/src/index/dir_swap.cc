// Swapping a database directory atomically.
#include "index/dir_swap.h"

#include <fcntl.h>
#include <stdio.h>

namespace newsindex::internal {

namespace fs = std::filesystem;

namespace {

// Atomically exchanges two directory entries; false when the kernel or file
// system cannot.
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

fs::path database_dir(const std::string& path) {
  fs::path p(path);
  while (!p.has_filename() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();
  return p;
}

Status swap_in(const fs::path& fresh, const fs::path& target) {
  // The old folder is deleted after the swap: it must hold nothing else.
  if (Status st = check_database_dir(target.string()); !st.ok()) return st;
  std::error_code ec;
  if (exchange(fresh, target)) {
    remove_database_dir(fresh);  // now the old database
    return Status();
  }
  const fs::path old = target.string() + ".swap-old";
  if (!remove_database_dir(old)) {
    return Status::io_error(old.string() + ": in the way of the swap and holds files that are not a "
                                   "database; move it away");
  }
  fs::rename(target, old, ec);
  if (ec) {
    return Status::io_error(target.string() + ": cannot move the old database aside: " + ec.message());
  }
  fs::rename(fresh, target, ec);
  if (ec) {
    std::error_code ec2;
    fs::rename(old, target, ec2);
    return Status::io_error(target.string() + ": cannot move the new database in: " + ec.message());
  }
  remove_database_dir(old);
  return Status();
}

}  // namespace newsindex::internal
