// The thread-safety contract: one Searcher per thread; many Searchers read
// the same database concurrently while a writer commits.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "newsindex/writer.h"
#include "testing/fake_analyzer.h"
#include "search/search_fixture.h"
#include "search/searcher_impl.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

TEST(SearcherConcurrency, OneSearcherPerThreadWhileAWriterCommits) {
  auto analyzer = testing::FakeAnalyzer::make();
  std::string path = testing::fresh_dir("searcher_concurrency").string();
  std::vector<Article> first;
  for (int i = 0; i < 50; ++i) {
    first.push_back(testing::article("a" + std::to_string(i), "Missie " + std::to_string(i),
                                     "De missie in Irak wordt verlengd, zegt de NAVO.", i));
  }
  testing::add_articles(path, analyzer, first);

  constexpr int kThreads = 4;
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, searches{0};
  std::mutex mu;
  std::string first_failure;
  auto fail = [&](const std::string& why) {
    std::lock_guard<std::mutex> lock(mu);
    if (first_failure.empty()) first_failure = why;
    ++failures;
  };
  std::vector<std::thread> readers;
  for (int t = 0; t < kThreads; ++t) {
    readers.emplace_back([&, t] {
      auto s = internal::open_searcher({path}, {}, analyzer);
      if (!s.ok()) {
        fail("open: " + s.status().to_string());
        return;
      }
      std::size_t last_total = 0;
      for (int i = 0; !done.load() || i < 20; ++i) {
        SearchRequest r;
        r.query = t % 2 ? "missie" : "navo irak";
        r.facets = {"source"};
        auto res = (*s)->search(r);
        ++searches;
        if (!res.ok()) {
          fail("search: " + res.status().to_string());
          continue;
        }
        if (res->hits.empty() || res->estimate < last_total) {
          fail("hits " + std::to_string(res->hits.size()) + " estimate " +
               std::to_string(res->estimate) + " after " + std::to_string(last_total));
          continue;
        }
        last_total = res->estimate;
        if (i % 3 == 0) {
          Status st = (*s)->reopen();
          if (!st.ok()) fail("reopen: " + st.to_string());
        }
        if (i > 2000) break;
      }
    });
  }
  for (int c = 0; c < 15; ++c) {
    testing::add_articles(path, analyzer,
                          {testing::article("b" + std::to_string(c), "Nieuwe missie",
                                            "Een nieuwe missie van de NAVO.", 100 + c)});
  }
  done = true;
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(failures.load(), 0) << first_failure;
  EXPECT_GE(searches.load(), kThreads * 20);
  auto s = internal::open_searcher({path}, {}, analyzer);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->search(testing::query_request("missie", 100))->hits.size(), 65u);
}

// The same with the real IndexWriter (one writer holding the lock, many
// commits) and Searcher::open (real analysis). In bulk mode every commit
// swaps a merged database in place of the directory.
void readers_while_writer_commits(const std::string& name, bool bulk) {
  std::string path = testing::fresh_dir(name).string() + "/db";
  WriterOptions o;
  o.bulk = bulk;
  o.threads = 2;
  auto w = IndexWriter::open(path, o);
  ASSERT_TRUE(w.ok()) << w.status().to_string();
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE((*w)->add(testing::article("a" + std::to_string(i), "Missie",
                                           "De trainingsmissie in Irak wordt verlengd.", i))
                    .ok());
  }
  ASSERT_TRUE((*w)->commit().ok());
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::mutex mu;
  std::string first_failure;
  auto fail = [&](const std::string& what) {
    std::lock_guard<std::mutex> lock(mu);
    if (failures++ == 0) first_failure = what;
  };
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      auto s = Searcher::open({path});
      if (!s.ok()) {
        fail("open: " + s.status().to_string());
        return;
      }
      std::size_t last = 0;
      for (int i = 0; !done.load() || i < 10; ++i) {
        auto res = (*s)->search(testing::query_request("irak", 100));
        // Every committed state has 20..30 matches, and a reader never
        // goes back to an older one.
        if (!res.ok()) {
          fail("search: " + res.status().to_string());
        } else if (res->hits.size() < std::max<std::size_t>(20, last) || res->hits.size() > 30) {
          fail("search: " + std::to_string(res->hits.size()) + " hits after " +
               std::to_string(last));
        } else {
          last = res->hits.size();
          for (const Hit& h : res->hits) {
            if (h.id.empty() || h.title.empty()) fail("a hit without id or title");
          }
        }
        if (Status st = (*s)->reopen(); !st.ok()) fail("reopen: " + st.to_string());
        if (i > 5000) break;
      }
      // After the last commit, reopen() shows all of it. The loop above may
      // stop at its cap while the writer still commits (a bulk commit is
      // slow on a loaded machine): wait for the writer first.
      while (!done.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      if (Status st = (*s)->reopen(); !st.ok()) fail("last reopen: " + st.to_string());
      auto res = (*s)->search(testing::query_request("irak", 100));
      if (!res.ok() || res->hits.size() != 30) fail("last search");
    });
  }
  for (int c = 0; c < 10; ++c) {
    ASSERT_TRUE((*w)->add(testing::article("b" + std::to_string(c), "Nieuw",
                                           "Een nieuwe missie in Irak.", 50 + c))
                    .ok());
    ASSERT_TRUE((*w)->commit().ok());
  }
  done = true;
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(failures.load(), 0) << first_failure;
  auto s = Searcher::open({path});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->search(testing::query_request("irak", 100))->hits.size(), 30u);
}

TEST(SearcherConcurrency, PublicApiReadersWhileIndexWriterCommits) {
  readers_while_writer_commits("searcher_concurrency_writer", false);
}

TEST(SearcherConcurrency, PublicApiReadersWhileBulkIndexWriterCommits) {
  readers_while_writer_commits("searcher_concurrency_bulk_writer", true);
}

}  // namespace
}  // namespace newsindex
