// ArticleSource: walks the inputs, picks a reader per file and yields its
// articles and issues in a deterministic order.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "newsindex/reader.h"
#include "readers/format_detect.h"
#include "readers/record_reader.h"

namespace newsindex {
namespace internal {
namespace {

namespace fs = std::filesystem;

struct InputFile {
  std::string path;        // as opened ("-" for stdin), or the name of a buffer
  std::uint64_t size = 0;  // stored bytes, 0 when unknown
  bool found_in_folder = false;
  int fd = -1;             // an in-memory file (memfd) holding a buffer, owned
};

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name.front() == '.';
}

class FileArticleSource final : public ArticleSource {
 public:
  FileArticleSource(std::vector<InputFile> files, std::vector<ReadIssue> issues,
                    ReaderOptions options, ZoneRule rule)
      : files_(std::move(files)),
        issues_(issues.begin(), issues.end()),
        options_(std::move(options)),
        rule_(rule) {
    for (const InputFile& f : files_) total_ += f.size;
  }
  ~FileArticleSource() override {
    for (std::size_t i = index_; i < files_.size(); ++i) {
      if (files_[i].fd >= 0) ::close(files_[i].fd);
    }
  }
  FileArticleSource(const FileArticleSource&) = delete;
  FileArticleSource& operator=(const FileArticleSource&) = delete;

  Next next(Article& article, ReadIssue& issue) override {
    issue = ReadIssue{};
    for (;;) {
      if (!issues_.empty()) {
        issue = std::move(issues_.front());
        issues_.erase(issues_.begin());
        return Next::kIssue;
      }
      if (reader_ != nullptr) {
        const Next got = reader_->next(article, issue);
        if (got != Next::kEnd) return got;
        close_current();
        continue;
      }
      if (index_ >= files_.size()) return Next::kEnd;
      if (open_next(issue)) continue;
      return Next::kIssue;
    }
  }

  std::uint64_t bytes_done() const override {
    std::uint64_t done = done_bytes_;
    if (stream_ != nullptr) {
      const std::uint64_t off = stream_->stored_offset();
      done += std::min(off, files_[index_ - 1].size);
    }
    return done;
  }
  std::uint64_t bytes_total() const override { return total_; }

 private:
  void close_current() {
    reader_.reset();
    stream_ = nullptr;
    done_bytes_ += files_[index_ - 1].size;
  }

  // Opens files_[index_]; false with `issue` set when it must be skipped.
  bool open_next(ReadIssue& issue) {
    const InputFile& file = files_[index_++];
    const std::string shown = file.path == "-" ? "<stdin>" : file.path;
    auto in = file.fd >= 0 ? InputStream::adopt(file.fd, shown) : InputStream::open(file.path);
    if (!in.ok()) {
      done_bytes_ += file.size;
      std::string message = in.status().message();  // "<path>: cannot open: …"
      if (message.rfind(shown + ": ", 0) == 0) message.erase(0, shown.size() + 2);
      set_skipped(issue, shown, std::move(message));
      return false;
    }
    const std::string_view head = (*in)->head();
    if (head.empty() && !(*in)->error().empty()) {  // e.g. not gzip after all
      done_bytes_ += file.size;
      set_skipped(issue, shown, "read error: " + (*in)->error());
      return false;
    }
    // A plain file longer than its head is judged binary only when its end
    // is binary too: a damaged record at the start costs only itself.
    std::string tail;
    if (file.fd < 0 && file.path != "-" && !(*in)->compressed() &&
        file.size > InputStream::kHeadBytes) {
      tail = InputStream::read_tail(file.path, InputStream::kHeadBytes);
    }
    if (std::string why = binary_reason(head, tail); !why.empty()) {
      done_bytes_ += file.size;
      set_skipped(issue, shown, why + "; file skipped");
      return false;
    }
    Format format = options_.format;
    if (format == Format::kAuto && file.path != "-" && file.fd < 0) {
      format = format_from_path(file.path);
    }
    if (format == Format::kAuto) format = sniff_format(head);
    if (format == Format::kAuto) {
      // An empty file holds nothing, and a file of unknown kind met while
      // walking a folder (README.md, ids.tsv) is not news: both are passed
      // over. A file named explicitly is read as plain text.
      if (head.empty() || file.found_in_folder) {
        done_bytes_ += file.size;
        return true;
      }
      format = Format::kText;
    }
    FileContext ctx;
    ctx.display = shown;
    ctx.stem = file_stem(file.path);
    ctx.max_record_bytes = options_.max_record_bytes;
    ctx.zone_rule = rule_;
    ctx.zone_name = options_.default_time_zone;
    stream_ = in->get();
    std::unique_ptr<InputStream> stream = std::move(*in);
    switch (format) {
      case Format::kJsonl:
        reader_ = make_jsonl_reader(std::move(stream), std::move(ctx));
        break;
      case Format::kCsv:
        reader_ = make_csv_reader(std::move(stream), std::move(ctx));
        break;
      case Format::kNewsml:
        reader_ = make_newsml_reader(std::move(stream), std::move(ctx));
        break;
      case Format::kText:
      case Format::kAuto:
        reader_ = make_text_reader(std::move(stream), std::move(ctx));
        break;
    }
    return true;
  }

