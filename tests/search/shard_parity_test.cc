// Rank parity of sharded databases: one database, 2 and 4 local shards
// (sharded folders with a stub file), and 2 shards behind xapian-tcpsrv
// (a stub file of "remote HOST:PORT" lines) answer every query of the query
// sets alike: the same top 10 in the same order with the same BM25 scores
// (1e-9 relative), the same snippets, collapse counts and facets, under
// filters and date sort, and the same `similar` lists. Then a shard that
// stops answering: an error naming it, or with allow_partial the rest.
//
// Order within a tie: Xapian orders hits of equal score (and, sorted by
// date, equal date and score) by docid, and a sharded database numbers its
// documents by interleaving the shards, so a tie may come out in another
// order. Two lists agree here when they agree position by position in score
// (and date) and, where the ids differ, both ids belong to the same tie in
// the single database's longer list. How often that happened is printed.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "newsindex/index_info.h"
#include "newsindex/reader.h"
#include "newsindex/searcher.h"
#include "newsindex/writer.h"
#include "testing/child_process.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

namespace fs = std::filesystem;

// xapian-tcpsrv serving `db` on 127.0.0.1:port (testing/child_process.h),
// stopped by the destructor or stop().
class TcpServer {
 public:
  TcpServer(const std::string& db, int port)
      : port_(port),
        process_({"xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
                  std::to_string(port), db}) {}
  // Waits up to 5 s for the port to accept connections.
  bool ready() const { return testing::wait_for_port(port_, std::chrono::seconds(5)); }
  void stop() { process_.stop(); }
  int port() const { return port_; }

 private:
  int port_;
  testing::ChildProcess process_;
};

bool have_tcpsrv() { return testing::on_path("xapian-tcpsrv"); }

// Indexes `articles` into `path`, sharded into `shards` (0 = one database).
// One thread by default: the near-duplicate clusters then form in input
// order, as in one database (writer.h, WriterOptions::shards); the parallel
// build is compared by ParallelBulkBuildWritesTheSameShards.
void build(const std::string& path, const std::vector<Article>& articles, std::uint32_t shards,
           unsigned threads = 1, bool bulk = false) {
  WriterOptions o;
  o.shards = shards;
  o.threads = threads;
  o.bulk = bulk;
  o.batch_size = 0;
  auto w = IndexWriter::open(path, o);
  ASSERT_TRUE(w.ok()) << w.status().to_string();
  for (const Article& a : articles) ASSERT_TRUE((*w)->add(a).ok()) << a.id;
  Status st = (*w)->commit();
  ASSERT_TRUE(st.ok()) << st.to_string();
}

std::vector<Article> read_articles(const std::vector<std::string>& paths, std::size_t max) {
  std::vector<Article> out;
  auto source = ArticleSource::open(paths, {});
  if (!source.ok()) return out;
  Article a;
  ReadIssue issue;
  while (out.size() < max) {
    a = Article{};
    auto next = (*source)->next(a, issue);
    if (next == ArticleSource::Next::kEnd) break;
    if (next == ArticleSource::Next::kArticle) out.push_back(a);
  }
  return out;
}

