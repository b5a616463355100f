// The library's calendar (util/calendar.h): civil-time maths, the date
// slot's "YYYYMMDDhhmmss" encoding and ISO 8601, as tables.
#include "util/calendar.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>

#include "newsindex/article.h"

namespace newsindex::internal {
namespace {

TEST(Calendar, DaysFromCivilAndBack) {
  const struct {
    std::int64_t year;
    int month, day;
    std::int64_t days;
  } cases[] = {
      {1970, 1, 1, 0},       {1969, 12, 31, -1},    {2000, 2, 29, 11016},
      {2000, 3, 1, 11017},   {1900, 3, 1, -25508},  {2020, 2, 12, 18304},
      {1, 1, 1, -719162},    {9999, 12, 31, 2932896},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(days_from_civil(c.year, c.month, c.day), c.days) << c.year << "-" << c.month;
    const CivilTime t = civil_from_days(c.days);
    EXPECT_EQ(t.year, c.year) << c.days;
    EXPECT_EQ(t.month, c.month) << c.days;
    EXPECT_EQ(t.day, c.day) << c.days;
  }
}

TEST(Calendar, MonthLengthsAndLeapYears) {
  EXPECT_EQ(days_in_month(2020, 2), 29);
  EXPECT_EQ(days_in_month(2019, 2), 28);
  EXPECT_EQ(days_in_month(1900, 2), 28);  // century, not a leap year
  EXPECT_EQ(days_in_month(2000, 2), 29);  // 400th year is
  EXPECT_EQ(days_in_month(2020, 4), 30);
  EXPECT_EQ(days_in_month(2020, 12), 31);
}

TEST(Calendar, FloorDiv) {
  EXPECT_EQ(floor_div(7, 2), 3);
  EXPECT_EQ(floor_div(-7, 2), -4);
  EXPECT_EQ(floor_div(-1, 86400), -1);
  EXPECT_EQ(floor_div(-86400, 86400), -1);
  EXPECT_EQ(floor_div(0, 86400), 0);
}

TEST(Calendar, DateSlotTable) {
  const struct {
    std::int64_t seconds;
    const char* slot;
  } cases[] = {
      {0, "19700101000000"},
      {-1, "19691231235959"},
      {1581511680, "20200212124800"},
      {951782400, "20000229000000"},
      {-62135596800LL, "00010101000000"},
      {253402300799LL, "99991231235959"},
  };
  for (const auto& c : cases) EXPECT_EQ(date_slot(c.seconds), c.slot) << c.seconds;
  EXPECT_EQ(date_slot(CivilTime{2020, 2, 29, 23, 59, 59}), "20200229235959");
  EXPECT_EQ(day_key(1581511680), "20200212");
}

// Slot order is time order, across day, month, year and epoch boundaries.
TEST(Calendar, DateSlotSortsAsTime) {
  const std::int64_t kInstants[] = {-62135596800LL, -86401, -1,         0,
                                    59,             86399,  951782399,  951782400,
                                    1581511680,     1609459199, 1609459200, 253402300799LL};
  for (std::size_t i = 1; i < std::size(kInstants); ++i)
    EXPECT_LT(date_slot(kInstants[i - 1]), date_slot(kInstants[i])) << kInstants[i];
}

TEST(Calendar, Iso8601Table) {
  const struct {
    std::int64_t timestamp;
    int offset;
    bool has_time;
    const char* iso;
  } cases[] = {
      {1581511680, 60, true, "2020-02-12T13:48:00+01:00"},
      {1581511680, 60, false, "2020-02-12"},
      {1581550200, 60, false, "2020-02-13"},   // 23:30 UTC is the next local day
      {1581511680, -330, true, "2020-02-12T07:18:00-05:30"},
      {-1, 0, true, "1969-12-31T23:59:59+00:00"},
      {kNoTimestamp, 0, true, ""},
  };
  for (const auto& c : cases)
    EXPECT_EQ(format_iso8601(c.timestamp, c.offset, c.has_time), c.iso) << c.timestamp;
}

// The digit-by-digit path writes what printf's %04lld / %02d write, and years
// outside 0..9999 or offsets of 100 hours and more still come out as printf's.
TEST(Calendar, Iso8601SameAsPrintf) {
  auto printf_iso = [](std::int64_t ts, int offset, bool has_time) {
    const CivilTime t = civil_from_seconds(ts + std::int64_t{offset} * 60);
    char buf[64];
    const int off = offset < 0 ? -offset : offset;
    if (!has_time) {
      std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(t.year), t.month,
                    t.day);
    } else {
      std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
                    static_cast<long long>(t.year), t.month, t.day, t.hour, t.minute, t.second,
                    offset < 0 ? '-' : '+', off / 60, off % 60);
    }
    return std::string(buf);
  };
  const std::int64_t instants[] = {-62167219200LL - 86400 * 400,  // year -1
                                   -62167219200LL,                // 0000-01-01
                                   -62135596800LL, -1, 0, 59, 951782399, 1581511680,
                                   253402300799LL,   // 9999-12-31T23:59:59
                                   253402300800LL};  // 10000-01-01
  const int offsets[] = {0, 60, -330, 840, -720, 99 * 60 + 59, -100 * 60, 6000 * 60};
  for (std::int64_t ts : instants) {
    for (int offset : offsets) {
      for (bool has_time : {false, true}) {
        EXPECT_EQ(format_iso8601(ts, offset, has_time), printf_iso(ts, offset, has_time))
            << ts << " " << offset << " " << has_time;
      }
    }
  }
  std::mt19937_64 rng(12);
  for (int i = 0; i < 2000; ++i) {
    const std::int64_t ts = static_cast<std::int64_t>(rng() % 4000000000ULL) - 1000000000LL;
    const int offset = static_cast<int>(rng() % 1681) - 840;
    EXPECT_EQ(format_iso8601(ts, offset, true), printf_iso(ts, offset, true)) << ts << " " << offset;
  }
}

}  // namespace
}  // namespace newsindex::internal
