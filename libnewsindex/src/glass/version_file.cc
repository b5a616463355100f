// The glass version file (glass/version_file.h).
#include "glass/version_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>

#include "glass/encoding.h"

namespace newsindex::glass {
namespace {

// "\x0f\x0dXapian Glass" then the format version, a date packed as
// (year - 2014) << 9 | month << 5 | day: 2016-03-14.
constexpr unsigned kFormatVersion = (2016 - 2014) << 9 | 3 << 5 | 14;

void put_root(std::string& out, const RootInfo& r) {
  put_uint(out, r.root);
  put_uint(out, (r.level << 2) | (r.sequential ? 2u : 0u) | (r.root_is_fake ? 1u : 0u));
  put_uint(out, r.entries);
  put_uint(out, r.block_size >> 11);
  put_uint(out, r.compress_min);
  std::string free_list;
  if (r.has_free_list) {
    put_uint(free_list, r.free_list_revision);
    put_uint(free_list, r.first_unused);
    // The read cursor and the write cursor, both at "no free-list block".
    for (int i = 0; i < 4; ++i) put_uint(free_list, 0);
  }
  put_string(out, free_list);
}

std::string random_uuid() {
  std::random_device rd;
  std::string u(16, '\0');
  for (auto& c : u) c = static_cast<char>(rd() & 0xff);
  u[6] = static_cast<char>((u[6] & 0x0f) | 0x40);  // version 4
  u[8] = static_cast<char>((u[8] & 0x3f) | 0x80);  // RFC 4122 variant
  return u;
}

Status write_all(int fd, const std::string& data, const std::string& path) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::io_error(path + ": " + std::strerror(errno));
    }
    done += static_cast<std::size_t>(n);
  }
  return Status();
}

}  // namespace

std::uint32_t default_compress_min(Table t) {
  switch (t) {
    case kDocdata:
    case kTermlist:
    case kSpelling:
    case kSynonym:
      return 18;
    default:
      return 0;
  }
}

Status write_version_file(const std::string& dir, std::uint32_t revision,
                          const std::array<RootInfo, kTableCount>& roots,
                          const DatabaseStats& s, bool sync) {
  std::string out("\x0f\x0dXapian Glass", 14);
  out += static_cast<char>((kFormatVersion >> 8) & 0xff);
  out += static_cast<char>(kFormatVersion & 0xff);
  out += random_uuid();
  put_uint(out, revision);
  for (const RootInfo& r : roots) put_root(out, r);
  put_uint(out, s.doccount);
  put_uint(out, s.last_docid - s.doccount);
  put_uint(out, s.doclen_lower);
  put_uint(out, s.wdf_upper);
  put_uint(out, s.doclen_upper - s.wdf_upper);
  put_uint(out, 0);  // oldest changeset
  put_uint(out, s.total_doclen);
  put_uint(out, 0);  // spelling word frequency upper bound

  const std::string tmp = dir + "/v.tmp";
  const std::string final_path = dir + "/iamglass";
  int fd = ::open(tmp.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0) return Status::io_error(tmp + ": " + std::strerror(errno));
  Status st = write_all(fd, out, tmp);
  if (st.ok() && sync && ::fsync(fd) != 0) st = Status::io_error(tmp + ": " + std::strerror(errno));
  if (::close(fd) != 0 && st.ok()) st = Status::io_error(tmp + ": " + std::strerror(errno));
  if (st.ok() && std::rename(tmp.c_str(), final_path.c_str()) != 0) {
    st = Status::io_error(final_path + ": " + std::strerror(errno));
  }
  if (!st.ok()) ::unlink(tmp.c_str());
  return st;
}

}  // namespace newsindex::glass
