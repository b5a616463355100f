// Status and Result<T>: the error values of the public API.
#include "newsindex/status.h"

#include <gtest/gtest.h>

#include <memory>

namespace newsindex {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_EQ(s.to_string(), "ok");
}

TEST(StatusTest, ToStringNamesCodeAndMessage) {
  struct Case {
    Status status;
    const char* expected;
  };
  const Case cases[] = {
      {Status::locked("/srv/db: held by pid 12"), "locked: /srv/db: held by pid 12"},
      {Status::not_found("x.jsonl"), "not found: x.jsonl"},
      {Status::parse_error("q: unclosed quote"), "parse error: q: unclosed quote"},
      {Status::analysis_mismatch("db built with fold=0"),
       "analysis mismatch: db built with fold=0"},
      {Status::corruption(""), "corruption"},
  };
  for (const auto& c : cases) {
    EXPECT_FALSE(c.status.ok());
    EXPECT_EQ(c.status.to_string(), c.expected);
  }
}

TEST(ResultTest, HoldsValueOrStatus) {
  Result<int> good = 42;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 42);
  EXPECT_TRUE(good.status().ok());

  Result<int> bad = Status::invalid_argument("--limit must be positive");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "--limit must be positive");
}

TEST(ResultTest, MovesOutUniquePointers) {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(7);
  ASSERT_TRUE(r.ok());
  std::unique_ptr<int> p = std::move(r).value();
  EXPECT_EQ(*p, 7);
}

}  // namespace
}  // namespace newsindex
