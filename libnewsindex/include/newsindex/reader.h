// newsindex/reader.h: streaming article readers for news archive formats.
//
// An ArticleSource walks files, folders (recursively) and "-" (stdin), picks a
// reader per file (by --format or detected), transparently gunzips ".gz", and
// yields articles one at a time in constant memory.
#ifndef NEWSINDEX_READER_H_
#define NEWSINDEX_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsindex/article.h"
#include "newsindex/export.h"
#include "newsindex/status.h"

namespace newsindex {

enum class Format { kAuto, kText, kJsonl, kCsv, kNewsml };

// "auto", "text", "jsonl", "csv", "newsml" (also "json", "xml").
NEWSINDEX_EXPORT Result<Format> parse_format(std::string_view name);
NEWSINDEX_EXPORT std::string_view format_name(Format format);

// A record that was skipped or repaired, and where it was. With an article
// that needed no repair, `message` is empty and `where` still names the
// record (for errors the writer finds later).
struct ReadIssue {
  std::string where;    // "archive/2020.txt:118" or "feed.jsonl:42" or "x.xml"
  std::string message;  // "invalid JSON: unexpected end of input"
  bool skipped = true;  // false: repaired and still returned
};

// The default record limit: 8 MiB, some fifty times the longest news article
// (a long-read of 10,000 words is about 70 KB of text), so that only a broken
// or runaway record reaches it.
inline constexpr std::uint64_t kDefaultMaxRecordBytes = 8ull << 20;

struct ReaderOptions {
  Format format = Format::kAuto;
  // A record (a JSON line or array element, a CSV record, a text archive
  // article, a NewsML item) larger than this many bytes, as stored
  // (decompressed), is skipped with an issue naming its file and line; the
  // articles around it are read as usual. Must be greater than 0.
  // Default: kDefaultMaxRecordBytes (8 MiB).
  std::uint64_t max_record_bytes = kDefaultMaxRecordBytes;
  // Time zone assumed for local times without an offset. Default: Brussels.
  std::string default_time_zone = "Europe/Brussels";
};

// Not thread-safe.
class NEWSINDEX_EXPORT ArticleSource {
 public:
  enum class Next { kArticle, kIssue, kEnd };

  // Opens `paths` (files, folders, "-"). Fails when a path does not exist.
  static Result<std::unique_ptr<ArticleSource>> open(
      const std::vector<std::string>& paths, const ReaderOptions& options = {});
  // Reads `bytes` as the content of one file called `name` (issues say
  // "name:LINE"): gzip or plain, the format from options.format or sniffed
  // from the content. The bytes are copied; `bytes` need not outlive it.
  static Result<std::unique_ptr<ArticleSource>> open_buffer(std::string_view bytes,
                                                            const std::string& name,
                                                            const ReaderOptions& options = {});
  virtual ~ArticleSource() = default;

  // kArticle: `article` holds the next article (issue may hold a repair note
  // with skipped=false). kIssue: a record was skipped; `issue` says why.
  // kEnd: nothing left. Fatal I/O errors are reported as kIssue too.
  virtual Next next(Article& article, ReadIssue& issue) = 0;

  // Bytes consumed so far and in all (uncompressed input bytes are not known
  // ahead; these count file bytes as stored), for progress reporting.
  virtual std::uint64_t bytes_done() const = 0;
  virtual std::uint64_t bytes_total() const = 0;
};

}  // namespace newsindex

#endif  // NEWSINDEX_READER_H_
