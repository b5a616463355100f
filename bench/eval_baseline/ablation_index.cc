// ablation_index: builds the newsindex indexes for the ablation rows of
// docs/evaluation.md through the public API (ArticleSource + IndexWriter),
// with any analysis switch turned off. The titles are left out by default
// (known-item-nl queries are titles).
//
//   ablation_index --db DIR [--no-stem] [--no-fold] [--no-apostrophes]
//                  [--no-compounds] [--with-title] [--title-wdf N] [--lead-wdf N]
//                  [--bulk] [--threads N] INPUT...
//
// `newsindex eval` searches such an index as it records it was built (the
// same switches may be given; they must then agree with the record).
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "newsindex/reader.h"
#include "newsindex/writer.h"

namespace {

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "ablation_index: " << why
            << "\nusage: ablation_index --db DIR [--no-stem] [--no-fold] [--no-apostrophes]"
               " [--no-compounds] [--with-title] [--title-wdf N] [--lead-wdf N] [--bulk]"
               " [--threads N] INPUT...\n";
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  std::vector<std::string> inputs;
  newsindex::WriterOptions options;
  options.index_title = false;
  for (int i = 1; i < argc; ++i) {
    std::string s = argv[i];
    if (s == "--db") {
      if (i + 1 >= argc) usage("--db needs a value");
      db = argv[++i];
    } else if (s == "--threads") {
      if (i + 1 >= argc) usage("--threads needs a value");
      options.threads = static_cast<unsigned>(std::atoi(argv[++i]));
    } else if (s == "--title-wdf" || s == "--lead-wdf") {
      if (i + 1 >= argc) usage(s + " needs a value");
      int v = std::atoi(argv[++i]);
      if (v < 1) usage(s + " needs a whole number >= 1");
      (s == "--title-wdf" ? options.title_wdf : options.lead_wdf) = static_cast<std::uint32_t>(v);
    } else if (s == "--no-stem") {
      options.analysis.stem = false;
    } else if (s == "--no-fold") {
      options.analysis.fold_accents = false;
    } else if (s == "--no-apostrophes") {
      options.analysis.apostrophe_rules = false;
    } else if (s == "--no-compounds") {
      options.analysis.split_compounds = false;
    } else if (s == "--lead-terms") {
      options.lead_terms = true;
    } else if (s == "--with-title") {
      options.index_title = true;
    } else if (s == "--bulk") {
      options.bulk = true;
    } else if (!s.empty() && s[0] == '-') {
      usage("unknown option " + s);
    } else {
      inputs.push_back(s);
    }
  }
  if (db.empty() || inputs.empty()) usage("--db and at least one INPUT are required");
  // Bulk mode rewrites the whole database at each commit: one at the end, as
  // `newsindex index` does (the default 1,000 made a 108k build quadratic).
  if (options.bulk) options.batch_size = 0;

  auto source = newsindex::ArticleSource::open(inputs);
  if (!source.ok()) {
    std::cerr << "ablation_index: " << source.status().to_string() << "\n";
    return 1;
  }
  auto writer = newsindex::IndexWriter::open(db, options);
  if (!writer.ok()) {
    std::cerr << "ablation_index: " << writer.status().to_string() << "\n";
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  newsindex::Article article;
  newsindex::ReadIssue issue;
  std::size_t issues = 0, failed = 0;
  for (;;) {
    auto next = (*source)->next(article, issue);
    if (next == newsindex::ArticleSource::Next::kEnd) break;
    if (next == newsindex::ArticleSource::Next::kIssue) {
      if (issues++ < 5) std::cerr << "ablation_index: " << issue.where << ": " << issue.message << "\n";
      continue;
    }
    newsindex::Status s = (*writer)->add(article);
    if (!s.ok() && failed++ < 5) std::cerr << "ablation_index: " << s.to_string() << "\n";
  }
  newsindex::Status s = (*writer)->commit();
  if (!s.ok()) {
    std::cerr << "ablation_index: " << s.to_string() << "\n";
    return 1;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto& st = (*writer)->stats();
  std::cerr << "ablation_index: " << st.added << " added, " << st.replaced << " replaced, "
            << issues << " skipped records, " << failed << " failed adds, "
            << st.text_bytes / 1048576.0 << " MiB in " << seconds << " s\n";
  return 0;
}
