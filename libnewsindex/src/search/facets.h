// search/facets.h: counts per source, outlet, category, year and month.
//
// Match spies see every document the matcher considers; the searcher sets
// check_at_least to the database size when facets are asked for, so the
// counts are exact over the whole matching set (at the cost of visiting
// every match: docs/query-syntax.md "Facets").
//
// Over one local database the spies read values through value streams in
// docid order (SlotCursor): Document::get_value looks the slot's chunk up
// afresh for every document, which dominated facet queries. Over several
// databases (a Document's docid is then its shard's) or remote ones they use
// Document::get_value as Xapian's ValueCountMatchSpy does.
//
// With a ColumnCache (the Searcher keeps one), the spies over one local
// database read a SlotColumn instead: the slot's values for every document,
// read once per database revision, so a match costs an array lookup and a
// counter increment rather than a value-stream step (which reads a B-tree
// block per chunk). The counts are the same.
#ifndef NEWSINDEX_SEARCH_FACETS_H_
#define NEWSINDEX_SEARCH_FACETS_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "newsindex/searcher.h"
#include "newsindex/status.h"

namespace newsindex::internal {

// Most values listed per facet (most frequent first). Years and months are
// all listed, in date order.
inline constexpr std::size_t kMaxFacetValues = 50;

// A document's value in one slot, read from the slot's value stream when
// documents come in increasing docid order (a step back restarts the
// stream), else (no stream database) with Document::get_value.
class SlotCursor {
 public:
  // `stream`: the database the documents' docids belong to (exactly one
  // local shard), or nullptr to use Document::get_value.
  SlotCursor(const Xapian::Database* stream, Xapian::valueno slot);
  // The value of `doc` in the slot ("" when unset).
  std::string get(const Xapian::Document& doc);

 private:
  std::optional<Xapian::Database> db_;
  Xapian::valueno slot_;
  Xapian::ValueIterator it_;
  Xapian::docid last_ = 0;  // 0: the stream is not open
};

// One slot of one local database, every document's value in memory: per
// docid the number of its label (0: no value), and the labels. A label is
// the value itself or, for the date slot's month facet, its "YYYYMM"
// prefix (dates that do not start with six digits get none). Immutable.
class SlotColumn {
 public:
  enum class Kind { kValue, kMonth };
  // Reads the slot's value stream once (Xapian errors propagate).
  static std::shared_ptr<const SlotColumn> load(const Xapian::Database& db, Xapian::valueno slot,
                                                Kind kind);
  std::uint32_t label_of(Xapian::docid did) const {
    return did < labels_of_.size() ? labels_of_[did] : 0;
  }
  // Label n is labels()[n - 1].
  const std::vector<std::string>& labels() const { return labels_; }

 private:
  std::vector<std::uint32_t> labels_of_;  // by docid
  std::vector<std::string> labels_;
};

// The columns of one database revision, loaded on first use. Not
// thread-safe (one per Searcher).
class ColumnCache {
 public:
  // The column of `slot` in `db` (one local database), loaded when the
  // database's UUID or revision changed since the last call; nullptr when
  // the database has more than kMaxColumnDocuments document ids (4 bytes
  // each per column): its spies then read value streams.
  std::shared_ptr<const SlotColumn> get(const Xapian::Database& db, Xapian::valueno slot,
                                        SlotColumn::Kind kind);

 private:
  std::string revision_;  // uuid/revision the columns belong to
  std::map<std::pair<Xapian::valueno, SlotColumn::Kind>, std::shared_ptr<const SlotColumn>>
      columns_;
};

// Most document ids a database may have for its facets to use columns.
inline constexpr Xapian::docid kMaxColumnDocuments = 8u << 20;

// Counts the values of one slot, like Xapian::ValueCountMatchSpy (empty
// values are not counted; top values by count, then by value).
class ValueCountSpy : public Xapian::MatchSpy {
 public:
  ValueCountSpy(const Xapian::Database* stream, Xapian::valueno slot,
                std::shared_ptr<const SlotColumn> column = nullptr)
      : stream_(stream), slot_(slot), cursor_(stream, slot), column_(std::move(column)) {
    if (column_) by_label_.assign(column_->labels().size() + 1, 0);
  }
  void operator()(const Xapian::Document& doc, double wt) override;
  Xapian::MatchSpy* clone() const override { return new ValueCountSpy(stream_, slot_, column_); }
  std::string name() const override { return "newsindex.ValueCountSpy"; }
  // At most `max` values, most frequent first, ties by value.
  std::vector<FacetValue> top(std::size_t max) const;

 private:
  const Xapian::Database* stream_;
  Xapian::valueno slot_;
  SlotCursor cursor_;
  std::unordered_map<std::string, Xapian::doccount> counts_;
  std::shared_ptr<const SlotColumn> column_;
  std::vector<Xapian::doccount> by_label_;  // with a column
};

// Counts "YYYY" and "YYYYMM" prefixes of the date slot in one pass.
class DatePrefixSpy : public Xapian::MatchSpy {
 public:
  // `column`: the date slot as a kMonth column, or nullptr.
  explicit DatePrefixSpy(const Xapian::Database* stream = nullptr,
                         std::shared_ptr<const SlotColumn> column = nullptr);
  void operator()(const Xapian::Document& doc, double wt) override;
  Xapian::MatchSpy* clone() const override { return new DatePrefixSpy(stream_, column_); }
  std::string name() const override { return "newsindex.DatePrefixSpy"; }
  // yyyymm -> count.
  std::map<int, Xapian::doccount> months() const;

 private:
  const Xapian::Database* stream_;
  SlotCursor cursor_;
  std::map<int, Xapian::doccount> months_;  // yyyymm -> count
  std::shared_ptr<const SlotColumn> column_;
  std::vector<Xapian::doccount> by_label_;  // with a column
};

class FacetCollector {
 public:
  // kInvalidArgument naming an unknown facet. `remote`: some database is
  // remote (standard Xapian spies only; year/month then count whole dates).
  // `db`: the database searched; its value streams are read when it is one
  // local shard. It must outlive the collector. `columns`: where that one
  // local shard's columns are kept (nullptr: value streams).
  Status init(const std::vector<std::string>& names, bool remote,
              const Xapian::Database* db = nullptr, ColumnCache* columns = nullptr);
  bool empty() const { return names_.empty(); }
  void attach(Xapian::Enquire& enquire);
  std::map<std::string, std::vector<FacetValue>> collect() const;

 private:
  std::vector<std::string> names_;
  std::map<Xapian::valueno, std::unique_ptr<Xapian::ValueCountMatchSpy>> remote_spies_;
  std::map<Xapian::valueno, std::unique_ptr<ValueCountSpy>> value_spies_;
  std::unique_ptr<DatePrefixSpy> date_spy_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> remote_date_spy_;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_FACETS_H_
