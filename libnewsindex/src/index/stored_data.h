// index/stored_data.h: the stored document data, written and read in one
// place (docs/index-format.md, "Document data").
//
// The record (schema 4): 'B', the inflated size and the size of its fields
// part (each a varint), then one raw deflate stream (libdeflate, level 1)
// of the fields a hit displays, in binary, followed by the body snippets
// are cut from. One record holds all a hit needs, snippet included: one
// read per hit, as a plain Xapian application's. It is compressed by us so
// that Xapian, which compresses a record with zlib only when that makes it
// smaller, stores it as it is and reads it without inflating. A hit without
// a snippet inflates only the fields.
//
// Older records are still read: schema 3's 'J', the JSON object's length (4
// bytes little-endian), the object and the body, each compressed as
// index/stored_text.h does; schemas 1 and 2 wrote the object alone,
// uncompressed (schema 1 with the body in it, schema 2 with the body in
// value slot 9): such a record starts with '{'.
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
  int utc_offset_minutes = 0;  // the date's offset: `date` is not stored when
                               // it is format_iso8601() of these
  std::vector<std::pair<std::string, std::string>> extra;  // a later key wins
  std::string_view body;  // the text snippets are cut from (valid UTF-8)
};

// The record for `d`, as above. Never throws; invalid UTF-8 in the fields
// is replaced.
std::string encode_stored_data(const StoredData& d);

// The displayed fields of a record as schema 3's JSON object in *object
// (keys sorted, no white space; "lead", "timestamp", "has_time",
// "time_zone" and "extra" only when set) and, when `body` is non-null, its
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
// when `data` is a schema-3 or -4 record (the body, if any, is in it);
// false for the object alone (schemas 1 and 2).
bool decode_stored_data(std::string_view data, DisplayData* out, bool want_text);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_STORED_DATA_H_
