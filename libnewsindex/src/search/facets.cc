// Facet counting with Xapian match spies.
#include "search/facets.h"

#include <algorithm>
#include <cstdio>

#include "index/schema.h"

namespace newsindex::internal {
namespace {

bool slot_of(const std::string& name, Xapian::valueno& slot) {
  if (name == "source")
    slot = schema::kSlotSource;
  else if (name == "outlet")
    slot = schema::kSlotOutlet;
  else if (name == "category")
    slot = schema::kSlotCategory;
  else if (name == "language")
    slot = schema::kSlotLanguage;
  else
    return false;
  return true;
}

int month_key(const std::string& v) {
  if (v.size() < 6) return -1;
  int key = 0;
  for (int i = 0; i < 6; ++i) {
    char c = v[static_cast<std::size_t>(i)];
    if (c < '0' || c > '9') return -1;
    key = key * 10 + (c - '0');
  }
  return key;
}

std::string four(int y) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

}  // namespace

void DatePrefixSpy::operator()(const Xapian::Document& doc, double) {
  int key = month_key(doc.get_value(schema::kSlotDate));
  if (key >= 0) ++months_[key];
}

Status FacetCollector::init(const std::vector<std::string>& names, bool remote) {
  for (const std::string& n : names) {
    if (std::find(names_.begin(), names_.end(), n) != names_.end()) continue;
    Xapian::valueno slot;
    if (slot_of(n, slot)) {
      value_spies_[slot] = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
    } else if (n == "year" || n == "month") {
      if (remote) {
        if (!remote_date_spy_) {
          remote_date_spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSlotDate);
        }
      } else if (!date_spy_) {
        date_spy_ = std::make_unique<DatePrefixSpy>();
      }
    } else {
      return invalid_argument("unknown facet '" + n +
                              "' (known: source, outlet, category, language, year, month)");
    }
    names_.push_back(n);
  }
  return Status();
}

void FacetCollector::attach(Xapian::Enquire& enquire) {
  for (auto& [slot, spy] : value_spies_) enquire.add_matchspy(spy.get());
  if (date_spy_) enquire.add_matchspy(date_spy_.get());
  if (remote_date_spy_) enquire.add_matchspy(remote_date_spy_.get());
}

std::map<std::string, std::vector<FacetValue>> FacetCollector::collect() const {
  std::map<std::string, std::vector<FacetValue>> out;
  std::map<int, Xapian::doccount> months;
  if (date_spy_) months = date_spy_->months();
  if (remote_date_spy_) {
    for (auto it = remote_date_spy_->values_begin(); it != remote_date_spy_->values_end(); ++it) {
      int key = month_key(*it);
      if (key >= 0) months[key] += it.get_termfreq();
    }
  }
  for (const std::string& n : names_) {
    std::vector<FacetValue>& list = out[n];
    Xapian::valueno slot;
    if (slot_of(n, slot)) {
      const auto& spy = value_spies_.at(slot);
      for (auto it = spy->top_values_begin(kMaxFacetValues);
           it != spy->top_values_end(kMaxFacetValues); ++it) {
        if ((*it).empty()) continue;
        list.push_back({*it, it.get_termfreq()});
      }
    } else if (n == "year") {
      std::map<int, std::uint64_t> years;
      for (auto [m, c] : months) years[m / 100] += c;
      for (auto [y, c] : years) list.push_back({four(y), c});
    } else {
      for (auto [m, c] : months) {
        list.push_back(
            {four(m / 100) + "-" + (m % 100 < 10 ? "0" : "") + std::to_string(m % 100), c});
      }
    }
  }
  return out;
}

}  // namespace newsindex::internal
