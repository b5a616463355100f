// datum: values and timestamps -> ranges on the date slot.
#include "search/date_filter.h"

#include <gtest/gtest.h>

#include "util/calendar.h"

namespace newsindex::internal {
namespace {

TEST(DateFilter, Table) {
  struct Case {
    const char* spec;
    bool ok;
    const char* lo;
    const char* hi;
  };
  const Case kCases[] = {
      {"2020-02-12", true, "20200212000000", "20200212235959"},
      {"2020-02", true, "20200201000000", "20200229235959"},
      {"2019-02", true, "20190201000000", "20190228235959"},
      {"2020", true, "20200101000000", "20201231235959"},
      {"2020-2-3", true, "20200203000000", "20200203235959"},
      {"2020-02..2020-03", true, "20200201000000", "20200331235959"},
      {"2020-02-12..", true, "20200212000000", ""},
      {"..2019", true, "", "20191231235959"},
      {"2020-03..2020-02", false, "", ""},
      {"..", false, "", ""},
      {"2020-13", false, "", ""},
      {"2019-02-29", false, "", ""},
      {"2020-02-30", false, "", ""},
      {"gisteren", false, "", ""},
      {"20", false, "", ""},
      {"2020-02-12x", false, "", ""},
      {"", false, "", ""},
  };
  for (const Case& c : kCases) {
    DateRange r;
    EXPECT_EQ(parse_date_range(c.spec, r), c.ok) << c.spec;
    if (c.ok) {
      EXPECT_EQ(r.lo, c.lo) << c.spec;
      EXPECT_EQ(r.hi, c.hi) << c.spec;
    }
  }
}

// The filter's bounds and the writer's slot come from one encoder: a range
// for a day contains the slot of every second of that day and no other.
TEST(DateFilter, DayRangeHoldsExactlyTheWritersSlotsOfThatDay) {
  DateRange r;
  ASSERT_TRUE(parse_date_range("2020-02-12", r));
  const std::int64_t day = days_from_civil(2020, 2, 12) * 86400;
  EXPECT_LT(date_slot(day - 1), r.lo);
  EXPECT_EQ(date_slot(day), r.lo);
  EXPECT_EQ(date_slot(day + 86399), r.hi);
  EXPECT_GT(date_slot(day + 86400), r.hi);
}

}  // namespace
}  // namespace newsindex::internal
