// `newsindex search` and `newsindex similar` run as a user would: JSON
// shape, batch mode, filters, text output, errors and exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "newsindex/writer.h"
#include "testing/cli_runner.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {


using testing::CliRun;

CliRun run(const std::string& args) { return testing::run_newsindex(args); }

Article make(std::string id, std::string title, std::string body, std::int64_t ts,
             std::string source, std::string outlet) {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = std::move(body);
  a.timestamp = ts;
  a.has_time = true;
  a.source = std::move(source);
  a.outlet = std::move(outlet);
  a.category = "binnenland";
  a.url = "https://example.org/" + a.id;
  return a;
}

class SearchCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new std::string(testing::fresh_dir("search_cli_db").string());
    auto w = IndexWriter::open(*db_);
    ASSERT_TRUE(w.ok()) << w.status().to_string();
    const std::int64_t t0 = 1581508800;  // 2020-02-12T12:00Z
    ASSERT_TRUE((*w)->add(make("seed", "NAVO klaar om trainingsmissie in Irak uit te breiden",
                               "De NAVO is klaar om haar trainingsmissie in Irak uit te breiden "
                               "& dat is <nieuws>.",
                               t0, "Belga", "De Standaard"))
                    .ok());
    ASSERT_TRUE((*w)->add(make("mali", "Missie in Mali verlengd",
                               "De missie in Mali wordt met een jaar verlengd door de regering.",
                               t0 + 86400 * 40, "ANP", "NOS"))
                    .ok());
    ASSERT_TRUE((*w)->add(make("mali-troepen", "Franse troepen in Mali",
                               "Franse troepen blijven in Mali: de missie wordt verlengd.",
                               t0 + 86400 * 41, "Belga", "De Standaard"))
                    .ok());
    ASSERT_TRUE((*w)->add(make("weer", "Weerbericht", "Morgen wordt het zonnig en droog.",
                               t0 - 86400 * 400, "ANP", "NOS"))
                    .ok());
    ASSERT_TRUE((*w)->commit().ok());
  }
  static void TearDownTestSuite() { delete db_; }
  static std::string* db_;
};
std::string* SearchCliTest::db_ = nullptr;

TEST_F(SearchCliTest, JsonHasTheDocumentedKeys) {
  CliRun r = run("search --db " + *db_ + " --json --facets source,year --explain missie");
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["query"], "missie");
  EXPECT_EQ(j["total"]["estimate"], 3);
  ASSERT_EQ(j["hits"].size(), 3u);
  const auto& h = j["hits"][0];
  for (const char* key : {"rank", "id", "score", "title", "date", "source", "outlet", "url",
                          "snippet", "duplicates"}) {
    EXPECT_TRUE(h.contains(key)) << key;
  }
  EXPECT_EQ(h["id"], "mali");
  EXPECT_EQ(h["rank"], 1);
  EXPECT_EQ(j["hits"][2]["snippet"],
            "De NAVO is klaar om haar <b>trainingsmissie</b> in Irak uit te breiden &amp; dat "
            "is &lt;nieuws&gt;.");
  EXPECT_EQ(j["facets"]["source"].size(), 2u);
  EXPECT_EQ(j["facets"]["year"][0]["value"], "2020");
  EXPECT_EQ(j["facets"]["year"][0]["count"], 3);
  EXPECT_TRUE(j.contains("suggestion"));
  EXPECT_TRUE(j["warnings"].is_array());
  EXPECT_NE(j["explain"].get<std::string>().find("XPmissi"), std::string::npos);
}

TEST_F(SearchCliTest, FiltersSortAndNoSnippets) {
  CliRun r = run("search --db " + *db_ + " --json --no-snippets --source ANP --sort date");
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["hits"].size(), 2u);
  EXPECT_EQ(j["hits"][0]["id"], "mali");
  EXPECT_FALSE(j["hits"][0].contains("snippet"));
  CliRun since = run("search --db " + *db_ + " --json --since 2020-02-12 --until 2020-02-12");
  ASSERT_EQ(since.code, 0) << since.err;
  nlohmann::json s = nlohmann::json::parse(since.out);
  ASSERT_EQ(s["hits"].size(), 1u);
  EXPECT_EQ(s["hits"][0]["id"], "seed");
  CliRun recency = run("search --db " + *db_ + " --json --recency 7d --collapse irak missie");
  ASSERT_EQ(recency.code, 0) << recency.err;
}

TEST_F(SearchCliTest, PagingAndOperatorAndSeveralDatabases) {
  CliRun page = run("search --db " + *db_ + " --json --offset 1 --limit 1 missie");
  ASSERT_EQ(page.code, 0) << page.err;
  nlohmann::json p = nlohmann::json::parse(page.out);
  ASSERT_EQ(p["hits"].size(), 1u);
  EXPECT_EQ(p["hits"][0]["rank"], 2);
  CliRun any = run("search --db " + *db_ + " --json missie zonnig");
  CliRun all = run("search --db " + *db_ + " --json --and missie zonnig");
  ASSERT_EQ(any.code, 0) << any.err;
  ASSERT_EQ(all.code, 0) << all.err;
  EXPECT_EQ(nlohmann::json::parse(any.out)["hits"].size(), 4u);
  EXPECT_EQ(nlohmann::json::parse(all.out)["hits"].size(), 0u);
  CliRun twice = run("search --db " + *db_ + " --db " + *db_ + " --json weer");
  ASSERT_EQ(twice.code, 0) << twice.err;
  EXPECT_EQ(nlohmann::json::parse(twice.out)["hits"].size(), 2u);  // one per database
}

