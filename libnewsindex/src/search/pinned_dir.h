// search/pinned_dir.h: a local database opened through a descriptor of its
// directory.
//
// A bulk commit or compact_database puts a new database in place of the
// directory (renameat2 RENAME_EXCHANGE, docs/index-format.md "Bulk mode").
// Xapian opens a database's files by path, and Database::reopen() reads the
// version file by path again, so a reader that opens or reopens while the
// directory is swapped could mix the files of two databases. Opened through
// /proc/self/fd/N of a descriptor held on the directory, every path resolves
// inside one directory whatever happens to its name; swapped() tells when
// the name has come to mean another directory, which the reader then opens
// afresh. Without /proc the plain path is used (and the race stays).
#ifndef NEWSINDEX_SEARCH_PINNED_DIR_H_
#define NEWSINDEX_SEARCH_PINNED_DIR_H_

#include <string>

#include "newsindex/status.h"

namespace newsindex::internal {

class PinnedDir {
 public:
  // kNotFound when `path` is missing, kIoError when it cannot be opened.
  static Result<PinnedDir> open(const std::string& path);
  PinnedDir(PinnedDir&& other) noexcept;
  PinnedDir& operator=(PinnedDir&& other) noexcept;
  PinnedDir(const PinnedDir&) = delete;
  PinnedDir& operator=(const PinnedDir&) = delete;
  ~PinnedDir();

  // The path to open the database with ("/proc/self/fd/N", or the name).
  const std::string& path() const { return path_; }
  // True when the name no longer leads to the pinned directory.
  bool swapped() const;

 private:
  PinnedDir() = default;
  std::string name_, path_;
  int fd_ = -1;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_PINNED_DIR_H_
