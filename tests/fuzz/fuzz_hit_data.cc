// Fuzz target: the stored-data codec (index/stored_data.h, read through
// search/hit_data.h), which reads a hit's fields from a document's data
// record (a schema-4 or -3 record, or the JSON object of schemas 1 and 2) and,
// for schema 2, its body slot, without a JSON parser. The bytes up to the
// first 0xFF are the data, the rest the slot.
// Invariants: no crash; decoding is deterministic; no field read from a
// JSON object alone is longer than that object; for valid UTF-8, a record
// the encoder writes from the data (as title) and the slot (as body)
// decodes back to them; and a record of the input, damaged in one byte or
// cut short where the input says, decodes without a crash.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "index/schema.h"
#include "index/stored_data.h"
#include "search/hit_data.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsindex::internal;
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = all.find('\xff');
  const std::string_view json = all.substr(0, cut);
  const std::string_view slot = cut == std::string_view::npos ? std::string_view{} : all.substr(cut + 1);
  newsindex::Hit a, b;
  const std::string text_a = fill_hit(json, a);
  const std::string text_b = fill_hit(json, b);
  if (text_a != text_b || a.id != b.id || a.title != b.title || a.url != b.url) __builtin_trap();
  // A compressed record may inflate to more.
  if (json.empty() || (json[0] != 'J' && json[0] != 'B')) {
    for (const std::string* s : {&a.id, &a.title, &a.source, &a.outlet, &a.category, &a.url}) {
      if (s->size() > json.size()) __builtin_trap();
    }
  }
  Xapian::Document doc;
  doc.set_data(std::string(json));
  if (cut != std::string_view::npos) {
    doc.add_value(newsindex::schema::kSlotText, std::string(slot));
  }
  newsindex::Hit c;
  fill_hit(doc, c, true);
  newsindex::Hit d;
  fill_hit(doc, d, false);

  if (is_valid_utf8(json) && is_valid_utf8(slot)) {
    StoredData in;
    in.id = "x";
    in.title = std::string(json);
    in.body = slot;
    DisplayData back;
    if (!decode_stored_data(encode_stored_data(in), &back, true)) __builtin_trap();
    if (back.id != "x" || back.title != in.title || back.body != slot) __builtin_trap();
  }

  // A schema-4 record of these bytes (as title and body), then damaged
  // where the first bytes say, decodes without a crash either way, and the
  // same way twice.
  if (size >= 3) {
    StoredData in;
    in.id = "x";
    in.title = std::string(json.substr(0, 200));
    in.body = all;
    std::string rec = encode_stored_data(in);
    const std::size_t at = (std::size_t{data[0]} << 8 | data[1]) % rec.size();
    std::string flipped = rec;
    flipped[at] = static_cast<char>(flipped[at] ^ (data[2] | 1));
    for (const std::string& r : {flipped, rec.substr(0, at)}) {
      for (bool text : {false, true}) {
        DisplayData x, y;
        decode_stored_data(r, &x, text);
        decode_stored_data(r, &y, text);
        if (x.title != y.title || x.body != y.body || x.date != y.date) __builtin_trap();
      }
    }
  }
  return 0;
}
