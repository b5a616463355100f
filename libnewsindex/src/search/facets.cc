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

SlotCursor::SlotCursor(const Xapian::Database* stream, Xapian::valueno slot) : slot_(slot) {
  if (stream) db_ = *stream;
}

std::string SlotCursor::get(const Xapian::Document& doc) {
  if (!db_) return doc.get_value(slot_);
  Xapian::docid did = doc.get_docid();
  if (last_ == 0 || did < last_) it_ = db_->valuestream_begin(slot_);
  last_ = did;
  if (it_ == db_->valuestream_end(slot_)) return std::string();
  if (it_.get_docid() < did) {
    it_.skip_to(did);
    if (it_ == db_->valuestream_end(slot_)) return std::string();
  }
  return it_.get_docid() == did ? *it_ : std::string();
}

std::shared_ptr<const SlotColumn> SlotColumn::load(const Xapian::Database& db,
                                                   Xapian::valueno slot, Kind kind) {
  auto column = std::make_shared<SlotColumn>();
  column->labels_of_.assign(std::size_t{db.get_lastdocid()} + 1, 0);
  std::unordered_map<std::string, std::uint32_t> numbers;
  std::string label;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    const Xapian::docid did = it.get_docid();
    if (did >= column->labels_of_.size()) continue;  // (a document added since: none is)
    label = *it;
    if (kind == Kind::kMonth) label = month_key(label) >= 0 ? label.substr(0, 6) : std::string();
    if (label.empty()) continue;
    auto [pos, added] =
        numbers.try_emplace(label, static_cast<std::uint32_t>(column->labels_.size() + 1));
    if (added) column->labels_.push_back(label);
    column->labels_of_[did] = pos->second;
  }
  return column;
}

std::shared_ptr<const SlotColumn> ColumnCache::get(const Xapian::Database& db,
                                                   Xapian::valueno slot, SlotColumn::Kind kind) {
  if (db.get_lastdocid() > kMaxColumnDocuments) return nullptr;
  std::string revision = db.get_uuid() + "/" + std::to_string(db.get_revision());
  if (revision != revision_) {
    columns_.clear();
    revision_ = std::move(revision);
  }
  auto& column = columns_[{slot, kind}];
  if (!column) column = SlotColumn::load(db, slot, kind);
  return column;
}

void ValueCountSpy::operator()(const Xapian::Document& doc, double) {
  if (column_) {
    ++by_label_[column_->label_of(doc.get_docid())];
    return;
  }
  std::string v = cursor_.get(doc);
  if (!v.empty()) ++counts_[std::move(v)];
}

std::vector<FacetValue> ValueCountSpy::top(std::size_t max) const {
  std::vector<FacetValue> all;
  all.reserve(counts_.size());
  for (const auto& [v, c] : counts_) all.push_back({v, c});
  for (std::size_t n = 1; n < by_label_.size(); ++n) {  // [0]: documents without a value
    if (by_label_[n] > 0) all.push_back({column_->labels()[n - 1], by_label_[n]});
  }
  auto before = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (all.size() > max) {
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(max), all.end(),
                      before);
    all.resize(max);
  } else {
    std::sort(all.begin(), all.end(), before);
  }
  return all;
}

DatePrefixSpy::DatePrefixSpy(const Xapian::Database* stream,
                             std::shared_ptr<const SlotColumn> column)
    : stream_(stream), cursor_(stream, schema::kSlotDate), column_(std::move(column)) {
  if (column_) by_label_.assign(column_->labels().size() + 1, 0);
}

void DatePrefixSpy::operator()(const Xapian::Document& doc, double) {
  if (column_) {
    ++by_label_[column_->label_of(doc.get_docid())];
    return;
  }
  int key = month_key(cursor_.get(doc));
  if (key >= 0) ++months_[key];
}

std::map<int, Xapian::doccount> DatePrefixSpy::months() const {
  std::map<int, Xapian::doccount> out = months_;
  for (std::size_t n = 1; n < by_label_.size(); ++n) {
    if (by_label_[n] > 0) out[month_key(column_->labels()[n - 1])] += by_label_[n];
  }
  return out;
}

Status FacetCollector::init(const std::vector<std::string>& names, bool remote,
                            const Xapian::Database* db, ColumnCache* columns) {
  const Xapian::Database* stream = !remote && db && db->size() == 1 ? db : nullptr;
  auto column = [&](Xapian::valueno slot, SlotColumn::Kind kind) {
    return stream && columns ? columns->get(*stream, slot, kind) : nullptr;
  };
  for (const std::string& n : names) {
    if (std::find(names_.begin(), names_.end(), n) != names_.end()) continue;
    Xapian::valueno slot;
    if (slot_of(n, slot)) {
      if (remote) {
        remote_spies_[slot] = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
      } else {
        value_spies_[slot] = std::make_unique<ValueCountSpy>(
            stream, slot, column(slot, SlotColumn::Kind::kValue));
      }
    } else if (n == "year" || n == "month") {
      if (remote) {
        if (!remote_date_spy_) {
          remote_date_spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSlotDate);
        }
      } else if (!date_spy_) {
        date_spy_ = std::make_unique<DatePrefixSpy>(
            stream, column(schema::kSlotDate, SlotColumn::Kind::kMonth));
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
  for (auto& [slot, spy] : remote_spies_) enquire.add_matchspy(spy.get());
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
    if (slot_of(n, slot) && value_spies_.count(slot)) {
      list = value_spies_.at(slot)->top(kMaxFacetValues);
    } else if (slot_of(n, slot)) {
      const auto& spy = remote_spies_.at(slot);
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
