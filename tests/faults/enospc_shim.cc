// A full disk where a test may not mount a small file system: preloaded
// (LD_PRELOAD) into a command, it fails the write calls into one folder with
// ENOSPC once a budget of bytes has been written there, as a file system
// that fills up would, and from then on (deleting files gives no room back;
// the test re-runs the command without the shim).
//
//   NEWSINDEX_ENOSPC_DIR=/path/to/folder   files whose path starts with this
//   NEWSINDEX_ENOSPC_BYTES=2097152         bytes written before the disk is full
//
// write, pwrite, pwrite64, writev, pwritev and fallocate are covered (Xapian
// writes its tables with pwrite, its version files and changesets with
// write), and statvfs of a path in the folder reports the budget left as
// its free space, as that file system would. Built without sanitizers, so it can be preloaded into a sanitizer
// build of the command too.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/statvfs.h>
#include <sys/uio.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

std::atomic<long long> g_written{0};

const char* full_dir() {
  static const char* const dir = std::getenv("NEWSINDEX_ENOSPC_DIR");
  return dir != nullptr && *dir != '\0' ? dir : nullptr;
}

long long budget() {
  static const long long b = [] {
    const char* v = std::getenv("NEWSINDEX_ENOSPC_BYTES");
    return v != nullptr ? std::atoll(v) : 0LL;
  }();
  return b;
}

// True when this write of `n` bytes to `fd` must fail: the file is in the
// folder and the budget is spent.
bool disk_full(int fd, long long n) {
  const char* dir = full_dir();
  if (dir == nullptr || fd < 0 || n <= 0) return false;
  char link[64], path[4096];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t len = ::readlink(link, path, sizeof path - 1);
  if (len <= 0) return false;
  path[len] = '\0';
  if (std::strncmp(path, dir, std::strlen(dir)) != 0) return false;
  if (g_written.fetch_add(n) + n <= budget()) return false;
  errno = ENOSPC;
  return true;
}

template <typename F>
F next(const char* name) {
  return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

long long total(const struct iovec* iov, int count) {
  long long n = 0;
  for (int i = 0; i < count; ++i) n += static_cast<long long>(iov[i].iov_len);
  return n;
}

}  // namespace

extern "C" {

ssize_t write(int fd, const void* buf, size_t n) {
  static auto real = next<ssize_t (*)(int, const void*, size_t)>("write");
  if (disk_full(fd, static_cast<long long>(n))) return -1;
  return real(fd, buf, n);
}

ssize_t pwrite(int fd, const void* buf, size_t n, off_t at) {
  static auto real = next<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite");
  if (disk_full(fd, static_cast<long long>(n))) return -1;
  return real(fd, buf, n, at);
}

ssize_t pwrite64(int fd, const void* buf, size_t n, off64_t at) {
  static auto real = next<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64");
  if (disk_full(fd, static_cast<long long>(n))) return -1;
  return real(fd, buf, n, at);
}

ssize_t writev(int fd, const struct iovec* iov, int count) {
  static auto real = next<ssize_t (*)(int, const struct iovec*, int)>("writev");
  if (disk_full(fd, total(iov, count))) return -1;
  return real(fd, iov, count);
}

ssize_t pwritev(int fd, const struct iovec* iov, int count, off_t at) {
  static auto real = next<ssize_t (*)(int, const struct iovec*, int, off_t)>("pwritev");
  if (disk_full(fd, total(iov, count))) return -1;
  return real(fd, iov, count, at);
}

int fallocate(int fd, int mode, off_t at, off_t len) {
  static auto real = next<int (*)(int, int, off_t, off_t)>("fallocate");
  if (disk_full(fd, static_cast<long long>(len))) return -1;
  return real(fd, mode, at, len);
}

int statvfs(const char* path, struct statvfs* out) {
  static auto real = next<int (*)(const char*, struct statvfs*)>("statvfs");
  const int rc = real(path, out);
  const char* dir = full_dir();
  if (rc == 0 && dir != nullptr && std::strncmp(path, dir, std::strlen(dir)) == 0) {
    const long long left = budget() - g_written.load();
    const unsigned long unit = out->f_frsize != 0 ? out->f_frsize : 4096;
    out->f_bavail = out->f_bfree = left > 0 ? static_cast<unsigned long long>(left) / unit : 0;
  }
  return rc;
}

}  // extern "C"
