// newsindex index/stats/delete/compact, run as a child process: exit codes,
// JSON summaries, skipped records, --max-errors, and crash safety (SIGKILL
// in the middle of an import).
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "testing/child_process.h"
#include "testing/cli_runner.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

namespace fs = std::filesystem;


std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using testing::CliRun;

std::string quote(const std::string& s) { return testing::shell_quote(s); }

// Runs `newsindex ARGS` with stdout/stderr captured and no standard input.
CliRun cli(const std::string& args, const std::string&) {
  return testing::run_newsindex(args + " </dev/null");
}

bool have_cli() { return !testing::cli_path().empty() && fs::exists(testing::cli_path()); }

#define REQUIRE_CLI()                                                      \
  do {                                                                     \
    if (!have_cli()) GTEST_SKIP() << "the newsindex command is not built"; \
  } while (0)

bool have_xapian_check() { return testing::on_path("xapian-check"); }

// xapian-check's exit status on `db`.
int xapian_check(const std::string& db) {
  return testing::run_shell("xapian-check " + quote(db) + " >/dev/null 2>&1").code;
}

std::string sample_jsonl() {
  return (testing::source_dir() / "corpora" / "sample" / "jsonl").string();
}

// A generated JSON Lines corpus: `n` articles "gen-0".."gen-<n-1>" in order.
fs::path generated_corpus(const std::string& name, int n) {
  fs::path dir = testing::fresh_dir(name);
  fs::path file = dir / "gen.jsonl";
  std::ofstream out(file);
  const char* words[] = {"kabinet", "gemeente", "verkiezing", "minister", "brand", "politie",
                         "school",  "trein",    "haven",      "rechter",  "storm", "fietspad"};
  for (int i = 0; i < n; ++i) {
    nlohmann::json j;
    j["id"] = "gen-" + std::to_string(i);
    j["title"] = std::string("Bericht ") + words[i % 12] + " " + std::to_string(i);
    std::string body;
    for (int k = 0; k < 60; ++k) {
      body += words[(i * 7 + k * 5) % 12];
      body += k % 9 == 8 ? ". " : " ";
    }
    body += "nummer " + std::to_string(i);
    j["body"] = body;
    j["date"] = "2020-02-12T13:48:00+01:00";
    j["source"] = "Belga";
    out << j.dump() << '\n';
  }
  return file;
}

nlohmann::json parse_json(const CliRun& r) {
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON: " << r.out << "\nstderr: " << r.err;
  return j;
}

TEST(IndexCli, IndexesTheSampleThenReplacesOnReRun) {
  REQUIRE_CLI();
  std::string db = testing::fresh_dir("index_cli_sample").string() + "/db";
  CliRun r = cli("index --json --db " + quote(db) + " " + quote(sample_jsonl()), "sample1");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = parse_json(r);
  EXPECT_EQ(j["added"], 56);
  EXPECT_EQ(j["replaced"], 0);
  EXPECT_EQ(j["skipped"], 0);
  EXPECT_EQ(j["documents"], 56);
  EXPECT_TRUE(j["errors"].is_array());
  EXPECT_GT(j["docs_per_second"].get<double>(), 0);
  EXPECT_TRUE(j.contains("seconds"));

  r = cli("index --json --bulk --threads 2 --db " + quote(db) + " " + quote(sample_jsonl()),
          "sample2");
  ASSERT_EQ(r.code, 0) << r.err;
  j = parse_json(r);
  EXPECT_EQ(j["added"], 0);
  EXPECT_EQ(j["replaced"], 56);
  EXPECT_EQ(j["documents"], 56);

  r = cli("stats --json --db " + quote(db), "stats");
  ASSERT_EQ(r.code, 0) << r.err;
  j = parse_json(r);
  EXPECT_EQ(j["documents"], 56);
  EXPECT_GT(j["bytes_on_disk"].get<std::uint64_t>(), 0u);
  EXPECT_NE(j["analyzer"].get<std::string>(), "");
  EXPECT_NE(j["stemmer"].get<std::string>(), "");
  EXPECT_EQ(j["first_date"].get<std::string>().substr(0, 7), "2019-11");
  EXPECT_EQ(j["last_date"].get<std::string>().substr(0, 7), "2020-06");
  std::map<std::string, int> sources;
  for (const auto& s : j["sources"]) sources[s["name"]] = s["count"];
  EXPECT_EQ(sources["Belga"], 14);
  EXPECT_EQ(sources["ANP"], 12);
  EXPECT_GE(j["outlets"].size(), 10u);

  r = cli("stats --db " + quote(db), "stats_text");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("documents     56"), std::string::npos) << r.out;
}

