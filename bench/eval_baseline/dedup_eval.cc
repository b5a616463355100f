// dedup_eval: precision and recall of wire-story (near-duplicate) detection
// against labelled pairs, for docs/evaluation.md "Duplicate detection".
//
// Runs the writer's own dedup path (DocumentBuilder signature ->
// ClusterIndex::assign, in input order) over the evaluation set
// (dedup/eval_set.h: the listed articles of the corpora, then the edited
// copies of the recipes) and scores pairs with equal cluster keys against
// the labels (dedup/pair_eval.h).
//
//   dedup_eval [--labels PAIRS.tsv]... [--ids IDS.txt]... [--edits RECIPES.tsv]...
//              [--errors] [--sweep] CORPUS...
//   dedup_eval --groups corpora/sample/duplicates.tsv corpora/sample/jsonl
//
// --groups reads doc_id/group lines instead: every pair in one group is "dup".
// --errors lists false and missed pairs with their estimated Jaccard and
// containment and whether they share an LSH band. --sweep also scores the
// direct pair rule (shared band, >= kMinAgree equal hashes, containment >= t,
// no clustering) at several thresholds t. --dump prints every labelled pair
// with the same figures and its label. --largest prints the cluster size
// histogram and the ten largest clusters' keys. --former-rule drops the
// shingle counts, outlet and title, as for signatures of an older database:
// the rule is then the former one, estimated Jaccard >= 0.6 (with the current
// 30x2 bands), without the standing-text test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "index/cluster_index.h"
#include "dedup/eval_set.h"
#include "dedup/minhash.h"
#include "dedup/pair_eval.h"
#include "index/document_builder.h"
#include "newsindex/analyzer.h"
#include "newsindex/reader.h"

namespace dd = newsindex::internal::dedup;

namespace {

struct Args {
  dd::EvalInputs inputs;
  std::string groups;
  bool errors = false, sweep = false, dump = false, largest = false, former = false;
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "dedup_eval: " << why
            << "\nusage: dedup_eval [--labels PAIRS.tsv]... [--ids IDS.txt]... "
               "[--edits RECIPES.tsv]... [--errors] [--sweep] CORPUS...\n"
               "       dedup_eval --groups GROUPS.tsv CORPUS...\n";
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
    if (s == "--labels") a.inputs.label_files.push_back(value());
    else if (s == "--groups") a.groups = value();
    else if (s == "--ids") a.inputs.id_files.push_back(value());
    else if (s == "--edits") a.inputs.recipe_files.push_back(value());
    else if (s == "--errors") a.errors = true;
    else if (s == "--sweep") a.sweep = true;
    else if (s == "--dump") a.dump = true;
    else if (s == "--largest") a.largest = true;
    else if (s == "--former-rule") a.former = true;
    else if (s.rfind("--", 0) == 0) usage("unknown option " + s);
    else a.inputs.corpora.push_back(s);
  }
  const bool labelled = !a.inputs.label_files.empty() || !a.inputs.recipe_files.empty();
  if (labelled == !a.groups.empty()) usage("give --labels/--edits or --groups");
  if (a.inputs.corpora.empty()) usage("no corpus given");
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
        out.push_back({members[i], members[j], dd::PairLabel::kDuplicate, "groups"});
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
  std::printf("%-16s precision %.3f (%llu/%llu predicted pairs; %llu unlabelled)  "
              "recall %.3f (%llu/%llu)\n",
              name, s.precision(), static_cast<unsigned long long>(s.tp),
              static_cast<unsigned long long>(s.predicted),
              static_cast<unsigned long long>(s.unlabelled), s.recall(),
              static_cast<unsigned long long>(s.tp), static_cast<unsigned long long>(s.tp + s.fn));
}

using PairKey = std::pair<std::string, std::string>;
PairKey ordered(const std::string& a, const std::string& b) {
  return a < b ? PairKey(a, b) : PairKey(b, a);
}

}  // namespace

