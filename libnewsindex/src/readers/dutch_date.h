// readers/dutch_date.h: dates and times as Dutch and Flemish archives write
// them, plus ISO 8601 and RFC 2822, and the Europe/Brussels UTC offset.
//
// Accepted (case-insensitive, surrounding spaces ignored):
//   12 februari 2020 · 12 feb. 2020 · dinsdag 3 maart 2020 · di 3 mrt 2020
//   3/3/2020 · 3-3-2020 · 3.3.2020 (day first) · any of these + a time
//   2020-02-12 · 2020-02-12T13:48[:00[.000]][Z|+01:00|+0100] · 2020-02-12 13:48
//   20200212 · 20200212T134800[+0100] (NewsML)
//   Wed, 12 Feb 2020 13:48:00 +0100 (RFC 2822; also GMT, UT, CET, CEST)
// Times: 13u48 · 13u · 13h48 · 13.48 uur · 13.48u · 13:48 · 13:48:05 · 13 uur
//
// Local times without an offset follow the EU daylight-saving rule (CEST from
// the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC;
// September before 1996; no DST before 1981), which is what Brussels and
// Amsterdam have used since then. No time zone database is needed.
#ifndef NEWSINDEX_READERS_DUTCH_DATE_H_
#define NEWSINDEX_READERS_DUTCH_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "newsindex/article.h"

namespace newsindex::internal {

struct TimeOfDay {
  int hour = 0;
  int minute = 0;
  int second = 0;
};

// A parsed date, with the time and UTC offset when the text gave them.
struct DateTimeParts {
  int year = 0;
  int month = 0;
  int day = 0;
  bool has_time = false;
  TimeOfDay time;
  bool has_offset = false;
  int offset_minutes = 0;  // east of UTC; valid when has_offset
  bool utc = false;        // written as Z, UTC, GMT or UT
};

// Parses a whole string holding a date (and maybe a time and zone).
std::optional<DateTimeParts> parse_date_time(std::string_view text);

// Parses a whole string holding only a time of day ("13u48", "13.48 uur").
std::optional<TimeOfDay> parse_time_of_day(std::string_view text);

// Heuristics for lines that were meant as a date or a time but do not parse
// ("31 februari 2020", "25u70"), so that they can be reported instead of
// being taken for body text: a short text with a digit and a month name or a
// d/m/y-like pattern; a short text starting with digits followed by u, h, :
// or a dot.
bool looks_like_date(std::string_view text);
bool looks_like_time(std::string_view text);

// How local times without an offset are interpreted.
enum class ZoneRule { kCentralEurope, kUtc };

// Resolves ReaderOptions::default_time_zone: Europe/Brussels, Europe/Amsterdam
// (and the other CET/CEST capitals), CET → kCentralEurope; UTC, Etc/UTC, GMT →
// kUtc; anything else → nullopt.
std::optional<ZoneRule> zone_rule_from_name(std::string_view name);

// A date the readers accept: years 1000..9999 (util/calendar.h has the maths).
bool is_valid_civil(int year, int month, int day);

// The Brussels offset (+60 or +120 minutes) at a UTC instant, and for a local
// wall-clock time (seconds since the epoch as if local were UTC); a time in
// the autumn overlap takes the summer offset.
int brussels_offset_at_utc(std::int64_t utc_seconds);
int brussels_offset_for_local(std::int64_t local_seconds);

// Fills article.timestamp, has_time, utc_offset_minutes and time_zone. A date
// without a time stands for local midnight; either way the local calendar
// date is timestamp + 60 * utc_offset_minutes.
void apply_date_time(const DateTimeParts& parts, ZoneRule rule, std::string_view zone_name,
                     Article& article);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_READERS_DUTCH_DATE_H_