TEST(IndexCli, SkippedRecordsAreNamedCountedAndChangeTheExitCode) {
  REQUIRE_CLI();
  fs::path dir = testing::fresh_dir("index_cli_bad");
  fs::path file = dir / "bad.jsonl";
  {
    std::ofstream out(file);
    out << R"({"id":"g1","title":"Goed","body":"Een goed bericht."})" << '\n'
        << R"({"id":"b1","title":)" << '\n'  // invalid JSON, line 2
        << R"({"id":"g2","title":"Ook goed","body":"Nog een bericht."})" << '\n'
        << R"({"id":"b2","title":"","body":""})" << '\n'  // neither title nor body, line 4
        << R"({"id":"g3","title":"Goed","body":"Derde bericht."})" << '\n';
  }
  std::string db = (dir / "db").string();
  CliRun r = cli("index --json --db " + quote(db) + " " + quote(file.string()), "bad");
  EXPECT_EQ(r.code, 3) << r.err;
  auto j = parse_json(r);
  EXPECT_EQ(j["added"], 3);
  EXPECT_EQ(j["skipped"], 2);
  ASSERT_EQ(j["errors"].size(), 2u);
  EXPECT_NE(j["errors"][0]["where"].get<std::string>().find("bad.jsonl:2"), std::string::npos)
      << j["errors"].dump();
  EXPECT_NE(r.err.find("bad.jsonl:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.jsonl:4"), std::string::npos) << r.err;

  // --max-errors 1: stops at the first skipped record, keeps what came before.
  std::string db2 = (dir / "db2").string();
  r = cli("index --json --max-errors 1 --db " + quote(db2) + " " + quote(file.string()), "max");
  EXPECT_EQ(r.code, 3) << r.err;
  j = parse_json(r);
  EXPECT_EQ(j["skipped"], 1);
  EXPECT_EQ(j["added"], 1);
  EXPECT_EQ(j["documents"], 1);
  EXPECT_EQ(j["stopped_early"], true);
}

TEST(IndexCli, UsageErrorsExitWithTwo) {
  REQUIRE_CLI();
  EXPECT_EQ(cli("index " + quote(sample_jsonl()), "usage1").code, 2);  // no --db
  std::string db = testing::fresh_dir("index_cli_usage").string() + "/db";
  EXPECT_EQ(cli("index --db " + quote(db) + " --format nonsense x", "usage2").code, 2);
  EXPECT_EQ(cli("index --db " + quote(db), "usage3").code, 2);  // no PATH
  EXPECT_EQ(cli("stats", "usage4").code, 2);
}

// Issue 4: a 50 MB article is skipped under the default limit, named with
// its file and line on stderr and in the JSON summary, and the articles
// around it go in; --max-article-bytes moves the limit.
TEST(IndexCli, OversizedArticlesAreSkippedAndListed) {
  REQUIRE_CLI();
  fs::path dir = testing::fresh_dir("index_cli_oversized");
  const fs::path file = dir / "big.jsonl";
  {
    std::ofstream out(file, std::ios::binary);
    out << "{\"id\":\"voor\",\"title\":\"Voor\"}\n{\"id\":\"groot\",\"body\":\"";
    const std::string chunk(1 << 16, 'x');
    for (int i = 0; i < 763; ++i) out << chunk;  // 50 MB
    out << "\"}\n{\"id\":\"na\",\"title\":\"Na\"}\n";
  }
  CliRun r = cli("index --json --db " + quote((dir / "db").string()) + " " + quote(file.string()),
                 "oversized");
  fs::remove(file);
  EXPECT_EQ(r.code, 3) << r.err;
  nlohmann::json j = parse_json(r);
  EXPECT_EQ(j["added"], 2);
  EXPECT_EQ(j["skipped"], 1);
  EXPECT_EQ(j["documents"], 2);
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0]["where"], file.string() + ":2");
  EXPECT_EQ(j["errors"][0]["message"], "record larger than the record limit of 8388608 bytes");
  EXPECT_NE(r.err.find("skipped: " + file.string() + ":2: record larger"), std::string::npos)
      << r.err;

  const fs::path small = dir / "small.jsonl";
  std::ofstream(small) << "{\"title\":\"kort\"}\n{\"title\":\"" << std::string(3000, 'x')
                       << "\"}\n";
  const std::string db = quote((dir / "db2").string());
  r = cli("index --json --max-article-bytes 2KiB --db " + db + " " + quote(small.string()), "k2");
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_EQ(parse_json(r)["errors"][0]["message"],
            "record larger than the record limit of 2048 bytes");
  r = cli("index --json --max-article-bytes 4096 --db " + db + " " + quote(small.string()), "k4");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(cli("index --max-article-bytes 0 --db " + db + " " + quote(small.string()), "k0").code,
            2);
}

