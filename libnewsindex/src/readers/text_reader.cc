// The plain-text wire archive reader (see text_reader.h).
#include "readers/text_reader.h"

#include <vector>

#include "readers/record_reader.h"
#include "util/utf8.h"

namespace newsindex::internal {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(std::string_view line) { return trim_ascii(line).empty(); }

// A tag is a short code without lower-case letters: "LH", "BIN", "ECO1".
bool looks_like_tag(std::string_view w) {
  if (w.empty() || w.size() > 12) return false;
  bool letter = false;
  for (const char c : w) {
    if (c >= 'A' && c <= 'Z') {
      letter = true;
    } else if (!is_digit(c) && c != '-' && c != '_') {
      return false;
    }
  }
  return letter;
}

class TextReader final : public RecordReader {
 public:
  TextReader(std::unique_ptr<InputStream> in, FileContext ctx)
      : in_(std::move(in)), ctx_(std::move(ctx)) {}

  ArticleSource::Next next(Article& article, ReadIssue& issue) override;

 private:
  // Reads one line into line_ (repairing invalid UTF-8); false at the end
  // (or on an error, then `issue` is set).
  bool read_line(ReadIssue& issue, bool& too_long);
  // Adds the current line's UTF-8 repairs to the article's.
  void count_repairs();
  bool build(Article& a, ReadIssue& issue);

  std::unique_ptr<InputStream> in_;
  FileContext ctx_;
  std::string line_;
  bool done_ = false;
  bool have_pending_ = false;  // line_ holds the next article's header
  std::uint64_t pending_line_no_ = 0;
  int ordinal_ = 0;  // articles started in this file

  // The article being collected.
  std::uint64_t start_line_ = 0;
  bool has_header_ = false;
  TextHeader header_;
  std::string first_line_;          // title of a header-less article
  std::vector<std::string> lines_;  // after the header
  std::uint64_t bytes_ = 0;
  bool too_big_ = false;
  std::uint64_t bad_utf8_line_ = 0;
  std::size_t bad_utf8_count_ = 0;
  std::size_t line_repairs_ = 0;  // of the line in line_
};

bool TextReader::read_line(ReadIssue& issue, bool& too_long) {
  too_long = false;
  switch (in_->read_line(line_, ctx_.max_record_bytes)) {
    case InputStream::Line::kOk:
      break;
    case InputStream::Line::kTooLong:
      too_long = true;
      break;
    case InputStream::Line::kEnd:
      return false;
    case InputStream::Line::kError:
      set_skipped(issue, ctx_.where(in_->line_number() + 1), "read error: " + in_->error());
      return false;
  }
  line_repairs_ = too_long ? 0 : repair_utf8(line_);
  return true;
}

void TextReader::count_repairs() {
  if (line_repairs_ == 0) return;
  if (bad_utf8_line_ == 0) bad_utf8_line_ = in_->line_number();
  bad_utf8_count_ += line_repairs_;
}

ArticleSource::Next TextReader::next(Article& article, ReadIssue& issue) {
  for (;;) {
    if (done_) return ArticleSource::Next::kEnd;
    // Find the first line of the next article.
    bool too_long = false;
    std::uint64_t first_no = 0;
    if (have_pending_) {
      have_pending_ = false;
      first_no = pending_line_no_;
    } else {
      bool found = false;
      while (read_line(issue, too_long)) {
        if (too_long || !is_blank(line_)) {
          found = true;
          break;
        }
      }
      if (!found) {
        done_ = true;
        return issue.message.empty() ? ArticleSource::Next::kEnd : ArticleSource::Next::kIssue;
      }
      first_no = in_->line_number();
    }
    ++ordinal_;
    start_line_ = first_no;
    lines_.clear();
    bytes_ = 0;
    too_big_ = too_long;
    bad_utf8_line_ = 0;
    bad_utf8_count_ = 0;
    count_repairs();  // of the first line (the pending header, maybe)
    has_header_ = !too_long && parse_text_header(line_, header_);
    if (!has_header_) first_line_ = too_long ? std::string() : std::string(trim_ascii(line_));
    bytes_ += line_.size();

    // Collect lines up to the next header that follows a blank line.
    bool previous_blank = false;
    bool at_end = true;
    while (read_line(issue, too_long)) {
      if (!too_long && previous_blank) {
        TextHeader h;
        if (parse_text_header(line_, h)) {
          have_pending_ = true;
          pending_line_no_ = in_->line_number();
          at_end = false;
          break;
        }
      }
      previous_blank = !too_long && is_blank(line_);
      count_repairs();
      if (too_long) {
        too_big_ = true;
        continue;
      }
      bytes_ += line_.size() + 1;
      if (bytes_ > ctx_.max_record_bytes) too_big_ = true;
      if (!too_big_) {
        lines_.push_back(line_);
      } else if (!lines_.empty()) {
        lines_.clear();
        lines_.shrink_to_fit();
      }
    }
    if (!issue.message.empty()) {  // read error: the article is incomplete
      done_ = true;
      return ArticleSource::Next::kIssue;
    }
    if (at_end) done_ = true;

    const bool only_article = ordinal_ == 1 && at_end;
    if (too_big_) {
      set_too_big(issue, ctx_, start_line_, "article");
      lines_.clear();
      return ArticleSource::Next::kIssue;
    }
    article = Article{};
    article.id = only_article ? ctx_.stem : ctx_.stem + "-" + std::to_string(ordinal_);
    if (build(article, issue)) return ArticleSource::Next::kArticle;
    return ArticleSource::Next::kIssue;
  }
}

bool TextReader::build(Article& a, ReadIssue& issue) {
  const std::string where = ctx_.where(start_line_);
  if (bad_utf8_count_ > 0)
    add_note(issue, ctx_.where(bad_utf8_line_),
             "invalid UTF-8: " + std::to_string(bad_utf8_count_) +
                 " byte sequence(s) replaced by U+FFFD");
  std::size_t i = 0;
  const auto skip_blank = [&] {
    while (i < lines_.size() && is_blank(lines_[i])) ++i;
  };
  if (has_header_) {
    a.title = header_.title;
    if (!header_.tag.empty()) a.tags.push_back(header_.tag);
    // Date line, then time line; both optional.
    skip_blank();
    std::optional<DateTimeParts> date;
    if (i < lines_.size()) {
      date = parse_date_time(lines_[i]);
      if (date) {
        ++i;
      } else if (looks_like_date(lines_[i])) {
        a.extra.emplace_back("date", std::string(trim_ascii(lines_[i])));
        add_note(issue, ctx_.where(start_line_ + 1 + i),
                 "unparseable date '" + shorten(trim_ascii(lines_[i])) +
                     "' (article kept without a date)");
        ++i;
      }
    }
    skip_blank();
    if (i < lines_.size()) {
      if (const auto t = parse_time_of_day(lines_[i])) {
        if (date && !date->has_time) {
          date->time = *t;
          date->has_time = true;
        }
        ++i;
      } else if (date && !date->has_time && looks_like_time(lines_[i])) {
        add_note(issue, ctx_.where(start_line_ + 1 + i),
                 "unparseable time '" + shorten(trim_ascii(lines_[i])) + "'");
        ++i;
      }
    }
    if (date) {
      apply_date_time(*date, ctx_.zone_rule, ctx_.zone_name, a);
    } else if (!header_.month.empty()) {
      a.extra.emplace_back("month", header_.month);
    }
  } else {
    a.title = first_line_;
    skip_blank();
    if (i < lines_.size()) {
      if (auto date = parse_date_time(lines_[i])) {
        ++i;
        skip_blank();
        if (i < lines_.size() && !date->has_time) {
          if (const auto t = parse_time_of_day(lines_[i])) {
            date->time = *t;
            date->has_time = true;
            ++i;
          }
        }
        apply_date_time(*date, ctx_.zone_rule, ctx_.zone_name, a);
      }
    }
  }

  // Body: paragraphs are runs of non-blank lines.
  std::string body;
  bool first = true;
  for (; i < lines_.size(); ++i) {
    skip_blank();
    if (i >= lines_.size()) break;
    std::string paragraph;
    for (; i < lines_.size() && !is_blank(lines_[i]); ++i) {
      if (!paragraph.empty()) paragraph += '\n';
      paragraph += trim_ascii(lines_[i]);
    }
    if (first) {
      first = false;
      BronPrefix bron;
      if (parse_bron_prefix(paragraph, bron)) {
        a.source = bron.source;
        paragraph.erase(0, bron.length);
        if (paragraph.empty()) continue;
      }
    }
    if (!body.empty()) body += "\n\n";
    body += paragraph;
  }
  a.body = std::move(body);
  lines_.clear();
  return finish_article(a, where, issue);
}

}  // namespace

