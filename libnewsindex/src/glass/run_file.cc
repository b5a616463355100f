// Run files (glass/run_file.h).
#include "glass/run_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace newsindex::glass {
namespace {

constexpr std::string_view kMagic = "newsindex-run 1\n";
constexpr std::size_t kBufferBytes = 1 << 20;

Status os_error(const std::string& path, const char* what) {
  return Status::io_error(path + ": " + what + ": " + std::strerror(errno));
}

std::size_t put_varint(char* p, std::uint64_t v) {
  std::size_t n = 0;
  while (v >= 0x80) {
    p[n++] = static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  p[n++] = static_cast<char>(v);
  return n;
}

}  // namespace

RunWriter::RunWriter(std::string path, int fd) : path_(std::move(path)), fd_(fd) {
  buf_.resize(kBufferBytes);
}

RunWriter::~RunWriter() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::unique_ptr<RunWriter>> RunWriter::create(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return os_error(path, "cannot create");
  std::unique_ptr<RunWriter> w(new RunWriter(path, fd));
  std::memcpy(w->buf_.data(), kMagic.data(), kMagic.size());
  w->used_ = kMagic.size();
  return w;
}

Status RunWriter::flush() {
  std::size_t done = 0;
  while (done < used_) {
    const ssize_t n = ::write(fd_, buf_.data() + done, used_ - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return os_error(path_, "cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
  used_ = 0;
  return Status();
}

Status RunWriter::add(std::string_view key, std::string_view tag, bool compressed) {
  const std::size_t need = 20 + key.size() + tag.size();
  if (buf_.size() - used_ < need) {
    Status st = flush();
    if (!st.ok()) return st;
    if (buf_.size() < need) buf_.resize(need);
  }
  char* p = buf_.data() + used_;
  std::size_t n = put_varint(p, key.size());
  n += put_varint(p + n, (static_cast<std::uint64_t>(tag.size()) << 1) | (compressed ? 1 : 0));
  std::memcpy(p + n, key.data(), key.size());
  n += key.size();
  if (!tag.empty()) std::memcpy(p + n, tag.data(), tag.size());
  n += tag.size();
  used_ += n;
  ++entries_;
  return Status();
}

Status RunWriter::finish(bool sync) {
  Status st = flush();
  if (st.ok() && sync && ::fsync(fd_) != 0) st = os_error(path_, "cannot sync");
  if (::close(fd_) != 0 && st.ok()) st = os_error(path_, "cannot close");
  fd_ = -1;
  return st;
}

RunReader::RunReader(std::string path, int fd, std::size_t buffer_bytes)
    : path_(std::move(path)), fd_(fd) {
  buf_.resize(std::max(buffer_bytes, kMagic.size()));
}

RunReader::~RunReader() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::unique_ptr<RunReader>> RunReader::open(const std::string& path,
                                                   std::size_t buffer_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return os_error(path, "cannot open");
  std::unique_ptr<RunReader> r(new RunReader(path, fd, buffer_bytes));
  if (!r->fill(kMagic.size()) ||
      std::string_view(r->buf_.data(), kMagic.size()) != kMagic) {
    if (!r->status_.ok()) return r->status_;
    return Status::corruption(path + ": not a newsindex run file");
  }
  r->pos_ = kMagic.size();
  return r;
}

bool RunReader::fill(std::size_t n) {
  if (end_ - pos_ >= n) return true;
  if (pos_ != 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (buf_.size() < n) buf_.resize(n);
  while (end_ < n && !eof_) {
    const ssize_t got = ::read(fd_, buf_.data() + end_, buf_.size() - end_);
    if (got < 0) {
      if (errno == EINTR) continue;
      status_ = os_error(path_, "cannot read");
      return false;
    }
    if (got == 0) eof_ = true;
    end_ += static_cast<std::size_t>(got);
  }
  return end_ >= n;
}

bool RunReader::next() {
  if (!status_.ok()) return false;
  // The two lengths: at most 10 bytes each.
  fill(20);
  if (!status_.ok()) return false;
  if (pos_ == end_) return false;  // the end of the run
  std::uint64_t lens[2] = {0, 0};
  std::size_t p = pos_;
  for (auto& len : lens) {
    int shift = 0;
    for (;;) {
      if (p == end_ || shift > 63) {
        status_ = Status::corruption(path_ + ": a run entry is cut short");
        return false;
      }
      const auto byte = static_cast<unsigned char>(buf_[p++]);
      len |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
    }
  }
  const std::uint64_t key_len = lens[0], tag_len = lens[1] >> 1;
  if (key_len > 255 || tag_len > (std::uint64_t{1} << 40)) {
    status_ = Status::corruption(path_ + ": a run entry has impossible lengths");
    return false;
  }
  const std::size_t head = p - pos_;
  const std::size_t total = head + key_len + tag_len;
  if (!fill(total)) {
    if (status_.ok()) status_ = Status::corruption(path_ + ": a run entry is cut short");
    return false;
  }
  const char* base = buf_.data() + pos_ + head;
  key_ = std::string_view(base, key_len);
  tag_ = std::string_view(base + key_len, tag_len);
  compressed_ = (lens[1] & 1) != 0;
  pos_ += total;
  return true;
}

}  // namespace newsindex::glass
