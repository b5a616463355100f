// A learned linear rerank of the top k hits (search/rerank.h).
#include "search/rerank.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>

#include "index/schema.h"
#include "newsindex/searcher.h"
#include "search/key_search.h"
#include "search/ranking_weight.h"
#include "search/synonyms.h"
#include "util/ascii.h"

namespace newsindex::internal {
namespace {

constexpr std::uint32_t kMaxDepth = 1000;

// Words and hyphen parts have positions of their own; variants and compound
// parts share the word's.
bool positioned(const Token& t) {
  return t.kind == TokenKind::kWord || t.kind == TokenKind::kHyphenPart;
}

bool parse_number(std::string_view s, double& out) {
  std::string copy(s);
  char* end = nullptr;
  out = std::strtod(copy.c_str(), &end);
  return !copy.empty() && end == copy.c_str() + copy.size() && std::isfinite(out);
}

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

Result<RerankModel> RerankModel::load(const std::string& path) {
  if (path.empty()) return RerankModel();
  Result<std::string> text = read_list_file(path, "rerank model file");
  if (!text.ok()) return text.status();
  return parse(*text, path);
}

Result<RerankModel> RerankModel::parse(std::string_view text, std::string_view origin) {
  RerankModel m;
  Status st = for_each_list_line(text, [&](std::string_view line, std::size_t line_no) {
    auto bad = [&](const std::string& why) {
      return Status::parse_error(std::string(origin) + ":" + std::to_string(line_no) + ": " +
                                 why + ", got '" + std::string(line) + "'");
    };
    std::vector<std::string_view> f = fields(line);
    double v[3] = {0, 0, 0};
    if (f.size() == 2 && (f[0] == "depth" || f[0] == "words")) {
      if (!parse_number(f[1], v[0]) || v[0] < 1 || v[0] > kMaxDepth || v[0] != std::floor(v[0])) {
        return bad(std::string(f[0]) + " must be a whole number in 1..1000");
      }
      (f[0] == "depth" ? m.depth_ : m.min_words_) = static_cast<std::uint32_t>(v[0]);
      return Status();
    }
    auto name = std::find(kRerankFeatureNames.begin(), kRerankFeatureNames.end(),
                          f.empty() ? std::string_view() : f[0]);
    if (f.size() != 4 || name == kRerankFeatureNames.end()) {
      return bad("expected 'depth K', 'words N' or 'FEATURE MEAN SD WEIGHT' with FEATURE one "
                 "of score, first, logbytes, keybm25");
    }
    for (int i = 0; i < 3; ++i) {
      if (!parse_number(f[i + 1], v[i])) return bad("MEAN, SD and WEIGHT must be numbers");
    }
    if (!(v[1] > 0)) return bad("SD must be greater than 0");
    const auto at = static_cast<std::size_t>(name - kRerankFeatureNames.begin());
    m.mean_[at] = v[0];
    m.sd_[at] = v[1];
    m.weight_[at] = v[2];
    return Status();
  });
  if (!st.ok()) return st;
  if (m.depth_ == 0) return Status::parse_error(std::string(origin) + ": no 'depth K' line");
  return m;
}

double RerankModel::score(const RerankFeatures& f) const {
  double s = 0;
  for (std::size_t i = 0; i < kRerankFeatures; ++i) s += weight_[i] * (f[i] - mean_[i]) / sd_[i];
  return s;
}

RerankModel RerankModel::builtin() {
  Result<RerankModel> m = parse(builtin_rerank_model_text(), "built-in rerank model");
  // A build whose data file does not parse fails the tests
  // (RerankModel.ShippedHeadlineModel); it reranks nothing.
  return m.ok() ? std::move(m).value() : RerankModel();
}

std::size_t rerank_query_words(std::string_view query) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : query) {
    if (is_ascii_space(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

std::vector<std::string> rerank_query_stems(std::string_view query, TokenStream& stream,
                                            std::vector<std::string>* keys) {
  std::vector<std::string> stems;
  if (keys) keys->clear();
  stream.reset(query);
  while (stream.next()) {
    const Token& t = stream.token();
    if (!positioned(t) || t.stopword) continue;
    if (std::find(stems.begin(), stems.end(), t.stem) == stems.end()) {
      stems.emplace_back(t.stem);
      if (keys) {
        // The stem, unless it is not how the word starts ("kaas" -> "kas").
        const std::string_view from = t.term.substr(0, t.stem.size()) == t.stem ? t.stem : t.term;
        keys->emplace_back(from.substr(0, std::min(from.size(), kKeyBytes)));
      }
    }
  }
  return stems;
}

RerankQuery rerank_query(const std::vector<std::string>& stems, std::vector<std::string> keys,
                         const Xapian::MSet& mset, Xapian::doccount docs) {
  RerankQuery q;
  q.keys = std::move(keys);
  for (const std::string& stem : stems) {
    const std::string term = std::string(schema::kPrefixStem) + stem;
    q.idf.push_back(bm25_idf(docs, mset.get_termfreq(term)));
  }
  return q;
}

RerankFeatures text_features(std::string_view text, const RerankQuery& query, std::string& lower,
                             KeySearch& search) {
  lower.resize(text.size());
  lower_ascii_into(text, lower.data());
  search.find(lower, lower.size());  // every start of every key, in one pass
  const double bytes = static_cast<double>(text.size());
  const double norm = (1.0 - kRerankB) + kRerankB * std::max(bytes / kTypicalTextBytes, 1.0);
  double first = 0, bm25 = 0;
  for (std::size_t k = 0; k < query.keys.size(); ++k) {
    double at_first = 1.0, count = 0;
    for (std::uint32_t at : search.positions(k)) {
      const auto before = at == 0 ? ' ' : static_cast<unsigned char>(lower[at - 1]);
      if (before >= 0x80 || is_ascii_alnum(static_cast<char>(before))) continue;
      if (count == 0) at_first = static_cast<double>(at) / bytes;
      ++count;
    }
    first += at_first;
    bm25 += query.idf[k] * (kRerankK1 + 1) * count / (kRerankK1 * norm + count);
  }
  RerankFeatures f{};
  f[1] = query.keys.empty() ? 1.0 : first / static_cast<double>(query.keys.size());
  f[2] = std::log1p(bytes);
  f[3] = bm25;
  return f;
}

std::vector<RerankFeatures> rerank_features(const Xapian::MSet& mset,
                                            const std::vector<std::string>& texts,
                                            const RerankQuery& query) {
  std::vector<RerankFeatures> out(texts.size());
  if (texts.empty()) return out;
  const double first = mset[0].get_weight();
  std::string lower;
  KeySearch search;
  search.set_keys(query.keys);
  double best_bm25 = 0;
  for (std::size_t h = 0; h < texts.size(); ++h) {
    out[h] = text_features(texts[h], query, lower, search);
    out[h][0] = first > 0 ? mset[static_cast<Xapian::doccount>(h)].get_weight() / first : 0;
    best_bm25 = std::max(best_bm25, out[h][3]);
  }
  for (RerankFeatures& f : out) f[3] = best_bm25 > 0 ? f[3] / best_bm25 : 0;
  return out;
}

std::vector<std::size_t> rerank_order(const RerankModel& model,
                                      const std::vector<RerankFeatures>& features) {
  std::vector<double> score(features.size());
  for (std::size_t i = 0; i < features.size(); ++i) score[i] = model.score(features[i]);
  std::vector<std::size_t> order(features.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
  return order;
}

}  // namespace newsindex::internal

namespace newsindex {

std::vector<std::string> rerank_feature_names() {
  return {internal::kRerankFeatureNames.begin(), internal::kRerankFeatureNames.end()};
}

}  // namespace newsindex