bool parse_text_header(std::string_view line, TextHeader& header) {
  line = trim_ascii(line);
  if (line.size() < 13 || line.substr(0, 5) != "date ") return false;
  const std::string_view ym = line.substr(5, 7);
  for (std::size_t k = 0; k < 7; ++k)
    if (k == 4 ? ym[k] != '-' : !is_digit(ym[k])) return false;
  if (line.size() > 12 && line[12] != ' ' && line[12] != '\t') return false;
  header = TextHeader{};
  header.month = std::string(ym);
  std::string_view rest = trim_ascii(line.substr(12));
  const std::size_t last_space = rest.find_last_of(" \t");
  if (last_space != std::string_view::npos && looks_like_tag(rest.substr(last_space + 1))) {
    header.tag = std::string(rest.substr(last_space + 1));
    rest = trim_ascii(rest.substr(0, last_space));
  }
  header.title = std::string(rest);
  return true;
}

bool parse_bron_prefix(std::string_view p, BronPrefix& prefix) {
  if (p.size() < 5) return false;
  const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
  static constexpr std::string_view kBron = "bron:";
  for (std::size_t k = 0; k < kBron.size(); ++k)
    if (lower(p[k]) != kBron[k]) return false;
  std::size_t i = kBron.size();
  const auto skip_spaces = [&] {
    while (i < p.size() && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n')) ++i;
  };
  skip_spaces();
  const std::size_t agency_start = i;
  while (i < p.size() && p[i] != ' ' && p[i] != '\t' && p[i] != '\n') ++i;
  std::string_view agency = p.substr(agency_start, i - agency_start);
  while (!agency.empty() && (agency.back() == ',' || agency.back() == ';' || agency.back() == '.' ||
                             agency.back() == ':'))
    agency.remove_suffix(1);
  if (agency.empty()) return false;
  skip_spaces();
  // An optional number after the agency ("Belga 1"): dropped.
  std::size_t j = i;
  while (j < p.size() && is_digit(p[j])) ++j;
  if (j > i && (j == p.size() || p[j] == ' ' || p[j] == '\t' || p[j] == '\n')) {
    i = j;
    skip_spaces();
  }
  prefix.source = std::string(agency);
  prefix.length = i;
  return true;
}

std::unique_ptr<RecordReader> make_text_reader(std::unique_ptr<InputStream> in, FileContext ctx) {
  return std::make_unique<TextReader>(std::move(in), std::move(ctx));
}

}  // namespace newsindex::internal
