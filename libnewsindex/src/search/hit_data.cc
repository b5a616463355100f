// Stored data -> Hit fields, through the stored-data decoder
// (index/stored_data.h) and the stored body (index/stored_text.h).
#include "search/hit_data.h"

#include "index/schema.h"
#include "index/stored_data.h"
#include "index/stored_text.h"

namespace newsindex::internal {
namespace {

// Moves the displayed fields into the hit; with `want_text` returns the
// text snippets are cut from: the body, else the lead, else the title.
std::string finish(DisplayData& d, Hit& hit, bool want_text) {
  hit.id = std::move(d.id);
  hit.title = std::move(d.title);
  hit.date = std::move(d.date);
  hit.source = std::move(d.source);
  hit.outlet = std::move(d.outlet);
  hit.category = std::move(d.category);
  hit.url = std::move(d.url);
  if (!want_text) return "";
  if (!d.body.empty()) return std::move(d.body);
  if (!d.lead.empty()) return std::move(d.lead);
  return hit.title;
}

}  // namespace

std::string fill_hit(std::string_view data, Hit& hit, bool want_text) {
  DisplayData d;
  (void)decode_stored_data(data, &d, want_text);
  return finish(d, hit, want_text);
}

std::string fill_hit(const Xapian::Document& doc, Hit& hit, bool want_text) {
  return fill_hit(doc, doc.get_data(), hit, want_text);
}

std::string fill_hit(const Xapian::Document& doc, std::string_view data, Hit& hit, bool want_text) {
  DisplayData d;
  const bool whole = decode_stored_data(data, &d, want_text);
  if (want_text && !whole && d.body.empty()) {
    decode_stored_text(doc.get_value(schema::kSlotText), &d.body);  // schema 2
  }
  return finish(d, hit, want_text);
}

}  // namespace newsindex::internal
