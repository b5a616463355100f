// readers/record_reader.h: the per-file reader interface and the helpers
// every format shares (issue notes, date fields, the final article check).
#ifndef NEWSINDEX_READERS_RECORD_READER_H_
#define NEWSINDEX_READERS_RECORD_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "newsindex/article.h"
#include "newsindex/reader.h"
#include "readers/dutch_date.h"
#include "readers/input_stream.h"
#include "util/ascii.h"

namespace newsindex::internal {

// What a reader knows about the file it reads.
struct FileContext {
  std::string display;  // the path as issues show it ("-" shows as <stdin>)
  std::string stem;     // for derived ids: "2020-02" for "x/2020-02.txt.gz"
  std::uint64_t max_record_bytes = kDefaultMaxRecordBytes;
  ZoneRule zone_rule = ZoneRule::kCentralEurope;
  std::string zone_name = "Europe/Brussels";

  // "dir/file.jsonl:42"; "dir/file.jsonl" when line is 0.
  std::string where(std::uint64_t line) const;
};

// Reads the articles of one file. The ArticleSource clears `issue` before
// each call. Implementations never throw. Not thread-safe.
class RecordReader {
 public:
  virtual ~RecordReader() = default;
  virtual ArticleSource::Next next(Article& article, ReadIssue& issue) = 0;
};

std::unique_ptr<RecordReader> make_text_reader(std::unique_ptr<InputStream> in, FileContext ctx);
std::unique_ptr<RecordReader> make_jsonl_reader(std::unique_ptr<InputStream> in, FileContext ctx);
std::unique_ptr<RecordReader> make_csv_reader(std::unique_ptr<InputStream> in, FileContext ctx);
std::unique_ptr<RecordReader> make_newsml_reader(std::unique_ptr<InputStream> in, FileContext ctx);

// Adds a repair note (skipped=false) to `issue`; several notes on one record
// are joined with "; ".
void add_note(ReadIssue& issue, const std::string& where, std::string_view message);

// Fills `issue` as a skipped record.
void set_skipped(ReadIssue& issue, const std::string& where, std::string message);

// Fills `issue` as a record skipped for passing ctx.max_record_bytes:
// "<what> larger than the record limit of 8388608 bytes" (what: "record",
// "article", "item").
void set_too_big(ReadIssue& issue, const FileContext& ctx, std::uint64_t line,
                 std::string_view what = "record");

// Parses `raw` into the article's date fields. An unparseable date keeps the
// article without a date, stores the text as extra "date" and adds a note.
void set_date_field(std::string_view raw, const FileContext& ctx, const std::string& where,
                    Article& article, ReadIssue& issue);

// The last step of every reader: repairs invalid UTF-8 in every field (with a
// note), trims the title, fills `lead` from the body's first paragraph (at
// most kMaxDerivedLead bytes), spells `source` as agency_name() and
// `language` as normalize_language() (readers/normalize.h), or "nl" when
// none was given. Returns false, with `issue` set as skipped, when the
// article has neither title nor body; true with `issue.where` set to `where`
// (when no note set it), so every article read names its file and line.
bool finish_article(Article& article, const std::string& where, ReadIssue& issue);

// The first paragraph of a body whose paragraphs are separated by "\n\n",
// cut after the last whole sentence (else word) within `max_bytes` when it is
// longer, so that a body without paragraph breaks is not stored twice.
std::string first_paragraph(std::string_view body, std::size_t max_bytes);

// Derived leads are at most this long. Leads the source gives are kept whole.
inline constexpr std::size_t kMaxDerivedLead = 600;

// "a message" shortened to at most `max` bytes (on a UTF-8 boundary), with "…".
std::string shorten(std::string_view s, std::size_t max = 60);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_READERS_RECORD_READER_H_