  std::vector<InputFile> files_;
  std::vector<ReadIssue> issues_;
  ReaderOptions options_;
  ZoneRule rule_;
  std::size_t index_ = 0;  // next file to open
  std::unique_ptr<RecordReader> reader_;
  InputStream* stream_ = nullptr;  // owned by reader_
  std::uint64_t done_bytes_ = 0;
  std::uint64_t total_ = 0;
};

// Adds `path` (a file, a folder walked recursively, or "-").
Status collect(const std::string& path, std::vector<InputFile>& files,
               std::vector<ReadIssue>& issues) {
  if (path == "-") {
    files.push_back({"-", 0});
    return Status();
  }
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status::not_found(path + ": no such file or directory");
  if (!fs::is_directory(st)) {
    const auto size = fs::file_size(path, ec);
    files.push_back({path, ec ? 0 : static_cast<std::uint64_t>(size)});
    return Status();
  }
  std::vector<InputFile> found;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::io_error(path + ": cannot read folder: " + ec.message());
  for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) {
      issues.push_back({path, "cannot read folder entry: " + ec.message(), true});
      break;
    }
    const fs::directory_entry& entry = *it;
    if (is_hidden(entry.path())) {  // .git, .DS_Store, editor backups
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file(ec)) continue;
    const auto size = entry.file_size(ec);
    found.push_back({entry.path().string(), ec ? 0 : static_cast<std::uint64_t>(size), true});
  }
  std::sort(found.begin(), found.end(),
            [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  for (InputFile& f : found) files.push_back(std::move(f));
  return Status();
}

}  // namespace
}  // namespace internal

Result<std::unique_ptr<ArticleSource>> ArticleSource::open_buffer(std::string_view bytes,
                                                                  const std::string& name,
                                                                  const ReaderOptions& options) {
  const auto rule = internal::zone_rule_from_name(options.default_time_zone);
  if (!rule)
    return Status::invalid_argument("unsupported default time zone '" + options.default_time_zone +
                            "' (use Europe/Brussels, Europe/Amsterdam or UTC)");
  if (options.max_record_bytes == 0)
    return Status::invalid_argument("max_record_bytes must be greater than 0");
  // The readers read file descriptors (through zlib); an anonymous in-memory
  // file gives them one without touching the file system.
  const int fd = ::memfd_create("newsindex-buffer", MFD_CLOEXEC);
  if (fd < 0) return Status::io_error(name + ": cannot create an in-memory file: " + std::strerror(errno));
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int e = errno;
      ::close(fd);
      return Status::io_error(name + ": cannot buffer the input: " + std::strerror(e));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::lseek(fd, 0, SEEK_SET) != 0) {
    const int e = errno;
    ::close(fd);
    return Status::io_error(name + ": cannot buffer the input: " + std::strerror(e));
  }
  std::vector<internal::InputFile> files;
  files.push_back({name, bytes.size(), false, fd});
  return std::unique_ptr<ArticleSource>(
      new internal::FileArticleSource(std::move(files), {}, options, *rule));
}

Result<std::unique_ptr<ArticleSource>> ArticleSource::open(const std::vector<std::string>& paths,
                                                           const ReaderOptions& options) {
  const auto rule = internal::zone_rule_from_name(options.default_time_zone);
  if (!rule)
    return Status::invalid_argument("unsupported default time zone '" + options.default_time_zone +
                            "' (use Europe/Brussels, Europe/Amsterdam or UTC)");
  if (options.max_record_bytes == 0)
    return Status::invalid_argument("max_record_bytes must be greater than 0");
  try {
    std::vector<internal::InputFile> files;
    std::vector<ReadIssue> issues;
    for (const std::string& p : paths) {
      Status s = internal::collect(p, files, issues);
      if (!s.ok()) return s;
    }
    return std::unique_ptr<ArticleSource>(
        new internal::FileArticleSource(std::move(files), std::move(issues), options, *rule));
  } catch (const std::exception& e) {
    return Status::io_error(std::string("cannot list the inputs: ") + e.what());
  }
}

}  // namespace newsindex
