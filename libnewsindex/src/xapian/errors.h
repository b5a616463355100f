// xapian/errors.h: the one place that turns Xapian exceptions into Status.
#ifndef NEWSINDEX_XAPIAN_ERRORS_H_
#define NEWSINDEX_XAPIAN_ERRORS_H_

#include <string_view>

#include <xapian.h>

#include "newsindex/status.h"

namespace newsindex::internal {

// Maps `e` to a Status whose message names `what` (usually the database path).
Status from_xapian(const Xapian::Error& e, std::string_view what);

// Runs `fn`, translating any Xapian or standard exception into a Status.
// `fn` returns Status.
template <typename Fn>
Status guard(std::string_view what, Fn&& fn) {
  try {
    return fn();
  } catch (const Xapian::Error& e) {
    return from_xapian(e, what);
  } catch (const std::bad_alloc&) {
    return Status(StatusCode::kInternal, std::string(what) + ": out of memory");
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, std::string(what) + ": " + e.what());
  }
}

}  // namespace newsindex::internal

#endif  // NEWSINDEX_XAPIAN_ERRORS_H_
