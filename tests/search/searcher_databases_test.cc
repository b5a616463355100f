// SearcherDatabases: the retry of an operation that meets a writer's commit
// (typed by xapian/errors.h, not found in a message), regrouping after a
// network error, and what other failures become; tcp:// spec parsing.
#include "search/searcher_databases.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "testing/test_paths.h"

namespace newsindex::internal {
namespace {

std::string make_db(const std::string& name) {
  const std::string path = testing::fresh_dir("searcher_databases_" + name).string();
  Xapian::WritableDatabase w(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::Document d;
  d.add_term("Qone");
  w.add_document(d);
  w.commit();
  return path;
}

// What `retrying` makes of an operation that throws `throws` the first
// `fails` times (or always, -1) and then returns ok.
struct RetryRow {
  const char* name;
  int fails;
  enum { kModified, kNetwork, kCorrupt, kStatus } throws;
  StatusCode code;
  int calls;  // how often the operation ran
};

TEST(SearcherDatabases, RetryingByExceptionType) {
  const std::string path = make_db("retry");
  const RetryRow rows[] = {
      {"modified once, then ok", 1, RetryRow::kModified, StatusCode::kOk, 2},
      {"modified 7 times, then ok", 7, RetryRow::kModified, StatusCode::kOk, 8},
      {"modified always: kIoError after 8", -1, RetryRow::kModified, StatusCode::kIoError,
       kOpenAttempts},
      {"network once: regrouped (all answer), then ok", 1, RetryRow::kNetwork, StatusCode::kOk, 2},
      {"corrupt: no retry", -1, RetryRow::kCorrupt, StatusCode::kCorruption, 1},
      {"a Status is returned as is", -1, RetryRow::kStatus, StatusCode::kNotFound, 1},
  };
  for (const RetryRow& row : rows) {
    SCOPED_TRACE(row.name);
    Result<SearcherDatabases> dbs = SearcherDatabases::open({path}, false, 1000);
    ASSERT_TRUE(dbs.ok()) << dbs.status().message();
    int calls = 0;
    Status st = dbs->retrying([&]() -> Status {
      ++calls;
      if (row.fails >= 0 && calls > row.fails) return Status();
      switch (row.throws) {
        case RetryRow::kModified:
          throw Xapian::DatabaseModifiedError("revision overwritten");
        case RetryRow::kNetwork:
          throw Xapian::NetworkError("connection dropped");
        case RetryRow::kCorrupt:
          throw Xapian::DatabaseCorruptError("bad block");
        case RetryRow::kStatus:
          return Status::not_found("no such id");
      }
      return Status();
    });
    EXPECT_EQ(st.code(), row.code) << st.message();
    EXPECT_EQ(calls, row.calls);
    if (!st.ok()) {
      EXPECT_NE(st.message().find(row.throws == RetryRow::kStatus ? "no such id" : path),
                std::string::npos)
          << st.message();
    }
  }
}

// A message that merely mentions DatabaseModifiedError is no reason to retry.
TEST(SearcherDatabases, MessageTextIsNoType) {
  const std::string path = make_db("message");
  Result<SearcherDatabases> dbs = SearcherDatabases::open({path}, false, 1000);
  ASSERT_TRUE(dbs.ok()) << dbs.status().message();
  int calls = 0;
  Status st = dbs->retrying([&] {
    ++calls;
    return Status::io_error("DatabaseModifiedError: said, not thrown");
  });
  EXPECT_EQ(st.code(), StatusCode::kIoError);
  EXPECT_EQ(calls, 1);
}

// The retry reopens: an operation that fails until it sees a later commit
// by another writer succeeds, on the new revision.
TEST(SearcherDatabases, RetrySeesAnotherWritersCommit) {
  const std::string path = make_db("commit");
  Result<SearcherDatabases> dbs = SearcherDatabases::open({path}, false, 1000);
  ASSERT_TRUE(dbs.ok()) << dbs.status().message();
  {
    Xapian::WritableDatabase w(path, Xapian::DB_OPEN);
    Xapian::Document d;
    d.add_term("Qtwo");
    w.add_document(d);
    w.commit();
  }
  Xapian::doccount seen = 0;
  Status st = dbs->retrying([&]() -> Status {
    seen = dbs->db().get_doccount();
    if (seen < 2) throw Xapian::DatabaseModifiedError("stale revision");
    return Status();
  });
  EXPECT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(seen, 2u);
}

TEST(SearcherDatabases, ParseRemote) {
  struct Row {
    const char* spec;
    bool ok;
    const char* host;
    unsigned port;
  } rows[] = {
      {"tcp://localhost:3333", true, "localhost", 3333},
      {"tcp://127.0.0.1:1/", true, "127.0.0.1", 1},
      {"tcp://[::1]:80", true, "[::1]", 80},
      {"tcp://host", false, "", 0},
      {"tcp://:80", false, "", 0},
      {"tcp://host:", false, "", 0},
      {"tcp://host:0", false, "", 0},
      {"tcp://host:65536", false, "", 0},
      {"tcp://host:8x", false, "", 0},
      {"udp://host:80", false, "", 0},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.spec);
    std::string host;
    unsigned port = 0;
    ASSERT_EQ(parse_remote(r.spec, host, port), r.ok);
    if (r.ok) {
      EXPECT_EQ(host, r.host);
      EXPECT_EQ(port, r.port);
    }
  }
}

TEST(SearcherDatabases, OpenErrorsName) {
  const std::string missing = testing::fresh_dir("searcher_databases_none").string() + "/nope";
  Result<SearcherDatabases> dbs = SearcherDatabases::open({missing}, false, 1000);
  ASSERT_FALSE(dbs.ok());
  EXPECT_EQ(dbs.status().code(), StatusCode::kNotFound);
  EXPECT_NE(dbs.status().message().find(missing), std::string::npos) << dbs.status().message();
  EXPECT_EQ(SearcherDatabases::open({}, false, 1000).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SearcherDatabases::open({"tcp://host"}, false, 1000).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace newsindex::internal
