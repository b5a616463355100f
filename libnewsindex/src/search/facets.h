// search/facets.h: counts per source, outlet, category, year and month.
//
// Match spies see every document the matcher considers; the searcher sets
// check_at_least to the database size when facets are asked for, so the
// counts are exact over the whole matching set (at the cost of visiting
// every match: docs/query-syntax.md "Facets").
#ifndef NEWSINDEX_SEARCH_FACETS_H_
#define NEWSINDEX_SEARCH_FACETS_H_

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "newsindex/searcher.h"
#include "newsindex/status.h"

namespace newsindex::internal {

// Most values listed per facet (most frequent first). Years and months are
// all listed, in date order.
inline constexpr std::size_t kMaxFacetValues = 50;

// Counts "YYYY" and "YYYYMM" prefixes of the date slot in one pass.
class DatePrefixSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double wt) override;
  Xapian::MatchSpy* clone() const override { return new DatePrefixSpy; }
  std::string name() const override { return "newsindex.DatePrefixSpy"; }
  const std::map<int, Xapian::doccount>& months() const { return months_; }

 private:
  std::map<int, Xapian::doccount> months_;  // yyyymm -> count
};

class FacetCollector {
 public:
  // kInvalidArgument naming an unknown facet. `remote`: some database is
  // remote (year/month then count whole dates with a standard spy).
  Status init(const std::vector<std::string>& names, bool remote);
  bool empty() const { return names_.empty(); }
  void attach(Xapian::Enquire& enquire);
  std::map<std::string, std::vector<FacetValue>> collect() const;

 private:
  std::vector<std::string> names_;
  std::map<Xapian::valueno, std::unique_ptr<Xapian::ValueCountMatchSpy>> value_spies_;
  std::unique_ptr<DatePrefixSpy> date_spy_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> remote_date_spy_;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_FACETS_H_
