// Xapian exception -> Status.
#include "xapian/errors.h"

#include <filesystem>
#include <string>
#include <system_error>

namespace newsindex::internal {

namespace {

constexpr std::string_view kDamaged =
    " (the database is damaged: `newsindex check` tells more; restore it from a backup or "
    "rebuild it)";

// A folder with glass tables but no version file: Xapian says it cannot
// detect the type of database, which reads as if there were none.
bool tables_without_version_file(std::string_view path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir(path);
  if (!fs::is_directory(dir, ec)) return false;
  if (fs::exists(dir / "iamglass", ec) || fs::exists(dir / "XAPIANDB", ec)) return false;
  for (const char* table : {"postlist.glass", "termlist.glass", "docdata.glass"}) {
    if (fs::exists(dir / table, ec)) return true;
  }
  return false;
}

}  // namespace

XapianFailure failure_of(const Xapian::Error& e) {
  const std::string_view type = e.get_type();
  if (type == "DatabaseModifiedError") return XapianFailure::kModified;
  if (type == "NetworkError" || type == "NetworkTimeoutError") return XapianFailure::kNetwork;
  if (type.starts_with("Database")) return XapianFailure::kDatabase;
  return XapianFailure::kOther;
}

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
    if (tables_without_version_file(what)) {
      return Status(StatusCode::kCorruption,
                    std::string(what) +
                        ": the glass tables are there but the version file iamglass is "
                        "missing" + std::string(kDamaged));
    }
    return Status(StatusCode::kNotFound, msg);
  }
  if (is({"DatabaseError"}) && (e.get_msg().find("EOF reading block") != std::string::npos ||
                                e.get_msg().find("Error reading block") != std::string::npos)) {
    // A table file shorter than the blocks the version file points into.
    return Status(StatusCode::kCorruption, msg + std::string(kDamaged));
  }
  if (is({"DatabaseCorruptError"})) return Status(StatusCode::kCorruption, msg + std::string(kDamaged));
  if (is({"DatabaseVersionError"})) return Status(StatusCode::kCorruption, msg);
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
