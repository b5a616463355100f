// Query latency over one database, 2 and 4 local shards, and 2 shards behind
// xapian-tcpsrv on loopback (docs/scaling.md, "Numbers").
//
//   build/release/bench/shard_bench [--articles=N] [--benchmark_filter=...]
//
// Builds the four layouts from the same articles (bench_data.h: the first N
// of ../shared/corpora, or corpora/sample), in a fresh folder under /tmp,
// then runs every query of corpora/queries (sample-queries.jsonl and
// example-queries.txt) 4 times per layout through Searcher::search (limit
// 10, snippets on) and reports mean, p50 and p99 wall latency in
// microseconds. Before timing it checks that every layout gives the one
// database's number of hits and best score for every query (1e-9 relative,
// 1% for multi-term synonyms); a layout that does not is reported as an
// error instead of a time. The baseline is the one
// database, measured in the same run. Remote layouts are skipped with an
// error when xapian-tcpsrv is missing.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "bench_data.h"
#include "newsindex/searcher.h"
#include "newsindex/writer.h"
#include "testing/child_process.h"

namespace newsindex::bench {
namespace {

namespace fs = std::filesystem;

std::size_t g_articles = 2000;

struct Fixture {
  fs::path dir;
  std::vector<std::string> queries;
  std::vector<std::unique_ptr<testing::ChildProcess>> servers;  // xapian-tcpsrv
  // name -> searcher; "one" is the baseline.
  std::vector<std::pair<std::string, std::unique_ptr<Searcher>>> layouts;
  std::string source, error;
  std::size_t articles = 0;