std::vector<std::string> query_set() {
  std::vector<std::string> out;
  const fs::path dir = testing::source_dir() / "corpora" / "queries";
  std::ifstream jsonl(dir / "sample-queries.jsonl");
  std::string line;
  while (std::getline(jsonl, line)) {
    if (line.empty()) continue;
    out.push_back(nlohmann::json::parse(line).at("query").get<std::string>());
  }
  std::ifstream txt(dir / "example-queries.txt");
  while (std::getline(txt, line)) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

// Relative tolerance of score comparisons: 1e-9, except for queries with
// an OP_SYNONYM of several terms on the shared subset (docs/scaling.md,
// "Known differences": Xapian 1.4 estimates the frequency of such a synonym
// in each shard from the terms that shard has: "verkiez*" over 4 shards
// scored 0.17% higher than in one database).
double g_tolerance = 1e-9;
bool same_score(double a, double b) {
  return std::fabs(a - b) <= g_tolerance * std::max({std::fabs(a), std::fabs(b), 1e-300});
}

std::string hit_text(const Hit& h, bool with_duplicates = true) {
  std::string s = h.id + " | " + h.title + " | " + h.date + " | " + h.outlet + " | +" +
                  (with_duplicates ? std::to_string(h.duplicates) : "?") + " | ";
  for (const SnippetPart& p : h.snippet) s += p.highlight ? "[" + p.text + "]" : p.text;
  return s;
}

struct Counts {
  int compared = 0;  // result lists compared
  int ties = 0;      // positions where a tie came out in another order
};

// `full`: the single database's answer with `kDeep` hits; `got`: a sharded
// answer with `kTop`. See the file comment for "agree".
constexpr std::uint32_t kTop = 10, kDeep = 40;
// `exact_counts` false: collapse counts and facets are not compared (remote
// shards, see KnownRemoteDifferences).
// `wide`: where a tie's other member is looked up when it is not in `full`:
// the same query without collapse (with collapse, which copy of a group
// stands for it is itself a tie), or null.
void expect_agree(const SearchResults& full, const SearchResults& got, bool by_date,
                  const std::string& what, Counts& counts, bool exact_counts = true,
                  const SearchResults* wide = nullptr, bool collapsed_ties = false) {
  ++counts.compared;
  const std::size_t n = std::min<std::size_t>(kTop, full.hits.size());
  ASSERT_EQ(got.hits.size(), n) << what;
  EXPECT_EQ(got.facets.size(), full.facets.size()) << what;
  for (const auto& [name, values] : full.facets) {
    if (!exact_counts) break;
    auto it = got.facets.find(name);
    ASSERT_NE(it, got.facets.end()) << what << " facet " << name;
    std::string want, have;
    for (const FacetValue& v : values) want += v.value + "=" + std::to_string(v.count) + " ";
    for (const FacetValue& v : it->second) have += v.value + "=" + std::to_string(v.count) + " ";
    EXPECT_EQ(have, want) << what << " facet " << name;
  }
  EXPECT_TRUE(got.missing_shards.empty()) << what;
  for (std::size_t i = 0; i < n; ++i) {
    const Hit& w = full.hits[i];
    const Hit& g = got.hits[i];
    EXPECT_TRUE(same_score(w.score, g.score))
        << what << " rank " << i + 1 << ": score " << g.score << " != " << w.score;
    if (by_date) {
      EXPECT_EQ(g.date.substr(0, 10), w.date.substr(0, 10)) << what << " rank " << i + 1;
    }
    if (g.id == w.id) {
      EXPECT_EQ(hit_text(g, exact_counts), hit_text(w, exact_counts)) << what << " rank " << i + 1;
      continue;
    }
    // A tie in another order: g must be a hit of the single database with
    // the same score (and day), and equal to it in everything else.
    const Hit* match = nullptr;
    for (const Hit& h : full.hits) {
      if (h.id == g.id) match = &h;
    }
    for (std::size_t k = 0; wide && !match && k < wide->hits.size(); ++k) {
      if (wide->hits[k].id == g.id) match = &wide->hits[k];
    }
    if (match && wide && match >= wide->hits.data() &&
        match < wide->hits.data() + wide->hits.size()) {
      // A collapsed copy: same score; its own collapse count is not known.
      EXPECT_TRUE(same_score(match->score, w.score)) << what << " rank " << i + 1;
      ++counts.ties;
      continue;
    }
    if (!match && collapsed_ties && same_score(g.score, w.score)) {
      // similar() always collapses and cannot be asked not to: a copy of
      // equal score standing for its group is accepted on its score.
      ++counts.ties;
      continue;
    }
    ASSERT_NE(match, nullptr) << what << " rank " << i + 1 << ": " << g.id << " (score "
                              << g.score << ") is not among the single database's top "
                              << kDeep << "; expected " << w.id << " (score " << w.score << ")";
    EXPECT_TRUE(same_score(match->score, w.score))
        << what << " rank " << i + 1 << ": " << g.id << " instead of " << w.id
        << " and the two are not tied (" << match->score << " vs " << w.score << ")";
    if (by_date) {
      EXPECT_EQ(match->date.substr(0, 10), w.date.substr(0, 10)) << what;
    }
    EXPECT_EQ(hit_text(g, exact_counts), hit_text(*match, exact_counts))
        << what << " rank " << i + 1;
    ++counts.ties;
  }
}

// The request variants every query runs under.
struct Variant {
  const char* name;
  bool by_date;
  void (*apply)(SearchRequest&);
};
const Variant kVariants[] = {
    {"relevance", false, [](SearchRequest&) {}},
    {"facets", false,
     [](SearchRequest& r) { r.facets = {"source", "outlet", "category", "year", "month"}; }},
    {"collapse", false, [](SearchRequest& r) { r.collapse = true; }},
    {"date sort", true, [](SearchRequest& r) { r.sort = SortOrder::kDate; }},
    {"since 2019-06", false, [](SearchRequest& r) { r.since = 1559347200; }},
    {"no snippets", false, [](SearchRequest& r) { r.snippets = false; }},
};

class ShardParity : public ::testing::Test {
 protected:
  // Builds one, two and four under a fresh folder named `name`.
  void build_all(const std::string& name, const std::vector<Article>& articles) {
    root_ = testing::fresh_dir(name);
    one_ = (root_ / "one").string();
    two_ = (root_ / "two").string();
    four_ = (root_ / "four").string();
    ASSERT_NO_FATAL_FAILURE(build(one_, articles, 0));
    ASSERT_NO_FATAL_FAILURE(build(two_, articles, 2));
    ASSERT_NO_FATAL_FAILURE(build(four_, articles, 4));
  }

  std::unique_ptr<Searcher> open(const std::vector<std::string>& dbs,
                                 const SearcherOptions& o = {}) {
    auto s = Searcher::open(dbs, o);
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    return s.ok() ? std::move(s).value() : nullptr;
  }

  // Serves two/shard-000 and two/shard-001 and writes a stub naming them.
  bool serve_two() {
    for (int i = 0; i < 2; ++i) {
      servers_.push_back(std::make_unique<TcpServer>(
          (fs::path(two_) / ("shard-00" + std::to_string(i))).string(), testing::free_port()));
    }
    for (auto& s : servers_) {
      if (!s->ready()) return false;
    }
    remote_stub_ = (root_ / "remote.stub").string();
    std::ofstream out(remote_stub_);
    out << "# two shards behind xapian-tcpsrv\n";
    for (auto& s : servers_) out << "remote 127.0.0.1:" << s->port() << '\n';
    return true;
  }

  // True when the Xapian query of `q` has an OP_SYNONYM of several terms
  // (wildcards, synonym lists, compound forms).
  static bool synonym_query(Searcher& s, const std::string& q) {
    SearchRequest r;
    r.query = q;
    r.limit = 0;
    r.explain = true;
    auto res = s.search(r);
    return res.ok() && res->explanation.find("SYNONYM") != std::string::npos;
  }

  // `synonym_tolerance`: relative score tolerance for synonym_query()s.
  void compare_all(const std::string& corpus, double synonym_tolerance = 1e-9) {
    auto one = open({one_});
    auto two = open({two_});
    auto four = open({four_});
    ASSERT_TRUE(one && two && four);
    struct Layout {
      std::string label;
      Searcher* searcher;
      bool exact_counts;
    };
    std::vector<Layout> sharded = {{"2 local", two.get(), true}, {"4 local", four.get(), true}};
    std::unique_ptr<Searcher> remote;
    if (!servers_.empty()) {
      remote = open({remote_stub_});
      ASSERT_TRUE(remote);
      sharded.push_back({"2 remote", remote.get(), false});
    }
    Counts counts;
    std::vector<std::string> queries = query_set();
    ASSERT_GT(queries.size(), 40u);
    std::size_t with_hits = 0;
    for (const std::string& q : queries) {
      for (const Variant& v : kVariants) {
        SearchRequest r;
        r.query = q;
        v.apply(r);
        r.limit = kDeep;
        auto full = one->search(r);
        ASSERT_TRUE(full.ok()) << full.status().to_string();
        if (!full->hits.empty()) ++with_hits;
        SearchRequest all = r;
        all.collapse = false;
        all.limit = 1000;
        auto wide = one->search(all);
        ASSERT_TRUE(wide.ok());
        g_tolerance = synonym_query(*one, q) ? synonym_tolerance : 1e-9;
        r.limit = kTop;
        for (const Layout& l : sharded) {
          auto got = l.searcher->search(r);
          ASSERT_TRUE(got.ok()) << l.label << ": " << got.status().to_string();
          expect_agree(*full, *got, v.by_date,
                       corpus + ", " + l.label + ", " + v.name + ": \"" + q + "\"", counts,
                       l.exact_counts, r.collapse ? &*wide : nullptr);
        }
      }
      // More like the best hit.
      SearchRequest best;
      best.query = q;
      best.limit = 1;
      auto top = one->search(best);
      ASSERT_TRUE(top.ok());
      if (top->hits.empty()) continue;
      g_tolerance = 1e-9;
      auto full = one->similar(top->hits[0].id, kDeep);
      ASSERT_TRUE(full.ok()) << full.status().to_string();
      for (const Layout& l : sharded) {
        auto got = l.searcher->similar(top->hits[0].id, kTop);
        ASSERT_TRUE(got.ok()) << l.label << ": " << got.status().to_string();
        expect_agree(*full, *got, false, corpus + ", " + l.label + ", similar " + top->hits[0].id,
                     counts, l.exact_counts, nullptr, true);
      }
    }
    // The queries must find something, else the comparison proves nothing.
    EXPECT_GT(with_hits, queries.size() * 2);
    std::cout << corpus << ": " << counts.compared << " result lists compared, " << counts.ties
              << " positions were ties in another order\n";
  }

  fs::path root_;
  std::string one_, two_, four_, remote_stub_;
  std::vector<std::unique_ptr<TcpServer>> servers_;
};

TEST_F(ShardParity, SampleCorpusOneTwoFourLocalAndTwoRemote) {
  auto articles = read_articles({(testing::source_dir() / "corpora/sample/jsonl").string()}, 100000);
  ASSERT_GT(articles.size(), 50u);
  ASSERT_NO_FATAL_FAILURE(build_all("shard_parity_sample", articles));
  if (have_tcpsrv()) {
    ASSERT_TRUE(serve_two()) << "xapian-tcpsrv did not start";
  } else {
    std::cout << "xapian-tcpsrv not installed (Debian xapian-tools): remote shards not compared\n";
  }
  compare_all("sample");
}

TEST_F(ShardParity, SharedCorporaSubset) {
  NEWSINDEX_REQUIRE_SHARED();
  const fs::path corpora = testing::shared_dir() / "corpora";
  std::vector<Article> articles;
  for (const char* c : {"dpgmedia2019", "7days-youth-news", "leestmeer-rss-2019"}) {
    auto part = read_articles({(corpora / c / "articles.jsonl.gz").string()}, 700);
    articles.insert(articles.end(), part.begin(), part.end());
  }
  ASSERT_GT(articles.size(), 1500u);
  ASSERT_NO_FATAL_FAILURE(build_all("shard_parity_shared", articles));
  if (have_tcpsrv()) {
    ASSERT_TRUE(serve_two()) << "xapian-tcpsrv did not start";
  }
  compare_all("shared subset (" + std::to_string(articles.size()) + " articles)", 1e-2);
}

// The stub file makes the folder one database for Xapian's own tools too,
// and for stats: per shard and in total.
TEST_F(ShardParity, ShardsSplitTheArticlesByIdAndStatsAddUp) {
  auto articles = read_articles({(testing::source_dir() / "corpora/sample/jsonl").string()}, 100000);
  ASSERT_NO_FATAL_FAILURE(build_all("shard_parity_stats", articles));
  auto info = read_index_info(four_);
  ASSERT_TRUE(info.ok()) << info.status().to_string();
  EXPECT_EQ(info->documents, articles.size());
  ASSERT_EQ(info->shards.size(), 4u);
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(info->shards[i].name, (fs::path(four_) / ("shard-00" + std::to_string(i))).string());
    EXPECT_GT(info->shards[i].documents, 0u) << i;
    sum += info->shards[i].documents;
  }
  EXPECT_EQ(sum, articles.size());
  auto single = read_index_info(one_);
  ASSERT_TRUE(single.ok());
  EXPECT_TRUE(single->shards.empty());
  EXPECT_EQ(info->first_timestamp, single->first_timestamp);
  EXPECT_EQ(info->last_timestamp, single->last_timestamp);
}

