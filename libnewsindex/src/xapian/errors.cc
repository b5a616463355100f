// Xapian exception -> Status.
#include "xapian/errors.h"

#include <string>

namespace newsindex::internal {

// Xapian 1.4's Error hierarchy has no virtual functions, so dynamic_cast
// cannot tell the classes apart; Error::get_type() names the concrete class.
Status from_xapian(const Xapian::Error& e, std::string_view what) {
  const std::string_view type = e.get_type();
  std::string msg(what);
  msg += ": ";
  msg += e.get_description();
  auto is = [&](std::initializer_list<std::string_view> names) {
    for (auto n : names) {
      if (type == n) return true;
    }
    return false;
  };
  if (is({"DatabaseLockError"})) {
    // Xapian raises the same class when it cannot even open the lock file
    // (a read-only folder, a file system without room): that is no other
    // writer, so say what it is.
    const std::string& detail = e.get_msg();
    if (const auto at = detail.find("Couldn't open lockfile: "); at != std::string::npos) {
      return Status(StatusCode::kIoError,
                    std::string(what) + ": cannot take the write lock: " +
                        detail.substr(at + 24) + " (is the database folder writable?)");
    }
    return Status(StatusCode::kLocked,
                  std::string(what) + ": database is locked by another writer (" +
                      e.get_msg() + ")");
  }
  if (is({"DatabaseNotFoundError", "DocNotFoundError"})) {
    return Status(StatusCode::kNotFound, msg);
  }
  if (is({"DatabaseCorruptError", "DatabaseVersionError"})) {
    return Status(StatusCode::kCorruption, msg);
  }
  if (is({"QueryParserError", "WildcardError"})) {
    return Status(StatusCode::kParseError, msg);
  }
  if (is({"InvalidArgumentError", "InvalidOperationError", "RangeError"})) {
    return Status(StatusCode::kInvalidArgument, msg);
  }
  if (is({"DatabaseOpeningError", "DatabaseCreateError", "DatabaseError",
          "DatabaseModifiedError", "DatabaseClosedError", "NetworkError",
          "NetworkTimeoutError"})) {
    return Status(StatusCode::kIoError, msg);
  }
  return Status(StatusCode::kInternal, msg);
}

}  // namespace newsindex::internal
