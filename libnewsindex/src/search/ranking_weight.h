// search/ranking_weight.h: the Searcher's weighting scheme.
//
// Xapian::BM25Weight with SearcherOptions' k1, k2, k3, b, min_normlen, unless
// a known-item extra is set (docs/evaluation.md, "Other levers"); then
// BonusBM25Weight: the same BM25 term weight, and for every query term
// (leaf or synonym group) a document matches, on top
//   + coord_bonus × the term's query factor (OP_SCALE_WEIGHT)   flat: rewards
//                                                    matching more of the terms
//   + tf_floor × the term's BM25 idf weight          BM25+'s delta: a match is
//                                                    worth at least this share
// so with both 0 it scores exactly as BM25Weight (k2 must be 0 then: the
// query-length correction is BM25Weight's alone).
#ifndef NEWSINDEX_SEARCH_RANKING_WEIGHT_H_
#define NEWSINDEX_SEARCH_RANKING_WEIGHT_H_

#include <xapian.h>

#include <memory>
#include <string>

#include "newsindex/searcher.h"

namespace newsindex::internal {

struct Bm25Params {
  double k1 = 0.9, k3 = 1.0, b = 0.1, min_normlen = 0.5;
  double coord_bonus = 0.0;
  double tf_floor = 0.0;
};

class BonusBM25Weight : public Xapian::Weight {
 public:
  explicit BonusBM25Weight(const Bm25Params& p);

  BonusBM25Weight* clone() const override;
  std::string name() const override { return "newsindex.BonusBM25Weight"; }
  std::string serialise() const override;
  BonusBM25Weight* unserialise(const std::string& serialised) const override;

  double get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen,
                     Xapian::termcount uniqterms) const override;
  double get_maxpart() const override;
  double get_sumextra(Xapian::termcount, Xapian::termcount) const override { return 0.0; }
  double get_maxextra() const override { return 0.0; }

 private:
  void init(double factor) override;
  double tf_part(double wdf, double doclen) const;

  Bm25Params p_;
  double inv_avlen_ = 0.0;
  double idf_weight_ = 0.0;  // idf × wqf factor × query factor
  double bonus_ = 0.0;       // coord_bonus × query factor + tf_floor × idf_weight_
};

// Query likelihood with Dirichlet smoothing (Zhai and Lafferty), in its
// rank-equivalent form: for each query term a document matches
//   factor × wqf × log(1 + wdf / (mu × cf / total length))
// and once per document the length prior
//   query length × log((longest document + mu) / (doclen + mu))   (>= 0)
// Unlike Xapian::LMWeight (which scores matched terms only, each with
// log(longest document × p(t|d)), no prior) a missing term costs a document
// its smoothed probability, as the model says. Weighting "qlm"
// (docs/evaluation.md, "Score fusion").
class QueryLikelihoodWeight : public Xapian::Weight {
 public:
  explicit QueryLikelihoodWeight(double mu);

  QueryLikelihoodWeight* clone() const override { return new QueryLikelihoodWeight(mu_); }
  std::string name() const override { return "newsindex.QueryLikelihoodWeight"; }
  std::string serialise() const override;
  QueryLikelihoodWeight* unserialise(const std::string& serialised) const override;

  double get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen,
                     Xapian::termcount uniqterms) const override;
  double get_maxpart() const override;
  double get_sumextra(Xapian::termcount doclen, Xapian::termcount uniqterms) const override;
  double get_maxextra() const override;

 private:
  void init(double factor) override;

  double mu_;
  double factor_ = 0.0;    // the term's query factor × wqf
  double inv_mu_pc_ = 0.0; // 1 / (mu × p(t|collection))
  double query_length_ = 0.0;
  double longest_ = 0.0;
};

// BM25's Robertson-Sparck Jones idf without relevance information of a term
// in `termfreq` of `docs` documents, kept positive for terms in more than a
// third of them as Xapian::BM25Weight does.
double bm25_idf(double docs, double termfreq);

// True if `name` is a SearcherOptions::weighting this build knows.
bool known_weighting(const std::string& name);

// SearcherOptions::weighting with its parameter: for "bm25" BM25Weight, or
// BonusBM25Weight when coord_bonus or tf_floor is set; else one of Xapian's
// other schemes (docs/evaluation.md, "Other weighting schemes").
// REQUIRES: known_weighting(options.weighting).
std::unique_ptr<Xapian::Weight> make_weight(const SearcherOptions& options);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_RANKING_WEIGHT_H_
