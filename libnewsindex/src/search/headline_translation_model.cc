// IBM Model 1 by EM over title/body pairs (search/headline_translation_model.h).
#include "search/headline_translation_model.h"

#include <algorithm>

namespace newsindex::internal {

std::vector<TranslationModel1::Row> TranslationModel1::train(const std::vector<AlignedPair>& pairs,
                                                             std::uint32_t vocabulary,
                                                             std::uint32_t iterations,
                                                             std::size_t per_row, double floor,
                                                             bool lacking_only,
                                                             const Keep& keep, bool forward) {
  iterations = std::max<std::uint32_t>(iterations, 1);
  // The (w, v) that meet in some pair: for each title word w its body words
  // v, sorted (col[start[w] .. start[w + 1])).
  std::vector<std::size_t> start(vocabulary + 1, 0);
  std::vector<std::uint32_t> col;
  {
    std::vector<std::vector<std::uint32_t>> cols(vocabulary);
    for (const AlignedPair& p : pairs) {
      for (std::uint32_t w : p.title) {
        if (w >= vocabulary) continue;
        for (const auto& [v, n] : p.body) {
          if (v < vocabulary) cols[w].push_back(v);
        }
      }
    }
    for (std::uint32_t w = 0; w < vocabulary; ++w) {
      std::vector<std::uint32_t>& c = cols[w];
      std::sort(c.begin(), c.end());
      c.erase(std::unique(c.begin(), c.end()), c.end());
      start[w + 1] = start[w] + c.size();
    }
    col.reserve(start[vocabulary]);
    for (std::vector<std::uint32_t>& c : cols) {
      col.insert(col.end(), c.begin(), c.end());
      std::vector<std::uint32_t>().swap(c);
    }
  }
  // For each pair, title word and body word: the entry of t(w | v).
  std::vector<std::size_t> where;
  for (const AlignedPair& p : pairs) {
    for (std::uint32_t w : p.title) {
      if (w >= vocabulary) continue;
      auto lo = col.begin() + static_cast<std::ptrdiff_t>(start[w]);
      const auto hi = col.begin() + static_cast<std::ptrdiff_t>(start[w + 1]);
      for (const auto& [v, n] : p.body) {
        if (v >= vocabulary) continue;
        lo = std::lower_bound(lo, hi, v);
        where.push_back(static_cast<std::size_t>(lo - col.begin()));
      }
    }
  }

  // t(w | v) and t(w | NULL), uniform to start; the expected counts.
  std::vector<double> t(col.size(), 1.0), null_t(vocabulary, 1.0);
  std::vector<double> c(col.size()), null_c(vocabulary);
  std::vector<double> total(vocabulary);
  std::vector<double> titles(vocabulary, 0.0);  // pairs with w: its alignments' sum
  for (const AlignedPair& p : pairs) {
    for (std::uint32_t w : p.title) {
      if (w < vocabulary) ++titles[w];
    }
  }
  for (std::uint32_t it = 0; it < iterations; ++it) {
    std::fill(c.begin(), c.end(), 0.0);
    std::fill(null_c.begin(), null_c.end(), 0.0);
    const bool last = it + 1 == iterations;
    std::size_t k = 0;
    for (const AlignedPair& p : pairs) {
      for (std::uint32_t w : p.title) {
        if (w >= vocabulary) continue;
        const std::size_t first = k;
        double denom = null_t[w];
        bool has_w = false;
        for (const auto& [v, n] : p.body) {
          if (v >= vocabulary) continue;
          has_w |= v == w;
          denom += n * t[where[k++]];
        }
        if (last && lacking_only && !forward && has_w) continue;  // k is past this word's entries
        k = first;
        for (const auto& [v, n] : p.body) {
          if (v >= vocabulary) continue;
          const std::size_t e = where[k++];
          c[e] += n * t[e] / denom;
        }
        null_c[w] += null_t[w] / denom;
      }
    }
    if (last) break;
    // M-step: t(w | v) = c(w, v) / sum over w' of c(w', v).
    std::fill(total.begin(), total.end(), 0.0);
    double null_total = 0.0;
    for (std::size_t e = 0; e < col.size(); ++e) total[col[e]] += c[e];
    for (double x : null_c) null_total += x;
    for (std::size_t e = 0; e < col.size(); ++e) {
      t[e] = total[col[e]] > 0 ? c[e] / total[col[e]] : 0;
    }
    for (std::uint32_t w = 0; w < vocabulary; ++w) {
      null_t[w] = null_total > 0 ? null_c[w] / null_total : 0;
    }
  }

  // p(v | w): w's expected alignments of the last E-step over all of them
  // (one for each pair with w); forward: t(w | v).
  std::vector<Row> rows(vocabulary);
  for (std::uint32_t w = 0; w < vocabulary; ++w) {
    const double sum = titles[w];
    if (!(sum > 0)) continue;
    Row& row = rows[w];
    for (std::size_t e = start[w]; e < start[w + 1]; ++e) {
      const double p = forward ? t[e] : c[e] / sum;
      if (p >= floor && (!keep || keep(w, col[e]))) row.emplace_back(col[e], p);
    }
    std::sort(row.begin(), row.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (row.size() > per_row) row.resize(per_row);
    row.shrink_to_fit();
  }
  return rows;
}

}  // namespace newsindex::internal
