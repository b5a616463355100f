// dedup_eval: precision and recall of wire-story (near-duplicate) detection
// against labelled pairs, for docs/evaluation.md "Duplicate detection".
//
// Runs the writer's own dedup path (DocumentBuilder signature ->
// ClusterIndex::assign, in input order) over the articles, keeps those in
// --ids (all when absent), and scores pairs with equal cluster keys against
// the labels (dedup/pair_eval.h).
//
//   dedup_eval --labels PAIRS.tsv [--ids IDS.txt] [--errors] [--sweep] CORPUS...
//   dedup_eval --groups corpora/sample/duplicates.tsv corpora/sample/jsonl
//
// --groups reads doc_id/group lines instead: every pair in one group is "dup".
// --errors lists false and missed pairs with their estimated Jaccard and
// whether they share an LSH band. --sweep also scores the direct pair rule
// (shared band and estimate >= t, no clustering) at several thresholds t.
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dedup/cluster_index.h"
#include "dedup/minhash.h"
#include "dedup/pair_eval.h"
#include "index/document_builder.h"
#include "newsindex/analyzer.h"
#include "newsindex/reader.h"

namespace dd = newsindex::internal::dedup;
using dd::kThreshold;

namespace {

struct Args {
  std::string labels, groups, ids;
  bool errors = false, sweep = false;
  std::vector<std::string> inputs;
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "dedup_eval: " << why
            << "\nusage: dedup_eval (--labels PAIRS.tsv | --groups GROUPS.tsv) [--ids IDS.txt]"
               " [--errors] [--sweep] CORPUS...\n";
  std::exit(2);
}

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string s = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(s + " needs a value");
      return argv[++i];
    };
    if (s == "--labels") a.labels = value();
    else if (s == "--groups") a.groups = value();
    else if (s == "--ids") a.ids = value();
    else if (s == "--errors") a.errors = true;
    else if (s == "--sweep") a.sweep = true;
    else if (s.rfind("--", 0) == 0) usage("unknown option " + s);
    else a.inputs.push_back(s);
  }
  if (a.labels.empty() == a.groups.empty()) usage("give one of --labels, --groups");
  if (a.inputs.empty()) usage("no corpus given");
  return a;
}

[[noreturn]] void fail(const newsindex::Status& st) {
  std::cerr << "dedup_eval: " << st.to_string() << '\n';
  std::exit(1);
}

// doc_id<TAB>group lines (corpora/sample/duplicates.tsv) -> "dup" pairs.
std::vector<dd::LabelledPair> group_pairs(const std::string& path) {
  auto ids = dd::read_id_list(path);
  if (!ids.ok()) fail(ids.status());
  std::map<std::string, std::vector<std::string>> groups;
  for (std::size_t i = 1; i < ids->size(); ++i) {  // [0] is the header
    const std::string& line = (*ids)[i];
    auto tab = line.find('\t');
    if (tab != std::string::npos) groups[line.substr(tab + 1)].push_back(line.substr(0, tab));
  }
  std::vector<dd::LabelledPair> out;
  for (const auto& [group, members] : groups) {
    for (std::size_t i = 0; i < members.size(); ++i) {
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        out.push_back({members[i], members[j], dd::PairLabel::kDuplicate});
      }
    }
  }
  return out;
}

struct Doc {
  bool has_signature = false;
  dd::Signature sig{};
  dd::BandKeys bands{};
};

bool share_band(const Doc& a, const Doc& b) {
  for (int i = 0; i < dd::kBands; ++i) {
    if (a.bands[i] == b.bands[i]) return true;
  }
  return false;
}

void print_score(const char* name, const dd::PairScore& s) {
  std::printf("%-8s precision %.3f (%llu/%llu predicted pairs; %llu unlabelled)  "
              "recall %.3f (%llu/%llu)\n",
              name, s.precision(), static_cast<unsigned long long>(s.tp),
              static_cast<unsigned long long>(s.predicted),
              static_cast<unsigned long long>(s.unlabelled), s.recall(),
              static_cast<unsigned long long>(s.tp), static_cast<unsigned long long>(s.tp + s.fn));
}

}  // namespace

