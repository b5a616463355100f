// index/writer_lock.h: one newsindex writer per database, across the
// moments when Xapian's own lock is not held.
//
// Xapian's lock (the database's `flintlock`) lives inside the database
// folder, and bulk mode replaces that folder at each commit, then reopens the
// new one: in between, a second writer could take the new folder's lock. A
// WriterLock is an flock(2) on the file DIR.newsindex-lock beside the
// database, held for the writer's whole life; the kernel releases it when the
// process dies, so a crash never leaves a stale lock.
#ifndef NEWSINDEX_INDEX_WRITER_LOCK_H_
#define NEWSINDEX_INDEX_WRITER_LOCK_H_

#include <string>

#include "newsindex/status.h"

namespace newsindex::internal {

class WriterLock {
 public:
  WriterLock() = default;
  ~WriterLock();
  WriterLock(WriterLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  WriterLock& operator=(WriterLock&& other) noexcept;
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

  // Takes the lock of the database at `db_path`, without waiting: kLocked
  // when another writer holds it. Where the lock file cannot be created (a
  // folder we may not write), the writer goes on without it: Xapian's own
  // lock still guards the database, and bulk mode cannot run there anyway.
  static Result<WriterLock> take(const std::string& db_path);

  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_WRITER_LOCK_H_
