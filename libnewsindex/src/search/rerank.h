// search/rerank.h: a learned linear rerank of the top k hits.
//
// Four features of each of the top k hits, from the query's stems, the
// database's statistics and the hit's stored text: its score over the first
// hit's (score), the mean first position of the query's stems over the
// text's length, 1 for a stem it lacks (early: a known item's headline words
// come early in its own body), log(1 + the text's words) (loglen), and the
// query's score with BM25's b at 0.75 (a second match over the top k only),
// over the top k's largest (b75). A model file gives each feature's mean, standard deviation and
// weight; a hit's new score is the weighted sum of its standardised
// features. docs/evaluation.md, "A learned rerank of the top k", says how
// the model was learned (scripts/eval/ltr-rerank.py) and what it gains.
#ifndef NEWSINDEX_SEARCH_RERANK_H_
#define NEWSINDEX_SEARCH_RERANK_H_

#include <xapian.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsindex/analyzer.h"
#include "newsindex/status.h"

namespace newsindex::internal {

inline constexpr std::size_t kRerankFeatures = 4;
using RerankFeatures = std::array<double, kRerankFeatures>;
// In RerankFeatures order; the names of the model file and of a features dump.
inline constexpr std::array<std::string_view, kRerankFeatures> kRerankFeatureNames = {
    "score", "early", "loglen", "b75"};

// A linear model over standardised features. Thread-safety: a value; const
// methods may be called concurrently.
class RerankModel {
 public:
  // The model in `path`; "" gives an empty model (no rerank). Lines: "depth
  // K" (the hits reranked, 1..1000) and "FEATURE MEAN SD WEIGHT" per feature
  // (SD > 0; a feature left out weighs 0); blank lines and '#' comments.
  static Result<RerankModel> load(const std::string& path);
  static Result<RerankModel> parse(std::string_view text, std::string_view origin);

  bool empty() const { return depth_ == 0; }
  std::uint32_t depth() const { return depth_; }
  double score(const RerankFeatures& f) const;

 private:
  std::uint32_t depth_ = 0;
  RerankFeatures mean_{}, sd_{1, 1, 1, 1}, weight_{};
};

// The distinct stems of the query's non-stop words (and hyphen parts), in
// order: what early and b75 look for. The query's syntax is not parsed (a
// field name such as `titel` counts as a word).
std::vector<std::string> rerank_query_stems(std::string_view query, TokenStream& stream);

// The mean over `stems` of the first position of the stem in `text` over the
// text's positions (0 at the first word), 1 for a stem the text lacks; 1
// without stems or text. With `positions`, also the text's positions (its
// words and hyphen parts).
double early_feature(std::string_view text, const std::vector<std::string>& stems,
                     TokenStream& stream, std::uint32_t* positions = nullptr);

// BM25's b for the b75 feature.
inline constexpr double kRerankB = 0.75;

// The features of the first `texts.size()` hits of `mset`, in MSet order:
// texts[i] is hit i's stored text, b75[i] its score with b kRerankB.
// REQUIRES: texts.size() == b75.size() <= mset.size().
std::vector<RerankFeatures> rerank_features(const Xapian::MSet& mset,
                                            const std::vector<std::string>& texts,
                                            const std::vector<double>& b75,
                                            const std::vector<std::string>& stems,
                                            TokenStream& stream);

// The order of hits [0, features.size()) by the model's score, best first;
// ties keep the MSet's order.
std::vector<std::size_t> rerank_order(const RerankModel& model,
                                      const std::vector<RerankFeatures>& features);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_RERANK_H_
