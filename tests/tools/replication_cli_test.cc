// Replicas with Xapian's own replication (docs/scaling.md, "Replicas"):
// `newsindex index` writes a master with XAPIAN_MAX_CHANGESETS set (so in
// plain mode, one changeset per commit), xapian-replicate-server serves it on
// loopback, xapian-replicate keeps a replica following it while the master
// keeps committing, and readers of the replica (a Searcher opened afresh per
// round, as `newsindex search` does, and one kept open and reopen()ed, as
// `newsindex serve` does) only ever see answers of committed master
// revisions; at the end the replica answers as the master does, through the
// library and the command.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "newsindex/searcher.h"
#include "newsindex/writer.h"
#include "testing/child_process.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::ChildProcess;

// Queries whose answers change as the sample's articles arrive.
const char* const kQueries[] = {"stikstof",         "navo",       "missie",
                                "auto binnenstad",  "ijsselmeer", "kabinet",
                                "\"zo snel als mogelijk\"", "verkiezingen", "bron:ANP"};

const ChildProcess::Env kChangesets = {{"XAPIAN_MAX_CHANGESETS", "50"}};

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool have_cli() { return !testing::cli_path().empty() && fs::exists(testing::cli_path()); }

// `newsindex ARGS...` to its end (60 s at most); its output is in `log`.
int cli(std::vector<std::string> args, const fs::path& log, const ChildProcess::Env& env = {}) {
  args.insert(args.begin(), testing::cli_path().string());
  std::error_code ec;
  fs::remove(log, ec);
  return testing::run_command(std::move(args), log, 60s, env);
}

// One query's answer as a string: the estimate and the top 10 with exact scores.
using Answers = std::map<std::string, std::string>;

Result<Answers> answers_of(Searcher& s) {
  Answers out;
  for (const char* q : kQueries) {
    SearchRequest r;
    r.query = q;
    r.snippets = false;
    auto res = s.search(r);
    if (!res.ok()) return res.status();
    std::string a = std::to_string(res->estimate) + ":";
    for (const Hit& h : res->hits) {
      char score[32];
      std::snprintf(score, sizeof score, "%.17g", h.score);
      a += " " + h.id + "=" + score;
    }
    out[q] = a;
  }
  return out;
}

Result<Answers> answers_at(const std::string& db) {
  auto s = Searcher::open({db}, {});
  if (!s.ok()) return s.status();
  return answers_of(**s);
}

TEST(ReplicationCli, ReplicatedMasterIsWrittenInPlainMode) {
  if (!have_cli()) GTEST_SKIP() << "the newsindex command is not built";
  const fs::path dir = testing::fresh_dir("replication_mode");
  const std::string sample =
      (testing::source_dir() / "corpora/sample/jsonl/sample.jsonl").string();

  // XAPIAN_MAX_CHANGESETS set: a new database is written in plain mode, and
  // each commit leaves a changeset file.
  ASSERT_EQ(cli({"index", "--db", (dir / "master").string(), "--batch", "20", sample},
                dir / "master.log", kChangesets),
            0)
      << read_file(dir / "master.log");
  EXPECT_NE(read_file(dir / "master.log").find("XAPIAN_MAX_CHANGESETS is set: writing in plain "
                                               "mode"),
            std::string::npos)
      << read_file(dir / "master.log");
  EXPECT_TRUE(fs::exists(dir / "master/changes1"));
  EXPECT_TRUE(fs::exists(dir / "master/changes3"));  // 56 articles in commits of 20

  // --bulk asked for anyway: written in bulk mode, with a warning.
  ASSERT_EQ(cli({"index", "--bulk", "--db", (dir / "bulk").string(), sample}, dir / "bulk.log",
                kChangesets),
            0)
      << read_file(dir / "bulk.log");
  EXPECT_NE(read_file(dir / "bulk.log").find("replicas get a full copy each time"),
            std::string::npos)
      << read_file(dir / "bulk.log");

  // Without it: bulk mode for a new database, as before, and no changesets.
  ASSERT_EQ(cli({"index", "--db", (dir / "plain").string(), sample}, dir / "plain.log"), 0);
  EXPECT_EQ(read_file(dir / "plain.log").find("XAPIAN_MAX_CHANGESETS"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "plain/changes1"));
}

