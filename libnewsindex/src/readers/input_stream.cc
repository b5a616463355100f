// Chunked reading of plain and gzip files through zlib.
#include "readers/input_stream.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace newsindex::internal {
namespace {

constexpr std::size_t kChunk = 1 << 16;

gzFile as_gz(void* p) { return static_cast<gzFile>(p); }

// zlib's message without the "<fd:5>: " it puts in front (gzdopen knows no
// file name; the caller names the file).
std::string gz_message(const char* msg) {
  std::string_view m = msg != nullptr ? msg : "unknown error";
  if (m.substr(0, 4) == "<fd:") {
    if (const std::size_t at = m.find(">: "); at != std::string_view::npos) m.remove_prefix(at + 3);
  }
  return std::string(m);
}

}  // namespace

std::string InputStream::read_tail(const std::string& path, std::size_t n) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  std::string tail;
  const off_t size = ::lseek(fd, 0, SEEK_END);
  if (size > 0) {
    const off_t from = size > static_cast<off_t>(n) ? size - static_cast<off_t>(n) : 0;
    tail.resize(static_cast<std::size_t>(size - from));
    std::size_t done = 0;
    while (done < tail.size()) {
      const ssize_t got = ::pread(fd, tail.data() + done, tail.size() - done,
                                  from + static_cast<off_t>(done));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) break;
      done += static_cast<std::size_t>(got);
    }
    tail.resize(done);
  }
  ::close(fd);
  return tail;
}

Result<std::unique_ptr<InputStream>> InputStream::open(const std::string& path) {
  const bool is_stdin = path == "-";
  const int fd = is_stdin ? ::dup(STDIN_FILENO) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  const std::string shown = is_stdin ? std::string("<stdin>") : path;
  if (fd < 0) {
    const int e = errno;
    if (e == ENOENT) return Status::not_found(shown + ": no such file");
    return Status::io_error(shown + ": cannot open: " + std::strerror(e));
  }
  return adopt(fd, shown);
}

Result<std::unique_ptr<InputStream>> InputStream::adopt(int fd, const std::string& shown) {
  gzFile gz = ::gzdopen(fd, "rb");
  if (gz == nullptr) {
    ::close(fd);
    return Status::io_error(shown + ": cannot open: out of memory");
  }
  ::gzbuffer(gz, kChunk);
  std::unique_ptr<InputStream> in(new InputStream());
  in->gz_ = gz;
  in->buf_.resize(kChunk);
  // Fill the first chunk now so that head() can be sniffed before reading.
  while (in->end_ < kHeadBytes && in->fill()) {
  }
  in->compressed_ = ::gzdirect(gz) == 0;
  in->head_.assign(in->buf_.data(), in->end_ < kHeadBytes ? in->end_ : kHeadBytes);
  return in;
}

InputStream::~InputStream() {
  if (gz_ != nullptr) ::gzclose_r(as_gz(gz_));
}

// Appends to buf_[end_..] (compacting first when needed).
bool InputStream::fill() {
  if (eof_ || failed_) return false;
  if (pos_ > 0 && pos_ == end_) pos_ = end_ = 0;
  if (end_ == buf_.size()) {
    if (pos_ == 0) return true;  // full; caller consumes first
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  const int n = ::gzread(as_gz(gz_), buf_.data() + end_, static_cast<unsigned>(buf_.size() - end_));
  if (n < 0) {
    int code = 0;
    const char* msg = ::gzerror(as_gz(gz_), &code);
    error_ = code == Z_ERRNO
                 ? std::string(std::strerror(errno))
                 : "corrupt gzip data: " + gz_message(msg);
    failed_ = true;
    return false;
  }
  if (n == 0) {
    // A gzip stream cut short reads as a clean end unless we ask zlib.
    int code = 0;
    const char* msg = ::gzerror(as_gz(gz_), &code);
    if (code != Z_OK && code != Z_STREAM_END) {
      error_ = "corrupt gzip data: " + gz_message(msg);
      failed_ = true;
    }
    eof_ = true;
    return false;
  }
  end_ += static_cast<std::size_t>(n);
  return true;
}

long InputStream::read(char* out, std::size_t n) {
  if (pos_ == end_ && !fill()) return failed_ ? -1 : 0;
  const std::size_t k = std::min(n, end_ - pos_);
  std::memcpy(out, buf_.data() + pos_, k);
  pos_ += k;
  return static_cast<long>(k);
}

InputStream::Line InputStream::read_line(std::string& line, std::uint64_t max_bytes) {
  line.clear();
  bool too_long = false;
  bool any = false;
  for (;;) {
    if (pos_ == end_ && !fill()) {
      if (failed_) return Line::kError;
      if (!any) return Line::kEnd;
      break;  // last line without "\n"
    }
    any = true;
    const char* start = buf_.data() + pos_;
    const std::size_t avail = end_ - pos_;
    const void* nl = std::memchr(start, '\n', avail);
    const std::size_t take =
        nl != nullptr ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : avail;
    if (!too_long) {
      if (line.size() + take > max_bytes) {
        too_long = true;
        line.clear();
        line.shrink_to_fit();
      } else {
        line.append(start, take);
      }
    }
    pos_ += take;
    if (nl != nullptr) {
      ++pos_;
      break;
    }
  }
  ++line_number_;
  if (too_long) return Line::kTooLong;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return Line::kOk;
}

std::uint64_t InputStream::stored_offset() const {
  const z_off_t off = ::gzoffset(as_gz(gz_));
  return off < 0 ? 0 : static_cast<std::uint64_t>(off);
}

}  // namespace newsindex::internal
