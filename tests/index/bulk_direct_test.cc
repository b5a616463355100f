// Bulk mode with the direct glass writer against bulk mode through
// Xapian's writer: the same stream of adds, replaces and removes, committed
// in several merges, gives databases identical through Xapian's read API,
// xapian-check passes, and every query ranks the same hits with the same
// scores through the Searcher.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "newsindex/reader.h"
#include "newsindex/searcher.h"
#include "newsindex/writer.h"
#include "testing/db_equivalence.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

std::vector<Article> read_all(const std::vector<std::string>& paths, std::size_t limit) {
  std::vector<Article> out;
  auto src = ArticleSource::open(paths);
  EXPECT_TRUE(src.ok()) << src.status().to_string();
  if (!src.ok()) return out;
  Article a;
  ReadIssue issue;
  while (out.size() < limit) {
    a = Article{};
    auto next = (*src)->next(a, issue);
    if (next == ArticleSource::Next::kEnd) break;
    if (next == ArticleSource::Next::kIssue || a.id.empty()) continue;
    out.push_back(a);
  }
  return out;
}

// Adds every article, re-adds every 13th later with a new title (a replace,
// often in another chunk or commit), removes every 29th after it was added.
Status build(const std::string& db, const std::vector<Article>& articles, bool direct) {
  WriterOptions o;
  o.bulk = true;
  o.threads = 2;
  o.direct_glass = direct;
  o.bulk_chunk_docs = static_cast<std::uint32_t>(articles.size() / 5 + 1);
  o.batch_size = static_cast<std::uint32_t>(articles.size() / 2 + 1);
  auto w = IndexWriter::open(db, o);
  if (!w.ok()) return w.status();
  for (std::size_t i = 0; i < articles.size(); ++i) {
    Status st = (*w)->add(articles[i]);
    if (!st.ok() && st.code() != StatusCode::kInvalidArgument) return st;
    if (i >= 40 && i % 13 == 0) {
      Article again = articles[i - 40];
      again.title += " (bijgewerkt)";
      st = (*w)->add(again);
      if (!st.ok() && st.code() != StatusCode::kInvalidArgument) return st;
    }
    if (i >= 10 && i % 29 == 0) {
      st = (*w)->remove(articles[i - 10].id);
      if (!st.ok() && st.code() != StatusCode::kNotFound) return st;
    }
  }
  return (*w)->commit();
}

std::string xapian_check(const std::string& db) {
  FILE* p = ::popen(("xapian-check '" + db + "' 2>&1").c_str(), "r");
  if (p == nullptr) return "cannot run xapian-check";
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int rc = ::pclose(p);
  if (rc == 0 && out.find("No errors found") != std::string::npos) return "";
  return out.substr(0, 3000);
}

// Top 10 of every query, "id score" lines; identical scores to the bit.
std::string rankings(const std::string& db, const std::vector<std::string>& queries) {
  auto s = Searcher::open({db});
  if (!s.ok()) return "open: " + s.status().to_string();
  std::string out;
  char line[64];
  for (const auto& q : queries) {
    SearchRequest r;
    r.query = q;
    r.limit = 10;
    auto res = (*s)->search(r);
    out += q + ":";
    if (!res.ok()) {
      out += " error " + res.status().to_string() + "\n";
      continue;
    }
    for (const auto& h : res->hits) {
      std::snprintf(line, sizeof line, " %a", h.score);
      out += " " + h.id + line;
    }
    out += "\n";
  }
  return out;
}

void check_pair(const std::string& name, const std::vector<Article>& articles,
                const std::vector<std::string>& queries) {
  const auto base = testing::fresh_dir(name);
  const std::string api = (base / "api").string(), direct = (base / "direct").string();
  Status st = build(api, articles, false);
  ASSERT_TRUE(st.ok()) << st.to_string();
  st = build(direct, articles, true);
  ASSERT_TRUE(st.ok()) << st.to_string();
  EXPECT_EQ(testing::compare_databases(api, direct), "");
  EXPECT_EQ(xapian_check(direct), "");
  const std::string a = rankings(api, queries), b = rankings(direct, queries);
  EXPECT_EQ(a, b);
  EXPECT_NE(a.find(' '), std::string::npos);  // some query found something
}

TEST(BulkDirect, SampleCorpusMatchesXapiansWriter) {
  const auto sample = testing::source_dir() / "corpora" / "sample";
  const auto articles = read_all({(sample / "jsonl").string(), (sample / "text").string(),
                                  (sample / "csv").string(), (sample / "newsml").string()},
                                 100000);
  ASSERT_GT(articles.size(), 50u);
  std::vector<std::string> queries;
  std::ifstream in(testing::source_dir() / "corpora" / "queries" / "sample-queries.jsonl");
  for (std::string line; std::getline(in, line);) {
    queries.push_back(nlohmann::json::parse(line)["query"].get<std::string>());
  }
  ASSERT_FALSE(queries.empty());
  check_pair("bulk_direct_sample", articles, queries);
}

TEST(BulkDirect, TwentyThousandSharedArticlesMatchXapiansWriter) {
  NEWSINDEX_REQUIRE_SHARED();
  const auto corpora = testing::shared_dir() / "corpora";
  auto articles = read_all({(corpora / "leestmeer-rss-2019" / "articles.jsonl.gz").string()}, 17000);
  auto dpg = read_all({(corpora / "dpgmedia2019" / "articles.jsonl.gz").string()}, 3000);
  articles.insert(articles.end(), dpg.begin(), dpg.end());
  ASSERT_GT(articles.size(), 15000u);
  // Known-item queries: the titles of every 100th article.
  std::vector<std::string> queries;
  for (std::size_t i = 0; i < articles.size(); i += 100) queries.push_back(articles[i].title);
  check_pair("bulk_direct_shared", articles, queries);
}

}  // namespace
}  // namespace newsindex
