// Load: four reader processes query in a loop while `newsindex index`
// imports and commits (plain and bulk mode in turn), then `newsindex
// compact` rewrites the database, and the readers go on. Every query must
// succeed, every hit must be an article of the corpus, an article once seen
// must stay visible (commits never go back, not across a bulk swap or the
// compaction), and the readers' memory must stay flat.
//
// NEWSINDEX_LOAD_SECONDS sets the length (30 s here; scripts/load.sh runs
// 600 s). The figures go to stdout as one line per reader and are quoted
// in docs/reliability.md.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "newsindex/searcher.h"
#include "testing/child_process.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kReaders = 4;
constexpr int kParts = 40, kPerPart = 200;
const char* const kWords[] = {"kabinet", "gemeente", "verkiezing", "minister", "brand", "politie",
                              "school",  "trein",    "haven",      "rechter",  "storm", "fietspad"};

int load_seconds() {
  const char* env = std::getenv("NEWSINDEX_LOAD_SECONDS");
  const int s = env != nullptr ? std::atoi(env) : 30;
  return std::max(s, 10);
}

// kParts files of kPerPart articles, gen-0 … gen-7999; article i ends in
// "nummer i", so the phrase "nummer i" finds it and nothing else.
fs::path write_corpus() {
  const fs::path dir = testing::fresh_dir("load_corpus");
  for (int p = 0; p < kParts; ++p) {
    std::ofstream out(dir / ("part-" + std::to_string(p) + ".jsonl"));
    for (int k = 0; k < kPerPart; ++k) {
      const int i = p * kPerPart + k;
      std::string body;
      for (int w = 0; w < 80; ++w) {
        body += kWords[(i * 7 + w * 5) % 12];
        body += w % 9 == 8 ? ". " : " ";
      }
      out << R"({"id":"gen-)" << i << R"(","title":"Bericht )" << kWords[i % 12] << " " << i
          << R"(","body":")" << body << "nummer " << i
          << R"(","date":"2020-02-12T13:48:00+01:00","source":"Belga"})" << "\n";
    }
  }
  return dir;
}

