// A database directory held open by descriptor.
#include "search/pinned_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace newsindex::internal {

Result<PinnedDir> PinnedDir::open(const std::string& name) {
  PinnedDir d;
  d.name_ = name;
  d.path_ = name;
  struct stat st;
  if (::stat(name.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::not_found(name + ": no such database");
    return Status::io_error(name + ": " + std::strerror(errno));
  }
  if (!S_ISDIR(st.st_mode)) return d;  // a stub or single-file database: by name
  d.fd_ = ::open(name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (d.fd_ < 0) return Status::io_error(name + ": " + std::strerror(errno));
  std::string via = "/proc/self/fd/" + std::to_string(d.fd_);
  if (::access((via + "/.").c_str(), F_OK) == 0) d.path_ = via;
  return d;
}

PinnedDir::PinnedDir(PinnedDir&& other) noexcept
    : name_(std::move(other.name_)),
      path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)) {}

PinnedDir& PinnedDir::operator=(PinnedDir&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    name_ = std::move(other.name_);
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

PinnedDir::~PinnedDir() {
  if (fd_ >= 0) ::close(fd_);
}

bool PinnedDir::swapped() const {
  if (fd_ < 0) return false;
  struct stat now, pinned;
  if (::fstat(fd_, &pinned) != 0) return true;
  if (::stat(name_.c_str(), &now) != 0) return true;  // gone: try to open afresh
  return now.st_dev != pinned.st_dev || now.st_ino != pinned.st_ino;
}

}  // namespace newsindex::internal
