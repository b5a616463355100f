// search/date_filter.h: `datum:` values and since/until as date-slot ranges.
//
// The date slot (schema::kSlotDate) holds "YYYYMMDDhhmmss" in UTC
// (util/calendar.h, date_slot), so a day, month or year becomes an inclusive
// string range on it.
#ifndef NEWSINDEX_SEARCH_DATE_FILTER_H_
#define NEWSINDEX_SEARCH_DATE_FILTER_H_

#include <string>
#include <string_view>

namespace newsindex::internal {

struct DateRange {
  std::string lo;  // "" = open
  std::string hi;  // "" = open
};

// "2020", "2020-02", "2020-02-12", and ranges "A..B", "A..", "..B" of those
// (B's whole day/month/year is included). False when `spec` is none of these.
bool parse_date_range(std::string_view spec, DateRange& out);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_DATE_FILTER_H_
