// Benchmark inputs: real corpora when present, the bundled sample otherwise.
#include "bench_data.h"

#include <filesystem>

#include "newsindex/reader.h"

namespace newsindex::bench {

namespace fs = std::filesystem;

std::vector<Article> load_articles(std::size_t max_articles, std::string* source,
                                   const std::string& corpus) {
  std::vector<std::string> paths;
  fs::path shared = fs::path(NEWSINDEX_SHARED_DIR) / "corpora";
  std::error_code ec;
  if (fs::is_directory(shared, ec)) {
    for (const char* name : {"dpgmedia2019", "leestmeer-rss-2019", "7days-youth-news"}) {
      if (!corpus.empty() && corpus != name) continue;
      fs::path p = shared / name / "articles.jsonl.gz";
      if (fs::exists(p, ec)) paths.push_back(p.string());
    }
  }
  if (paths.empty()) {
    paths.push_back((fs::path(NEWSINDEX_SOURCE_DIR) / "corpora" / "sample" / "jsonl").string());
  }
  if (source) {
    source->clear();
    for (const auto& p : paths) *source += p + " ";
  }
  std::vector<Article> out;
  auto src = ArticleSource::open(paths);
  if (!src.ok()) return out;
  Article a;
  ReadIssue issue;
  while (out.size() < max_articles) {
    auto n = (*src)->next(a, issue);
    if (n == ArticleSource::Next::kEnd) break;
    if (n == ArticleSource::Next::kArticle) out.push_back(std::move(a));
    a = Article{};
  }
  return out;
}

std::size_t text_bytes(const std::vector<Article>& articles) {
  std::size_t n = 0;
  for (const auto& a : articles) n += a.title.size() + a.body.size();
  return n;
}

}  // namespace newsindex::bench
