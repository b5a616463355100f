// The stored document data: the writer's encoder (nlohmann) and the
// searcher's decoder side by side. The decoder reads only the top-level
// string fields a hit shows and skips everything else without building a
// JSON tree: it runs for every hit shown.
#include "index/stored_data.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <nlohmann/json.hpp>

#include "index/stored_text.h"
#include "util/utf8.h"

namespace newsindex::internal {
namespace {

// The first byte of a schema-3 record; the older records start with '{'.
constexpr char kRecord = 'J';
// kRecord and the object's encoded length (4 bytes little-endian).
constexpr std::size_t kHeader = 5;

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  bool at_end() const { return i_ >= s_.size(); }
  void ws() {
    while (i_ < s_.size() &&
           (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) {
      ++i_;
    }
  }
  bool eat(char c) {
    ws();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  char peek() {
    ws();
    return i_ < s_.size() ? s_[i_] : '\0';
  }

  // Reads a JSON string (at '"'); `out` gets it decoded when non-null.
  bool string(std::string* out) {
    if (!eat('"')) return false;
    while (i_ < s_.size()) {
      // Copy (or skip) the run up to the next quote or escape at once.
      std::size_t stop = std::min(next(quote_, '"'), next(backslash_, '\\'));
      if (stop >= s_.size()) return false;
      if (out) out->append(s_.substr(i_, stop - i_));
      i_ = stop + 1;
      if (s_[stop] == '"') return true;
      if (i_ >= s_.size()) return false;
      char e = s_[i_++];
      if (!out) {
        continue;
      }
      switch (e) {
        case 'n':
          out->push_back('\n');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && i_ + 1 < s_.size() && s_[i_] == '\\' &&
              s_[i_ + 1] == 'u') {
            i_ += 2;
            std::uint32_t lo = 0;
            if (!hex4(lo)) return false;
            cp = lo >= 0xDC00 && lo < 0xE000 ? 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)
                                             : 0xFFFD;
          }
          if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;  // a lone surrogate
          utf8(cp, *out);
          break;
        }
        default:
          out->push_back(e);  // \" \\ \/
      }
    }
    return false;
  }

  // Skips any JSON value.
  bool skip() {
    char c = peek();
    if (c == '"') return string(nullptr);
    if (c == '{' || c == '[') {
      int depth = 0;
      while (i_ < s_.size()) {
        char d = s_[i_];
        if (d == '"') {
          if (!string(nullptr)) return false;
          continue;
        }
        ++i_;
        if (d == '{' || d == '[') ++depth;
        if (d == '}' || d == ']') {
          if (--depth == 0) return true;
        }
      }
      return false;
    }
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}') ++i_;  // number, true, null
    return true;
  }

 private:
  bool hex4(std::uint32_t& v) {
    if (i_ + 4 > s_.size()) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) {
      char h = s_[i_++];
      v <<= 4;
      if (h >= '0' && h <= '9')
        v |= static_cast<std::uint32_t>(h - '0');
      else if (h >= 'a' && h <= 'f')
        v |= static_cast<std::uint32_t>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F')
        v |= static_cast<std::uint32_t>(h - 'A' + 10);
      else
        return false;
    }
    return true;
  }
  static void utf8(std::uint32_t cp, std::string& out) {
    internal::append_utf8(static_cast<char32_t>(cp), out);
  }

  // The first `c` at or after i_ (s_.size() when none). `at` remembers the
  // last answer: a long body has many escapes ("\n\n" between paragraphs)
  // and only one closing quote, which is then searched for once.
  struct Next {
    std::size_t from = 1, pos = 0;  // pos is the first `c` in [from, ...)
  };
  std::size_t next(Next& at, char c) {
    if (at.from > i_ || at.pos < i_) {
      const void* p = std::memchr(s_.data() + i_, c, s_.size() - i_);
      at.pos = p ? static_cast<std::size_t>(static_cast<const char*>(p) - s_.data()) : s_.size();
      at.from = i_;
    }
    return at.pos;
  }
  Next quote_, backslash_;

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::string encode_stored_data(const StoredData& d) {
  nlohmann::json data = {
      {"id", d.id},           {"title", d.title},       {"date", d.date},
      {"source", d.source},   {"outlet", d.outlet},     {"category", d.category},
      {"url", d.url},         {"language", d.language}, {"authors", d.authors},
      {"tags", d.tags},
  };
  if (!d.lead.empty()) data["lead"] = d.lead;
  if (d.dated) {
    data["timestamp"] = d.timestamp;
    data["has_time"] = d.has_time;
    if (!d.time_zone.empty()) data["time_zone"] = d.time_zone;
  }
  if (!d.extra.empty()) {
    nlohmann::json extra = nlohmann::json::object();
    for (const auto& [k, v] : d.extra) extra[k] = v;
    data["extra"] = std::move(extra);
  }
  const std::string object =
      encode_stored_text(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  const auto n = static_cast<std::uint32_t>(object.size());
  std::string record(1, kRecord);
  for (int i = 0; i < 4; ++i) record.push_back(static_cast<char>((n >> (8 * i)) & 0xFF));
  record.append(object);
  record.append(encode_stored_text(d.body));
  return record;
}

bool split_stored_data(std::string_view data, std::string* object, std::string* body) {
  object->clear();
  if (body) body->clear();
  if (data.empty() || data[0] != kRecord) {
    object->assign(data);
    return false;
  }
  if (data.size() < kHeader) return true;
  std::uint32_t n = 0;
  for (int i = 0; i < 4; ++i) n |= std::uint32_t{static_cast<unsigned char>(data[1 + i])} << (8 * i);
  if (n > data.size() - kHeader) return true;  // damaged: nothing is read
  (void)decode_stored_text(data.substr(kHeader, n), object);
  const std::string_view rest = data.substr(kHeader + n);
  if (body && !rest.empty()) (void)decode_stored_text(rest, body);
  return true;
}

namespace {

void decode_object(std::string_view data, DisplayData* out, bool want_text) {
  Scanner sc(data);
  if (!sc.eat('{')) return;
  if (sc.eat('}')) return;
  std::string key;
  do {
    key.clear();
    if (!sc.string(&key) || !sc.eat(':')) break;
    std::string* target = nullptr;
    if (key == "id")
      target = &out->id;
    else if (key == "title")
      target = &out->title;
    else if (key == "date")
      target = &out->date;
    else if (key == "source")
      target = &out->source;
    else if (key == "outlet")
      target = &out->outlet;
    else if (key == "category")
      target = &out->category;
    else if (key == "url")
      target = &out->url;
    else if (want_text && key == "body")
      target = &out->body;
    else if (want_text && key == "lead")
      target = &out->lead;
    bool ok = target && sc.peek() == '"' ? (target->clear(), sc.string(target)) : sc.skip();
    if (!ok) break;
  } while (sc.eat(','));
}

}  // namespace

bool decode_stored_data(std::string_view data, DisplayData* out, bool want_text) {
  if (data.empty() || data[0] != kRecord) {  // schemas 1 and 2: the object alone
    decode_object(data, out, want_text);
    return false;
  }
  thread_local std::string object;  // reused: one hit after another
  std::string body;
  const bool whole = split_stored_data(data, &object, want_text ? &body : nullptr);
  decode_object(object, out, want_text);
  if (!body.empty()) out->body = std::move(body);
  return whole;
}

}  // namespace newsindex::internal
