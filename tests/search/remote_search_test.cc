// Searching through xapian-tcpsrv (tcp://HOST:PORT), alone and together
// with a local database.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "testing/fake_analyzer.h"
#include "search/search_fixture.h"
#include "search/searcher_impl.h"
#include "testing/child_process.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

TEST(RemoteSearch, TcpDatabasesAreSearchedLikeLocalOnes) {
  if (!testing::on_path("xapian-tcpsrv")) {
    GTEST_SKIP() << "xapian-tcpsrv not installed (Debian package xapian-tools)";
  }
  auto analyzer = testing::FakeAnalyzer::make();
  std::string remote_db = testing::fresh_dir("remote_search_server").string();
  std::string local_db = testing::fresh_dir("remote_search_local").string();
  testing::add_articles(remote_db, analyzer,
                        {testing::article("r1", "Missie", "De missie in Mali.", 0),
                         testing::article("r2", "Weer", "Morgen zon.", 400)});
  testing::add_articles(local_db, analyzer,
                        {testing::article("l1", "Missies", "Twee missies in Irak.", 1)});
  const int port = testing::free_port();
  testing::ChildProcess server({"xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
                                std::to_string(port), remote_db});
  std::string url = "tcp://127.0.0.1:" + std::to_string(port);
  Result<std::unique_ptr<Searcher>> s = Status(StatusCode::kIoError, "not tried");
  for (int i = 0; i < 100 && !s.ok(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    s = internal::open_searcher({url, local_db}, {}, analyzer);
  }
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  SearchRequest r;
  r.query = "missie";
  r.facets = {"source", "year", "month"};
  r.recency_half_life = 86400;
  auto res = (*s)->search(r);
  ASSERT_TRUE(res.ok()) << res.status().to_string();
  ASSERT_EQ(res->hits.size(), 2u);
  EXPECT_EQ(res->hits[0].id, "r1");
  EXPECT_EQ(res->hits[1].id, "l1");
  ASSERT_EQ(res->facets["month"].size(), 1u);
  EXPECT_EQ(res->facets["month"][0].value, "2020-02");
  EXPECT_EQ(res->facets["month"][0].count, 2u);
  ASSERT_EQ(res->warnings.size(), 1u);  // no recency over remote
  EXPECT_NE(res->warnings[0].find("remote"), std::string::npos);
  auto similar = (*s)->similar("r1", 5);
  ASSERT_TRUE(similar.ok()) << similar.status().to_string();
  // The learned rerank (a query of 4 words) reads the hits' texts and the
  // match's statistics, which the remote database serves as well.
  SearchRequest four;
  four.query = "de missie in mali";
  four.rerank_features = true;
  auto reranked = (*s)->search(four);
  ASSERT_TRUE(reranked.ok()) << reranked.status().to_string();
  EXPECT_TRUE(reranked->warnings.empty());
  ASSERT_FALSE(reranked->hits.empty());
  EXPECT_EQ(reranked->hits[0].id, "r1");
  ASSERT_EQ(reranked->hits[0].rerank_features.size(), 4u);
  EXPECT_GT(reranked->hits[0].rerank_features[3], 0);  // keybm25: its remote text was read
}

}  // namespace
}  // namespace newsindex
