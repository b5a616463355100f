// readers/normalize.h: the spelling of field values that several sources
// write differently, applied by finish_article (record_reader.h) to the
// article of every reader, so that `bron:Belga` finds a NewsML item from
// "belga.be" and a CSV row whose source column says "BELGA" alike.
#ifndef NEWSINDEX_READERS_NORMALIZE_H_
#define NEWSINDEX_READERS_NORMALIZE_H_

#include <string>
#include <string_view>

namespace newsindex::internal {

// "BELGA", "belga.be", "www.belga.be" → "Belga"; "ANP/BELGA" → "ANP/Belga";
// "Algemeen Nederlands Persbureau" → "ANP"; unknown names are kept as given
// (trimmed).
std::string agency_name(std::string_view raw);

// True when every part of `raw` is an agency agency_name() knows.
bool is_known_agency(std::string_view raw);

// "nl-nl" → "nl-NL", "NL" → "nl", "nl_BE" → "nl-BE" (BCP 47 casing).
std::string normalize_language(std::string_view raw);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_READERS_NORMALIZE_H_
