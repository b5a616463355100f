// A posting source over a fixed list of document ids (search/docid_source.h).
#include "search/docid_source.h"

#include <algorithm>

namespace newsindex::internal {

DocidSource::DocidSource(std::vector<Xapian::docid> ids) : ids_(std::move(ids)) {
  std::sort(ids_.begin(), ids_.end());
  ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
}

void DocidSource::init(const Xapian::Database& db) {
  // Ids past the last document cannot match (Xapian would ask for them).
  const Xapian::docid last = db.get_lastdocid();
  ids_.erase(std::upper_bound(ids_.begin(), ids_.end(), last), ids_.end());
  while (!ids_.empty() && ids_.front() == 0) ids_.erase(ids_.begin());
  at_ = 0;
  started_ = false;
}

void DocidSource::next(double) {
  if (started_) {
    ++at_;
  } else {
    started_ = true;
  }
}

void DocidSource::skip_to(Xapian::docid did, double) {
  if (!started_) started_ = true;
  at_ = static_cast<std::size_t>(
      std::lower_bound(ids_.begin() + static_cast<std::ptrdiff_t>(std::min(at_, ids_.size())),
                       ids_.end(), did) -
      ids_.begin());
}

}  // namespace newsindex::internal
