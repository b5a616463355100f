// newsindex/status.h: errors as values.
//
// Every fallible call in the public API returns a Status or a Result<T>. No
// exception from Xapian, ICU or the standard library escapes the library.
#ifndef NEWSINDEX_STATUS_H_
#define NEWSINDEX_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "newsindex/export.h"

namespace newsindex {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,   // a caller's value is wrong (bad option, bad query)
  kNotFound,          // a file, database or document does not exist
  kIoError,           // reading or writing failed
  kCorruption,        // a database or input file is damaged
  kLocked,            // another writer holds the database
  kAnalysisMismatch,  // the database was built with another analyzer
  kParseError,        // malformed input (JSON, XML, date, query)
  kInternal,          // a bug or an unexpected engine error
};

// Returns a stable lower-case name for `code`, e.g. "locked".
NEWSINDEX_EXPORT std::string_view status_code_name(StatusCode code);

// A success or an error with a code and a message naming what and where.
// Thread-safety: a Status is a value; distinct objects may be used freely.
// g++ rejects a GNU __attribute__ after [[nodiscard]], so the export
// visibility is spelled as a standard attribute here (= NEWSINDEX_EXPORT).
class [[nodiscard, gnu::visibility("default")]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status ok_status() { return Status(); }

  // One factory per error code: `return Status::not_found(path + ": no such
  // database");`. The message names what and where.
  static Status invalid_argument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status not_found(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status io_error(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status locked(std::string m) { return {StatusCode::kLocked, std::move(m)}; }
  static Status analysis_mismatch(std::string m) {
    return {StatusCode::kAnalysisMismatch, std::move(m)};
  }
  static Status parse_error(std::string m) { return {StatusCode::kParseError, std::move(m)}; }
  static Status internal_error(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "locked: /srv/db: another writer holds the lock", or "ok".
  std::string to_string() const;

  // Marks an intentionally ignored status.
  void ignore_error() const {}

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none (std::expected-shaped;
// std::expected itself needs C++23).
// REQUIRES: value() and operator* only when ok().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit on purpose
    if (status_.ok()) status_ = Status(StatusCode::kInternal, "Result made from an ok Status");
  }

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }

  // ok() when there is a value.
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return *std::move(value_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  // A Status next to an optional rather than a std::variant: g++ 12 at -O3
  // reports a false -Wmaybe-uninitialized on variant<T, Status>.
  Status status_;
  std::optional<T> value_;
};

}  // namespace newsindex

#endif  // NEWSINDEX_STATUS_H_
