// Table tests for Dutch/Flemish, ISO 8601 and RFC 2822 date parsing and the
// CET/CEST offsets of Europe/Brussels.
#include "readers/dutch_date.h"

#include <gtest/gtest.h>

#include <string>

#include "util/calendar.h"

namespace newsindex::internal {
namespace {

// Parses `text` as Brussels local time and prints the result as ISO 8601 with
// its offset, "-" when it does not parse.
std::string brussels(const std::string& text) {
  const auto parts = parse_date_time(text);
  if (!parts) return "-";
  Article a;
  apply_date_time(*parts, ZoneRule::kCentralEurope, "Europe/Brussels", a);
  return format_iso8601(a.timestamp, a.utc_offset_minutes, a.has_time);
}

struct DateCase {
  const char* text;
  const char* expected;
};

TEST(DutchDate, ParsesTheSpellingsArchivesUse) {
  const DateCase cases[] = {
      // Dutch and Flemish dates.
      {"12 februari 2020", "2020-02-12"},
      {"12 feb. 2020", "2020-02-12"},
      {"12 Feb 2020", "2020-02-12"},
      {"dinsdag 3 maart 2020", "2020-03-03"},
      {"Dinsdag, 3 maart 2020", "2020-03-03"},
      {"di 3 mrt. 2020", "2020-03-03"},
      {"3/3/2020", "2020-03-03"},
      {"13/2/2020", "2020-02-13"},
      {"03-02-2020", "2020-02-03"},
      {"3.2.2020", "2020-02-03"},
      {"  1 okt 2019  ", "2019-10-01"},
      {"31 december 1999", "1999-12-31"},
      {"29 februari 2020", "2020-02-29"},
      // With a time of day (Brussels: +01:00 in winter, +02:00 in summer).
      {"12 februari 2020 13u48", "2020-02-12T13:48:00+01:00"},
      {"12 februari 2020, 13.48 uur", "2020-02-12T13:48:00+01:00"},
      {"12 februari 2020 om 13:48", "2020-02-12T13:48:00+01:00"},
      {"3/7/2020 13u", "2020-07-03T13:00:00+02:00"},
      {"woensdag 1 juli 2020 - 8h05", "2020-07-01T08:05:00+02:00"},
      // ISO 8601.
      {"2020-02-12", "2020-02-12"},
      {"2020-02-12T13:48", "2020-02-12T13:48:00+01:00"},
      {"2020-02-12 13:48:05", "2020-02-12T13:48:05+01:00"},
      {"2020-02-12T13:48:00+01:00", "2020-02-12T13:48:00+01:00"},
      {"2020-02-12T12:48:00Z", "2020-02-12T12:48:00+00:00"},
      {"2019-04-08T01:02:32+00:00", "2019-04-08T01:02:32+00:00"},
      {"2020-02-12T13:48:00.123+0100", "2020-02-12T13:48:00+01:00"},
      {"2020-06-01T10:00:00-04:00", "2020-06-01T10:00:00-04:00"},
      // NewsML compact forms.
      {"20181210T093549+0100", "2018-12-10T09:35:49+01:00"},
      {"20190129T124550", "2019-01-29T12:45:50+01:00"},
      {"20210315", "2021-03-15"},
      // RFC 2822.
      {"Wed, 12 Feb 2020 13:48:00 +0100", "2020-02-12T13:48:00+01:00"},
      {"Wed, 12 Feb 2020 12:48:00 GMT", "2020-02-12T12:48:00+00:00"},
      {"12 Feb 2020 13:48 CET", "2020-02-12T13:48:00+01:00"},
      {"Mon, 1 Jul 2019 09:00:00 CEST", "2019-07-01T09:00:00+02:00"},
      // Not dates.
      {"", "-"},
      {"13u48", "-"},
      {"februari 2020", "-"},
      {"31 februari 2020", "-"},
      {"12 brumaire 2020", "-"},
      {"2020-13-01", "-"},
      {"12 februari 2020 gisteren", "-"},
      {"2020-02-12T25:00", "-"},
      {"12/02/20", "-"},
      {"Bron: Belga 1 De NAVO wil", "-"},
      {"maandag", "-"},
  };
  for (const DateCase& c : cases)
    EXPECT_EQ(brussels(c.text), c.expected) << "input: '" << c.text << "'";
}

struct TimeCase {
  const char* text;
  int hour, minute, second;  // -1: does not parse
};

TEST(DutchDate, ParsesTimesOfDay) {
  const TimeCase cases[] = {
      {"13u48", 13, 48, 0},
      {"13u", 13, 0, 0},
      {"9u05", 9, 5, 0},
      {"13h48", 13, 48, 0},
      {"13.48 uur", 13, 48, 0},
      {"13.48u", 13, 48, 0},
      {"13:48", 13, 48, 0},
      {"13:48:05", 13, 48, 5},
      {"13 uur", 13, 0, 0},
      {" 7:05 ", 7, 5, 0},
      {"00:00", 0, 0, 0},
      {"24u01", -1, 0, 0},
      {"13u99", -1, 0, 0},
      {"13", -1, 0, 0},
      {"13.4", -1, 0, 0},
      {"uur", -1, 0, 0},
      {"13u48 gisteren", -1, 0, 0},
      {"12 februari 2020", -1, 0, 0},
  };
  for (const TimeCase& c : cases) {
    const auto t = parse_time_of_day(c.text);
    if (c.hour < 0) {
      EXPECT_FALSE(t.has_value()) << "input: '" << c.text << "'";
      continue;
    }
    ASSERT_TRUE(t.has_value()) << "input: '" << c.text << "'";
    EXPECT_EQ(t->hour, c.hour) << c.text;
    EXPECT_EQ(t->minute, c.minute) << c.text;
    EXPECT_EQ(t->second, c.second) << c.text;
  }
}

TEST(DutchDate, LooksLikeDateOrTime) {
  EXPECT_TRUE(looks_like_date("31 februari 2020"));
  EXPECT_TRUE(looks_like_date("12 brumaire 2020 13u48 4/4"));
  EXPECT_TRUE(looks_like_date("32/13/2020"));
  EXPECT_FALSE(looks_like_date("In 2020 ging het mis"));
  EXPECT_FALSE(looks_like_date("mei"));
  EXPECT_FALSE(looks_like_date("Bron: Belga 1 De NAVO wil op 12 februari 2020 meer doen."));
  EXPECT_TRUE(looks_like_time("25u70"));
  EXPECT_TRUE(looks_like_time("13.61 uur"));
  EXPECT_FALSE(looks_like_time("2020 was"));
  EXPECT_FALSE(looks_like_time("3 doden"));
  EXPECT_FALSE(looks_like_time("Om 13u"));
}

TEST(DutchDate, SeedArticleTimeIs1248Utc) {
  const auto parts = parse_date_time("12 februari 2020 13u48");
  ASSERT_TRUE(parts.has_value());
  Article a;
  apply_date_time(*parts, ZoneRule::kCentralEurope, "Europe/Brussels", a);
  // 2020-02-12T12:48:00Z.
  EXPECT_EQ(a.timestamp, 1581511680);
  EXPECT_TRUE(a.has_time);
  EXPECT_EQ(a.utc_offset_minutes, 60);
  EXPECT_EQ(a.time_zone, "Europe/Brussels");
}

TEST(DutchDate, DateOnlyIsLocalMidnight) {
  const auto parts = parse_date_time("2019-07-01");
  ASSERT_TRUE(parts.has_value());
  Article a;
  apply_date_time(*parts, ZoneRule::kCentralEurope, "Europe/Brussels", a);
  EXPECT_FALSE(a.has_time);
  EXPECT_EQ(a.utc_offset_minutes, 120);
  EXPECT_EQ(a.timestamp, days_from_civil(2019, 7, 1) * 86400 - 7200);
  // UTC as the default zone: no shift.
  Article u;
  apply_date_time(*parts, ZoneRule::kUtc, "UTC", u);
  EXPECT_EQ(u.timestamp, days_from_civil(2019, 7, 1) * 86400);
  EXPECT_EQ(u.time_zone, "UTC");
}

TEST(DutchDate, BrusselsDaylightSavingBoundaries) {
  // Each row: local wall-clock text → expected offset.
  const DateCase cases[] = {
      // 2020: CEST from 29 March 01:00 UTC to 25 October 01:00 UTC.
      {"2020-03-29T01:59", "2020-03-29T01:59:00+01:00"},
      {"2020-03-29T03:00", "2020-03-29T03:00:00+02:00"},
      {"2020-10-25T01:59", "2020-10-25T01:59:00+02:00"},
      // 02:30 happens twice on 25 October; the first (summer) one is taken.
      {"2020-10-25T02:30", "2020-10-25T02:30:00+02:00"},
      {"2020-10-25T03:00", "2020-10-25T03:00:00+01:00"},
      {"2021-03-28T12:00", "2021-03-28T12:00:00+02:00"},
      {"2021-03-27T12:00", "2021-03-27T12:00:00+01:00"},
      {"2021-10-31T12:00", "2021-10-31T12:00:00+01:00"},
      {"2021-10-30T12:00", "2021-10-30T12:00:00+02:00"},
      // Before 1996 summer time ended in September.
      {"1995-10-01T12:00", "1995-10-01T12:00:00+01:00"},
      {"1996-10-01T12:00", "1996-10-01T12:00:00+02:00"},
  };
  for (const DateCase& c : cases)
    EXPECT_EQ(brussels(c.text), c.expected) << "input: '" << c.text << "'";
  // The spring gap: 02:30 on 29 March 2020 does not exist locally; it is read
  // as winter time, i.e. the instant shown as 03:30 CEST.
  const auto gap = parse_date_time("2020-03-29T02:30");
  ASSERT_TRUE(gap.has_value());
  Article a;
  apply_date_time(*gap, ZoneRule::kCentralEurope, "Europe/Brussels", a);
  EXPECT_EQ(a.utc_offset_minutes, 60);
  EXPECT_EQ(brussels_offset_at_utc(a.timestamp), 120);
}

TEST(DutchDate, OffsetAtUtcInstants) {
  const std::int64_t start_2020 = days_from_civil(2020, 3, 29) * 86400 + 3600;
  EXPECT_EQ(brussels_offset_at_utc(start_2020 - 1), 60);
  EXPECT_EQ(brussels_offset_at_utc(start_2020), 120);
  const std::int64_t end_2020 = days_from_civil(2020, 10, 25) * 86400 + 3600;
  EXPECT_EQ(brussels_offset_at_utc(end_2020 - 1), 120);
  EXPECT_EQ(brussels_offset_at_utc(end_2020), 60);
  EXPECT_EQ(brussels_offset_at_utc(0), 60);  // 1970: no summer time
}

TEST(DutchDate, ZoneNames) {
  EXPECT_EQ(zone_rule_from_name("Europe/Brussels"), ZoneRule::kCentralEurope);
  EXPECT_EQ(zone_rule_from_name("europe/amsterdam"), ZoneRule::kCentralEurope);
  EXPECT_EQ(zone_rule_from_name("UTC"), ZoneRule::kUtc);
  EXPECT_FALSE(zone_rule_from_name("America/New_York").has_value());
}

TEST(DutchDate, ValidCivil) {
  EXPECT_TRUE(is_valid_civil(2000, 2, 29));
  EXPECT_FALSE(is_valid_civil(1900, 2, 29));
  EXPECT_FALSE(is_valid_civil(999, 1, 1));
  EXPECT_FALSE(is_valid_civil(2020, 13, 1));
}

}  // namespace
}  // namespace newsindex::internal