// Feeder threads and bulk mode per shard: the same articles in the same
// shards, so the same answers (collapse aside: with feeders the clusters
// may form in another order, sharded_writer.h).
TEST_F(ShardParity, ParallelBulkBuildWritesTheSameShards) {
  auto articles = read_articles({(testing::source_dir() / "corpora/sample/jsonl").string()}, 100000);
  ASSERT_NO_FATAL_FAILURE(build_all("shard_parity_parallel", articles));
  const std::string parallel = (root_ / "parallel").string();
  ASSERT_NO_FATAL_FAILURE(build(parallel, articles, 4, 4, true));
  auto serial_info = read_index_info(four_);
  auto parallel_info = read_index_info(parallel);
  ASSERT_TRUE(serial_info.ok() && parallel_info.ok());
  ASSERT_EQ(parallel_info->shards.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(parallel_info->shards[i].documents, serial_info->shards[i].documents) << i;
  }
  EXPECT_FALSE(fs::exists(fs::path(parallel) / "shard-000.newsindex-bulk"));
  auto serial = open({four_});
  auto par = open({parallel});
  ASSERT_TRUE(serial && par);
  Counts counts;
  for (const std::string& q : query_set()) {
    for (const Variant& v : kVariants) {
      SearchRequest r;
      r.query = q;
      v.apply(r);
      if (r.collapse) continue;
      r.limit = kDeep;
      auto want = serial->search(r);
      r.limit = kTop;
      auto got = par->search(r);
      ASSERT_TRUE(want.ok() && got.ok());
      expect_agree(*want, *got, v.by_date, std::string("parallel, ") + v.name + ": " + q, counts);
    }
  }
  EXPECT_EQ(counts.ties, 0);
}