TEST(ReplicationCli, ReplicaFollowsTheMasterAndIsNeverTorn) {
  if (!have_cli()) GTEST_SKIP() << "the newsindex command is not built";
  if (!testing::on_path("xapian-replicate-server") || !testing::on_path("xapian-replicate")) {
    GTEST_SKIP() << "xapian-replicate-server or xapian-replicate not installed (Debian "
                    "xapian-tools, scripts/install-deps.sh)";
  }
  const fs::path dir = testing::fresh_dir("replication");
  const fs::path masters = dir / "masters", master = masters / "news", replica = dir / "replica";
  fs::create_directories(masters);

  // The sample in 7 parts of 8 articles: one `newsindex index` run each.
  std::vector<fs::path> parts;
  {
    std::ifstream in(testing::source_dir() / "corpora/sample/jsonl/sample.jsonl");
    std::string line;
    for (int n = 0; std::getline(in, line); ++n) {
      if (n % 8 == 0) parts.push_back(dir / ("part-" + std::to_string(n / 8) + ".jsonl"));
      std::ofstream(parts.back(), std::ios::app) << line << '\n';
    }
  }
  ASSERT_EQ(parts.size(), 7u);

  // The answers of every committed master revision: the one holding only
  // what the writer records when it creates a database (the same on an
  // empty database made here), then one per run (--batch 100 > 8: one commit
  // per run).
  std::vector<Answers> revisions;
  {
    auto w = IndexWriter::open((dir / "empty").string(), {});
    ASSERT_TRUE(w.ok()) << w.status().to_string();
  }
  auto empty = answers_at((dir / "empty").string());
  ASSERT_TRUE(empty.ok()) << empty.status().to_string();
  revisions.push_back(*empty);
  auto index_part = [&](std::size_t i) {
    const fs::path log = dir / ("index-" + std::to_string(i) + ".log");
    ASSERT_EQ(cli({"index", "--db", master.string(), "--batch", "100", parts[i].string()}, log,
                  kChangesets),
              0)
        << read_file(log);
    auto a = answers_at(master.string());
    ASSERT_TRUE(a.ok()) << a.status().to_string();
    revisions.push_back(*a);
  };
  index_part(0);

  const int port = testing::free_port();
  ChildProcess server({"xapian-replicate-server", "--interface", "127.0.0.1", "--port",
                       std::to_string(port), masters.string()},
                      dir / "server.log");
  ASSERT_TRUE(testing::wait_for_port(port, 10s)) << read_file(dir / "server.log");
  // Every second; changesets applied back to back (-r 0): the hardest case
  // for readers.
  ChildProcess client({"xapian-replicate", "--verbose", "-h", "127.0.0.1", "-p",
                       std::to_string(port), "-m", "news", "-i", "1", "-r", "0", "-t", "10",
                       replica.string()},
                      dir / "replicate.log");

  // Readers of the replica, until told to stop.
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::vector<Answers> seen;
  std::vector<std::string> errors;
  std::thread reader([&] {
    bool appeared = false;
    std::unique_ptr<Searcher> kept;
    while (!stop) {
      auto fresh = Searcher::open({replica.string()}, {});
      if (!fresh.ok() && !appeared) {  // no replica yet
        std::this_thread::sleep_for(20ms);
        continue;
      }
      appeared = true;
      std::vector<Result<Answers>> got;
      if (fresh.ok()) {
        got.push_back(answers_of(**fresh));
      } else {
        got.push_back(fresh.status());
      }
      if (!kept) {
        auto s = Searcher::open({replica.string()}, {});
        if (s.ok()) kept = std::move(s).value();
      } else if (Status st = kept->reopen(); !st.ok()) {
        got.push_back(st);
      } else {
        got.push_back(answers_of(*kept));
      }
      std::lock_guard<std::mutex> lock(mu);
      for (auto& g : got) {
        if (g.ok()) {
          seen.push_back(*g);
        } else {
          errors.push_back(g.status().to_string());
        }
      }
    }
  });

  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::this_thread::sleep_for(i % 2 ? 1500ms : 300ms);  // sometimes the replica keeps up
    index_part(i);
  }
  // The replica reaches the master's last revision.
  const Answers& last = revisions.back();
  bool caught_up = false;
  for (auto deadline = std::chrono::steady_clock::now() + 30s;
       !caught_up && std::chrono::steady_clock::now() < deadline;) {
    std::this_thread::sleep_for(200ms);
    std::lock_guard<std::mutex> lock(mu);
    caught_up = !seen.empty() && seen.back() == last;
  }
  stop = true;
  reader.join();
  client.stop();
  ASSERT_TRUE(caught_up) << "the replica did not reach the master's last revision in 30 s:\n"
                         << read_file(dir / "replicate.log");

  // Every answer a reader saw is the answer of some committed revision.
  std::set<std::size_t> states;
  for (const Answers& a : seen) {
    for (const auto& [query, answer] : a) {
      bool known = false;
      for (const Answers& r : revisions) known = known || r.at(query) == answer;
      EXPECT_TRUE(known) << "replica answered \"" << query << "\" with " << answer
                         << ", which no committed master revision gives";
    }
    for (std::size_t r = 0; r < revisions.size(); ++r) {
      if (revisions[r] == a) states.insert(r);
    }
  }
  EXPECT_TRUE(errors.empty()) << errors.size() << " searches failed, the first: "
                              << errors.front();
  std::cout << seen.size() << " rounds of " << std::size(kQueries)
            << " queries on the replica saw " << states.size() << " of "
            << revisions.size() << " master revisions whole\n";
  EXPECT_GE(states.size(), 2u) << "the replica was never seen between two revisions";

  // After the first full copy, the master's commits reached the replica as
  // changesets.
  const std::string log = read_file(dir / "replicate.log");
  const std::regex copy("Update complete: ([0-9]+) copies, ([0-9]+) changesets");
  std::size_t copies = 0, changesets = 0;
  for (std::sregex_iterator m(log.begin(), log.end(), copy), end; m != end; ++m) {
    copies += std::stoul((*m)[1]);
    changesets += std::stoul((*m)[2]);
  }
  EXPECT_EQ(copies, 1u) << log;
  EXPECT_GE(changesets, 1u) << log;

  // The command on the replica answers as on the master.
  for (const char* q : {"stikstof", "navo"}) {
    ASSERT_EQ(cli({"search", "--db", master.string(), "--json", q}, dir / "m.json"), 0);
    ASSERT_EQ(cli({"search", "--db", replica.string(), "--json", q}, dir / "r.json"), 0);
    auto m = nlohmann::json::parse(read_file(dir / "m.json"), nullptr, false);
    auto r = nlohmann::json::parse(read_file(dir / "r.json"), nullptr, false);
    ASSERT_FALSE(m.is_discarded()) << read_file(dir / "m.json");
    ASSERT_FALSE(m["hits"].empty()) << q;
    EXPECT_EQ(m["hits"], r["hits"]) << q;
  }
}

}  // namespace
}  // namespace newsindex
