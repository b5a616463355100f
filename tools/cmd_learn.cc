// newsindex learn-headlines: learn how often a headline's words recur in
// the article's body, from the user's own archive (newsindex/headline_rates.h).
//
//   newsindex learn-headlines --out rates.tsv [--translations-out tr.tsv]
//       [--translation-model lift|model1] [--exclude ids.txt] PATH...
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "cli_common.h"
#include "commands.h"
#include "newsindex/analyzer.h"
#include "newsindex/headline_rates.h"
#include "newsindex/reader.h"

namespace newsindex::tools {

namespace {

struct LearnArgs {
  std::vector<std::string> paths;
  std::string out;
  std::string exclude;
  std::string translations_out;
  std::uint32_t min_titles = 3;
  std::string method = "lift";
  HeadlineTranslationOptions translations;
  bool per_stem_given = false;
};

// --translations-per-stem for model1 when not given (the best on the odd half
// of known-item-nl, docs/evaluation.md; lift's is the options' default, 1).
constexpr std::uint32_t kModel1PerStem = 5;

// Ids one a line, or TREC qrels lines ("qid 0 docid rel": the third field).
Status read_ids(const std::string& path, std::unordered_set<std::string>& ids) {
  std::ifstream in(path);
  if (!in) return Status::not_found("cannot open exclude file " + path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::vector<std::string> f;
    for (std::string w; fields >> w;) f.push_back(w);
    if (f.empty() || f.front()[0] == '#') continue;
    ids.insert(f.size() == 4 ? f[2] : f[0]);
  }
  return Status();
}

int run_learn(const LearnArgs& a) {
  std::unordered_set<std::string> excluded;
  if (!a.exclude.empty()) {
    if (Status st = read_ids(a.exclude, excluded); !st.ok()) return report_error("learn-headlines", st);
  }
  Result<std::shared_ptr<const Analyzer>> analyzer = Analyzer::create();
  if (!analyzer.ok()) return report_error("learn-headlines", analyzer.status());
  Result<std::unique_ptr<ArticleSource>> source = ArticleSource::open(a.paths);
  if (!source.ok()) return report_error("learn-headlines", source.status());
  HeadlineRateLearner learner(*analyzer);
  Article article;
  ReadIssue issue;
  std::uint64_t skipped = 0, left_out = 0;
  for (;;) {
    ArticleSource::Next n = (*source)->next(article, issue);
    if (n == ArticleSource::Next::kEnd) break;
    if (n == ArticleSource::Next::kIssue) {
      std::cerr << "newsindex learn-headlines: skipped " << issue.where << ": " << issue.message
                << "\n";
      ++skipped;
      continue;
    }
    if (excluded.count(article.id)) {
      ++left_out;
      continue;
    }
    learner.add(article);
  }
  std::ofstream out(a.out, std::ios::binary | std::ios::trunc);
  out << learner.text(a.min_titles);
  out.close();
  if (!out) return report_error("learn-headlines", Status::io_error("cannot write " + a.out));
  if (!a.translations_out.empty()) {
    std::ofstream tr(a.translations_out, std::ios::binary | std::ios::trunc);
    HeadlineTranslationOptions o = a.translations;
    o.method = a.method == "model1" ? HeadlineTranslationOptions::Method::kModel1
                                    : HeadlineTranslationOptions::Method::kLift;
    if (!a.per_stem_given && o.method == HeadlineTranslationOptions::Method::kModel1) {
      o.per_stem = kModel1PerStem;
    }
    tr << learner.translations_text(o);
    tr.close();
    if (!tr) {
      return report_error("learn-headlines", Status::io_error("cannot write " + a.translations_out));
    }
  }
  std::fprintf(stderr, "learned from %llu articles (%llu excluded, %llu skipped) into %s\n",
               static_cast<unsigned long long>(learner.articles()),
               static_cast<unsigned long long>(left_out),
               static_cast<unsigned long long>(skipped), a.out.c_str());
  return kExitOk;
}

}  // namespace

void add_learn_headlines_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<LearnArgs>();
  auto* cmd = app.add_subcommand(
      "learn-headlines",
      "Learn how often headline words recur in their bodies (for search --headline-rates)");
  cmd->add_option("paths", args->paths, "Archive files or folders (as for index)")->required();
  cmd->add_option("--out", args->out, "Rates file to write")->required();
  cmd->add_option("--translations-out", args->translations_out,
                  "Also write headline translations (for search --headline-translations)");
  HeadlineTranslationOptions& t = args->translations;
  cmd->add_option("--translation-model", args->method,
                  "How body stems are chosen: lift (co-occurrence) or model1 (IBM Model 1, EM)")
      ->capture_default_str()
      ->check(CLI::IsMember({"lift", "model1"}));
  cmd->add_option_function<std::uint32_t>(
         "--translations-per-stem",
         [args](const std::uint32_t& k) {
           args->translations.per_stem = k;
           args->per_stem_given = true;
         },
         "Most body stems kept for one title stem (default: 1 for lift, 5 for model1)")
      ->check(CLI::Range(1u, 100u));
  cmd->add_option("--max-body-share", t.max_share,
                  "Only body stems in at most this share of all bodies")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-lift", t.min_lift,
                  "lift: how many times more often a body stem must be in the bodies lacking the "
                  "title stem than in all bodies")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 1e6));
  cmd->add_option("--em-iterations", t.em_iterations, "model1: EM iterations")
      ->capture_default_str()
      ->check(CLI::Range(1u, 100u));
  cmd->add_option("--translation-floor", t.floor, "model1: only p(body stem | title stem) >= this")
      ->capture_default_str()
      ->check(CLI::Range(0.0001, 1.0));
  cmd->add_option("--body-stems", t.body_stems,
                  "model1: each body's first N non-stop stems, lead first (0: all)")
      ->capture_default_str()
      ->check(CLI::Range(0u, 100000u));
  cmd->add_option("--max-stems", t.max_stems, "model1: the most frequent stems kept, each side")
      ->capture_default_str()
      ->check(CLI::Range(1u, 10000000u));
  cmd->add_flag("--forward-table", t.forward_table,
                "model1: write t(title stem | body stem) for every pair >= the floor instead "
                "(for document expansion; not a --headline-translations file)");
  cmd->add_flag("--lacking-only", t.lacking_only,
                "model1: p counts only the titles whose body lacks the title stem");
  cmd->add_option("--translation-min-titles", t.min_titles,
                  "Translations only for title stems of at least this many titles, to body "
                  "stems of at least this many bodies (lift: of the bodies lacking the title stem)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1000000u));
  cmd->add_option("--exclude", args->exclude,
                  "Ids to leave out (one a line, or TREC qrels: the third field)");
  cmd->add_option("--min-titles", args->min_titles, "Only stems in at least this many titles")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1000000u));
  cmd->callback([args, &exit_code] { exit_code = run_learn(*args); });
}

}  // namespace newsindex::tools
