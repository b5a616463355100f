// Pairwise scoring of near-duplicate clusters against labels.
#include "dedup/pair_eval.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

namespace newsindex::internal::dedup {

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

std::pair<std::string, std::string> ordered(const std::string& a, const std::string& b) {
  return a < b ? std::make_pair(a, b) : std::make_pair(b, a);
}

}  // namespace

Result<std::vector<LabelledPair>> read_pair_labels(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::not_found("cannot open labels file " + path);
  std::vector<LabelledPair> out;
  const std::string origin = path.substr(path.find_last_of('/') + 1);
  std::string line;
  int number = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++number;
    line = trimmed(line);
    if (line.empty() || line[0] == '#') continue;
    if (header) {  // id_a, id_b, label, ...
      header = false;
      continue;
    }
    auto cols = split_tabs(line);
    if (cols.size() < 3 || cols[0].empty() || cols[1].empty()) {
      return Status::parse_error(path + ":" + std::to_string(number) + ": want id_a, id_b, label");
    }
    LabelledPair p{cols[0], cols[1], PairLabel::kDifferent, origin};
    if (cols[2] == "dup") {
      p.label = PairLabel::kDuplicate;
    } else if (cols[2] == "partial") {
      p.label = PairLabel::kPartial;
    } else if (cols[2] != "no") {
      return Status::parse_error(path + ":" + std::to_string(number) + ": unknown label \"" + cols[2] +
                         "\" (dup, partial, no)");
    }
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<std::string>> read_id_list(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::not_found("cannot open id list " + path);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    line = trimmed(line);
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

PairScore score_pairs(const std::unordered_map<std::string, std::string>& cluster_of,
                      const std::vector<LabelledPair>& labels, PartialAs partial) {
  std::map<std::pair<std::string, std::string>, bool> positive;  // labelled pairs
  std::set<std::pair<std::string, std::string>> ignored;
  for (const auto& p : labels) {
    if (!cluster_of.count(p.a) || !cluster_of.count(p.b) || p.a == p.b) continue;
    if (p.label == PairLabel::kPartial && partial == PartialAs::kIgnored) {
      ignored.insert(ordered(p.a, p.b));
      continue;
    }
    bool pos = p.label == PairLabel::kDuplicate ||
               (partial == PartialAs::kPositive && p.label == PairLabel::kPartial);
    positive[ordered(p.a, p.b)] = pos;
  }
  std::map<std::string, std::vector<std::string>> members;
  for (const auto& [id, key] : cluster_of) members[key].push_back(id);

  PairScore s;
  std::set<std::pair<std::string, std::string>> predicted;
  for (auto& [key, ids] : members) {
    std::sort(ids.begin(), ids.end());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      for (std::size_t j = i + 1; j < ids.size(); ++j) {
        auto pair = std::make_pair(ids[i], ids[j]);
        if (ignored.count(pair)) continue;
        predicted.insert(pair);
        ++s.predicted;
        auto it = positive.find(pair);
        if (it != positive.end() && it->second) {
          ++s.tp;
          continue;
        }
        ++s.fp;
        if (it == positive.end()) ++s.unlabelled;
        s.false_pairs.push_back(pair);
      }
    }
  }
  for (const auto& [pair, pos] : positive) {
    if (pos && !predicted.count(pair)) {
      ++s.fn;
      s.missed_pairs.push_back(pair);
    }
  }
  return s;
}

std::vector<OriginCount> count_by_origin(
    const std::unordered_map<std::string, std::string>& cluster_of,
    const std::vector<LabelledPair>& labels, PartialAs partial) {
  std::vector<OriginCount> out;
  std::map<std::string, std::size_t> index;
  for (const auto& p : labels) {
    auto a = cluster_of.find(p.a), b = cluster_of.find(p.b);
    if (a == cluster_of.end() || b == cluster_of.end() || p.a == p.b) continue;
    if (p.label == PairLabel::kPartial && partial == PartialAs::kIgnored) continue;
    auto [it, fresh] = index.emplace(p.origin, out.size());
    if (fresh) out.push_back(OriginCount{p.origin});
    OriginCount& c = out[it->second];
    const bool same = a->second == b->second;
    if (p.label == PairLabel::kDuplicate ||
        (p.label == PairLabel::kPartial && partial == PartialAs::kPositive)) {
      ++c.positives;
      c.found += same;
    } else {
      ++c.negatives;
      c.joined += same;
    }
  }
  return out;
}

}  // namespace newsindex::internal::dedup
