// search/hit_data.h: a hit's display fields from the stored document data.
#ifndef NEWSINDEX_SEARCH_HIT_DATA_H_
#define NEWSINDEX_SEARCH_HIT_DATA_H_

#include <string>
#include <string_view>

#include <xapian.h>

#include "newsindex/searcher.h"

namespace newsindex::internal {

// Fills id, title, date, source, outlet, category and url of `hit` from the
// document data (index/stored_data.h) and, with `want_text`, returns the
// text snippets are made from (the body stored in the data, as schemas 1
// and 3 do, or the lead, or the title). Damaged data gives empty fields,
// never an error.
std::string fill_hit(std::string_view data, Hit& hit, bool want_text = true);

// The same from a matched document: the text is the body at the end of its
// data record (schema 3) or in its slot (schema::kSlotText, schema 2), read
// only with `want_text`, else as above. A damaged body falls back to the
// lead or title.
std::string fill_hit(const Xapian::Document& doc, Hit& hit, bool want_text);

// The same with the document's data already read (`data` is
// doc.get_data(), which Xapian reads again at every call).
std::string fill_hit(const Xapian::Document& doc, std::string_view data, Hit& hit, bool want_text);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_HIT_DATA_H_
