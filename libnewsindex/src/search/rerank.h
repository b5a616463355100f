// search/rerank.h: a learned linear rerank of the top k hits.
//
// Four features of each of the top k hits, from the query's stems, the
// match's term statistics and the hit's stored text, read as bytes (no
// analysis of the text and no second match, so the rerank costs little
// beyond reading the top k's records, which a page of snippets reads anyway):
//   score     the hit's score over the first hit's;
//   first     the mean over the query's stems of the byte offset where the
//             stem's key first starts a word of the text, over the text's
//             bytes; 1 for a key the text lacks (a known item's headline
//             words come early in its own body);
//   logbytes  log(1 + the text's bytes);
//   keybm25   BM25 with k1 kRerankK1 and b kRerankB of the keys' word-start
//             counts, each stem weighing its idf, the text's bytes over
//             kTypicalTextBytes as its length (at least 1); over the top k's
//             largest.
// A stem's key is its first kKeyBytes bytes (all of a shorter stem), found
// ASCII case-insensitively where the byte before it is not a letter, a digit
// or part of a UTF-8 character: "boer" counts "Boeren" and "boerin", not
// "tuinboer". A model file gives each feature's mean, standard deviation and
// weight; a hit's new score is the weighted sum of its standardised features.
// docs/evaluation.md, "A learned rerank of the top k", says how the model was
// learned (scripts/eval/ltr-rerank.py) and what it gains.
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
#include "search/key_search.h"

namespace newsindex::internal {

inline constexpr std::size_t kRerankFeatures = 4;
using RerankFeatures = std::array<double, kRerankFeatures>;
// In RerankFeatures order; the names of the model file and of a features dump.
inline constexpr std::array<std::string_view, kRerankFeatures> kRerankFeatureNames = {
    "score", "first", "logbytes", "keybm25"};

inline constexpr std::size_t kKeyBytes = 5;
inline constexpr double kRerankK1 = 1.2;
inline constexpr double kRerankB = 0.75;
inline constexpr double kTypicalTextBytes = 1500;

// A linear model over standardised features. Thread-safety: a value; const
// methods may be called concurrently.
class RerankModel {
 public:
  // The model in `path`; "" gives an empty model (no rerank). Lines: "depth
  // K" (the hits reranked, 1..1000), "words N" (the fewest words a query
  // must have to be reranked, 1..1000, default 1: the queries the model was
  // learned on) and "FEATURE MEAN SD WEIGHT" per feature (SD > 0; a feature
  // left out weighs 0); blank lines and '#' comments.
  static Result<RerankModel> load(const std::string& path);
  static Result<RerankModel> parse(std::string_view text, std::string_view origin);
  // The model shipped for headline queries, data/rerank-headlines.model
  // (compiled in).
  static RerankModel builtin();

  bool empty() const { return depth_ == 0; }
  std::uint32_t depth() const { return depth_; }
  std::uint32_t min_words() const { return min_words_; }
  double score(const RerankFeatures& f) const;

 private:
  std::uint32_t depth_ = 0;
  std::uint32_t min_words_ = 1;
  RerankFeatures mean_{}, sd_{1, 1, 1, 1}, weight_{};
};

// data/rerank-headlines.model's text (generated at build time).
std::string_view builtin_rerank_model_text();

// The words of `query` as the model's `words` line counts them: runs of
// bytes other than ASCII white space (the query's syntax is not parsed: a
// field such as `titel:navo` is a word). Cheap, so that a short query costs
// the rerank nothing.
std::size_t rerank_query_words(std::string_view query);

// The distinct stems of the query's non-stop words (and hyphen parts), in
// order; with `keys`, also each stem's key (search/rerank.h, above). The
// query's syntax is not parsed (a field name such as `titel` counts as a
// word).
std::vector<std::string> rerank_query_stems(std::string_view query, TokenStream& stream,
                                            std::vector<std::string>* keys = nullptr);

// What the text features look for: each stem's key and idf (the same
// number of each).
struct RerankQuery {
  std::vector<std::string> keys;
  std::vector<double> idf;
};

// `keys` (rerank_query_stems' of `stems`), each weighing the BM25 idf of its
// stem's term in `docs` documents with the term frequencies of `mset`'s
// match. REQUIRES: keys.size() == stems.size().
RerankQuery rerank_query(const std::vector<std::string>& stems, std::vector<std::string> keys,
                         const Xapian::MSet& mset, Xapian::doccount docs);

// first, logbytes and keybm25 (not yet over the top k's largest) of one
// text; score 0. `lower` is scratch space; `search` finds query.keys (set
// by the caller: KeySearch::set_keys).
RerankFeatures text_features(std::string_view text, const RerankQuery& query, std::string& lower,
                             KeySearch& search);

// The features of the first `texts.size()` hits of `mset`, in MSet order:
// texts[i] is hit i's stored text.
// REQUIRES: texts.size() <= mset.size().
std::vector<RerankFeatures> rerank_features(const Xapian::MSet& mset,
                                            const std::vector<std::string>& texts,
                                            const RerankQuery& query);

// The order of hits [0, features.size()) by the model's score, best first;
// ties keep the MSet's order.
std::vector<std::size_t> rerank_order(const RerankModel& model,
                                      const std::vector<RerankFeatures>& features);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_RERANK_H_
