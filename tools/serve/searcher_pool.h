// serve/searcher_pool.h: Searchers for the service's worker threads.
//
// A Searcher is not thread-safe, so each request borrows one (opened on
// demand, at most one per concurrent request) and gives it back; a borrowed
// Searcher has been reopened, so every request sees the latest commit.
#ifndef NEWSINDEX_TOOLS_SERVE_SEARCHER_POOL_H_
#define NEWSINDEX_TOOLS_SERVE_SEARCHER_POOL_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "newsindex/searcher.h"
#include "newsindex/status.h"

namespace newsindex::tools {

class SearcherPool {
 public:
  SearcherPool(std::vector<std::string> databases, SearcherOptions options)
      : databases_(std::move(databases)), options_(std::move(options)) {}

  // A Searcher returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(SearcherPool* pool, std::unique_ptr<Searcher> s) : pool_(pool), s_(std::move(s)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (s_ != nullptr) pool_->give_back(std::move(s_));
    }
    Searcher* operator->() const { return s_.get(); }

   private:
    SearcherPool* pool_;
    std::unique_ptr<Searcher> s_;
  };

  // An idle Searcher, reopened, or a newly opened one.
  Result<Lease> borrow();

  const std::vector<std::string>& databases() const { return databases_; }

 private:
  void give_back(std::unique_ptr<Searcher> s);

  const std::vector<std::string> databases_;
  const SearcherOptions options_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Searcher>> idle_;
};

}  // namespace newsindex::tools

#endif  // NEWSINDEX_TOOLS_SERVE_SEARCHER_POOL_H_
