// Xapian exception -> Status.
#include "xapian/errors.h"

#include <string>

namespace newsindex::internal {

Status from_xapian(const Xapian::Error& e, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  msg += e.get_description();
  if (dynamic_cast<const Xapian::DatabaseLockError*>(&e)) {
    return Status(StatusCode::kLocked,
                  std::string(what) + ": database is locked by another writer (" +
                      e.get_msg() + ")");
  }
  if (dynamic_cast<const Xapian::DatabaseNotFoundError*>(&e)) {
    return Status(StatusCode::kNotFound, msg);
  }
  if (dynamic_cast<const Xapian::DatabaseCorruptError*>(&e) ||
      dynamic_cast<const Xapian::DatabaseVersionError*>(&e)) {
    return Status(StatusCode::kCorruption, msg);
  }
  if (dynamic_cast<const Xapian::DatabaseOpeningError*>(&e)) {
    return Status(StatusCode::kIoError, msg);
  }
  if (dynamic_cast<const Xapian::QueryParserError*>(&e)) {
    return Status(StatusCode::kParseError, msg);
  }
  if (dynamic_cast<const Xapian::DocNotFoundError*>(&e)) {
    return Status(StatusCode::kNotFound, msg);
  }
  if (dynamic_cast<const Xapian::InvalidArgumentError*>(&e) ||
      dynamic_cast<const Xapian::InvalidOperationError*>(&e)) {
    return Status(StatusCode::kInvalidArgument, msg);
  }
  if (dynamic_cast<const Xapian::NetworkError*>(&e) ||
      dynamic_cast<const Xapian::DatabaseError*>(&e)) {
    return Status(StatusCode::kIoError, msg);
  }
  return Status(StatusCode::kInternal, msg);
}

}  // namespace newsindex::internal