TEST_F(SearchCliTest, BatchWritesOneJsonLinePerQuery) {
  std::string file = (testing::fresh_dir("search_cli_batch") / "queries.txt").string();
  std::ofstream(file) << "missie\n\"uit te breiden\"\n\"unclosed\nbron:anp\n";
  CliRun r = run("search --db " + *db_ + " --batch " + file + " --limit 1");
  ASSERT_EQ(r.code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    EXPECT_TRUE(j.contains("query"));
    EXPECT_TRUE(j.contains("hits"));
    EXPECT_LE(j["hits"].size(), 1u);
    if (n == 2) {
      EXPECT_FALSE(j["warnings"].empty());
    }
    ++n;
  }
  EXPECT_EQ(n, 4);
}

// Regression: a line of 5,000 nested brackets ended `search` with SIGSEGV
// and, in batch mode, lost the answers to every line, the earlier ones too.
TEST_F(SearchCliTest, DeeplyNestedQueryIsAnsweredWithAWarning) {
  const std::string deep = std::string(5000, '(') + "missie" + std::string(5000, ')');
  std::string file = (testing::fresh_dir("search_cli_deep") / "queries.txt").string();
  std::ofstream(file) << "missie\n" << deep << "\nweer\n";
  CliRun batch = run("search --db " + *db_ + " --batch " + file + " --limit 1");
  ASSERT_EQ(batch.code, 0) << batch.err;
  std::istringstream lines(batch.out);
  std::string line;
  std::vector<nlohmann::json> answers;
  while (std::getline(lines, line)) answers.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(answers.size(), 3u) << batch.out.substr(0, 500);
  EXPECT_EQ(answers[0]["query"], "missie");
  EXPECT_EQ(answers[1]["total"]["estimate"], 3);
  ASSERT_FALSE(answers[1]["warnings"].empty());
  EXPECT_NE(answers[1]["warnings"][0].get<std::string>().find("nested"), std::string::npos);
  EXPECT_EQ(answers[2]["hits"][0]["id"], "weer");

  std::string qfile = (testing::fresh_dir("search_cli_deep_one") / "q.txt").string();
  std::ofstream(qfile) << deep;
  CliRun one = run("search --db " + *db_ + " --json \"$(cat " + qfile + ")\"");
  ASSERT_EQ(one.code, 0) << one.err;
  EXPECT_EQ(nlohmann::json::parse(one.out)["total"]["estimate"], 3);
}

TEST_F(SearchCliTest, PlainTextWhenPiped) {
  CliRun r = run("search --db " + *db_ + " missie");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find(". Missie in Mali verlengd"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("*trainingsmissie*"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos) << "no ANSI codes when piped";
}

TEST_F(SearchCliTest, ErrorsNameTheProblemAndSetTheExitCode) {
  CliRun missing = run("search --db /nonexistent/db missie");
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("/nonexistent/db"), std::string::npos) << missing.err;
  CliRun since = run("search --db " + *db_ + " --since yesterday missie");
  EXPECT_EQ(since.code, 2);
  EXPECT_NE(since.err.find("--since"), std::string::npos) << since.err;
  CliRun recency = run("search --db " + *db_ + " --recency soon missie");
  EXPECT_EQ(recency.code, 2);
  EXPECT_NE(recency.err.find("--recency"), std::string::npos) << recency.err;
  CliRun sort = run("search --db " + *db_ + " --sort random missie");
  EXPECT_EQ(sort.code, 2);
  CliRun facet = run("search --db " + *db_ + " --facets colour missie");
  EXPECT_EQ(facet.code, 1);
  EXPECT_NE(facet.err.find("colour"), std::string::npos) << facet.err;
  CliRun batch = run("search --db " + *db_ + " --batch /nonexistent/queries.txt");
  EXPECT_EQ(batch.code, 1);
  EXPECT_NE(batch.err.find("/nonexistent/queries.txt"), std::string::npos) << batch.err;
  CliRun malformed = run("search --db " + *db_ + " --json 'title:' AND");
  EXPECT_EQ(malformed.code, 0) << malformed.err;
  EXPECT_FALSE(nlohmann::json::parse(malformed.out)["warnings"].empty());
}

TEST_F(SearchCliTest, Similar) {
  CliRun r = run("similar --db " + *db_ + " --json mali");
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_FALSE(j["hits"].empty());
  EXPECT_EQ(j["hits"][0]["id"], "mali-troepen");
  CliRun missing = run("similar --db " + *db_ + " no-such-id");
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("no-such-id"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace newsindex
