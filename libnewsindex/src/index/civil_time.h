// index/civil_time.h: seconds since the epoch <-> proleptic Gregorian UTC
// calendar fields, without the C library's time_t range or time-zone state.
#ifndef NEWSINDEX_INDEX_CIVIL_TIME_H_
#define NEWSINDEX_INDEX_CIVIL_TIME_H_

#include <cstdint>

namespace newsindex::internal {

struct CivilTime {
  std::int64_t year = 1970;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

// Howard Hinnant's civil_from_days, exact for any int64 day count we meet.
inline CivilTime civil_from_seconds(std::int64_t s) {
  std::int64_t days = s / 86400;
  std::int64_t rem = s % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  CivilTime t;
  t.hour = static_cast<int>(rem / 3600);
  t.minute = static_cast<int>(rem % 3600 / 60);
  t.second = static_cast<int>(rem % 60);
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = yoe + era * 400 + (t.month <= 2 ? 1 : 0);
  return t;
}

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_CIVIL_TIME_H_
