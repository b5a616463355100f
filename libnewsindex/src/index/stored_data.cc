// The stored document data: the writer's encoder and the searcher's decoder
// side by side. The decoder runs for every hit shown: it inflates only the
// fields unless the body is wanted, and reads the JSON objects of older
// schemas without building a JSON tree.
#include "index/stored_data.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <libdeflate.h>
#include <zlib.h>

#include <map>

#include <nlohmann/json.hpp>

#include "glass/encoding.h"
#include "index/stored_text.h"
#include "util/calendar.h"
#include "util/utf8.h"

namespace newsindex::internal {
namespace {

// The first byte of a schema-4 record ('B') and of a schema-3 record ('J');
// the older records start with '{'.
constexpr char kBinary = 'B';
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

namespace {

// The displayed fields as the JSON object of schema 3 (keys sorted, no
// white space, invalid UTF-8 replaced): what split_stored_data() gives.
std::string object_json(const StoredData& d) {
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
  return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Schema 4's fields (before the body), in this order:
//   id, title, source, outlet, category, url   (strings)
//   language (coded from kLanguages), lead     (a string)
//   flags (kDated, kHasTime, kDateWritten)
//   date                          only with kDateWritten
//   timestamp, utc offset (zigzag), zone (coded from kZones)   only with kDated
//   authors, tags (a count, then strings), extra (a count, then key, value)
// A string is its length (varint) and bytes; a coded string is its index in
// the table or, past its end, the table's size and the string.
constexpr unsigned kDated = 1, kHasTime = 2, kDateWritten = 4;
constexpr std::string_view kLanguages[] = {"nl", "", "en", "fr", "de"};
constexpr std::string_view kZones[] = {"", "Europe/Amsterdam", "Europe/Brussels", "UTC"};

std::uint64_t zigzag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzigzag(std::uint64_t v) {
  return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

// Appends `s` as a string, invalid UTF-8 replaced.
void put_text(std::string& out, std::string_view s) {
  if (is_valid_utf8(s)) {
    glass::put_string(out, s);
    return;
  }
  std::string fixed(s);
  repair_utf8(fixed);
  glass::put_string(out, fixed);
}

bool get_text(std::string_view& in, std::string* out) {
  std::uint64_t n = 0;
  if (!glass::get_uint(in, n) || n > in.size()) return false;
  out->assign(in.substr(0, n));
  in.remove_prefix(n);
  return true;
}

template <std::size_t N>
void put_coded(std::string& out, std::string_view s, const std::string_view (&table)[N]) {
  std::size_t i = 0;
  while (i < N && table[i] != s) ++i;
  glass::put_uint(out, i);
  if (i == N) put_text(out, s);
}

template <std::size_t N>
bool get_coded(std::string_view& in, std::string* out, const std::string_view (&table)[N]) {
  std::uint64_t i = 0;
  if (!glass::get_uint(in, i)) return false;
  if (i >= N) return get_text(in, out);
  out->assign(table[i]);
  return true;
}

// A zlib inflater for the fields alone: inflating stops once they are out,
// so a hit without a snippet never inflates its body.
struct Inflater {
  z_stream z{};
  bool ok = inflateInit2(&z, -15) == Z_OK;
  ~Inflater() {
    if (ok) inflateEnd(&z);
  }
};

std::string encode_binary(const StoredData& d) {
  std::string plain;
  plain.reserve(256 + d.body.size());
  for (const std::string* s : {&d.id, &d.title, &d.source, &d.outlet, &d.category, &d.url}) {
    put_text(plain, *s);
  }
  put_coded(plain, d.language, kLanguages);
  put_text(plain, d.lead);
  const bool derived =
      d.dated ? d.date == format_iso8601(d.timestamp, d.utc_offset_minutes, d.has_time)
              : d.date.empty();
  unsigned flags = (d.dated ? kDated : 0) | (d.has_time ? kHasTime : 0) |
                   (derived ? 0 : kDateWritten);
  plain += static_cast<char>(flags);
  if (!derived) put_text(plain, d.date);
  if (d.dated) {
    glass::put_uint(plain, zigzag(d.timestamp));
    glass::put_uint(plain, zigzag(d.utc_offset_minutes));
    put_coded(plain, d.time_zone, kZones);
  }
  for (const auto* list : {&d.authors, &d.tags}) {
    glass::put_uint(plain, list->size());
    for (const std::string& s : *list) put_text(plain, s);
  }
  // A later key wins, and keys are kept sorted, as in schema 3's object.
  std::map<std::string_view, std::string_view> extra;
  for (const auto& [k, v] : d.extra) extra[k] = v;
  glass::put_uint(plain, extra.size());
  for (const auto& [k, v] : extra) {
    put_text(plain, k);
    put_text(plain, v);
  }
  const std::size_t fields = plain.size();
  plain.append(d.body);  // valid UTF-8 (stored_data.h)

  std::string record(1, kBinary);
  glass::put_uint(record, plain.size());
  glass::put_uint(record, fields);
  const std::size_t head = record.size();
  DeflateCodec& k = deflate_codec();
  const std::size_t bound = libdeflate_deflate_compress_bound(k.c, plain.size());
  record.resize(head + bound);
  const std::size_t n =
      k.c ? libdeflate_deflate_compress(k.c, plain.data(), plain.size(), record.data() + head, bound)
          : 0;
  record.resize(head + n);
  return record;
}

// The fields of a schema-4 record into *out (all but the body; without
// `all` only those up to the time zone, which a hit shows); false when they
// are damaged.
bool read_fields(std::string_view in, StoredData* out, bool all) {
  for (std::string* s : {&out->id, &out->title, &out->source, &out->outlet, &out->category,
                         &out->url}) {
    if (!get_text(in, s)) return false;
  }
  if (!get_coded(in, &out->language, kLanguages) || !get_text(in, &out->lead)) return false;
  if (in.empty()) return false;
  const auto flags = static_cast<unsigned char>(in.front());
  in.remove_prefix(1);
  out->dated = (flags & kDated) != 0;
  out->has_time = (flags & kHasTime) != 0;
  if ((flags & kDateWritten) != 0 && !get_text(in, &out->date)) return false;
  if (out->dated) {
    std::uint64_t ts = 0, offset = 0;
    if (!glass::get_uint(in, ts) || !glass::get_uint(in, offset) ||
        !get_coded(in, &out->time_zone, kZones)) {
      return false;
    }
    out->timestamp = unzigzag(ts);
    out->utc_offset_minutes = static_cast<int>(unzigzag(offset));
  }
  if ((flags & kDateWritten) == 0) {
    out->date = out->dated ? format_iso8601(out->timestamp, out->utc_offset_minutes, out->has_time)
                           : std::string();
  }
  if (!all) return true;
  for (auto* list : {&out->authors, &out->tags}) {
    std::uint64_t n = 0;
    if (!glass::get_uint(in, n) || n > in.size()) return false;
    list->resize(n);
    for (std::string& s : *list) {
      if (!get_text(in, &s)) return false;
    }
  }
  std::uint64_t n = 0;
  if (!glass::get_uint(in, n) || n > in.size()) return false;
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string k, v;
    if (!get_text(in, &k) || !get_text(in, &v)) return false;
    out->extra.emplace_back(std::move(k), std::move(v));
  }
  return true;
}

struct BinaryHeader {
  std::uint64_t size = 0, fields = 0;
  std::string_view stream;
};

bool read_header(std::string_view data, BinaryHeader* h) {
  data.remove_prefix(1);
  if (!glass::get_uint(data, h->size) || !glass::get_uint(data, h->fields)) return false;
  if (!plausible_inflated_size(h->size, data.size()) || h->fields > h->size) return false;
  h->stream = data;
  return true;
}

// Room given to libdeflate past the record's end: its fast loop runs only
// while this much output space is left (about 300 bytes: a match and a few
// words), so with the exact size the last 300 bytes of every record, a
// quarter of a short one, went through its slow loop.
constexpr std::size_t kInflateSlack = 320;

// Inflates the whole record into *plain; false when it is damaged.
bool inflate_all(const BinaryHeader& h, std::string* plain) {
  DeflateCodec& k = deflate_codec();
  plain->resize(h.size + kInflateSlack);
  std::size_t got = 0;
  if (k.d == nullptr ||
      libdeflate_deflate_decompress(k.d, h.stream.data(), h.stream.size(), plain->data(),
                                    plain->size(), &got) != LIBDEFLATE_SUCCESS ||
      got != h.size) {
    plain->clear();
    return false;
  }
  plain->resize(h.size);
  return true;
}

// Inflates only the fields (the first h.fields bytes) into *plain.
bool inflate_fields(const BinaryHeader& h, std::string* plain) {
  thread_local Inflater inf;
  plain->resize(h.fields);
  if (!inf.ok || inflateReset(&inf.z) != Z_OK) return false;
  inf.z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(h.stream.data()));
  inf.z.avail_in = static_cast<uInt>(std::min<std::size_t>(h.stream.size(), UINT32_MAX));
  inf.z.next_out = reinterpret_cast<Bytef*>(plain->data());
  inf.z.avail_out = static_cast<uInt>(h.fields);
  while (inf.z.avail_out != 0) {
    const int rc = inflate(&inf.z, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) break;
    if (rc != Z_OK) return false;
  }
  return inf.z.avail_out == 0;
}

// A schema-4 record: its fields into *d (`all`: as read_fields) and, when
// `body` is non-null, its body. False when the fields are damaged (a damaged
// body is left empty).
bool decode_binary(std::string_view data, StoredData* d, std::string* body, bool all) {
  BinaryHeader h;
  if (!read_header(data, &h)) return false;
  thread_local std::string plain;  // reused: one hit after another
  const bool whole = body != nullptr && inflate_all(h, &plain);
  if (!whole && !inflate_fields(h, &plain)) return false;
  if (!read_fields(std::string_view(plain).substr(0, h.fields), d, all)) return false;
  if (whole) body->assign(plain, h.fields, std::string::npos);
  return true;
}

}  // namespace

std::string encode_stored_data(const StoredData& d) { return encode_binary(d); }

bool split_stored_data(std::string_view data, std::string* object, std::string* body) {
  object->clear();
  if (body) body->clear();
  if (!data.empty() && data[0] == kBinary) {
    StoredData d;
    if (decode_binary(data, &d, body, /*all=*/true)) *object = object_json(d);
    return true;
  }
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
  if (!data.empty() && data[0] == kBinary) {
    StoredData d;
    std::string body;
    if (!decode_binary(data, &d, want_text ? &body : nullptr, /*all=*/false)) return true;
    out->id = std::move(d.id);
    out->title = std::move(d.title);
    out->date = std::move(d.date);
    out->source = std::move(d.source);
    out->outlet = std::move(d.outlet);
    out->category = std::move(d.category);
    out->url = std::move(d.url);
    if (want_text) {
      out->lead = std::move(d.lead);
      out->body = std::move(body);
    }
    return true;
  }
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
