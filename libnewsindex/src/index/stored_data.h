// index/stored_data.h: the stored document data, written and read in one
// place (docs/index-format.md, "Document data").
//
// The record (schema 3): what a hit displays as a JSON object, written with
// nlohmann (invalid UTF-8 replaced by U+FFFD), and the body, which snippets
// are cut from, each compressed as index/stored_text.h does:
//
//   'J', the object's encoded length (4 bytes little-endian), the encoded
//   object, the encoded body (nothing when there is no body)
//
// One record holds all a hit needs, snippet included: one read per hit, as
// a plain Xapian application's. Both parts are compressed by us (libdeflate,
// level 1) so that Xapian, which compresses a record with zlib only when
// that makes it smaller, stores it as it is and reads it without inflating.
// Schemas 1 and 2 wrote the object alone, uncompressed (schema 1 with the
// body in it, schema 2 with the body in value slot 9): such a record starts
// with '{'.
//
// The searcher decodes a record for every hit shown, so its decoder reads
// only the top-level string fields a hit needs and skips the rest without
// building a JSON tree, and inflates the body only when asked.
#ifndef NEWSINDEX_INDEX_STORED_DATA_H_
#define NEWSINDEX_INDEX_STORED_DATA_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsindex::internal {

// What the writer stores for one article.
struct StoredData {
  std::string id, title, date, source, outlet, category, url, language;
  std::string lead;  // only a lead given apart from the body ("" when none)
  std::vector<std::string> authors, tags;
  bool dated = false;  // timestamp, has_time and time_zone are stored only when dated
  std::int64_t timestamp = 0;
  bool has_time = false;
  std::string time_zone;
  std::vector<std::pair<std::string, std::string>> extra;  // a later key wins
  std::string_view body;  // the text snippets are cut from (valid UTF-8)
};

// The record for `d`: the JSON object (keys sorted, no white space; "lead",
// "timestamp", "has_time", "time_zone" and "extra" only when set) and the
// body, as above. Never throws on bad UTF-8 in the fields: it is replaced.
std::string encode_stored_data(const StoredData& d);

// The JSON object of a record in *object and, when `body` is non-null, its
// body in *body (for tools and tests; decode_stored_data() is the fast
// path). A schema 1 or 2 record is its own object (returns false). A
// damaged part is left empty.
bool split_stored_data(std::string_view data, std::string* object, std::string* body);

// What the searcher reads back.
struct DisplayData {
  std::string id, title, date, source, outlet, category, url;
  std::string lead;  // with `want_text` only
  std::string body;  // with `want_text` only: schema 1 stored the body in the data
};

// Decodes the fields of DisplayData from `data` into *out (fields absent
// from the data are left as they were), the body only with `want_text`.
// Damaged data stops the decoding where it is damaged: the fields before it
// are kept (a damaged body is left empty), never an error. Returns true
// when `data` is a schema-3 record (the body, if any, is in it); false for
// the object alone (schemas 1 and 2).
bool decode_stored_data(std::string_view data, DisplayData* out, bool want_text);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_STORED_DATA_H_
