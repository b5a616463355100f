// The snippets and facets a reader sees for the sample queries, as a golden:
// corpora/sample/jsonl/sample.jsonl indexed with the default analysis, every
// query of corpora/queries/example-queries.txt and sample-queries.jsonl run
// with snippets (200 and 80 bytes) and the source, outlet, year and month
// facets, must give exactly tests/golden/search/snippets.golden. It pins the
// output while the snippet and facet paths are made faster (issue 18).
// Regenerate after an intended change with NEWSINDEX_UPDATE_GOLDEN=1 and
// review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "newsindex/eval.h"
#include "newsindex/reader.h"
#include "newsindex/searcher.h"
#include "newsindex/writer.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> sample_queries() {
  const auto root = testing::source_dir() / "corpora/queries";
  std::vector<std::string> out;
  std::ifstream in(root / "example-queries.txt");
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  auto rel = read_queries((root / "sample-queries.jsonl").string());
  EXPECT_TRUE(rel.ok()) << rel.status().to_string();
  if (rel.ok()) {
    for (const EvalQuery& q : *rel) out.push_back(q.query);
  }
  return out;
}

// One line per hit ("  rank id | snippet" with [ ] around highlights), then
// one line per facet ("  facet name: value=count ...").
std::string describe(const std::string& query, std::uint32_t length, const SearchResults& r) {
  std::string out = "query " + query + " (" + std::to_string(length) + " bytes): " +
                    std::to_string(r.hits.size()) + " hits\n";
  for (const Hit& h : r.hits) {
    out += "  " + std::to_string(h.rank) + " " + h.id + " | " + render_snippet(h.snippet, "[", "]") +
           "\n";
  }
  for (const auto& [name, values] : r.facets) {
    out += "  facet " + name + ":";
    for (const FacetValue& v : values) out += " " + v.value + "=" + std::to_string(v.count);
    out += "\n";
  }
  return out;
}

TEST(SnippetsGolden, SampleQueriesMatchGolden) {
  const auto root = testing::source_dir();
  const auto golden = root / "tests/golden/search/snippets.golden";
  const std::string dir = testing::fresh_dir("snippets_golden").string() + "/db";
  {
    auto writer = IndexWriter::open(dir, WriterOptions{});
    ASSERT_TRUE(writer.ok()) << writer.status().to_string();
    auto source = ArticleSource::open({(root / "corpora/sample/jsonl/sample.jsonl").string()});
    ASSERT_TRUE(source.ok()) << source.status().to_string();
    Article a;
    ReadIssue issue;
    for (;;) {
      auto next = (*source)->next(a, issue);
      if (next == ArticleSource::Next::kEnd) break;
      ASSERT_NE(next, ArticleSource::Next::kIssue) << issue.where << ": " << issue.message;
      Status st = (*writer)->add(a);
      ASSERT_TRUE(st.ok()) << a.id << ": " << st.to_string();
    }
    Status st = (*writer)->commit();
    ASSERT_TRUE(st.ok()) << st.to_string();
  }
  auto searcher = Searcher::open({dir});
  ASSERT_TRUE(searcher.ok()) << searcher.status().to_string();

  const std::vector<std::string> queries = sample_queries();
  ASSERT_GE(queries.size(), 80u);
  std::string got;
  for (const std::string& q : queries) {
    for (std::uint32_t length : {200u, 80u}) {
      SearchRequest r;
      r.query = q;
      r.limit = 10;
      r.snippets = true;
      r.snippet_length = length;
      r.facets = {"source", "outlet", "year", "month"};
      auto res = (*searcher)->search(r);
      ASSERT_TRUE(res.ok()) << q << ": " << res.status().to_string();
      got += describe(q, length, *res);
    }
  }
  if (std::getenv("NEWSINDEX_UPDATE_GOLDEN") != nullptr) {
    std::filesystem::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << got;
    GTEST_SKIP() << "rewrote " << golden;
  }
  EXPECT_EQ(got, read_text(golden));
}

}  // namespace
}  // namespace newsindex
