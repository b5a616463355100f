// util/calendar.h: the one calendar of the library. Proleptic Gregorian
// civil-time maths without the C library's time_t range or time-zone state,
// the date slot's "YYYYMMDDhhmmss" encoding (UTC) that the writer stores and
// the query filter compares against, and ISO 8601 formatting.
//
// The readers turn dates into (timestamp, UTC offset); the document builder
// encodes the slot and the D/M/Y terms from them; search/date_filter turns
// `datum:` specs into slot ranges: all three through these functions, so the
// writer and the filter cannot spell the same instant two ways.
#ifndef NEWSINDEX_UTIL_CALENDAR_H_
#define NEWSINDEX_UTIL_CALENDAR_H_

#include <cstdint>
#include <string>

namespace newsindex::internal {

struct CivilTime {
  std::int64_t year = 1970;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

bool is_leap_year(std::int64_t year);
// REQUIRES: 1 <= month <= 12.
int days_in_month(std::int64_t year, int month);

// a / b rounded towards minus infinity. REQUIRES: b > 0.
std::int64_t floor_div(std::int64_t a, std::int64_t b);

// Days since 1970-01-01 of a date, and back (Howard Hinnant's algorithms).
std::int64_t days_from_civil(std::int64_t year, int month, int day);
CivilTime civil_from_days(std::int64_t days);

// Seconds since the epoch -> calendar fields of that instant in UTC. Pass
// `timestamp + 60 * utc_offset_minutes` for the local calendar.
CivilTime civil_from_seconds(std::int64_t seconds);

// The date slot's encoding: "YYYYMMDDhhmmss", 14 digits for years 0..9999,
// so that string order is time order. From an instant (UTC) or from fields.
std::string date_slot(std::int64_t utc_seconds);
std::string date_slot(const CivilTime& t);

// "YYYYMMDD" of the calendar date at `local_seconds` (the D term; its first 6
// and 4 digits are the M and Y terms).
std::string day_key(std::int64_t local_seconds);

// "2020-02-12T13:48:00+01:00", or "2020-02-12" when !has_time, of the local
// time `timestamp + 60 * utc_offset_minutes`; "" for kNoTimestamp.
std::string format_iso8601(std::int64_t timestamp, int utc_offset_minutes, bool has_time);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_UTIL_CALENDAR_H_
