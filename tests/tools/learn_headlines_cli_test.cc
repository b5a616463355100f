// `newsindex learn-headlines`: the rates and translations files it writes
// from a small archive written for the test, read back by search; errors.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "testing/test_paths.h"

namespace newsindex {
namespace {

namespace fs = std::filesystem;

int run(const std::string& args, const fs::path& err) {
  const std::string cmd =
      testing::cli_path().string() + " " + args + " >/dev/null 2>" + err.string();
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(LearnHeadlinesCli, WritesFilesSearchReads) {
  const fs::path dir = testing::fresh_dir("learn_headlines_cli");
  {
    std::ofstream j(dir / "a.jsonl");
    for (int i = 0; i < 3; ++i) {
      j << R"({"id":"a)" << i
        << R"(","title":"Dief opgepakt","body":"De politie heeft de dief gearresteerd."})"
        << "\n";
    }
    j << R"({"id":"t1","title":"Dief opgepakt","body":"De dief is opgepakt door de politie."})"
      << "\n";
    j << R"({"id":"x","title":"Kat gered","body":"De brandweer redde een kat."})" << "\n";
  }
  std::ofstream(dir / "ids.txt") << "x\n";
  const fs::path err = dir / "err.txt";
  ASSERT_EQ(run("learn-headlines --out " + (dir / "rates.tsv").string() +
                    " --translations-out " + (dir / "tr.tsv").string() + " --exclude " +
                    (dir / "ids.txt").string() + " " + (dir / "a.jsonl").string(),
                err),
            0)
      << slurp(err);
  EXPECT_EQ(slurp(err), "learned from 4 articles (1 excluded, 0 skipped) into " +
                            (dir / "rates.tsv").string() + "\n");
  // Stems in at least 3 titles; "kat" was excluded with its article.
  EXPECT_EQ(slurp(dir / "rates.tsv"),
            "# newsindex headline rates: stem, titles with it, of those with it in the body (4 "
            "articles)\n"
            "dief\t4\t4\n"
            "opgepakt\t4\t1\n");
  // 3 lacking titles: under the default minimum of 5, no translation.
  EXPECT_EQ(slurp(dir / "tr.tsv"),
            "# newsindex headline translations: title stem, body stem, share of the titles (4 "
            "articles)\n");

  ASSERT_EQ(run("index --db " + (dir / "db").string() + " " + (dir / "a.jsonl").string(), err),
            0)
      << slurp(err);
  EXPECT_EQ(run("search --db " + (dir / "db").string() + " --headline-rates " +
                    (dir / "rates.tsv").string() + " --headline-translations " +
                    (dir / "tr.tsv").string() + " dief opgepakt",
                err),
            0)
      << slurp(err);

  // Errors name the file: a missing exclude list, a malformed rates file.
  EXPECT_EQ(run("learn-headlines --out " + (dir / "r2.tsv").string() + " --exclude " +
                    (dir / "none.txt").string() + " " + (dir / "a.jsonl").string(),
                err),
            1);
  EXPECT_NE(slurp(err).find("cannot open exclude file " + (dir / "none.txt").string()),
            std::string::npos)
      << slurp(err);
  std::ofstream(dir / "bad.tsv") << "dief\t4\n";
  EXPECT_EQ(run("search --db " + (dir / "db").string() + " --headline-rates " +
                    (dir / "bad.tsv").string() + " dief",
                err),
            1);
  EXPECT_NE(slurp(err).find((dir / "bad.tsv").string() + ":1: expected"), std::string::npos)
      << slurp(err);
}


// --translation-model model1 on an archive where "opgepakt" headlines mostly
// sit over bodies that say "gearresteerd"; bad values of the Model 1 options
// are refused naming the option.
TEST(LearnHeadlinesCli, Model1TranslationsAndBadOptions) {
  const fs::path dir = testing::fresh_dir("learn_headlines_cli_model1");
  {
    std::ofstream j(dir / "a.jsonl");
    auto line = [&](int i, const char* title, const char* body) {
      j << R"({"id":"a)" << i << R"(","title":")" << title << R"(","body":")" << body << "\"}\n";
    };
    int i = 0;
    for (int k = 0; k < 5; ++k) {
      line(i++, "Dief opgepakt", "De politie heeft de dief gearresteerd.");
      line(i++, "Dief ontsnapt", "De dief is ontsnapt.");
      line(i++, "Politie zoekt getuigen", "De politie zoekt getuigen.");
    }
    line(i++, "Dief opgepakt", "De dief is opgepakt door de politie.");
  }
  const fs::path err = dir / "err.txt";
  const std::string learn = "learn-headlines --out " + (dir / "rates.tsv").string() +
                            " --translations-out " + (dir / "tr.tsv").string() + " ";
  ASSERT_EQ(run(learn + "--translation-model model1 --max-body-share 1 --em-iterations 10 " +
                    (dir / "a.jsonl").string(),
                err),
            0)
      << slurp(err);
  const std::string tr = slurp(dir / "tr.tsv");
  EXPECT_EQ(tr.rfind("# newsindex headline translations (IBM Model 1): ", 0), 0u) << tr;
  EXPECT_NE(tr.find("\nopgepakt\tgearresteerd\t"), std::string::npos) << tr;
  EXPECT_EQ(tr.find("\nopgepakt\topgepakt\t"), std::string::npos) << tr;
  // model1's default is 5 per stem ("politie" and "dief" too), lift's 1.
  auto lines_of = [](const std::string& text, const std::string& stem) {
    int n = 0;
    for (std::size_t at = text.find("\n" + stem + "\t"); at != std::string::npos;
         at = text.find("\n" + stem + "\t", at + 1)) {
      ++n;
    }
    return n;
  };
  EXPECT_EQ(lines_of(tr, "opgepakt"), 3) << tr;
  ASSERT_EQ(run(learn + "--translation-model model1 --max-body-share 1 --translations-per-stem 1 " +
                    (dir / "a.jsonl").string(),
                err),
            0)
      << slurp(err);
  EXPECT_EQ(lines_of(slurp(dir / "tr.tsv"), "opgepakt"), 1) << slurp(dir / "tr.tsv");
  EXPECT_NE(slurp(dir / "tr.tsv").find("\nopgepakt\tgearresteerd\t"), std::string::npos);
  ASSERT_EQ(run("index --db " + (dir / "db").string() + " " + (dir / "a.jsonl").string(), err), 0)
      << slurp(err);
  EXPECT_EQ(run("search --db " + (dir / "db").string() + " --headline-translations " +
                    (dir / "tr.tsv").string() + " dief opgepakt",
                err),
            0)
      << slurp(err);

  struct Row {
    const char* flags;
    const char* message;
  };
  const Row kRows[] = {
      {"--translation-model em", "--translation-model: em not in {lift,model1}"},
      {"--em-iterations 0", "--em-iterations: Value 0 not in range"},
      {"--translation-floor 0", "--translation-floor: Value 0 not in range"},
      {"--max-body-share 2", "--max-body-share: Value 2 not in range"},
  };
  for (const Row& r : kRows) {
    EXPECT_EQ(run(learn + r.flags + " " + (dir / "a.jsonl").string(), err), 2) << r.flags;
    EXPECT_NE(slurp(err).find(r.message), std::string::npos) << r.flags << ": " << slurp(err);
  }
}

}  // namespace
}  // namespace newsindex
