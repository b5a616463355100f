// xapian/errors.h: the one place that turns Xapian exceptions into Status.
#ifndef NEWSINDEX_XAPIAN_ERRORS_H_
#define NEWSINDEX_XAPIAN_ERRORS_H_

#include <cstdint>
#include <string_view>
#include <utility>

#include <xapian.h>

#include "newsindex/status.h"

namespace newsindex::internal {

// Maps `e` to a Status whose message names `what` (usually the database path).
Status from_xapian(const Xapian::Error& e, std::string_view what);

// The kind of Xapian exception behind a Status, for callers that answer
// some kinds other than by giving up (the Searcher retries after kModified
// and regroups its shards after kNetwork). Typed here so that nobody has to
// search a Status message for an exception's name.
enum class XapianFailure : std::uint8_t {
  kNone,      // no Xapian exception was caught
  kModified,  // DatabaseModifiedError: a writer's commits overwrote the revision read
  kNetwork,   // NetworkError, NetworkTimeoutError: a remote database stopped answering
  kDatabase,  // another Database*Error (opening, not found, corrupt, locked, ...)
  kOther,     // any other Xapian::Error
};

// The kind of `e` (by Error::get_type(): see from_xapian()).
XapianFailure failure_of(const Xapian::Error& e);

// Runs `fn`, translating any Xapian or standard exception into a Status;
// when `failure` is given, it says which kind of Xapian exception was
// caught (kNone if none). `fn` returns Status.
template <typename Fn>
Status guard(std::string_view what, XapianFailure* failure, Fn&& fn) {
  if (failure) *failure = XapianFailure::kNone;
  try {
    return fn();
  } catch (const Xapian::Error& e) {
    if (failure) *failure = failure_of(e);
    return from_xapian(e, what);
  } catch (const std::bad_alloc&) {
    return Status(StatusCode::kInternal, std::string(what) + ": out of memory");
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, std::string(what) + ": " + e.what());
  }
}

template <typename Fn>
Status guard(std::string_view what, Fn&& fn) {
  return guard(what, nullptr, std::forward<Fn>(fn));
}

}  // namespace newsindex::internal

#endif  // NEWSINDEX_XAPIAN_ERRORS_H_