TEST(IndexCli, MissingInputOrDatabaseFailsWithOne) {
  REQUIRE_CLI();
  fs::path dir = testing::fresh_dir("index_cli_missing");
  CliRun r = cli("index --db " + quote((dir / "db").string()) + " /nonexistent/archive.jsonl",
              "missing1");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("/nonexistent/archive.jsonl"), std::string::npos) << r.err;
  r = cli("stats --db " + quote((dir / "nodb").string()), "missing2");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("nodb"), std::string::npos) << r.err;
}

TEST(IndexCli, DeleteAndCompact) {
  REQUIRE_CLI();
  std::string db = testing::fresh_dir("index_cli_delete").string() + "/db";
  ASSERT_EQ(cli("index --db " + quote(db) + " " + quote(sample_jsonl()), "del_index").code, 0);
  CliRun r = cli("delete --db " + quote(db) + " nl-2019-0001 nl-2019-0002", "del1");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 54u);
  r = cli("delete --db " + quote(db) + " nl-2019-0001 nl-2019-0003", "del2");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("nl-2019-0001"), std::string::npos) << r.err;
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 53u);  // the one that existed went

  r = cli("compact --db " + quote(db), "compact");
  EXPECT_EQ(r.code, 0) << r.err;
  Xapian::Database d(db);
  EXPECT_EQ(d.get_doccount(), 53u);
  EXPECT_TRUE(d.term_exists("Qnl-2019-0004"));
  EXPECT_FALSE(fs::exists(db + ".compact-tmp"));
  // Still writable afterwards.
  r = cli("index --json --db " + quote(db) + " " + quote(sample_jsonl()), "after_compact");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(parse_json(r)["documents"], 56);
}

// An id the writer refuses (over 244 bytes: "Q" + id must fit in a Xapian
// term) costs only its record, which is named by file and line like the
// records the readers skip, in plain and bulk mode.
TEST(IndexCli, AnIdTheWriterRefusesIsNamedByFileAndLine) {
  REQUIRE_CLI();
  const fs::path dir = testing::fresh_dir("index_cli_long_id");
  const fs::path file = dir / "ids.jsonl";
  std::ofstream(file) << "{\"id\":\"kort-1\",\"title\":\"Een\"}\n"
                      << "{\"id\":\"" << std::string(245, 'x') << "\",\"title\":\"Twee\"}\n"
                      << "{\"id\":\"kort-3\",\"title\":\"Drie\"}\n";
  for (const std::string mode : {"--plain", "--bulk"}) {
    SCOPED_TRACE(mode);
    CliRun r = cli("index --json " + mode + " --db " + quote((dir / ("db" + mode)).string()) +
                       " " + quote(file.string()),
                   "long_id" + mode);
    EXPECT_EQ(r.code, 3) << r.err;
    nlohmann::json j = parse_json(r);
    EXPECT_EQ(j["added"], 2);
    EXPECT_EQ(j["skipped"], 1);
    ASSERT_EQ(j["errors"].size(), 1u) << r.out;
    EXPECT_EQ(j["errors"][0]["where"], file.string() + ":2");
    EXPECT_NE(j["errors"][0]["message"].get<std::string>().find("244 bytes"), std::string::npos)
        << j["errors"][0]["message"];
    EXPECT_NE(r.err.find("skipped: " + file.string() + ":2: "), std::string::npos) << r.err;
  }
}

