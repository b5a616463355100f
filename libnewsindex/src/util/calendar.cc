// The library's calendar (see calendar.h).
#include "util/calendar.h"

#include <cstdio>

#include "newsindex/article.h"

namespace newsindex::internal {

bool is_leap_year(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(std::int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && (a < 0));
}

std::int64_t days_from_civil(std::int64_t year, int month, int day) {
  const std::int64_t y = year - (month <= 2);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = month > 2 ? month - 3 : month + 9;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilTime civil_from_days(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  CivilTime t;
  t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = yoe + era * 400 + (t.month <= 2 ? 1 : 0);
  return t;
}

CivilTime civil_from_seconds(std::int64_t seconds) {
  const std::int64_t days = floor_div(seconds, 86400);
  const std::int64_t rem = seconds - days * 86400;
  CivilTime t = civil_from_days(days);
  t.hour = static_cast<int>(rem / 3600);
  t.minute = static_cast<int>(rem % 3600 / 60);
  t.second = static_cast<int>(rem % 60);
  return t;
}

std::string date_slot(const CivilTime& t) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04lld%02d%02d%02d%02d%02d", static_cast<long long>(t.year),
                t.month, t.day, t.hour, t.minute, t.second);
  return buf;
}

std::string date_slot(std::int64_t utc_seconds) {
  return date_slot(civil_from_seconds(utc_seconds));
}

std::string day_key(std::int64_t local_seconds) {
  return date_slot(local_seconds).substr(0, 8);
}

namespace {

// Two decimal digits of `v` (0..99) at p.
void put2(char* p, int v) {
  p[0] = static_cast<char>('0' + v / 10);
  p[1] = static_cast<char>('0' + v % 10);
}

}  // namespace

std::string format_iso8601(std::int64_t timestamp, int utc_offset_minutes, bool has_time) {
  if (timestamp == kNoTimestamp) return {};
  const CivilTime t = civil_from_seconds(timestamp + std::int64_t{utc_offset_minutes} * 60);
  // Digit by digit where the result has a fixed width (every hit shown
  // formats its date: snprintf was most of that), else as below.
  const int abs_offset = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  if (t.year >= 0 && t.year <= 9999 && abs_offset < 100 * 60) {
    char out[25];  // 2020-02-12T13:48:00+01:00
    const int year = static_cast<int>(t.year);
    put2(out, year / 100);
    put2(out + 2, year % 100);
    out[4] = '-';
    put2(out + 5, t.month);
    out[7] = '-';
    put2(out + 8, t.day);
    if (!has_time) return std::string(out, 10);
    out[10] = 'T';
    put2(out + 11, t.hour);
    out[13] = ':';
    put2(out + 14, t.minute);
    out[16] = ':';
    put2(out + 17, t.second);
    out[19] = utc_offset_minutes < 0 ? '-' : '+';
    put2(out + 20, abs_offset / 60);
    out[22] = ':';
    put2(out + 23, abs_offset % 60);
    return std::string(out, sizeof out);
  }
  char buf[64];
  if (!has_time) {
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(t.year), t.month,
                  t.day);
    return buf;
  }
  const int off = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
                static_cast<long long>(t.year), t.month, t.day, t.hour, t.minute, t.second,
                utc_offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

}  // namespace newsindex::internal
