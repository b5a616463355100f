// index/analysis_pool.h: bulk mode's worker threads.
//
// Articles are analysed and turned into Xapian documents on worker threads
// (each with its own DocumentBuilder and TokenStream); the writer takes the
// finished documents back in submission order, so the serial stage (cluster
// keys, replace_document, automatic commits) sees exactly the order of a
// single-threaded run and a bulk import gives the same database.
#ifndef NEWSINDEX_INDEX_ANALYSIS_POOL_H_
#define NEWSINDEX_INDEX_ANALYSIS_POOL_H_

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "index/document_builder.h"
#include "newsindex/analyzer.h"
#include "newsindex/article.h"
#include "newsindex/status.h"

namespace newsindex::internal {

// Thread-safety: submit/take/ready/in_flight are called by one thread (the
// writer's); the pool's own workers synchronise internally.
class AnalysisPool {
 public:
  // `capacity`: articles in flight at most (bounds memory).
  // `direct`: build glass::DocImages (DocumentBuilder's `direct`).
  AnalysisPool(const std::shared_ptr<const Analyzer>& analyzer, bool index_title,
               unsigned threads, std::size_t capacity, bool direct = false,
               FieldWeights weights = {});
  ~AnalysisPool();
  AnalysisPool(const AnalysisPool&) = delete;
  AnalysisPool& operator=(const AnalysisPool&) = delete;

  // Queues a copy of `article`. REQUIRES: in_flight() < capacity() (only
  // take() makes room, and the same thread calls both).
  void submit(const Article& article);
  std::size_t capacity() const { return slots_.size(); }
  std::size_t in_flight() const;
  // True when the oldest article in flight is built.
  bool ready() const;
  // Waits for the oldest article in flight and moves its document to `out`.
  // REQUIRES: in_flight() > 0. A build failure comes back as its Status.
  Status take(BuiltDocument& out);

 private:
  enum class State : std::uint8_t { kEmpty, kQueued, kBusy, kDone };
  struct Slot {
    Article article;
    BuiltDocument built;
    Status status;
    State state = State::kEmpty;
  };
  void work(DocumentBuilder* builder);

  mutable std::mutex mu_;
  std::condition_variable work_cv_;   // workers: something to build / stop
  std::condition_variable done_cv_;   // writer: a slot finished
  std::vector<Slot> slots_;
  std::uint64_t submitted_ = 0, started_ = 0, taken_ = 0;
  bool stop_ = false;
  std::vector<std::unique_ptr<DocumentBuilder>> builders_;
  std::vector<std::thread> threads_;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_ANALYSIS_POOL_H_