int run(const std::vector<std::string>& argv) {
  const pid_t pid = testing::spawn_quiet(argv);
  if (pid < 0) return -1;
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

long rss_kb() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

volatile std::sig_atomic_t g_stop = 0;
void on_stop(int) { g_stop = 1; }

bool is_corpus_id(const std::string& id) {
  if (id.rfind("gen-", 0) != 0 || id.size() < 5 || id.size() > 8) return false;
  int n = 0;
  for (char c : id.substr(4)) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  return n < kParts * kPerPart && id == "gen-" + std::to_string(n);
}

// One reader process: queries until SIGTERM, then writes its tally to `fd`:
// "queries failed wrong samples rss_kb@25% rss_kb@end rss_kb_max | first
// problem" (RSS sampled once a second).
[[noreturn]] void reader(const std::string& db, int number, int fd) {
  long queries = 0, failed = 0, wrong = 0;
  std::string first;
  auto problem = [&first](const std::string& what) {
    if (first.empty()) first = what;
  };
  std::vector<long> rss;
  auto opened = Searcher::open({db});
  if (!opened.ok()) {
    const std::string line = "0 1 0 0 0 0 0 | open: " + opened.status().to_string() + "\n";
    [[maybe_unused]] ssize_t n = ::write(fd, line.data(), line.size());
    ::_exit(0);
  }
  Searcher& s = **opened;
  std::mt19937 rng(static_cast<unsigned>(number) * 7919u + 1u);
  std::vector<bool> seen(kParts * kPerPart);
  auto next_sample = Clock::now();
  while (g_stop == 0) {
    if (Clock::now() >= next_sample) {
      rss.push_back(rss_kb());
      next_sample += std::chrono::seconds(1);
    }
    SearchRequest r;
    const bool phrase = queries % 2 == 0;
    const int target = static_cast<int>(rng() % (kParts * kPerPart));
    if (phrase) {
      r.query = "\"nummer " + std::to_string(target) + "\"";
    } else {
      r.query = std::string(kWords[rng() % 12]) + " " + kWords[rng() % 12];
      r.facets = {"source"};
      r.collapse = queries % 3 == 0;
    }
    ++queries;
    auto res = s.search(r);
    if (!res.ok()) {
      ++failed;
      problem("query " + r.query + ": " + res.status().to_string());
    } else {
      bool found = false;
      for (const Hit& h : res->hits) {
        if (!is_corpus_id(h.id)) {
          ++wrong;
          problem("query " + r.query + ": hit id '" + h.id + "' is no article of the corpus");
        } else if (phrase && h.id != "gen-" + std::to_string(target)) {
          ++wrong;
          problem("query " + r.query + " found " + h.id);
        }
        found = found || (phrase && h.id == "gen-" + std::to_string(target));
      }
      if (!phrase && res->hits.empty()) {
        ++wrong;
        problem("query " + r.query + ": no hits");
      }
      if (phrase && seen[target] && !found) {
        ++wrong;
        problem("gen-" + std::to_string(target) + " was found before and is gone");
      }
      if (found) seen[target] = true;
    }
    if (queries % 3 == 0) {
      const Status st = s.reopen();
      if (!st.ok()) {
        ++failed;
        problem("reopen: " + st.to_string());
      }
    }
  }
  rss.push_back(rss_kb());
  std::ostringstream line;
  line << queries << " " << failed << " " << wrong << " " << rss.size() << " "
       << rss[rss.size() / 4] << " "
       << rss.back() << " " << *std::max_element(rss.begin(), rss.end()) << " | " << first
       << "\n";
  const std::string text = line.str();
  [[maybe_unused]] ssize_t n = ::write(fd, text.data(), text.size());
  ::_exit(0);
}

TEST(LoadTest, ReadersNeverFailWhileAWriterCommitsAndCompacts) {
  if (testing::cli_path().empty() || !fs::exists(testing::cli_path())) {
    GTEST_SKIP() << "the newsindex command is not built";
  }
  const int seconds = load_seconds();
  const std::string cli = testing::cli_path().string();
  const fs::path corpus = write_corpus();
  const std::string db = testing::fresh_dir("load_db").string() + "/db";
  auto part = [&corpus](int p) {
    return (corpus / ("part-" + std::to_string(p % kParts) + ".jsonl")).string();
  };
  // The readers start on a database that holds the first part.
  ASSERT_EQ(run({cli, "index", "--plain", "--batch", "100", "--db", db, part(0)}), 0);

  const auto start = Clock::now();
  std::vector<pid_t> pids;
  std::vector<int> fds;
  for (int i = 0; i < kReaders; ++i) {
    int p[2];
    ASSERT_EQ(::pipe(p), 0);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::close(p[0]);
      std::signal(SIGTERM, on_stop);
      reader(db, i, p[1]);
    }
    ::close(p[1]);
    pids.push_back(pid);
    fds.push_back(p[0]);
  }

  // The writer: one part after another (then the same parts again, which
  // replaces them), plain and bulk mode in turn, 100 articles a commit,
  // for two thirds of the time; then compact; the readers go on for the
  // rest of the time, at least a tenth of it.
  int imports = 0, import_failures = 0;
  const auto writer_end = start + std::chrono::seconds(seconds * 2 / 3);
  for (int round = 1; Clock::now() < writer_end; ++round) {
    const char* mode = round % 2 == 0 ? "--bulk" : "--plain";
    if (run({cli, "index", mode, "--batch", "100", "--db", db, part(round)}) != 0) {
      ++import_failures;
    }
    ++imports;
  }
  const auto compact_start = Clock::now();
  const int compact_code = run({cli, "compact", "--db", db});
  const double compact_s =
      std::chrono::duration<double>(Clock::now() - compact_start).count();
  const auto end = std::max(start + std::chrono::seconds(seconds),
                            Clock::now() + std::chrono::seconds(seconds / 10));
  std::this_thread::sleep_until(end);
  for (const pid_t pid : pids) ::kill(pid, SIGTERM);
  const double ran_s = std::chrono::duration<double>(Clock::now() - start).count();

  long queries = 0, failed = 0, wrong = 0;
  for (int i = 0; i < kReaders; ++i) {
    std::string line;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[i], buf, sizeof buf)) > 0;) line.append(buf, n);
    ::close(fds[i]);
    int status = 0;
    ::waitpid(pids[i], &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "reader " << i << " died";
    std::istringstream in(line);
    long q = 0, f = 1, w = 0, samples = 0, rss_quarter = 0, rss_end = 0, rss_max = 0;
    in >> q >> f >> w >> samples >> rss_quarter >> rss_end >> rss_max;
    std::printf("reader %d: %ld queries, %ld failed, %ld wrong, RSS (%ld samples) %ld KiB at "
                "1/4, %ld KiB at the end, %ld KiB at most\n",
                i, q, f, w, samples, rss_quarter, rss_end, rss_max);
    EXPECT_EQ(f, 0) << "reader " << i << ": " << line;
    EXPECT_EQ(w, 0) << "reader " << i << ": " << line;
    EXPECT_GT(q, 0) << "reader " << i << ": " << line;
    // Flat: what a reader holds a quarter in (caches warm, the database
    // still growing) is what it holds at the end, give or take 25% + 16 MiB.
    // Not under AddressSanitizer: its quarantine holds freed memory (up to
    // 256 MiB per process) and grows the RSS of a healthy reader.
#ifndef __SANITIZE_ADDRESS__
    EXPECT_LE(rss_end, rss_quarter + rss_quarter / 4 + 16 * 1024) << "reader " << i << ": " << line;
#endif
    queries += q;
    failed += f;
    wrong += w;
  }
  std::printf("load: %.0f s, %d readers, %ld queries (%.0f/s), %ld failed, %ld wrong; %d imports "
              "(%d failed), compact exit %d in %.1f s\n",
              ran_s, kReaders, queries, static_cast<double>(queries) / ran_s, failed, wrong,
              imports, import_failures, compact_code, compact_s);
  EXPECT_EQ(import_failures, 0);
  EXPECT_EQ(compact_code, 0);
  EXPECT_GE(imports, 2) << "the writer must commit while the readers run";
}

}  // namespace
}  // namespace newsindex
