// Fuzz target: the stored-data decoder (index/stored_data.h, through
// search/hit_data.h), which reads a hit's fields from a document's JSON data
// and its body slot without a JSON parser. The bytes up to the first 0xFF are the data, the rest the slot.
// Invariants: no crash; decoding is deterministic; no field it fills is
// longer than the data it came from.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "index/schema.h"
#include "search/hit_data.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = all.find('\xff');
  const std::string_view json = all.substr(0, cut);
  const std::string_view slot = cut == std::string_view::npos ? std::string_view{} : all.substr(cut + 1);
  newsindex::Hit a, b;
  const std::string text_a = newsindex::internal::fill_hit(json, a);
  const std::string text_b = newsindex::internal::fill_hit(json, b);
  if (text_a != text_b || a.id != b.id || a.title != b.title || a.url != b.url) __builtin_trap();
  for (const std::string* s : {&a.id, &a.title, &a.source, &a.outlet, &a.category, &a.url}) {
    if (s->size() > json.size()) __builtin_trap();
  }
  Xapian::Document doc;
  doc.set_data(std::string(json));
  if (cut != std::string_view::npos) {
    doc.add_value(newsindex::schema::kSlotText, std::string(slot));
  }
  newsindex::Hit c;
  newsindex::internal::fill_hit(doc, c, true);
  newsindex::Hit d;
  newsindex::internal::fill_hit(doc, d, false);
  return 0;
}
