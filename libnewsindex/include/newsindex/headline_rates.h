// newsindex/headline_rates.h: learn, from an archive's own articles, how
// often a headline's words recur in the article's body.
//
// Headlines use words their bodies do not ("Column", "Commentaar", "Uitslag",
// question words); a query that is a headline (known-item search) weighs such
// words less when SearcherOptions::headline_rates_path names the file this
// learner writes and headline_rate_power is > 0 (docs/evaluation.md,
// "Headline words learned from the archive"). The file holds derived counts
// only (stem, titles with it, titles whose body has it too), no text.
#ifndef NEWSINDEX_HEADLINE_RATES_H_
#define NEWSINDEX_HEADLINE_RATES_H_

#include <cstdint>
#include <memory>
#include <string>

#include "newsindex/analyzer.h"
#include "newsindex/article.h"
#include "newsindex/export.h"

namespace newsindex {

// How HeadlineRateLearner::translations_text chooses a title stem's body
// stems (docs/evaluation.md, "Headline words learned from the archive").
struct HeadlineTranslationOptions {
  enum class Method {
    // Body stems found far more often (min_lift times) in the bodies that
    // lack the title stem than in all bodies; p = the share of the titles
    // with w whose body has v but not w.
    kLift,
    // IBM Model 1 by EM over the title/body pairs; p = p(v | w), the share
    // of w's expected alignments that go to v.
    kModel1,
  };
  Method method = Method::kLift;
  // Title stems (no stop word) of at least this many titles; kLift: also
  // missing from at least this many of their bodies, and body stems found in
  // at least this many of those; kModel1: also body stems of at least this
  // many bodies.
  std::uint32_t min_titles = 5;
  // The most body stems written for one title stem, best first; never the
  // title stem itself.
  std::uint32_t per_stem = 1;
  // Body stems in at most this share of all bodies.
  double max_share = 0.02;
  // kLift only.
  double min_lift = 10.0;
  // kModel1 only: EM iterations; each body's first body_stems non-stop stems
  // (0: all, up to 2,000) with its lead first; the max_stems most frequent stems of each
  // side; p >= floor (at least 0.0001); with lacking_only, p counts only the
  // alignments in titles whose body (its first body_stems) lacks w.
  // Defaults: the best on the odd half of known-item-nl with per_stem 5
  // (docs/evaluation.md).
  std::uint32_t em_iterations = 10;
  std::uint32_t body_stems = 100;
  std::uint32_t max_stems = 50000;
  double floor = 0.005;
  bool lacking_only = false;
  // kModel1 only: write the model's own table instead, t(w | v) of each
  // title stem w given body stem v ("w<TAB>v<TAB>t" lines, v == w included,
  // no max_share cut, every entry >= floor, per_stem ignored): what
  // document expansion and a translation language model need
  // (docs/evaluation.md).
  bool forward_table = false;
};

// Not thread-safe; one per thread. Keeps each counted article's distinct
// body stems and its non-stop title and body stems in order (4 bytes each:
// 175 MB at the end of 106,000 news articles) for translations_text(); kModel1
// needs about 400 MB more there while it trains.
class NEWSINDEX_EXPORT HeadlineRateLearner {
 public:
  // `analyzer` must be the one the searched databases were built with.
  explicit HeadlineRateLearner(std::shared_ptr<const Analyzer> analyzer);
  ~HeadlineRateLearner();
  HeadlineRateLearner(const HeadlineRateLearner&) = delete;
  HeadlineRateLearner& operator=(const HeadlineRateLearner&) = delete;

  // Counts each stem of `article`'s title once, and whether its body (with
  // the lead) has the stem too. Articles without a title or body count for
  // nothing.
  void add(const Article& article);
  // Articles counted so far.
  std::uint64_t articles() const;
  // The rates file: a '#' header line, then "stem<TAB>titles<TAB>in body"
  // for each stem in at least `min_titles` titles, in byte order.
  std::string text(std::uint32_t min_titles = 3) const;
  // The translations file (SearcherOptions::headline_translations_path):
  // for each title stem w (no stop word) missing from the bodies of at
  // least `min_titles` articles whose title has it, up to `per_stem` body
  // stems v found in such bodies at least min_titles times and at least
  // `min_lift` times as often as in all bodies (and in at most `max_share`
  // of all bodies), the best by p * log(lift): "w<TAB>v<TAB>p" lines, p =
  // the share of the titles with w whose body has v but not w.
  // Defaults: the best of (per_stem, min_lift) = (1, 10), (3, 5), (3, 10),
  // (5, 3), (8, 5) on the odd half of known-item-nl (docs/evaluation.md).
  std::string translations_text(std::uint32_t min_titles = 5, std::uint32_t per_stem = 1,
                                double min_lift = 10.0, double max_share = 0.02) const;
  // The same file by `options.method` (kModel1: newsindex's
  // search/headline_translation_model.h).
  std::string translations_text(const HeadlineTranslationOptions& options) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsindex

#endif  // NEWSINDEX_HEADLINE_RATES_H_
