// search/headline_rates.h: the query side of newsindex/headline_rates.h.
//
// A free-text query word's weight is scaled by min(1, (r / m)^power), where r is
// the smoothed rate at which articles whose title has the word's stem also
// have it in the body, (in_body + kPrior * m) / (titles + kPrior), and m the
// rate over all the file's title words (sum in_body / sum titles): words
// that bodies use less often than the average headline word weigh less, the
// others keep their weight (measured: weighing them more loses,
// docs/evaluation.md). A stem not in the file has weight 1; so do all words
// at power 0.
#ifndef NEWSINDEX_SEARCH_HEADLINE_RATES_H_
#define NEWSINDEX_SEARCH_HEADLINE_RATES_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "newsindex/status.h"

namespace newsindex::internal {

// Immutable after parse(); safe to share between threads.
class HeadlineRates {
 public:
  // How many titles' worth of the mean rate smooths a stem's own rate.
  static constexpr double kPrior = 5.0;

  // Parses "stem<TAB>titles<TAB>in_body" lines ('#' comments, blank lines);
  // kParseError naming `origin` and the line for anything else or in_body >
  // titles.
  static Result<HeadlineRates> parse(std::string_view text, std::string_view origin);
  // Loads `path`; an empty path gives an empty table (every weight 1).
  static Result<HeadlineRates> load(const std::string& path);

  // The weight of a query word with `stems` at `power`: that of its stem
  // with the highest rate, 1 when none is in the table.
  double weight(const std::vector<std::string>& stems, double power) const;
  // The smoothed rate of one stem (the mean rate when it is not listed).
  double rate(std::string_view stem) const;
  double mean_rate() const { return mean_; }
  std::size_t size() const { return rates_.size(); }

 private:
  std::map<std::string, double, std::less<>> rates_;  // smoothed
  double mean_ = 1.0;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_HEADLINE_RATES_H_
