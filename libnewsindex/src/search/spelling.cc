// Spelling suggestions by edit distance over the indexed words.
#include "search/spelling.h"

#include <algorithm>
#include <cctype>

#include "index/term_mapper.h"

namespace newsindex::internal {
namespace {

std::size_t first_char_len(std::string_view s) {
  if (s.empty()) return 0;
  unsigned char c = static_cast<unsigned char>(s[0]);
  std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(n, s.size());
}

// At most this many vocabulary entries are compared per word.
constexpr std::size_t kMaxScan = 200000;

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

std::string closest_word(const Xapian::Database& db, const std::string& word) {
  std::size_t first = first_char_len(word);
  if (first == 0 || word.size() < 3) return "";
  std::size_t limit = word.size() <= 4 ? 1 : 2;
  std::string best;
  std::size_t best_dist = limit + 1;
  Xapian::doccount best_freq = 0;
  std::size_t scanned = 0;
  std::string prefix = word.substr(0, first);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    if (++scanned > kMaxScan) break;
    const std::string& t = *it;
    if (t.size() + limit < word.size() || t.size() > word.size() + limit) continue;
    std::size_t d = edit_distance(word, t, limit);
    if (d == 0 || d > limit) continue;
    Xapian::doccount f = it.get_termfreq();
    if (d < best_dist || (d == best_dist && f > best_freq)) {
      best = t;
      best_dist = d;
      best_freq = f;
    }
  }
  return best;
}

std::string suggest(const Xapian::Database& db, const Analyzer& analyzer,
                    const std::vector<std::string>& words) {
  std::string out;
  bool changed = false;
  for (const std::string& w : words) {
    std::string use = w;
    if (db.get_termfreq(w) == 0 && db.get_termfreq(stem_term(analyzer.stem(w))) == 0) {
      std::string c = closest_word(db, w);
      if (!c.empty()) {
        use = c;
        changed = true;
      }
    }
    if (!out.empty()) out += ' ';
    out += use;
  }
  return changed ? out : std::string();
}

}  // namespace newsindex::internal