int main(int argc, char** argv) {
  Args args = parse_args(argc, argv);
  dd::EvalSet set;
  if (args.groups.empty()) {
    auto s = dd::load_eval_set(args.inputs);
    if (!s.ok()) fail(s.status());
    set = std::move(*s);
    if (!set.missing.empty()) {
      std::fprintf(stderr, "dedup_eval: warning: %zu of %zu listed ids not found (e.g. %s)\n",
                   set.missing.size(), set.wanted, set.missing[0].c_str());
    }
  } else {
    set.labels = group_pairs(args.groups);
    auto source = newsindex::ArticleSource::open(args.inputs.corpora);
    if (!source.ok()) fail(source.status());
    newsindex::Article article;
    newsindex::ReadIssue issue;
    std::unordered_set<std::string> seen;
    for (;;) {
      auto next = (*source)->next(article, issue);
      if (next == newsindex::ArticleSource::Next::kEnd) break;
      if (next == newsindex::ArticleSource::Next::kArticle &&
          newsindex::internal::validate_article(article).ok() && seen.insert(article.id).second) {
        set.articles.push_back(std::move(article));
      }
      article = newsindex::Article{};
    }
  }

  auto analyzer = newsindex::Analyzer::create();
  if (!analyzer.ok()) fail(analyzer.status());
  newsindex::internal::DocumentBuilder builder(*analyzer, /*index_title=*/true);
  dd::ClusterIndex clusters(nullptr);
  std::unordered_map<std::string, std::string> cluster_of;
  std::unordered_map<std::string, Doc> docs;
  std::vector<std::string> order;
  newsindex::internal::BuiltDocument built;
  double assign_seconds = 0;  // ClusterIndex::assign, the serial stage's share
  for (const auto& article : set.articles) {
    // The writer's serial stage, without the database.
    builder.build(article, built);
    if (args.former) {  // as for a signature of an old database
      built.signature.shingles = 0;
      built.signature.outlet = 0;
      built.signature.title = 0;
    }
    const auto t0 = std::chrono::steady_clock::now();
    std::string key =
        built.has_signature ? clusters.assign(built.id, built.signature, built.bands) : built.id;
    assign_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    cluster_of[built.id] = key;
    docs[built.id] = Doc{built.has_signature, built.signature, built.bands};
    order.push_back(built.id);
  }
  std::size_t multi = 0;
  std::unordered_map<std::string, int> sizes;
  for (const auto& [id, key] : cluster_of) ++sizes[key];
  for (const auto& [key, n] : sizes) multi += n > 1;
  if (args.largest) {
    std::vector<std::pair<int, std::string>> by_size;
    for (const auto& [key, n] : sizes) by_size.emplace_back(n, key);
    std::sort(by_size.rbegin(), by_size.rend());
    std::map<int, int> histogram;
    for (const auto& [n, key] : by_size) ++histogram[n];
    std::printf("cluster sizes:");
    for (const auto& [n, count] : histogram) std::printf(" %d:%d", n, count);
    std::printf("\n");
    for (std::size_t i = 0; i < by_size.size() && i < 10; ++i) {
      std::printf("largest\t%d\t%s\n", by_size[i].first, by_size[i].second.c_str());
    }
  }
  const auto& labels = set.labels;
  std::printf("articles %zu  clusters with >1 article %zu  labelled pairs %zu  (%s)\n",
              cluster_of.size(), multi, labels.size(), dd::parameters().c_str());
  std::printf("ClusterIndex::assign %.2f s in all (%.1f us per article)\n", assign_seconds,
              cluster_of.empty() ? 0.0 : 1e6 * assign_seconds / cluster_of.size());
  dd::PairScore strict = dd::score_pairs(cluster_of, labels, dd::PartialAs::kNegative);
  dd::PairScore lenient = dd::score_pairs(cluster_of, labels, dd::PartialAs::kPositive);
  dd::PairScore ignored = dd::score_pairs(cluster_of, labels, dd::PartialAs::kIgnored);
  print_score("strict", strict);
  print_score("lenient", lenient);
  print_score("partial-ignored", ignored);
  std::printf("by origin (partial ignored): positives found, negatives joined\n");
  for (const auto& c : dd::count_by_origin(cluster_of, labels, dd::PartialAs::kIgnored)) {
    std::printf("  %-40s found %4llu/%-4llu  joined %3llu/%-4llu\n", c.origin.c_str(),
                static_cast<unsigned long long>(c.found),
                static_cast<unsigned long long>(c.positives),
                static_cast<unsigned long long>(c.joined),
                static_cast<unsigned long long>(c.negatives));
  }

  std::map<PairKey, dd::PairLabel> label_of;
  std::map<PairKey, std::string> origin_of;
  for (const auto& l : labels) {
    label_of[ordered(l.a, l.b)] = l.label;
    origin_of[ordered(l.a, l.b)] = l.origin;
  }
  auto show = [&](const char* what, const PairKey& p) {
      const Doc& a = docs[p.first];
      const Doc& b = docs[p.second];
      const bool both = a.has_signature && b.has_signature;
      std::printf("%s\t%s\t%s\tjaccard=%.2f\tcontainment=%.2f\tshingles=%u/%u\tshare_band=%d\t%s\n",
                  what, p.first.c_str(), p.second.c_str(),
                  both ? dd::estimate_jaccard(a.sig, b.sig) : -1.0,
                  both ? dd::estimate_containment(a.sig, b.sig) : -1.0,
                  static_cast<unsigned>(a.sig.shingles), static_cast<unsigned>(b.sig.shingles),
                  both && share_band(a, b), origin_of[p].c_str());
  };
  if (args.dump) {
    const char* names[] = {"dup", "partial", "no"};
    for (const auto& [p, l] : label_of) {
      if (!cluster_of.count(p.first) || !cluster_of.count(p.second)) continue;
      show(names[static_cast<int>(l)], p);
    }
  }
  if (args.errors) {
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
    // Direct pair rule over all pairs: what the threshold alone does
    // (partial pairs ignored, unlabelled pairs false).
    std::size_t positives = 0;
    for (const auto& [p, l] : label_of) {
      positives += l == dd::PairLabel::kDuplicate && cluster_of.count(p.first) &&
                   cluster_of.count(p.second);
    }
    const double thresholds[] = {0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9};
    constexpr int kT = 7;
    std::size_t predicted[kT] = {}, tp[kT] = {};
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Doc& a = docs[order[i]];
      if (!a.has_signature) continue;
      for (std::size_t j = i + 1; j < order.size(); ++j) {
        const Doc& b = docs[order[j]];
        if (!b.has_signature) continue;
        if (dd::agreeing_hashes(a.sig, b.sig) < dd::kMinAgree || !share_band(a, b)) continue;
        double c = dd::estimate_containment(a.sig, b.sig);
        auto it = label_of.find(ordered(order[i], order[j]));
        if (it != label_of.end() && it->second == dd::PairLabel::kPartial) continue;
        bool pos = it != label_of.end() && it->second == dd::PairLabel::kDuplicate;
        for (int t = 0; t < kT; ++t) {
          if (c >= thresholds[t] - 1e-9) {
            ++predicted[t];
            tp[t] += pos;
          }
        }
      }
    }
    for (int t = 0; t < kT; ++t) {
      std::printf("direct c>=%.2f precision %.3f (%zu/%zu)  recall %.3f (%zu/%zu)\n",
                  thresholds[t], predicted[t] ? static_cast<double>(tp[t]) / predicted[t] : 1.0,
                  tp[t], predicted[t], positives ? static_cast<double>(tp[t]) / positives : 1.0,
                  tp[t], positives);
    }
  }
  return 0;
}
