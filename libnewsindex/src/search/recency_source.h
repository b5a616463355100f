// search/recency_source.h: a recency boost that decays with a half-life.
//
// Added to the relevance query with OP_AND_MAYBE, it gives every matching
// article max_weight * 2^(-age / half_life) on top of its BM25 score, so a
// fresh article climbs without a stale but much better match disappearing.
// Age is measured from `reference` (the newest article in the databases,
// so that archives work as well as live feeds).
#ifndef NEWSINDEX_SEARCH_RECENCY_SOURCE_H_
#define NEWSINDEX_SEARCH_RECENCY_SOURCE_H_

#include <xapian.h>

namespace newsindex::internal {

class RecencySource : public Xapian::ValuePostingSource {
 public:
  // `reference` and `half_life` in seconds; half_life > 0.
  RecencySource(double reference, double half_life, double max_weight);

  double get_weight() const override;
  Xapian::PostingSource* clone() const override;
  std::string name() const override { return "newsindex.RecencySource"; }
  void init(const Xapian::Database& db) override;

  // The boost for an article of `age` seconds (for tests).
  double boost(double age) const;

 private:
  double reference_, half_life_, max_weight_;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_RECENCY_SOURCE_H_
