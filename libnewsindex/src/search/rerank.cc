// A learned linear rerank of the top k hits (search/rerank.h).
#include "search/rerank.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>

#include "analysis/match_screen.h"
#include "analysis/token_stream.h"
#include "search/synonyms.h"

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
    if (f.size() == 2 && f[0] == "depth") {
      if (!parse_number(f[1], v[0]) || v[0] < 1 || v[0] > kMaxDepth || v[0] != std::floor(v[0])) {
        return bad("depth must be a whole number in 1..1000");
      }
      m.depth_ = static_cast<std::uint32_t>(v[0]);
      return Status();
    }
    auto name = std::find(kRerankFeatureNames.begin(), kRerankFeatureNames.end(),
                          f.empty() ? std::string_view() : f[0]);
    if (f.size() != 4 || name == kRerankFeatureNames.end()) {
      return bad("expected 'depth K' or 'FEATURE MEAN SD WEIGHT' with FEATURE one of score, "
                 "early, loglen, b75");
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

std::vector<std::string> rerank_query_stems(std::string_view query, TokenStream& stream) {
  std::vector<std::string> stems;
  stream.reset(query);
  while (stream.next()) {
    const Token& t = stream.token();
    if (!positioned(t) || t.stopword) continue;
    if (std::find(stems.begin(), stems.end(), t.stem) == stems.end()) stems.emplace_back(t.stem);
  }
  return stems;
}

double early_feature(std::string_view text, const std::vector<std::string>& stems,
                     TokenStream& stream, std::uint32_t* positions) {
  // Only the words that may analyse to one of `stems` are analysed (the
  // snippeter's screen); the others still take their positions.
  auto* dutch = dynamic_cast<analysis::DutchTokenStream*>(&stream);
  analysis::MatchScreen screen;
  if (dutch != nullptr) {
    for (const std::string& s : stems) screen.add_stem(s, dutch->config());
    dutch->set_screen(&screen);
  }
  std::vector<std::uint32_t> first(stems.size(), 0);  // 0: not seen; else position
  std::size_t seen = 0;
  stream.reset(text, 1);
  while (stream.next()) {
    const Token& t = stream.token();
    if (seen == stems.size() || t.stopword || t.kind == TokenKind::kCompoundPart) continue;
    for (std::size_t i = 0; i < stems.size(); ++i) {
      if (first[i] == 0 && t.stem == stems[i]) {
        first[i] = t.position;
        ++seen;
      }
    }
  }
  if (dutch != nullptr) dutch->set_screen(nullptr);
  const std::uint32_t last = stream.next_position() - 1;
  if (positions) *positions = last;
  if (last == 0 || stems.empty()) return 1.0;
  double sum = 0;
  for (std::uint32_t p : first) sum += p == 0 ? 1.0 : static_cast<double>(p - 1) / last;
  return sum / static_cast<double>(stems.size());
}

std::vector<RerankFeatures> rerank_features(const Xapian::MSet& mset,
                                            const std::vector<std::string>& texts,
                                            const std::vector<double>& b75,
                                            const std::vector<std::string>& stems,
                                            TokenStream& stream) {
  std::vector<RerankFeatures> out(texts.size());
  if (texts.empty()) return out;
  const double first = mset[0].get_weight();
  const double best_b75 = *std::max_element(b75.begin(), b75.end());
  for (std::size_t h = 0; h < texts.size(); ++h) {
    const auto at = static_cast<Xapian::doccount>(h);
    RerankFeatures& f = out[h];
    f[0] = first > 0 ? mset[at].get_weight() / first : 0;
    std::uint32_t words = 0;
    f[1] = early_feature(texts[h], stems, stream, &words);
    f[2] = std::log1p(static_cast<double>(words));
    f[3] = best_b75 > 0 ? b75[h] / best_b75 : 0;
  }
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
