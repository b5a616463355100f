// The CSV reader: a header row names the columns (datetime,title,content,
// category,url as in the public NOS dataset; Dutch names such as kop, tekst,
// rubriek, bron too); each following record is one article.
#include "readers/csv_reader.h"

#include <cctype>
#include <deque>

#include "readers/field_names.h"
#include "readers/record_reader.h"
#include "util/utf8.h"

namespace newsindex::internal {
namespace {

using Column = ArticleField;

class CsvReader final : public RecordReader {
 public:
  CsvReader(std::unique_ptr<InputStream> in, FileContext ctx)
      : in_(std::move(in)), ctx_(std::move(ctx)) {}

  ArticleSource::Next next(Article& article, ReadIssue& issue) override;

 private:
  // Reads one record (maybe several lines); false at the end or on error.
  // kResync: the record's quoted field ran past the record limit over rows
  // that parse on their own; its first line is to be skipped (resync()
  // has put the others back).
  enum class Got { kRecord, kTooBig, kEnd, kError, kResync };
  Got read_record();

  // The next physical line (a put-back one first) and its number.
  InputStream::Line read_line(std::uint64_t& number);

  // True when `line` alone is a well-formed record of the header's width.
  bool is_row(std::string_view line);

  // An unbalanced quote makes a quoted field run on over the rows after it
  // ("c1,\"open,b1" then "c2,T,b2"). When a line after the record's first
  // one (or `extra`, the line being read) is a row by itself, puts those
  // lines back to be read again and returns true: the first line is then
  // skipped as the broken row.
  bool resync(const std::string* extra);

