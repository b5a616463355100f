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
#ifndef NEWSINDEX_SEARCH_FACETS_H_
#define NEWSINDEX_SEARCH_FACETS_H_

#include <xapian.h>

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

// Counts the values of one slot, like Xapian::ValueCountMatchSpy (empty
// values are not counted; top values by count, then by value).
class ValueCountSpy : public Xapian::MatchSpy {
 public:
  ValueCountSpy(const Xapian::Database* stream, Xapian::valueno slot)
      : stream_(stream), slot_(slot), cursor_(stream, slot) {}
  void operator()(const Xapian::Document& doc, double wt) override;
  Xapian::MatchSpy* clone() const override { return new ValueCountSpy(stream_, slot_); }
  std::string name() const override { return "newsindex.ValueCountSpy"; }
  // At most `max` values, most frequent first, ties by value.
  std::vector<FacetValue> top(std::size_t max) const;

 private:
  const Xapian::Database* stream_;
  Xapian::valueno slot_;
  SlotCursor cursor_;
  std::unordered_map<std::string, Xapian::doccount> counts_;
};

// Counts "YYYY" and "YYYYMM" prefixes of the date slot in one pass.
class DatePrefixSpy : public Xapian::MatchSpy {
 public:
  explicit DatePrefixSpy(const Xapian::Database* stream = nullptr);
  void operator()(const Xapian::Document& doc, double wt) override;
  Xapian::MatchSpy* clone() const override { return new DatePrefixSpy(stream_); }
  std::string name() const override { return "newsindex.DatePrefixSpy"; }
  const std::map<int, Xapian::doccount>& months() const { return months_; }

 private:
  const Xapian::Database* stream_;
  SlotCursor cursor_;
  std::map<int, Xapian::doccount> months_;  // yyyymm -> count
};

class FacetCollector {
 public:
  // kInvalidArgument naming an unknown facet. `remote`: some database is
  // remote (standard Xapian spies only; year/month then count whole dates).
  // `db`: the database searched; its value streams are read when it is one
  // local shard. It must outlive the collector.
  Status init(const std::vector<std::string>& names, bool remote,
              const Xapian::Database* db = nullptr);
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
