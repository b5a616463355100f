// readers/newsml_reader.h: NewsML 1.2 items (Belga, ANP) and NITF documents.
//
// The file is read through libxml2's streaming reader; each NewsItem (or a
// bare <nitf> document) is expanded into a small tree on its own. An item
// larger than the record limit never reaches libxml2 (xml_item_filter.h), so
// memory stays bounded by the limit. The XML encoding declaration is
// honoured (Belga sends ISO-8859-15).
#ifndef NEWSINDEX_READERS_NEWSML_READER_H_
#define NEWSINDEX_READERS_NEWSML_READER_H_

#include <string>
#include <string_view>

namespace newsindex::internal {

// Removes markup that agencies escape into text ("Steven &lt;b&gt;Van
// Geel&lt;/b&gt;" arrives as "Steven <b>Van Geel</b>") and collapses runs of
// spaces and tabs.
std::string clean_wire_text(std::string_view text);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_READERS_NEWSML_READER_H_
