// Option helpers shared by the subcommands (tools/cli_common.h). The tool
// sources are not a library, so the one source file is compiled in here.
#include "cli_common.h"

#include <gtest/gtest.h>

namespace newsindex::tools {
namespace {

TEST(CliCommon, ParseDuration) {
  struct Case {
    const char* text;
    bool ok;
    double seconds;
  };
  const Case kCases[] = {
      {"7d", true, 7 * 86400.0},
      {"12h", true, 43200},
      {"30m", true, 1800},
      {"45s", true, 45},
      {"2w", true, 14 * 86400.0},
      {"3600", true, 3600},
      {"1.5h", true, 5400},
      {"", false, 0},
      {"d", false, 0},
      {"7x", false, 0},
      {"-7d", false, 0},
      {"0d", false, 0},
  };
  for (const Case& c : kCases) {
    double s = -1;
    EXPECT_EQ(parse_duration(c.text, s), c.ok) << c.text;
    if (c.ok) {
      EXPECT_DOUBLE_EQ(s, c.seconds) << c.text;
    }
  }
}

TEST(CliCommon, ParseDate) {
  struct Case {
    const char* text;
    bool end;
    bool ok;
    std::int64_t seconds;
  };
  const Case kCases[] = {
      {"2020-02-12", false, true, 1581465600},
      {"2020-02-12", true, true, 1581551999},
      {"2020-02", false, true, 1580515200},
      {"2020-02", true, true, 1583020799},
      {"2020", true, true, 1609459199},
      {"2020-02-12T13:48", false, true, 1581515280},
      {"2020-02-12T13:48", true, true, 1581515339},
      {"2020-02-12T13:48:00+01:00", false, true, 1581511680},
      {"2020-02-12T13:48:00Z", false, true, 1581515280},
      {"2020-02-30", false, false, 0},
      {"2020-13-01", false, false, 0},
      {"12-02-2020", false, false, 0},
      {"yesterday", false, false, 0},
      {"2020-02-12T25:00", false, false, 0},
  };
  for (const Case& c : kCases) {
    std::int64_t s = 0;
    EXPECT_EQ(parse_date(c.text, c.end, s), c.ok) << c.text;
    if (c.ok) {
      EXPECT_EQ(s, c.seconds) << c.text;
    }
  }
}

TEST(CliCommon, SplitListAndJson) {
  EXPECT_EQ(split_list("source, outlet,,year "),
            (std::vector<std::string>{"source", "outlet", "year"}));
  EXPECT_TRUE(split_list("").empty());
  EXPECT_EQ(dump_json(nlohmann::json{{"a", std::string("x\xff")}}), "{\"a\":\"x\xEF\xBF\xBD\"}");
}

}  // namespace
}  // namespace newsindex::tools
