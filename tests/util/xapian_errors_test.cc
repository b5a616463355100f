// from_xapian(): each Xapian error class becomes the right StatusCode, and a
// lock that cannot even be tried is not called "locked by another writer".
#include "xapian/errors.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <functional>
#include <string>

namespace newsindex::internal {
namespace {

struct Case {
  const char* name;
  std::function<void()> raise;
  StatusCode code;
  const char* says;      // the message contains this
  const char* never;     // and not this ("" = no check)
};

TEST(XapianErrors, EachClassMapsToItsCode) {
  const Case cases[] = {
      {"held lock",
       [] { throw Xapian::DatabaseLockError("Unable to get write lock on db: already locked"); },
       StatusCode::kLocked, "locked by another writer", ""},
      {"read-only folder",
       [] {
         throw Xapian::DatabaseLockError(
             "Unable to get write lock on db: Couldn't open lockfile: Permission denied");
       },
       StatusCode::kIoError, "cannot take the write lock: Permission denied",
       "another writer"},
      {"corrupt", [] { throw Xapian::DatabaseCorruptError("Db block overwritten"); },
       StatusCode::kCorruption, "Db block overwritten", ""},
      {"missing", [] { throw Xapian::DatabaseNotFoundError("No such database"); },
       StatusCode::kNotFound, "No such database", ""},
      {"opening", [] { throw Xapian::DatabaseOpeningError("Couldn't open"); },
       StatusCode::kIoError, "Couldn't open", ""},
      {"bad argument", [] { throw Xapian::InvalidArgumentError("bad"); },
       StatusCode::kInvalidArgument, "bad", ""},
      {"other", [] { throw Xapian::UnimplementedError("nope"); }, StatusCode::kInternal, "nope",
       ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Status st;
    try {
      c.raise();
    } catch (const Xapian::Error& e) {
      st = from_xapian(e, "db");
    }
    EXPECT_EQ(st.code(), c.code);
    EXPECT_NE(st.message().find(c.says), std::string::npos) << st.message();
    EXPECT_EQ(st.message().rfind("db: ", 0), 0u) << st.message();
    if (*c.never != '\0') {
      EXPECT_EQ(st.message().find(c.never), std::string::npos) << st.message();
    }
  }
}

}  // namespace
}  // namespace newsindex::internal