int main(int argc, char** argv) {
  Args args = parse_args(argc, argv);
  std::vector<dd::LabelledPair> labels;
  if (!args.labels.empty()) {
    auto l = dd::read_pair_labels(args.labels);
    if (!l.ok()) fail(l.status());
    labels = std::move(*l);
  } else {
    labels = group_pairs(args.groups);
  }
  std::unordered_set<std::string> wanted;
  if (!args.ids.empty()) {
    auto ids = dd::read_id_list(args.ids);
    if (!ids.ok()) fail(ids.status());
    wanted.insert(ids->begin(), ids->end());
  }

  auto analyzer = newsindex::Analyzer::create();
  if (!analyzer.ok()) fail(analyzer.status());
  auto source = newsindex::ArticleSource::open(args.inputs);
  if (!source.ok()) fail(source.status());
  newsindex::internal::DocumentBuilder builder(*analyzer, /*index_title=*/true);
  dd::ClusterIndex clusters(nullptr);
  std::unordered_map<std::string, std::string> cluster_of;
  std::unordered_map<std::string, Doc> docs;
  std::vector<std::string> order;
  newsindex::Article article;
  newsindex::ReadIssue issue;
  newsindex::internal::BuiltDocument built;
  for (;;) {
    auto next = (*source)->next(article, issue);
    if (next == newsindex::ArticleSource::Next::kEnd) break;
    if (next == newsindex::ArticleSource::Next::kArticle &&
        (wanted.empty() || wanted.count(article.id)) &&
        newsindex::internal::validate_article(article).ok() && !cluster_of.count(article.id)) {
      // The writer's serial stage, without the database.
      builder.build(article, built);
      std::string key = built.has_signature
                            ? clusters.assign(built.id, built.signature, built.bands)
                            : built.id;
      cluster_of[built.id] = key;
      docs[built.id] = Doc{built.has_signature, built.signature, built.bands};
      order.push_back(built.id);
    }
    article = newsindex::Article{};
  }
  if (!wanted.empty() && cluster_of.size() != wanted.size()) {
    std::fprintf(stderr, "dedup_eval: warning: %zu of %zu listed ids found\n", cluster_of.size(),
                 wanted.size());
  }
  std::size_t multi = 0;
  {
    std::unordered_map<std::string, int> sizes;
    for (const auto& [id, key] : cluster_of) ++sizes[key];
    for (const auto& [key, n] : sizes) multi += n > 1;
  }
  std::printf("articles %zu  clusters with >1 article %zu  labelled pairs %zu  (%s)\n",
              cluster_of.size(), multi, labels.size(), dd::parameters().c_str());
  dd::PairScore strict = dd::score_pairs(cluster_of, labels, false);
  dd::PairScore lenient = dd::score_pairs(cluster_of, labels, true);
  print_score("strict", strict);
  print_score("lenient", lenient);

  if (args.errors) {
    auto show = [&](const char* what, const std::pair<std::string, std::string>& p) {
      const Doc& a = docs[p.first];
      const Doc& b = docs[p.second];
      double j = a.has_signature && b.has_signature ? dd::estimate_jaccard(a.sig, b.sig) : -1;
      std::printf("%s\t%s\t%s\test_jaccard=%.2f\tshare_band=%d\n", what, p.first.c_str(),
                  p.second.c_str(), j, a.has_signature && b.has_signature && share_band(a, b));
    };
    std::map<std::pair<std::string, std::string>, dd::PairLabel> label_of;
    for (const auto& l : labels) label_of[{std::min(l.a, l.b), std::max(l.a, l.b)}] = l.label;
    for (const auto& p : strict.false_pairs) {
      auto it = label_of.find(p);
      show(it == label_of.end() ? "unlabelled"
           : it->second == dd::PairLabel::kPartial ? "false(partial)"
                                                   : "false(no)",
           p);
    }
    for (const auto& p : lenient.missed_pairs) {
      auto it = label_of.find(p);
      show(it->second == dd::PairLabel::kPartial ? "missed(partial)" : "missed(dup)", p);
    }
  }

  if (args.sweep) {
    // Direct pair rule over all pairs: what the threshold alone does.
    std::map<std::pair<std::string, std::string>, dd::PairLabel> label_of;
    for (const auto& l : labels) label_of[{std::min(l.a, l.b), std::max(l.a, l.b)}] = l.label;
    std::size_t positives = 0;
    for (const auto& [p, l] : label_of) {
      positives += l == dd::PairLabel::kDuplicate && cluster_of.count(p.first) &&
                   cluster_of.count(p.second);
    }
    const double thresholds[] = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    std::size_t predicted[6] = {}, tp[6] = {};
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Doc& a = docs[order[i]];
      if (!a.has_signature) continue;
      for (std::size_t j = i + 1; j < order.size(); ++j) {
        const Doc& b = docs[order[j]];
        if (!b.has_signature) continue;
        double est = dd::estimate_jaccard(a.sig, b.sig);
        if (est < thresholds[0] || !share_band(a, b)) continue;
        auto it = label_of.find({std::min(order[i], order[j]), std::max(order[i], order[j])});
        bool pos = it != label_of.end() && it->second == dd::PairLabel::kDuplicate;
        if (args.errors && !pos && est < kThreshold) {
          std::printf("below-threshold-false\t%s\t%s\test_jaccard=%.2f\t%s\n", order[i].c_str(),
                      order[j].c_str(), est,
                      it == label_of.end() ? "unlabelled"
                      : it->second == dd::PairLabel::kPartial ? "partial"
                                                              : "no");
        }
        for (int t = 0; t < 6; ++t) {
          if (est >= thresholds[t] - 1e-9) {
            ++predicted[t];
            tp[t] += pos;
          }
        }
      }
    }
    for (int t = 0; t < 6; ++t) {
      std::printf("direct t=%.1f precision %.3f (%zu/%zu)  recall %.3f (%zu/%zu)\n",
                  thresholds[t], predicted[t] ? static_cast<double>(tp[t]) / predicted[t] : 1.0,
                  tp[t], predicted[t], positives ? static_cast<double>(tp[t]) / positives : 1.0,
                  tp[t], positives);
    }
  }
  return 0;
}
