// readers/input_stream.h: one input file (or stdin) as bytes or lines, with
// gzip decompressed transparently (detected by its magic bytes, not by name).
#ifndef NEWSINDEX_READERS_INPUT_STREAM_H_
#define NEWSINDEX_READERS_INPUT_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsindex/status.h"

namespace newsindex::internal {

// Reads a file in fixed-size chunks, so memory stays constant whatever the
// file size. Not thread-safe.
class InputStream {
 public:
  // How many leading (decompressed) bytes head() shows for sniffing.
  static constexpr std::size_t kHeadBytes = 8192;

  // Opens `path`, or standard input when `path` is "-".
  static Result<std::unique_ptr<InputStream>> open(const std::string& path);
  // Reads the open file descriptor `fd` (which it takes over and closes);
  // `shown` names it in errors.
  static Result<std::unique_ptr<InputStream>> adopt(int fd, const std::string& shown);
  // The last `n` bytes of the file `path` as stored (for a plain file, the
  // end of its content); empty when it cannot be read.
  static std::string read_tail(const std::string& path, std::size_t n);
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  // The first kHeadBytes (fewer for a short file) of the decompressed
  // content, available before and after reading.
  std::string_view head() const { return head_; }
  // True when the stored bytes are gzip.
  bool compressed() const { return compressed_; }

  // Copies up to `n` bytes into `out`. Returns the count, 0 at the end, or -1
  // on a read or decompression error (see error()).
  long read(char* out, std::size_t n);

  enum class Line { kOk, kTooLong, kEnd, kError };
  // The next line without its "\n" (and "\r\n"). A line longer than
  // `max_bytes` is skipped up to its end and reported as kTooLong.
  Line read_line(std::string& line, std::uint64_t max_bytes);
  // The 1-based number of the line read_line returned last.
  std::uint64_t line_number() const { return line_number_; }

  // Stored (possibly compressed) bytes consumed so far.
  std::uint64_t stored_offset() const;
  const std::string& error() const { return error_; }

 private:
  InputStream() = default;
  bool fill();  // refills buf_; false at the end or on error

  void* gz_ = nullptr;  // gzFile; zlib's type stays out of this header
  std::vector<char> buf_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  bool failed_ = false;
  bool compressed_ = false;
  std::string head_;
  std::string error_;
  std::uint64_t line_number_ = 0;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_READERS_INPUT_STREAM_H_
