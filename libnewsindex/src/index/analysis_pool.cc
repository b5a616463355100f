// Bulk-mode analysis threads.
#include "index/analysis_pool.h"

#include "xapian/errors.h"

namespace newsindex::internal {

AnalysisPool::AnalysisPool(const std::shared_ptr<const Analyzer>& analyzer, bool index_title,
                           unsigned threads, std::size_t capacity, bool direct,
                           FieldWeights weights)
    : slots_(capacity < 1 ? 1 : capacity) {
  if (threads < 1) threads = 1;
  for (unsigned i = 0; i < threads; ++i) {
    builders_.push_back(std::make_unique<DocumentBuilder>(analyzer, index_title, direct, weights));
  }
  for (unsigned i = 0; i < threads; ++i) {
    threads_.emplace_back([this, b = builders_[i].get()] { work(b); });
  }
}

AnalysisPool::~AnalysisPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  for (auto& t : threads_) t.join();
}

void AnalysisPool::work(DocumentBuilder* builder) {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    work_cv_.wait(lock, [this] { return stop_ || started_ < submitted_; });
    if (stop_) return;
    Slot& slot = slots_[started_ % slots_.size()];
    ++started_;
    slot.state = State::kBusy;
    lock.unlock();
    Status st = guard("article \"" + slot.article.id + "\"", [&] {
      builder->build(slot.article, slot.built);
      return Status();
    });
    lock.lock();
    slot.status = std::move(st);
    slot.state = State::kDone;
    done_cv_.notify_all();
  }
}

void AnalysisPool::submit(const Article& article) {
  std::unique_lock<std::mutex> lock(mu_);
  Slot& slot = slots_[submitted_ % slots_.size()];
  lock.unlock();
  slot.article = article;  // the slot is ours until submitted_ moves past it
  lock.lock();
  slot.state = State::kQueued;
  ++submitted_;
  lock.unlock();
  work_cv_.notify_one();
}

std::size_t AnalysisPool::in_flight() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<std::size_t>(submitted_ - taken_);
}

bool AnalysisPool::ready() const {
  std::lock_guard<std::mutex> lock(mu_);
  return taken_ < submitted_ && slots_[taken_ % slots_.size()].state == State::kDone;
}

Status AnalysisPool::take(BuiltDocument& out) {
  std::unique_lock<std::mutex> lock(mu_);
  Slot& slot = slots_[taken_ % slots_.size()];
  done_cv_.wait(lock, [&] { return slot.state == State::kDone; });
  lock.unlock();
  out = std::move(slot.built);
  Status st = std::move(slot.status);
  slot.status = Status();
  lock.lock();
  slot.state = State::kEmpty;
  ++taken_;
  return st;
}

}  // namespace newsindex::internal