// A shard that is down: an error naming it; with allow_partial, the answer
// of the others and the missing one named.
TEST_F(ShardParity, ShardDownIsNamedOrLeftOutWithAllowPartial) {
  if (!have_tcpsrv()) GTEST_SKIP() << "xapian-tcpsrv not installed (Debian xapian-tools)";
  auto articles = read_articles({(testing::source_dir() / "corpora/sample/jsonl").string()}, 100000);
  ASSERT_NO_FATAL_FAILURE(build_all("shard_parity_down", articles));
  ASSERT_TRUE(serve_two());
  SearcherOptions partial;
  partial.allow_partial = true;
  auto strict = open({remote_stub_});
  auto lenient = open({remote_stub_}, partial);
  ASSERT_TRUE(strict && lenient);
  SearchRequest r;
  r.query = "missie";
  r.limit = 50;
  auto before = lenient->search(r);
  ASSERT_TRUE(before.ok());
  ASSERT_GT(before->hits.size(), 1u);
  EXPECT_TRUE(before->missing_shards.empty());

  const std::string down = "tcp://127.0.0.1:" + std::to_string(servers_[1]->port());
  servers_[1]->stop();
  // The open searchers meet the dead connection during a search ...
  auto err = strict->search(r);
  ASSERT_FALSE(err.ok());
  EXPECT_NE(err.status().message().find(down), std::string::npos) << err.status().to_string();
  auto part = lenient->search(r);
  ASSERT_TRUE(part.ok()) << part.status().to_string();
  EXPECT_EQ(part->missing_shards, std::vector<std::string>{down});
  EXPECT_GT(part->hits.size(), 0u);
  EXPECT_LT(part->hits.size(), before->hits.size());
  // Every hit comes from the shard still up: shard-000 of the local copy.
  auto alive = open({(fs::path(two_) / "shard-000").string()});
  ASSERT_TRUE(alive);
  auto want = alive->search(r);
  ASSERT_TRUE(want.ok());
  std::string want_ids, got_ids;
  for (const Hit& h : want->hits) want_ids += h.id + " ";
  for (const Hit& h : part->hits) got_ids += h.id + " ";
  EXPECT_EQ(got_ids, want_ids);
  // ... and new searchers at open.
  auto reopened = Searcher::open({remote_stub_});
  ASSERT_FALSE(reopened.ok());
  EXPECT_NE(reopened.status().message().find(down), std::string::npos)
      << reopened.status().to_string();
  EXPECT_NE(reopened.status().message().find("remote.stub:3"), std::string::npos)
      << reopened.status().to_string();
  auto fresh = open({remote_stub_}, partial);
  ASSERT_TRUE(fresh);
  auto again = fresh->search(r);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->missing_shards, std::vector<std::string>{down});
  ASSERT_FALSE(again->warnings.empty());
  EXPECT_NE(again->warnings.back().find(down), std::string::npos);
  // Nothing answering is an error even with allow_partial.
  servers_[0]->stop();
  auto none = Searcher::open({remote_stub_}, partial);
  EXPECT_FALSE(none.ok());
}

// Bad stub files and missing shards are errors naming what and where.
TEST(ShardStub, BadStubsAndMissingShardsAreNamed) {
  const fs::path root = testing::fresh_dir("shard_stub_bad");
  struct Case {
    const char* stub;
    const char* expect;  // in the error message
  } cases[] = {
      {"auto missing-shard\n", "missing-shard"},
      {"# nothing listed\n", "lists no database"},
      {"bogus line\n", "XAPIANDB:1"},
      {"auto a\nremote :xapian-progsrv a\n", "XAPIANDB:2"},
      {"remote 127.0.0.1:notaport\n", "XAPIANDB:1"},
  };
  int i = 0;
  for (const Case& c : cases) {
    fs::path dir = root / std::to_string(i++);
    fs::create_directories(dir);
    std::ofstream(dir / "XAPIANDB") << c.stub;
    auto s = Searcher::open({dir.string()});
    ASSERT_FALSE(s.ok()) << c.stub;
    EXPECT_NE(s.status().message().find(c.expect), std::string::npos)
        << c.stub << " -> " << s.status().to_string();
  }
}

}  // namespace
}  // namespace newsindex