  std::unique_ptr<InputStream> in_;
  FileContext ctx_;
  std::string line_;
  std::string record_;
  std::uint64_t record_line_ = 0;
  // Where each line of record_ starts, and its number (while not too big).
  std::vector<std::size_t> line_starts_;
  std::vector<std::uint64_t> line_numbers_;
  struct PutBack {
    std::string text;
    std::uint64_t number;
  };
  std::deque<PutBack> pending_;
  std::vector<std::string> probe_;
  char sep_ = ',';
  bool have_header_ = false;
  bool done_ = false;
  std::vector<Column> columns_;
  std::vector<std::string> names_;
  std::vector<std::string> fields_;
};

InputStream::Line CsvReader::read_line(std::uint64_t& number) {
  if (!pending_.empty()) {
    line_ = std::move(pending_.front().text);
    number = pending_.front().number;
    pending_.pop_front();
    return InputStream::Line::kOk;
  }
  const InputStream::Line got = in_->read_line(line_, ctx_.max_record_bytes);
  number = in_->line_number();
  return got;
}

bool CsvReader::is_row(std::string_view line) {
  return !csv_open_quote(line, sep_) && split_csv_record(line, sep_, probe_) &&
         probe_.size() == columns_.size();
}

bool CsvReader::resync(const std::string* extra) {
  std::vector<PutBack> back;
  bool row = false;
  for (std::size_t i = 1; i < line_starts_.size(); ++i) {
    const std::size_t end = i + 1 < line_starts_.size() ? line_starts_[i + 1] - 1 : record_.size();
    back.push_back({record_.substr(line_starts_[i], end - line_starts_[i]), line_numbers_[i]});
    row = row || is_row(back.back().text);
  }
  if (extra != nullptr) {
    back.push_back({*extra, in_->line_number()});
    row = row || is_row(*extra);
  }
  if (!row) return false;
  for (auto it = back.rbegin(); it != back.rend(); ++it) pending_.push_front(std::move(*it));
  return true;
}

CsvReader::Got CsvReader::read_record() {
  record_.clear();
  line_starts_.clear();
  line_numbers_.clear();
  bool too_big = false;
  bool first = true;
  bool in_quotes = false;
  for (;;) {
    std::uint64_t number = 0;
    const InputStream::Line got = read_line(number);
    if (got == InputStream::Line::kError) return Got::kError;
    if (got == InputStream::Line::kEnd) {
      if (first) return Got::kEnd;
      return too_big ? Got::kTooBig : Got::kRecord;  // unterminated quote
    }
    if (got == InputStream::Line::kTooLong) {
      // The quoting state of a skipped line is unknown: assume it ends the
      // record.
      if (first) record_line_ = number;
      record_.clear();
      return Got::kTooBig;
    }
    if (first) {
      record_line_ = number;
    } else if (!too_big) {
      record_ += '\n';
    }
    first = false;
    if (!too_big && record_.size() + line_.size() > ctx_.max_record_bytes) {
      // A runaway quote would otherwise swallow rows up to the limit.
      if (resync(&line_)) return Got::kResync;
      too_big = true;
      record_.clear();
      record_.shrink_to_fit();
    }
    if (!too_big) {
      line_starts_.push_back(record_.size());
      line_numbers_.push_back(number);
      record_ += line_;
    }
    in_quotes = csv_scan_quotes(line_, sep_, in_quotes);
    if (!in_quotes) return too_big ? Got::kTooBig : Got::kRecord;
  }
}

ArticleSource::Next CsvReader::next(Article& article, ReadIssue& issue) {
  for (;;) {
    if (done_) return ArticleSource::Next::kEnd;
    if (!have_header_) {
      // The first non-blank line is the header row.
      std::string first;
      for (;;) {
        const auto got = in_->read_line(line_, ctx_.max_record_bytes);
        if (got == InputStream::Line::kEnd) {
          done_ = true;
          return ArticleSource::Next::kEnd;
        }
        if (got != InputStream::Line::kOk) {
          done_ = true;
          set_skipped(issue, ctx_.where(in_->line_number()),
                      got == InputStream::Line::kError ? "read error: " + in_->error()
                                                       : std::string("CSV header line too long"));
          return ArticleSource::Next::kIssue;
        }
        if (!trim_ascii(line_).empty()) break;
      }
      if (line_.substr(0, 3) == "\xEF\xBB\xBF") line_.erase(0, 3);
      repair_utf8(line_);
      sep_ = detect_csv_separator(line_);
      split_csv_record(line_, sep_, names_);
      bool has_text = false;
      columns_.clear();
      for (const std::string& n : names_) {
        columns_.push_back(article_field(n));
        has_text |= columns_.back() == Column::kTitle || columns_.back() == Column::kBody;
      }
      have_header_ = true;
      if (!has_text) {
        done_ = true;
        set_skipped(issue, ctx_.where(in_->line_number()),
                    "CSV header names no title or body column (found: " + shorten(line_, 80) + ")");
        return ArticleSource::Next::kIssue;
      }
      continue;
    }

    const Got got = read_record();
    if (got == Got::kEnd) {
      done_ = true;
      return ArticleSource::Next::kEnd;
    }
    if (got == Got::kError) {
      done_ = true;
      set_skipped(issue, ctx_.where(in_->line_number() + 1), "read error: " + in_->error());
      return ArticleSource::Next::kIssue;
    }
    const std::string where = ctx_.where(record_line_);
    // A quoted field over several lines is fine (a body with paragraphs)
    // unless the record is then malformed and a later line is a row by
    // itself: then its first line is the broken row, skipped, and the rows
    // it swallowed are read again.
    static constexpr const char* kUnbalanced =
        "unbalanced quote in CSV record: the quoted field runs into the rows after it; "
        "row skipped";
    if (got == Got::kResync) {
      set_skipped(issue, where, kUnbalanced);
      return ArticleSource::Next::kIssue;
    }
    if (got == Got::kRecord && line_starts_.size() > 1) {
      const bool well_formed = split_csv_record(record_, sep_, probe_) &&
                               !csv_open_quote(record_, sep_) &&
                               probe_.size() == columns_.size();
      if (!well_formed && resync(nullptr)) {
        set_skipped(issue, where, kUnbalanced);
        return ArticleSource::Next::kIssue;
      }
    }
    if (got == Got::kTooBig) {
      set_too_big(issue, ctx_, record_line_);
      return ArticleSource::Next::kIssue;
    }
    if (trim_ascii(record_).empty()) continue;
    if (const std::size_t n = repair_utf8(record_); n > 0)
      add_note(issue, where,
               "invalid UTF-8: " + std::to_string(n) + " byte sequence(s) replaced by U+FFFD");
    if (!split_csv_record(record_, sep_, fields_))
      add_note(issue, where, "misplaced quote in CSV record (read leniently)");
    if (csv_open_quote(record_, sep_))
      add_note(issue, where, "unterminated quoted field at end of file");
    if (fields_.size() != columns_.size())
      add_note(issue, where,
               "expected " + std::to_string(columns_.size()) + " fields, found " +
                   std::to_string(fields_.size()));

    article = Article{};
    for (std::size_t c = 0; c < fields_.size() && c < columns_.size(); ++c)
      set_field(article, columns_[c], names_[c], std::move(fields_[c]), ctx_, where, issue);
    if (article.id.empty()) article.id = ctx_.stem + "-" + std::to_string(record_line_);
    if (finish_article(article, where, issue)) return ArticleSource::Next::kArticle;
    return ArticleSource::Next::kIssue;
  }
}

}  // namespace

bool csv_scan_quotes(std::string_view line, char separator, bool in_quotes) {
  bool field_start = !in_quotes;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          ++i;  // an escaped quote
        } else {
          in_quotes = false;
        }
      }
    } else if (c == separator || c == '\n') {
      field_start = true;
      continue;
    } else if (c == '"' && field_start) {
      in_quotes = true;
    }
    field_start = false;
  }
  return in_quotes;
}

bool csv_open_quote(std::string_view record, char separator) {
  return csv_scan_quotes(record, separator, false);
}

bool split_csv_record(std::string_view record, char separator, std::vector<std::string>& fields) {
  fields.clear();
  bool ok = true;
  std::string field;
  std::size_t i = 0;
  const std::size_t n = record.size();
  for (;;) {
    field.clear();
    if (i < n && record[i] == '"') {
      ++i;
      for (;;) {
        if (i >= n) break;  // unterminated: take what there is
        if (record[i] == '"') {
          if (i + 1 < n && record[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += record[i++];
      }
      // Text between the closing quote and the separator is kept.
      while (i < n && record[i] != separator) {
        ok = false;
        field += record[i++];
      }
    } else {
      while (i < n && record[i] != separator) field += record[i++];
    }
    fields.push_back(field);
    if (i >= n) break;
    ++i;  // the separator
  }
  return ok;
}

char detect_csv_separator(std::string_view header_line) {
  std::size_t commas = 0, semicolons = 0, tabs = 0;
  bool in_quotes = false;
  for (const char c : header_line) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
  }
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

std::unique_ptr<RecordReader> make_csv_reader(std::unique_ptr<InputStream> in, FileContext ctx) {
  return std::make_unique<CsvReader>(std::move(in), std::move(ctx));
}

}  // namespace newsindex::internal
