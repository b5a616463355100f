// A damaged database (a table file cut short, the version file gone) met by
// every command: a clear error naming the database and saying it is damaged,
// exit 1, never a crash, and nothing written into it.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "testing/test_paths.h"

namespace newsindex {
namespace {

namespace fs = std::filesystem;

struct CliRun {
  int code = -1;
  std::string err;
};

CliRun cli(const std::string& args, const fs::path& err_file) {
  const std::string cmd =
      testing::cli_path().string() + " " + args + " >/dev/null 2>'" + err_file.string() + "'";
  const int status = std::system(cmd.c_str());
  CliRun r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_file);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  return r;
}

// name -> size and modification time of every file in `dir`.
std::map<std::string, std::pair<std::uintmax_t, fs::file_time_type>> snapshot(const fs::path& dir) {
  std::map<std::string, std::pair<std::uintmax_t, fs::file_time_type>> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    out[e.path().filename().string()] = {e.file_size(), e.last_write_time()};
  }
  return out;
}

TEST(DamagedDatabaseCli, EveryCommandSaysDamagedAndWritesNothing) {
  if (testing::cli_path().empty()) GTEST_SKIP() << "newsindex CLI not built";
  const fs::path dir = testing::fresh_dir("damaged_db_cli");
  const fs::path sample = testing::source_dir() / "corpora" / "sample" / "jsonl";
  const fs::path good = dir / "good";
  ASSERT_EQ(cli("index --db '" + good.string() + "' '" + sample.string() + "'", dir / "err").code,
            0);

  const struct {
    const char* name;
    void (*damage)(const fs::path& db);
    const char* says;
  } damages[] = {
      {"postlist cut short",
       [](const fs::path& db) { fs::resize_file(db / "postlist.glass", 8192); },
       "damaged"},
      {"termlist cut short",
       [](const fs::path& db) { fs::resize_file(db / "termlist.glass", 8192); }, "damaged"},
      {"version file gone", [](const fs::path& db) { fs::remove(db / "iamglass"); },
       "version file iamglass is missing"},
  };
  const struct {
    const char* name;
    std::string args;  // DB stands for the database
  } commands[] = {
      {"search", "search --db DB navo"},
      {"stats", "stats --db DB"},
      {"similar", "similar --db DB nl-2019-0001"},
      {"index (plain)", "index --plain --db DB '" + sample.string() + "'"},
      {"index (auto)", "index --db DB '" + sample.string() + "'"},
      {"index --bulk", "index --bulk --db DB '" + sample.string() + "'"},
      {"delete", "delete --db DB nl-2019-0001"},
      {"check", "check --db DB"},
      {"compact", "compact --db DB"},
      {"serve", "serve --db DB --listen 127.0.0.1:0"},
  };
  int n = 0;
  for (const auto& d : damages) {
    for (const auto& c : commands) {
      SCOPED_TRACE(std::string(d.name) + " / " + c.name);
      const fs::path db = dir / ("db" + std::to_string(n++));
      fs::copy(good, db);
      d.damage(db);
      const auto before = snapshot(db);
      std::string args = c.args;
      args.replace(args.find("DB"), 2, "'" + db.string() + "'");
      const CliRun r = cli(args, dir / "err");
      EXPECT_EQ(r.code, 1) << r.err;
      EXPECT_NE(r.err.find(db.string()), std::string::npos) << r.err;
      EXPECT_NE(r.err.find(d.says), std::string::npos) << r.err;
      EXPECT_EQ(r.err.find("terminate"), std::string::npos) << r.err;
      auto after = snapshot(db);
      after.erase("flintlock");  // a writer's open may create the lock file
      auto expected = before;
      expected.erase("flintlock");
      EXPECT_EQ(after, expected) << "the command wrote into the damaged database";
    }
  }
}

}  // namespace
}  // namespace newsindex