// SIGKILL in the middle of an import: the database opens, passes
// xapian-check, holds exactly the first k*batch articles, and a re-run
// completes it. `mode` is extra `index` options ("" or the bulk flags).
void sigkill_mid_import(const std::string& name, const std::vector<std::string>& mode) {
  const int kArticles = 3000, kBatch = 200;
  fs::path corpus = generated_corpus(name + "_corpus", kArticles);
  std::string db = testing::fresh_dir(name).string() + "/db";
  std::vector<std::string> argv = {testing::cli_path().string(), "index", "--batch", "200"};
  argv.insert(argv.end(), mode.begin(), mode.end());
  argv.insert(argv.end(), {"--db", db, corpus.string()});
  const pid_t pid = testing::spawn_quiet(argv);
  ASSERT_GE(pid, 0);
  // Wait until at least one commit is visible, then kill.
  Xapian::doccount seen = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (seen < static_cast<Xapian::doccount>(kBatch) &&
         std::chrono::steady_clock::now() < deadline) {
    try {
      seen = Xapian::Database(db).get_doccount();
    } catch (const Xapian::Error&) {
      // not created yet (or swapped while opening, in bulk mode)
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the import finished before it could be killed";

  Xapian::Database d(db);
  const Xapian::doccount n = d.get_doccount();
  EXPECT_GE(n, static_cast<Xapian::doccount>(kBatch));
  EXPECT_LT(n, static_cast<Xapian::doccount>(kArticles));
  EXPECT_EQ(n % kBatch, 0u) << n;
  for (Xapian::doccount i = 0; i < n; ++i) {
    ASSERT_TRUE(d.term_exists("Qgen-" + std::to_string(i))) << i;
  }
  EXPECT_FALSE(d.term_exists("Qgen-" + std::to_string(n)));
  if (have_xapian_check()) {
    EXPECT_EQ(xapian_check(db), 0);
  }

  std::string rerun = "index --json --batch 200 ";
  for (const auto& m : mode) rerun += m + " ";
  CliRun r = cli(rerun + "--db " + quote(db) + " " + quote(corpus.string()), name + "_rerun");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = parse_json(r);
  EXPECT_EQ(j["documents"], kArticles);
  EXPECT_EQ(j["replaced"], n);
  EXPECT_EQ(j["added"], kArticles - static_cast<int>(n));
  // No scratch files are left behind (bulk mode's chunk databases).
  EXPECT_FALSE(fs::exists(db + ".newsindex-bulk"));
  Xapian::Database after(db);
  EXPECT_EQ(after.get_doccount(), static_cast<Xapian::doccount>(kArticles));
}

// Twenty imports killed one after another at varied moments (plain and bulk
// alternating, so kills land in plain commits, chunk writing, the merge and
// the directory swap): after every kill the database opens, passes
// xapian-check and holds a prefix of the corpus at least as long as before,
// and a last run completes it and leaves no scratch files.
TEST(IndexCli, SigkillLoopNeverLosesACommit) {
  REQUIRE_CLI();
  const int kRounds = 20, kPerRound = 300;
  // One file of new articles per round: gen-0 … gen-5999 in order.
  const fs::path corpus = generated_corpus("index_cli_kill_loop_corpus", kRounds * kPerRound);
  const fs::path parts = testing::fresh_dir("index_cli_kill_loop_parts");
  {
    std::ifstream in(corpus);  // the generated JSON Lines file
    ASSERT_TRUE(in) << corpus;
    std::string line;
    for (int i = 0; std::getline(in, line); ++i) {
      std::ofstream(parts / ("part-" + std::to_string(i / kPerRound) + ".jsonl"), std::ios::app)
          << line << "\n";
    }
  }
  const std::string db = testing::fresh_dir("index_cli_kill_loop").string() + "/db";
  const bool have_check = have_xapian_check();
  auto revision = [&db]() -> Xapian::rev {
    try {
      return Xapian::Database(db).get_revision();
    } catch (const Xapian::Error&) {
      return 0;  // not created yet, or swapped while opening
    }
  };
  std::vector<bool> was_present;
  int mid_import = 0;  // rounds whose kill found the round's articles partly committed
  std::string history;
  std::uint64_t rng = 20261204;
  for (int round = 0; round < kRounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    std::vector<std::string> argv = {testing::cli_path().string(), "index", "--batch", "100"};
    if (round % 2 == 1) {
      argv.insert(argv.end(), {"--bulk", "--threads", "2"});
    } else {
      argv.push_back("--plain");
    }
    const fs::path part = parts / ("part-" + std::to_string(round) + ".jsonl");
    argv.insert(argv.end(), {"--db", db, part.string()});
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    const int wait_ms = static_cast<int>((rng >> 33) % 80);
    const Xapian::rev start_rev = revision();
    const pid_t pid = testing::spawn_quiet(argv);
    ASSERT_GE(pid, 0);
    // Kill a random moment after this run's first commit, so that each kill
    // meets work in progress (a commit, a chunk, the merge, the swap).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int status = 0;
    bool exited = false;
    while (revision() == start_rev && std::chrono::steady_clock::now() < deadline) {
      if (::waitpid(pid, &status, WNOHANG) == pid) {
        exited = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (!exited) {
      std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
    }
    // Every article committed before is still there; of this round's file,
    // a prefix is (commits go in input order), at least its first commit.
    std::vector<bool> present((round + 1) * kPerRound);
    Xapian::doccount n = 0;
    try {
      Xapian::Database d(db);
      n = d.get_doccount();
      for (std::size_t i = 0; i < present.size(); ++i) {
        present[i] = d.term_exists("Qgen-" + std::to_string(i));
      }
    } catch (const Xapian::Error& e) {
      FAIL() << "after a kill " << wait_ms << " ms in: " << e.get_description();
    }
    for (std::size_t i = 0; i < was_present.size(); ++i) {
      if (was_present[i]) {
        ASSERT_TRUE(present[i]) << "gen-" << i << " was lost by a kill";
      }
    }
    int prefix = 0;
    while (prefix < kPerRound && present[round * kPerRound + prefix]) ++prefix;
    for (int k = prefix; k < kPerRound; ++k) {
      ASSERT_FALSE(present[round * kPerRound + k]) << "a gap at gen-" << round * kPerRound + k;
    }
    EXPECT_EQ(n, static_cast<Xapian::doccount>(std::count(present.begin(), present.end(), true)));
    if (prefix < kPerRound) ++mid_import;
    history += " " + std::to_string(prefix);
    was_present = present;
    if (have_check) {
      EXPECT_EQ(xapian_check(db), 0);
    }
  }
  // The kills must really land mid-import, else this tests nothing.
  EXPECT_GE(mid_import, kRounds / 2) << "articles of each round's file after its kill:" << history;
  CliRun r = cli("index --json --db " + quote(db) + " " + quote(parts.string()), "kill_loop_final");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(parse_json(r)["documents"], kRounds * kPerRound);
  EXPECT_FALSE(fs::exists(db + ".newsindex-bulk"));
  if (have_check) {
    EXPECT_EQ(xapian_check(db), 0);
  }
}

TEST(IndexCli, SigkillMidImportKeepsTheLastCommit) {
  REQUIRE_CLI();
  sigkill_mid_import("index_cli_crash", {"--plain"});
}

// The same in bulk mode, where each commit merges chunk databases by
// compaction and swaps the result in.
TEST(IndexCli, SigkillMidBulkImportKeepsTheLastCommit) {
  REQUIRE_CLI();
  sigkill_mid_import("index_cli_crash_bulk", {"--bulk", "--threads", "2"});
}

// A file system that fills up mid-import: a small tmpfs (root only; skipped
// where mount is not allowed). The import stops with "No space left", exit 1;
// the summary counts only what was committed; the database opens at that
// commit and passes xapian-check; no scratch files stay; with room a re-run
// completes it.
class TmpfsMount {
 public:
  TmpfsMount(const fs::path& dir, const std::string& size) : dir_(dir) {
    if (::geteuid() != 0) return;
    fs::create_directories(dir);
    const std::string cmd = "mount -t tmpfs -o size=" + size + " tmpfs " + quote(dir.string()) +
                            " >/dev/null 2>&1";
    mounted_ = std::system(cmd.c_str()) == 0;
  }
  ~TmpfsMount() {
    if (mounted_) std::system(("umount " + quote(dir_.string()) + " >/dev/null 2>&1").c_str());
  }
  bool mounted() const { return mounted_; }

 private:
  fs::path dir_;
  bool mounted_ = false;
};

// The injected full disk: tests/faults/enospc_shim.cc preloaded into the
// command fails its writes into `dir` with ENOSPC after `bytes` bytes.
class InjectedFullDisk {
 public:
  InjectedFullDisk(const fs::path& dir, long long bytes) {
    ::setenv("NEWSINDEX_ENOSPC_DIR", dir.string().c_str(), 1);
    ::setenv("NEWSINDEX_ENOSPC_BYTES", std::to_string(bytes).c_str(), 1);
    ::setenv("LD_PRELOAD", NEWSINDEX_ENOSPC_SHIM, 1);
    // A sanitizer build of the command wants its runtime loaded first.
    const char* asan = std::getenv("ASAN_OPTIONS");
    asan_ = asan != nullptr ? asan : "";
    had_asan_ = asan != nullptr;
    const std::string options = asan_ + (asan_.empty() ? "" : ":") + "verify_asan_link_order=0";
    ::setenv("ASAN_OPTIONS", options.c_str(), 1);
  }
  ~InjectedFullDisk() {
    ::unsetenv("LD_PRELOAD");
    ::unsetenv("NEWSINDEX_ENOSPC_DIR");
    ::unsetenv("NEWSINDEX_ENOSPC_BYTES");
    if (had_asan_) {
      ::setenv("ASAN_OPTIONS", asan_.c_str(), 1);
    } else {
      ::unsetenv("ASAN_OPTIONS");
    }
  }

 private:
  std::string asan_;
  bool had_asan_ = false;
};

void full_disk_checks(const std::string& name, const std::string& mode, const fs::path& corpus,
                      const std::string& db, const CliRun& r) {
  const int kArticles = 3000;
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("No space left"), std::string::npos) << r.err;
  auto j = parse_json(r);
  EXPECT_EQ(j["ok"], false);
  const int committed = j["added"].get<int>();
  EXPECT_GT(committed, 0) << "no commit fitted: give it more room";
  EXPECT_EQ(committed % 200, 0);
  EXPECT_EQ(j["documents"], committed);
  EXPECT_GT(j["not_committed"].get<int>(), 0);
  EXPECT_FALSE(fs::exists(db + ".newsindex-bulk"));
  {
    Xapian::Database d(db);
    EXPECT_EQ(d.get_doccount(), static_cast<Xapian::doccount>(committed));
  }
  if (have_xapian_check()) {
    EXPECT_EQ(xapian_check(db), 0);
  }
  // With room: the same command completes it.
  const fs::path roomy = testing::fresh_dir(name + "_roomy") / "db";
  fs::copy(db, roomy, fs::copy_options::recursive);
  CliRun again = cli("index --json --batch 200 " + mode + " --db " + quote(roomy.string()) + " " +
                         quote(corpus.string()),
                     name + "_again");
  ASSERT_EQ(again.code, 0) << again.err;
  auto k = parse_json(again);
  EXPECT_EQ(k["documents"], kArticles);
  EXPECT_EQ(k["replaced"], committed);
}

enum class FullDisk { kTmpfs, kInjected };

void full_disk_import(const std::string& name, const std::string& mode, FullDisk how) {
  const int kArticles = 3000;
  fs::path corpus = generated_corpus(name + "_corpus", kArticles);
  const fs::path mnt = testing::fresh_dir(name) / "mnt";
  std::string db = (mnt / "db").string();
  CliRun r;
  if (how == FullDisk::kTmpfs) {
    TmpfsMount tmpfs(mnt, "2m");
    if (!tmpfs.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here (needs root and mount rights)";
    r = cli("index --json --batch 200 " + mode + " --db " + quote(db) + " " +
                quote(corpus.string()),
            name);
    full_disk_checks(name, mode, corpus, db, r);
  } else {
    fs::create_directories(mnt);
    {
      InjectedFullDisk full(mnt, 3 << 20);
      r = cli("index --json --batch 200 " + mode + " --db " + quote(db) + " " +
                  quote(corpus.string()),
              name);
    }
    full_disk_checks(name, mode, corpus, db, r);
  }
}

TEST(IndexCli, FullDiskStopsWithNoSpaceLeftAndKeepsTheLastCommit) {
  REQUIRE_CLI();
  full_disk_import("index_cli_full", "--plain", FullDisk::kTmpfs);
}

TEST(IndexCli, FullDiskInBulkModeKeepsTheLastCommitAndNoScratch) {
  REQUIRE_CLI();
  full_disk_import("index_cli_full_bulk", "--bulk --threads 2", FullDisk::kTmpfs);
}

// The same without a tmpfs, where ENOSPC is injected into the write calls
// (tests/faults/enospc_shim.cc): runs everywhere, root or not.
TEST(IndexCli, InjectedNoSpaceStopsWithNoSpaceLeftAndKeepsTheLastCommit) {
  REQUIRE_CLI();
  full_disk_import("index_cli_enospc", "--plain", FullDisk::kInjected);
}

TEST(IndexCli, InjectedNoSpaceInBulkModeKeepsTheLastCommitAndNoScratch) {
  REQUIRE_CLI();
  full_disk_import("index_cli_enospc_bulk", "--bulk --threads 2", FullDisk::kInjected);
}

// Xapian 1.4.22's own check code deletes one of its tables through the
// wrong type (ASan: new-delete-type-mismatch inside Database::check_, not in
// our code): tells a sanitizer build of the CLI not to stop on that.
void allow_xapian_check_type_mismatch() {
  if (const char* asan = std::getenv("ASAN_OPTIONS"); asan != nullptr) {
    const std::string options = std::string(asan) + ":new_delete_type_mismatch=0";
    ::setenv("ASAN_OPTIONS", options.c_str(), 1);
  }
}

// Writes 4 KiB of pseudo-random bytes (from `seed`) over the middle of `file`.
void overwrite_middle(const fs::path& file, unsigned seed) {
  const auto size = fs::file_size(file);
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  std::string junk(4096, '\0');
  unsigned x = seed;
  for (char& c : junk) c = static_cast<char>((x = x * 1103515245u + 12345u) >> 16);
  f.seekp(static_cast<std::streamoff>(size / 2));
  f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

// newsindex check: a sound database passes; random bytes written into the
// middle of postlist.glass (which stats and search do not notice until they
// read that block) are found and named; a missing database is not found.
TEST(IndexCli, CheckFindsOverwrittenBlocks) {
  REQUIRE_CLI();
  const std::string db = testing::fresh_dir("index_cli_check").string() + "/db";
  ASSERT_EQ(cli("index --db " + quote(db) + " " + quote(sample_jsonl()), "check_build").code, 0);
  allow_xapian_check_type_mismatch();
  CliRun ok = cli("check --json --db " + quote(db), "check_ok");
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_EQ(parse_json(ok)["ok"], true);

  const fs::path postlist = fs::path(db) / "postlist.glass";
  ASSERT_GT(fs::file_size(postlist), 8192u);
  overwrite_middle(postlist, 12345);
  CliRun bad = cli("check --db " + quote(db), "check_bad");
  EXPECT_EQ(bad.code, 1) << bad.out;
  EXPECT_NE(bad.err.find("corrupt"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find(db), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("rebuild"), std::string::npos) << bad.err;

  CliRun missing = cli("check --db " + quote(db + "-none"), "check_missing");
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find(db + "-none"), std::string::npos) << missing.err;
}

// Once damage is known (a check found it), nothing writes into the database
// again: index (plain and bulk), delete and compact refuse, naming it, and
// leave its files as they are. After a restore, a check that passes lifts
// the mark and the database takes writes again.
TEST(IndexCli, ADatabaseKnownToBeDamagedIsNeverWrittenTo) {
  REQUIRE_CLI();
  const fs::path dir = testing::fresh_dir("index_cli_known_damaged");
  const std::string db = (dir / "db").string();
  ASSERT_EQ(cli("index --db " + quote(db) + " " + quote(sample_jsonl()), "kd_build").code, 0);
  const fs::path backup = dir / "backup";
  fs::copy(db, backup, fs::copy_options::recursive);
  allow_xapian_check_type_mismatch();
  overwrite_middle(fs::path(db) / "postlist.glass", 777);
  CliRun check = cli("check --db " + quote(db), "kd_check");
  ASSERT_EQ(check.code, 1) << check.err;
  EXPECT_TRUE(fs::exists(db + ".newsindex-damaged"));
  auto files = [&db] {
    std::map<std::string, std::string> m;
    for (const auto& e : fs::directory_iterator(db)) m[e.path().filename()] = read_all(e.path());
    return m;
  };
  const auto before = files();
  const fs::path more = generated_corpus("index_cli_known_damaged_more", 50);
  for (const std::string& command :
       {"index --plain --db " + quote(db) + " " + quote(more.string()),
        "index --bulk --db " + quote(db) + " " + quote(more.string()),
        "delete --db " + quote(db) + " nl-2019-0001", "compact --db " + quote(db)}) {
    SCOPED_TRACE(command);
    CliRun r = cli(command, "kd_write");
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_NE(r.err.find(db + ": the database is known to be damaged"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("corrupt database"), std::string::npos) << r.err;
    EXPECT_TRUE(files() == before) << "a file of the database changed";
  }
  // Restored from the backup: the check passes, the mark goes, writes work.
  fs::remove_all(db);
  fs::copy(backup, db, fs::copy_options::recursive);
  EXPECT_EQ(cli("check --db " + quote(db), "kd_check_again").code, 0);
  EXPECT_FALSE(fs::exists(db + ".newsindex-damaged"));
  CliRun r = cli("index --json --plain --db " + quote(db) + " " + quote(more.string()), "kd_ok");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(parse_json(r)["documents"], 56 + 50);
}

// SIGKILL at random moments of `newsindex compact`: after every kill the
// database opens, passes xapian-check and holds every article; a leftover
// scratch folder is cleared by the next run; a last run completes. Rounds:
// NEWSINDEX_KILL_ROUNDS (6 here; docs/reliability.md quotes 20).
TEST(IndexCli, SigkillDuringCompactNeverLosesTheDatabase) {
  REQUIRE_CLI();
  const char* env = std::getenv("NEWSINDEX_KILL_ROUNDS");
  const int rounds = env != nullptr ? std::max(1, std::atoi(env)) : 6;
  const int kArticles = 3000;
  const fs::path corpus = generated_corpus("index_cli_kill_compact_corpus", kArticles);
  const std::string db = testing::fresh_dir("index_cli_kill_compact").string() + "/db";
  ASSERT_EQ(cli("index --plain --batch 100 --db " + quote(db) + " " + quote(corpus.string()),
                "kill_compact_build")
                .code,
            0);
  const bool have_check = have_xapian_check();
  // How long one compaction takes here, to spread the kills over it. The
  // first run compacts a database built in batches and is slower than the
  // later ones, so the second run is the one timed.
  ASSERT_EQ(cli("compact --db " + quote(db), "kill_compact_first").code, 0);
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(cli("compact --db " + quote(db), "kill_compact_time").code, 0);
  const long full_ms = std::max<long>(
      5, std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               t0)
             .count());
  // A run that finished before its kill shows that compaction is faster now
  // than when it was timed (a machine's load changes): later kills come
  // sooner, so that most rounds still land mid-run.
  long window_ms = full_ms;
  int mid_compact = 0;
  std::uint64_t rng = 20261206;
  std::string history;
  for (int round = 0; round < rounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    const long wait_ms = static_cast<long>((rng >> 33) % static_cast<std::uint64_t>(window_ms));
    std::vector<std::string> argv = {testing::cli_path().string(), "compact", "--db", db};
    const pid_t pid = testing::spawn_quiet(argv);
    ASSERT_GE(pid, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
    }
    const bool killed = WIFSIGNALED(status);
    mid_compact += killed;
    history += " " + std::to_string(wait_ms) + (killed ? "k" : "");
    if (!killed) {
      EXPECT_EQ(WEXITSTATUS(status), 0) << "compact failed after a kill";
      window_ms = std::max<long>(5, wait_ms * 3 / 4);
    }
    try {
      Xapian::Database d(db);
      ASSERT_EQ(d.get_doccount(), static_cast<Xapian::doccount>(kArticles));
      for (int i = 0; i < kArticles; i += 97) {
        ASSERT_TRUE(d.term_exists("Qgen-" + std::to_string(i))) << i;
      }
    } catch (const Xapian::Error& e) {
      FAIL() << "after a kill " << wait_ms << " ms in: " << e.get_description();
    }
    if (have_check) {
      EXPECT_EQ(xapian_check(db), 0);
    }
  }
  EXPECT_GE(mid_compact, (rounds + 1) / 2) << "kills (ms, k = killed):" << history;
  std::printf("compact killed mid-run in %d of %d rounds (one run %ld ms):%s\n", mid_compact,
              rounds, full_ms, history.c_str());
  CliRun last = cli("compact --db " + quote(db), "kill_compact_last");
  EXPECT_EQ(last.code, 0) << last.err;
  EXPECT_FALSE(fs::exists(db + ".compact-tmp"));
  EXPECT_EQ(Xapian::Database(db).get_doccount(), static_cast<Xapian::doccount>(kArticles));
}

TEST(IndexCli, SecondWriterGetsALockedError) {
  REQUIRE_CLI();
  fs::path corpus = generated_corpus("index_cli_lock_corpus", 3000);
  std::string db = testing::fresh_dir("index_cli_lock").string() + "/db";
  const pid_t pid = testing::spawn_quiet(
      {testing::cli_path().string(), "index", "--batch", "100", "--db", db, corpus.string()});
  ASSERT_GE(pid, 0);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  Xapian::doccount seen = 0;
  while (seen == 0 && std::chrono::steady_clock::now() < deadline) {
    try {
      seen = Xapian::Database(db).get_doccount();
    } catch (const Xapian::Error&) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  CliRun r = cli("index --db " + quote(db) + " " + quote(sample_jsonl()), "locked");
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  // Exit 1 with the second import succeeding is not "too early" but a lost
  // lock (seen 3 runs in 20 with the first import kept running): the first
  // import (bulk mode, a new database) commits, XapianIndexWriter::reopen()
  // closes the database and opens it again, the second writer takes the
  // lock in between, and the first then fails. A known bug, not fixed here.
  ASSERT_TRUE(WIFSIGNALED(status)) << "the first import finished too early (exit "
                                   << WEXITSTATUS(status) << "); the second import said: "
                                   << r.err;
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("locked"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace newsindex
