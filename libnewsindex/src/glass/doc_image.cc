// A document for the direct writer (glass/doc_image.h).
#include "glass/doc_image.h"

#include <algorithm>
#include <functional>

#include "glass/encoding.h"

namespace newsindex::glass {

std::uint32_t DocImage::entry_for(std::string_view term) {
  if (table_.empty() || used_ * 2 >= table_.size()) {
    std::vector<std::uint32_t> bigger(table_.empty() ? 512 : table_.size() * 2, 0);
    const std::size_t mask = bigger.size() - 1;
    for (std::size_t e = 0; e < used_; ++e) {
      std::size_t i = std::hash<std::string_view>()(entries_[e].term) & mask;
      while (bigger[i] != 0) i = (i + 1) & mask;
      bigger[i] = static_cast<std::uint32_t>(e + 1);
    }
    table_.swap(bigger);
  }
  const std::size_t mask = table_.size() - 1;
  std::size_t i = std::hash<std::string_view>()(term) & mask;
  while (table_[i] != 0) {
    const std::uint32_t e = table_[i] - 1;
    if (entries_[e].term == term) return e;
    i = (i + 1) & mask;
  }
  if (used_ == entries_.size()) entries_.emplace_back();
  Entry& entry = entries_[used_];
  entry.term.assign(term);
  entry.wdf = 0;
  table_[i] = static_cast<std::uint32_t>(++used_);
  return static_cast<std::uint32_t>(used_ - 1);
}

void DocImage::add_posting(std::string_view term, std::uint32_t position, std::uint32_t wdf_inc) {
  const std::uint32_t e = entry_for(term);
  entries_[e].wdf += wdf_inc;
  occurrences_.emplace_back(e, position);
}

void DocImage::add_term(std::string_view term, std::uint32_t wdf_inc) {
  entries_[entry_for(term)].wdf += wdf_inc;
}

void DocImage::set_value(std::uint32_t slot, std::string value) {
  auto it = std::lower_bound(values_.begin(), values_.end(), slot,
                             [](const auto& v, std::uint32_t s) { return v.first < s; });
  if (it != values_.end() && it->first == slot) {
    if (value.empty()) {
      values_.erase(it);
    } else {
      it->second = std::move(value);
    }
  } else if (!value.empty()) {
    values_.emplace(it, slot, std::move(value));
  }
}

void DocImage::finish() {
  // By sort_head() first (glass/encoding.h): most comparisons are of two
  // integers, not of two terms' bytes.
  keyed_.resize(used_);
  for (std::uint32_t e = 0; e < used_; ++e) keyed_[e] = {sort_head(entries_[e].term), e};
  std::sort(keyed_.begin(), keyed_.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return entries_[a.second].term < entries_[b.second].term;
  });
  order_.resize(used_);
  for (std::size_t i = 0; i < used_; ++i) order_[i] = keyed_[i].second;
  // keyed_ now maps each entry to its rank in order_.
  for (std::size_t i = 0; i < used_; ++i) keyed_[order_[i]].first = i;
  for (auto& o : occurrences_) o.first = static_cast<std::uint32_t>(keyed_[o.first].first);
  std::sort(occurrences_.begin(), occurrences_.end());
  occurrences_.erase(std::unique(occurrences_.begin(), occurrences_.end()), occurrences_.end());
  positions_.clear();
  pos_begin_.assign(used_ + 1, 0);
  std::size_t o = 0;
  for (std::size_t i = 0; i < used_; ++i) {
    pos_begin_[i] = static_cast<std::uint32_t>(positions_.size());
    while (o < occurrences_.size() && occurrences_[o].first == i) {
      positions_.push_back(occurrences_[o].second);
      ++o;
    }
  }
  pos_begin_[used_] = static_cast<std::uint32_t>(positions_.size());
  occurrences_.clear();
  table_.clear();
  finished_ = true;
}

void DocImage::clear() {
  used_ = 0;
  std::fill(table_.begin(), table_.end(), 0);
  occurrences_.clear();
  order_.clear();
  positions_.clear();
  pos_begin_.clear();
  values_.clear();
  data_.clear();
  finished_ = false;
}

}  // namespace newsindex::glass
