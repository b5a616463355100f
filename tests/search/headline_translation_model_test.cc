// search/headline_translation_model: IBM Model 1 by EM on title/body pairs
// written for the test (ids, not text).
#include "search/headline_translation_model.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace newsindex::internal {
namespace {

// Title words (0 das, 1 ein, 2 haus, 3 buch) over body words (4 the, 5 a,
// 6 house, 7 book): each title word has one obvious body word, the one in
// every body of its titles, which the other body words of those titles are
// not.
enum : std::uint32_t { kDas, kEin, kHaus, kBuch, kThe, kA, kHouse, kBook, kVocabulary };

std::vector<AlignedPair> four_pairs() {
  return {
      {{kDas, kHaus}, {{kThe, 1}, {kHouse, 1}}},
      {{kDas, kBuch}, {{kThe, 1}, {kBook, 1}}},
      {{kEin, kBuch}, {{kA, 1}, {kBook, 1}}},
      {{kEin, kHaus}, {{kA, 1}, {kHouse, 1}}},
  };
}

double p(const TranslationModel1::Row& row, std::uint32_t v) {
  for (const auto& [id, share] : row) {
    if (id == v) return share;
  }
  return 0.0;
}

TEST(TranslationModel1, ConvergesToTheObviousAlignment) {
  // After one iteration (uniform t) each title word spreads over NULL and
  // its two body words alike: "das" aligns 2/3 to "the" (a third in each of
  // its 2 titles), 1/3 to "house", 1/3 to "book", 2/3 to NULL, of 2.
  // Further iterations move it to the obvious word; NULL keeps about t(w |
  // NULL) = 1/4 against t(w | v) = 1, so the share tends to 0.8.
  struct Row {
    std::uint32_t iterations;
    double min_obvious, max_obvious, max_other;
  };
  const Row kRows[] = {
      {1, 1.0 / 3 - 1e-12, 1.0 / 3 + 1e-12, 1.0 / 6 + 1e-12},
      {2, 0.4, 0.6, 0.16},
      {5, 0.6, 0.8, 0.1},
      {30, 0.75, 0.81, 0.01},
  };
  const std::pair<std::uint32_t, std::uint32_t> kObvious[] = {
      {kDas, kThe}, {kEin, kA}, {kHaus, kHouse}, {kBuch, kBook}};
  double last = 0.0;
  for (const Row& r : kRows) {
    const auto rows = TranslationModel1::train(four_pairs(), kVocabulary, r.iterations, 10, 0.0);
    ASSERT_EQ(rows.size(), kVocabulary);
    for (const auto& [w, v] : kObvious) {
      SCOPED_TRACE(testing::Message() << "iterations " << r.iterations << ", w " << w);
      ASSERT_EQ(rows[w].size(), 3u);  // its titles' three body words
      EXPECT_EQ(rows[w].front().first, v);
      EXPECT_GE(p(rows[w], v), r.min_obvious);
      EXPECT_LE(p(rows[w], v), r.max_obvious);
      for (const auto& [other, share] : rows[w]) {
        if (other != v) {
          EXPECT_LE(share, r.max_other);
        }
      }
    }
    // Nothing is learned for ids in no title.
    for (std::uint32_t v = kThe; v < kVocabulary; ++v) EXPECT_TRUE(rows[v].empty());
    EXPECT_GT(p(rows[kDas], kThe), last);
    last = p(rows[kDas], kThe);
  }
  // The cut: the best per_row of p >= floor.
  const auto cut = TranslationModel1::train(four_pairs(), kVocabulary, 30, 1, 0.0);
  ASSERT_EQ(cut[kHaus].size(), 1u);
  EXPECT_EQ(cut[kHaus][0].first, kHouse);
  EXPECT_TRUE(TranslationModel1::train(four_pairs(), kVocabulary, 30, 10, 0.9)[kHaus].empty());
  // What `keep` refuses is left out before the cut: without "house", the
  // best of the rest.
  const auto kept = TranslationModel1::train(
      four_pairs(), kVocabulary, 30, 1, 0.0,
      false, [](std::uint32_t, std::uint32_t v) { return v != kHouse; });
  ASSERT_EQ(kept[kHaus].size(), 1u);
  EXPECT_TRUE(kept[kHaus][0].first == kThe || kept[kHaus][0].first == kA);
  EXPECT_EQ(kept[kBuch][0].first, kBook);
}

TEST(TranslationModel1, SelfTranslationAndIdsOutOfRange) {
  // Title words 0 and 3, each in the bodies under it, with body words 1 and
  // 2 under both: each aligns mostly to itself (t(w | w) tends to 1, t(w |
  // 1) and t(w | 2) to 1/2, and so does t(w | NULL): p(w | w) to 1/2). Ids at or above the
  // vocabulary (9) are left out, not read.
  const std::vector<AlignedPair> pairs = {
      {{0, 9}, {{0, 1}, {1, 1}, {9, 3}}},
      {{0}, {{0, 1}, {2, 1}}},
      {{3}, {{1, 1}, {3, 1}}},
      {{3}, {{2, 1}, {3, 1}}},
  };
  const auto rows = TranslationModel1::train(pairs, 4, 10, 10, 0.0);
  ASSERT_EQ(rows.size(), 4u);
  for (std::uint32_t w : {0u, 3u}) {
    ASSERT_EQ(rows[w].size(), 3u);
    EXPECT_EQ(rows[w].front().first, w);
    EXPECT_GT(rows[w][0].second, 0.45);
    EXPECT_LT(rows[w][1].second, 0.3);
  }
  EXPECT_TRUE(TranslationModel1::train({}, 3, 5, 10, 0.0)[0].empty());
}

TEST(TranslationModel1, ForwardRowsAreTheModelsT) {
  // forward: row w holds t(w | v), the model's own table. Each body word's
  // t sums to 1 over the title words (the M-step), and with the obvious
  // alignment of four_pairs() each body word goes to its title word: t(das
  // | the) tends to 1, t(das | house) to 0 (house is explained by haus).
  struct Row {
    std::uint32_t w, v;
    double min_t, max_t;
  };
  const Row kRows[] = {
      {kDas, kThe, 0.95, 1.0},   {kEin, kA, 0.95, 1.0},     {kHaus, kHouse, 0.95, 1.0},
      {kBuch, kBook, 0.95, 1.0}, {kDas, kHouse, 0.0, 0.05}, {kHaus, kThe, 0.0, 0.05},
  };
  const auto rows =
      TranslationModel1::train(four_pairs(), kVocabulary, 30, 10, 0.0, false, {}, true);
  for (const Row& r : kRows) {
    SCOPED_TRACE(testing::Message() << "w " << r.w << ", v " << r.v);
    EXPECT_GE(p(rows[r.w], r.v), r.min_t);
    EXPECT_LE(p(rows[r.w], r.v), r.max_t);
  }
  for (std::uint32_t v = kThe; v < kVocabulary; ++v) {
    double sum = 0.0;
    for (std::uint32_t w = kDas; w < kThe; ++w) sum += p(rows[w], v);
    EXPECT_NEAR(sum, 1.0, 1e-9) << "v " << v;
  }
  // Not p(v | w): that row of das spreads over NULL too and stays below 0.81.
  const auto reverse = TranslationModel1::train(four_pairs(), kVocabulary, 30, 10, 0.0);
  EXPECT_LT(p(reverse[kDas], kThe), 0.81);
}

}  // namespace
}  // namespace newsindex::internal
