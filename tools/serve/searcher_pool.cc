#include "serve/searcher_pool.h"

#include <utility>

namespace newsindex::tools {

Result<SearcherPool::Lease> SearcherPool::borrow() {
  std::unique_ptr<Searcher> s;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      s = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (s == nullptr) {
    auto opened = Searcher::open(databases_, options_);
    if (!opened.ok()) return opened.status();
    s = std::move(*opened);
  } else if (Status st = s->reopen(); !st.ok()) {
    return st;  // the Searcher is dropped; the next request opens a new one
  }
  return Lease(this, std::move(s));
}

void SearcherPool::give_back(std::unique_ptr<Searcher> s) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(s));
}

}  // namespace newsindex::tools
