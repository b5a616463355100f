// glass/run_file.h: a table's entries in key order, in a plain file.
//
// A bulk import writes each full batch of documents as runs (one file per
// table, glass/batch.h write_runs()) instead of a glass database, and the
// merge (glass/run_merge.h) reads them back in order to write the final
// database once. A run holds exactly what a TableBuilder would have been
// given: after a magic line, each entry as varint key length, varint
// (tag length * 2 + compressed), the key and the tag.
//
// Thread-safety: none; one writer or reader per thread.
#ifndef NEWSINDEX_GLASS_RUN_FILE_H_
#define NEWSINDEX_GLASS_RUN_FILE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "glass/entry_sink.h"
#include "newsindex/status.h"

namespace newsindex::glass {

class RunWriter final : public EntrySink {
 public:
  // Creates (or truncates) `path`. kIoError naming the path.
  static Result<std::unique_ptr<RunWriter>> create(const std::string& path);
  ~RunWriter() override;
  RunWriter(const RunWriter&) = delete;
  RunWriter& operator=(const RunWriter&) = delete;

  Status add(std::string_view key, std::string_view tag, bool compressed = false) override;
  // Writes what is buffered and closes the file (fsync when `sync`).
  Status finish(bool sync);

  std::uint64_t entries() const { return entries_; }

 private:
  RunWriter(std::string path, int fd);
  Status flush();

  std::string path_;
  int fd_;
  std::vector<char> buf_;
  std::size_t used_ = 0;
  std::uint64_t entries_ = 0;
};

class RunReader {
 public:
  // kIoError when `path` cannot be read; kCorruption when it is not a run.
  // `buffer_bytes`: bytes read at a time (more for an entry that is longer).
  static Result<std::unique_ptr<RunReader>> open(const std::string& path,
                                                 std::size_t buffer_bytes = 1 << 20);
  ~RunReader();
  RunReader(const RunReader&) = delete;
  RunReader& operator=(const RunReader&) = delete;

  // Steps to the next entry: false at the end of the run, or on an error
  // (then status() says which, naming the file).
  bool next();
  // The current entry; valid until the next call of next().
  std::string_view key() const { return key_; }
  std::string_view tag() const { return tag_; }
  bool compressed() const { return compressed_; }
  const Status& status() const { return status_; }
  const std::string& path() const { return path_; }

 private:
  RunReader(std::string path, int fd, std::size_t buffer_bytes);
  // Makes at least `n` bytes available from `pos_` (false: the file ends first).
  bool fill(std::size_t n);

  std::string path_;
  int fd_;
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  std::string_view key_, tag_;
  bool compressed_ = false;
  Status status_;
};

}  // namespace newsindex::glass

#endif  // NEWSINDEX_GLASS_RUN_FILE_H_