  ~Fixture() {
    layouts.clear();
    servers.clear();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

Status build(const std::string& path, const std::vector<Article>& articles,
             std::uint32_t shards) {
  WriterOptions o;
  o.shards = shards;
  o.threads = 1;
  o.batch_size = 0;
  auto w = IndexWriter::open(path, o);
  if (!w.ok()) return w.status();
  for (const Article& a : articles) {
    if (Status st = (*w)->add(a); !st.ok() && st.code() != StatusCode::kInvalidArgument) return st;
  }
  return (*w)->commit();
}

Fixture* g_fixture = nullptr;  // deleted by main(): stops the servers, removes the folder

Fixture& fixture() {
  if (g_fixture) return *g_fixture;
  g_fixture = [] {
    auto* fx = new Fixture;
    fx->dir = fs::temp_directory_path() / ("newsindex-shard-bench-" + std::to_string(::getpid()));
    fs::remove_all(fx->dir);
    fs::create_directories(fx->dir);
    std::vector<Article> articles = load_articles(g_articles, &fx->source);
    fx->articles = articles.size();
    const fs::path q = fs::path(NEWSINDEX_SOURCE_DIR) / "corpora" / "queries";
    std::ifstream jsonl(q / "sample-queries.jsonl");
    std::string line;
    while (std::getline(jsonl, line)) {
      if (!line.empty()) fx->queries.push_back(nlohmann::json::parse(line).at("query"));
    }
    std::ifstream txt(q / "example-queries.txt");
    while (std::getline(txt, line)) {
      if (!line.empty() && line[0] != '#') fx->queries.push_back(line);
    }
    const std::pair<const char*, std::uint32_t> local[] = {{"one", 0}, {"2_local", 2}, {"4_local", 4}};
    for (const auto& [name, n] : local) {
      const std::string path = (fx->dir / name).string();
      if (Status st = build(path, articles, n); !st.ok()) {
        fx->error = st.to_string();
        return fx;
      }
      auto s = Searcher::open({path});
      if (!s.ok()) {
        fx->error = s.status().to_string();
        return fx;
      }
      fx->layouts.emplace_back(name, std::move(s).value());
    }
    if (testing::on_path("xapian-tcpsrv")) {
      std::ofstream stub(fx->dir / "remote.stub");
      for (int i = 0; i < 2; ++i) {
        const int port = testing::free_port();
        const std::string db = (fx->dir / "2_local" / ("shard-00" + std::to_string(i))).string();
        fx->servers.push_back(std::make_unique<testing::ChildProcess>(std::vector<std::string>{
            "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
            std::to_string(port), db}));
        testing::wait_for_port(port, std::chrono::seconds(5));
        stub << "remote 127.0.0.1:" << port << '\n';
      }
      stub.close();
      auto s = Searcher::open({(fx->dir / "remote.stub").string()});
      if (s.ok()) fx->layouts.emplace_back("2_remote", std::move(s).value());
    }
    return fx;
  }();
  return *g_fixture;
}

Searcher* layout(Fixture& f, const std::string& name) {
  for (auto& [n, s] : f.layouts) {
    if (n == name) return s.get();
  }
  return nullptr;
}

// Every query's best score agrees with the one database's.
std::string check(Fixture& f, Searcher& s) {
  Searcher* one = layout(f, "one");
  for (const std::string& q : f.queries) {
    SearchRequest r;
    r.query = q;
    auto a = one->search(r);
    auto b = s.search(r);
    if (!a.ok() || !b.ok()) return "search failed for \"" + q + "\"";
    if (a->hits.size() != b->hits.size()) return "hit count differs for \"" + q + "\"";
    if (a->hits.empty()) continue;
    // 1% for a query with a multi-term OP_SYNONYM (wildcards, synonym
    // lists): Xapian 1.4 estimates its frequency per shard (docs/scaling.md,
    // "Known differences"), as tests/search/shard_parity_test.cc allows.
    SearchRequest e = r;
    e.explain = true;
    e.limit = 0;
    auto ex = one->search(e);
    const bool synonym = ex.ok() && ex->explanation.find("SYNONYM") != std::string::npos;
    const double tolerance = synonym ? 1e-2 : 1e-9;
    double x = a->hits[0].score, y = b->hits[0].score;
    if (std::fabs(x - y) > tolerance * std::max(std::fabs(x), std::fabs(y))) {
      return "best score differs for \"" + q + "\"";
    }
  }
  return "";
}

void BM_Query(benchmark::State& state, const std::string& name) {
  Fixture& f = fixture();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  Searcher* s = layout(f, name);
  if (s == nullptr) {
    state.SkipWithError("layout not available (xapian-tcpsrv missing?)");
    return;
  }
  if (std::string bad = check(f, *s); !bad.empty()) {
    state.SkipWithError(bad.c_str());
    return;
  }
  std::vector<double> us;
  std::size_t i = 0, sink = 0;
  for (auto _ : state) {
    SearchRequest r;
    r.query = f.queries[i++ % f.queries.size()];
    auto t0 = std::chrono::steady_clock::now();
    auto res = s->search(r);
    auto t1 = std::chrono::steady_clock::now();
    if (res.ok()) sink += res->hits.size();
    us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  benchmark::DoNotOptimize(sink);
  std::sort(us.begin(), us.end());
  double sum = 0;
  for (double v : us) sum += v;
  state.counters["mean_us"] = sum / static_cast<double>(us.size());
  state.counters["p50_us"] = us[us.size() / 2];
  state.counters["p99_us"] = us[std::min(us.size() - 1, us.size() * 99 / 100)];
  state.counters["articles"] = static_cast<double>(f.articles);
  state.SetItemsProcessed(static_cast<std::int64_t>(us.size()));

}

}  // namespace
}  // namespace newsindex::bench

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--articles=", 0) == 0) {
      newsindex::bench::g_articles = std::stoul(a.substr(11));
    } else {
      rest.push_back(argv[i]);
    }
  }
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  for (const char* name : {"one", "2_local", "4_local", "2_remote"}) {
    std::string bench = std::string("query/") + name;
    benchmark::RegisterBenchmark(bench.c_str(), [name = std::string(name)](benchmark::State& s) {
      newsindex::bench::BM_Query(s, name);
    })->Iterations(4 * 83)->Unit(benchmark::kMicrosecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  delete newsindex::bench::g_fixture;
  return 0;
}
