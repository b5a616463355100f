// Output folders of the direct writer (glass/output_dir.h).
#include "glass/output_dir.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace newsindex::glass {

Status check_block_size(std::uint32_t bs) {
  if (bs < 2048 || bs > 65536 || (bs & (bs - 1)) != 0) {
    return Status::invalid_argument("block size " + std::to_string(bs) +
                                    ": must be a power of two from 2048 to 65536");
  }
  return Status();
}

Status prepare_output_dir(const std::string& dir, std::uint32_t bs) {
  Status ok = check_block_size(bs);
  if (!ok.ok()) return ok;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::io_error(dir + ": " + ec.message());
  if (!std::filesystem::is_empty(dir, ec) || ec) {
    return Status::invalid_argument(dir + ": not an empty directory");
  }
  return Status();
}

Status sync_path(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? Status() : Status::io_error(path + ": " + std::strerror(errno));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Status::io_error(path + ": " + std::strerror(errno));
  return Status();
}

}  // namespace newsindex::glass
