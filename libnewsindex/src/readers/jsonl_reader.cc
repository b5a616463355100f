// The JSON Lines reader: one JSON object per line (or a file holding one JSON
// array of objects), keys as in
// ../shared/corpora (id, title, body, date, source, outlet, category, url,
// lang, authors, tags, lead); unknown keys go to Article::extra.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "readers/field_names.h"
#include "readers/record_reader.h"
#include "util/utf8.h"

namespace newsindex::internal {
namespace {

using Json = nlohmann::json;

using Field = ArticleField;

// A scalar as text; objects and arrays as compact JSON. Strings are moved
// out, so that a 50 MB body is not copied.
std::string as_text(Json& v) {
  if (v.is_string()) return std::move(*v.get_ptr<std::string*>());
  if (v.is_null()) return {};
  return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// "[json.exception.parse_error.101] parse error at line 1, column 7: …" →
// "parse error at column 7: …".
std::string clean_message(std::string_view what) {
  if (const std::size_t close = what.find("] "); close != std::string_view::npos)
    what.remove_prefix(close + 2);
  std::string s(what);
  if (const std::size_t at = s.find("at line 1, "); at != std::string::npos) s.erase(at + 3, 8);
  // nlohmann quotes the offending token whole ('1111…' 100 KB long): keep
  // the first 60 bytes of each quoted stretch.
  constexpr std::size_t kMaxQuoted = 60;
  for (std::size_t open = s.find('\''); open != std::string::npos;) {
    std::size_t close = s.find('\'', open + 1);
    const std::size_t end = close == std::string::npos ? s.size() : close;
    if (end - open - 1 > kMaxQuoted) {
      std::size_t cut = open + 1 + kMaxQuoted;
      while (cut > open + 1 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
      s.replace(cut, end - cut, "…");
      close = close == std::string::npos ? std::string::npos : cut + 3;
    }
    if (close == std::string::npos) break;
    open = s.find('\'', close + 1);
  }
  return s;
}

// Records nested deeper than this are skipped before they are parsed: an
// unknown field is kept as compact JSON, and writing that out (like any walk
// of the tree) recurses once per level, so 100,000 '[' would overflow the
// stack. News records need a handful of levels.
constexpr int kMaxJsonDepth = 64;

// True when `text` opens more than `max` objects or arrays inside each other
// (brackets inside strings do not count).
bool nested_deeper_than(std::string_view text, int max) {
  int depth = 0;
  bool in_string = false, escape = false;
  for (const char c : text) {
    if (in_string) {
      if (escape) {
        escape = false;
      } else if (c == '\\') {
        escape = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max) return true;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return false;
}

// Splits a JSON array ("[{…},{…}]", as .json exports often are, on one line
// or pretty-printed), or a sequence of pretty-printed objects, into its
// elements, reading in chunks so that memory is bounded by the largest
// element, not the file.
class JsonArrayScanner {
 public:
  enum class Got { kElement, kTooBig, kEnd, kError, kSyntax };

  // `bracketed`: the file is one array "[…]"; else a sequence of values
  // ("{…}\n{…}", pretty-printed objects one after another).
  JsonArrayScanner(InputStream& in, std::uint64_t max_bytes, bool bracketed)
      : in_(in),
        max_bytes_(max_bytes),
        bracketed_(bracketed),
        buf_(1 << 16),
        started_(!bracketed) {}

  // The next element's text and the line it starts on.
  Got next(std::string& element, std::uint64_t& line) {
    element.clear();
    bool have = false, too_big = false;
    std::size_t bytes = 0;
    for (;;) {
      if (pos_ == end_) {
        const long n = in_.read(buf_.data(), buf_.size());
        if (n < 0) return Got::kError;
        if (n == 0) {
          if (finished_) return Got::kEnd;
          finished_ = true;
          if (!started_) {
            syntax_ = "empty JSON array file";
            return Got::kSyntax;
          }
          // A cut-off element is returned (and fails to parse, with a
          // message); a sequence may end between elements, an array not.
          if (have) return too_big ? Got::kTooBig : Got::kElement;
          if (!bracketed_) return Got::kEnd;
          syntax_ = "unexpected end of file inside the JSON array";
          return Got::kSyntax;
        }
        pos_ = 0;
        end_ = static_cast<std::size_t>(n);
      }
      const char c = buf_[pos_++];
      if (c == '\n') ++line_;
      if (finished_) continue;
      if (!started_) {
        if (c == '[') {
          started_ = true;
        } else if (!is_blank(c)) {
          finished_ = true;
          syntax_ = "expected '[' at the start of a JSON array file";
          return Got::kSyntax;
        }
        continue;
      }
      if (!have) {  // between elements
        if (is_blank(c) || c == ',') continue;
        if (c == ']') {
          finished_ = true;
          if (bracketed_) continue;
          syntax_ = "unexpected ']' between JSON values";
          return Got::kSyntax;
        }
        have = true;
        line = line_;
        depth_ = 0;
        in_string_ = escape_ = false;
      }
      // Inside an element.
      bool done = false;
      if (in_string_) {
        if (escape_)
          escape_ = false;
        else if (c == '\\')
          escape_ = true;
        else if (c == '"')
          in_string_ = false;
      } else if (c == '"') {
        in_string_ = true;
      } else if (c == '{' || c == '[') {
        ++depth_;
      } else if (c == '}' || c == ']') {
        if (depth_ == 0) {  // the array's own ']' ends a scalar element
          finished_ = c == ']';
          return too_big ? Got::kTooBig : Got::kElement;
        }
        done = --depth_ == 0;
      } else if (c == ',' && depth_ == 0) {
        return too_big ? Got::kTooBig : Got::kElement;
      }
      if (!too_big) {
        if (++bytes > max_bytes_) {
          too_big = true;
          element.clear();
          element.shrink_to_fit();
        } else {
          element += c;
        }
      }
      if (done) return too_big ? Got::kTooBig : Got::kElement;
    }
  }

  const std::string& syntax_error() const { return syntax_; }
  std::uint64_t line() const { return line_; }

 private:
  static bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\xEF' || c == '\xBB' ||
           c == '\xBF';  // white space and a UTF-8 BOM
  }

  InputStream& in_;
  std::uint64_t max_bytes_;
  bool bracketed_;
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
  std::uint64_t line_ = 1;
  bool started_, finished_ = false;
  int depth_ = 0;
  bool in_string_ = false, escape_ = false;
  std::string syntax_;
};

// How a JSON file is laid out, from its first bytes.
enum class Layout { kLines, kArray, kSequence };

Layout layout_of(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  std::size_t i = 0;
  while (i < head.size() &&
         (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
    ++i;
  if (i < head.size() && head[i] == '[') return Layout::kArray;
  // A first line holding only "{" starts a pretty-printed object.
  if (i < head.size() && head[i] == '{') {
    std::size_t j = i + 1;
    while (j < head.size() && (head[j] == ' ' || head[j] == '\t' || head[j] == '\r')) ++j;
    if (j < head.size() && head[j] == '\n') return Layout::kSequence;
  }
  return Layout::kLines;
}

class JsonlReader final : public RecordReader {
 public:
  JsonlReader(std::unique_ptr<InputStream> in, FileContext ctx)
      : in_(std::move(in)), ctx_(std::move(ctx)) {}

  ArticleSource::Next next(Article& article, ReadIssue& issue) override {
    if (array_ == nullptr && !array_checked_) {
      array_checked_ = true;
      const Layout layout = layout_of(in_->head());
      if (layout != Layout::kLines)
        array_ = std::make_unique<JsonArrayScanner>(*in_, ctx_.max_record_bytes,
                                                    layout == Layout::kArray);
    }
    if (array_ != nullptr) return next_element(article, issue);
    for (;;) {
      if (done_) return ArticleSource::Next::kEnd;
      switch (in_->read_line(line_, ctx_.max_record_bytes)) {
        case InputStream::Line::kOk:
          break;
        case InputStream::Line::kTooLong:
          set_too_big(issue, ctx_, in_->line_number());
          return ArticleSource::Next::kIssue;
        case InputStream::Line::kEnd:
          done_ = true;
          return ArticleSource::Next::kEnd;
        case InputStream::Line::kError:
          done_ = true;
          set_skipped(issue, ctx_.where(in_->line_number() + 1), "read error: " + in_->error());
          return ArticleSource::Next::kIssue;
      }
      if (trim_ascii(line_).empty()) continue;
      return convert(line_, ctx_.where(in_->line_number()),
                     ctx_.stem + "-" + std::to_string(in_->line_number()), article, issue);
    }
  }

 private:
  ArticleSource::Next next_element(Article& article, ReadIssue& issue) {
    if (done_) return ArticleSource::Next::kEnd;
    std::uint64_t line = 0;
    const JsonArrayScanner::Got got = array_->next(line_, line);
    switch (got) {
      case JsonArrayScanner::Got::kEnd:
        done_ = true;
        return ArticleSource::Next::kEnd;
      case JsonArrayScanner::Got::kError:
        done_ = true;
        set_skipped(issue, ctx_.where(array_->line()), "read error: " + in_->error());
        return ArticleSource::Next::kIssue;
      case JsonArrayScanner::Got::kSyntax:
        done_ = true;
        set_skipped(issue, ctx_.where(array_->line()), "invalid JSON: " + array_->syntax_error());
        return ArticleSource::Next::kIssue;
      case JsonArrayScanner::Got::kTooBig:
        ++elements_;
        set_too_big(issue, ctx_, line);
        return ArticleSource::Next::kIssue;
      case JsonArrayScanner::Got::kElement:
        break;
    }
    ++elements_;
    return convert(line_, ctx_.where(line), ctx_.stem + "-" + std::to_string(elements_), article,
                   issue);
  }

  ArticleSource::Next convert(std::string& text, const std::string& where, std::string fallback_id,
                              Article& article, ReadIssue& issue) {
    if (const std::size_t n = repair_utf8(text); n > 0)
      add_note(issue, where,
               "invalid UTF-8: " + std::to_string(n) + " byte sequence(s) replaced by U+FFFD");
    if (nested_deeper_than(text, kMaxJsonDepth)) {
      set_skipped(issue, where,
                  "invalid JSON: nested more than " + std::to_string(kMaxJsonDepth) +
                      " levels deep");
      return ArticleSource::Next::kIssue;
    }
    Json record;
    try {
      record = Json::parse(text);
    } catch (const std::exception& e) {
      set_skipped(issue, where, "invalid JSON: " + clean_message(e.what()));
      return ArticleSource::Next::kIssue;
    }
    if (!record.is_object()) {
      set_skipped(
          issue, where,
          std::string("invalid record: expected a JSON object, found ") + record.type_name());
      return ArticleSource::Next::kIssue;
    }
    article = Article{};
    fill(record, where, article, issue);
    if (article.id.empty()) article.id = std::move(fallback_id);
    if (finish_article(article, where, issue)) return ArticleSource::Next::kArticle;
    return ArticleSource::Next::kIssue;
  }

  // A list (authors, tags) is given value by value; any other array or
  // object is kept as compact JSON.
  void fill(Json& record, const std::string& where, Article& a, ReadIssue& issue) {
    for (auto [key, value] : record.items()) {
      if (value.is_null()) continue;
      const Field field = article_field(key);
      if (value.is_array() && (field == Field::kAuthors || field == Field::kTags)) {
        for (Json& e : value) set_field(a, field, key, as_text(e), ctx_, where, issue);
      } else {
        set_field(a, field, key, as_text(value), ctx_, where, issue);
      }
    }
  }

  std::unique_ptr<InputStream> in_;
  FileContext ctx_;
  std::string line_;
  bool done_ = false;
  bool array_checked_ = false;
  std::unique_ptr<JsonArrayScanner> array_;  // set for "[…]" and "{\n…" files
  std::uint64_t elements_ = 0;
};

}  // namespace

std::unique_ptr<RecordReader> make_jsonl_reader(std::unique_ptr<InputStream> in, FileContext ctx) {
  return std::make_unique<JsonlReader>(std::move(in), std::move(ctx));
}

}  // namespace newsindex::internal
