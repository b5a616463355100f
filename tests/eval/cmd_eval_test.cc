// `newsindex eval` end to end on corpora/sample: what it prints agrees with
// the run file it writes, scored again by the library; bad input gives a
// clear error and the right exit code.
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "newsindex/eval.h"
#include "newsindex/reader.h"
#include "newsindex/writer.h"
#include "testing/cli_runner.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {


using testing::CliRun;

CliRun run_cli(const std::string& args, const std::filesystem::path&) {
  return testing::run_newsindex(args);
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class CmdEvalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::cli_path().empty() || !std::filesystem::exists(testing::cli_path())) {
      GTEST_SKIP() << "the newsindex command is not built";
    }
    dir_ = testing::fresh_dir("cmd_eval");
    db_ = dir_ / "db";
    const auto root = testing::source_dir();
    queries_ = root / "corpora/queries/sample-queries.jsonl";
    qrels_ = root / "corpora/queries/sample-qrels.tsv";
    auto source = ArticleSource::open({(root / "corpora/sample/jsonl/sample.jsonl").string()});
    ASSERT_TRUE(source.ok()) << source.status().to_string();
    auto writer = IndexWriter::open(db_.string());
    ASSERT_TRUE(writer.ok()) << writer.status().to_string();
    Article a;
    ReadIssue issue;
    while ((*source)->next(a, issue) == ArticleSource::Next::kArticle) {
      ASSERT_TRUE((*writer)->add(a).ok());
    }
    ASSERT_TRUE((*writer)->commit().ok());
  }

  std::filesystem::path dir_, db_, queries_, qrels_;
};

TEST_F(CmdEvalTest, JsonAgreesWithTheRunFileItWrites) {
  const auto run = dir_ / "run.txt";
  const auto per_query = dir_ / "per-query.tsv";
  CliRun r = run_cli("eval --db " + db_.string() + " --queries " + queries_.string() +
                         " --qrels " + qrels_.string() + " --json --run-out " + run.string() +
                         " --per-query " + per_query.string() + " --run-tag t1",
                     dir_);
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["queries"], 42);

  // Score the written run again with the library: the same numbers.
  auto runs = parse_trec_run(slurp(run), run.string());
  ASSERT_TRUE(runs.ok()) << runs.status().to_string();
  auto queries = read_queries(queries_.string());
  auto qrels = read_qrels(qrels_.string());
  ASSERT_TRUE(queries.ok() && qrels.ok());
  EvalSummary again = evaluate_runs(*queries, *runs, *qrels);
  EXPECT_NEAR(j["mrr@10"].get<double>(), again.mrr_at_10, 1e-6);
  EXPECT_NEAR(j["ndcg@10"].get<double>(), again.ndcg_at_10, 1e-6);
  EXPECT_NEAR(j["recall@100"].get<double>(), again.recall_at_100, 1e-6);
  EXPECT_GT(again.mrr_at_10, 0.5);  // it really searched

  // The run file is TREC: "qid Q0 doc rank score tag".
  std::istringstream first(slurp(run));
  std::string qid, q0, doc, tag;
  int rank = 0;
  double score = 0;
  first >> qid >> q0 >> doc >> rank >> score >> tag;
  EXPECT_EQ(q0, "Q0");
  EXPECT_EQ(rank, 1);
  EXPECT_EQ(tag, "t1");

  // One per-query line per query, plus the header.
  std::string table = slurp(per_query);
  EXPECT_EQ(std::count(table.begin(), table.end(), '\n'), 43);
  EXPECT_EQ(table.rfind("qid\tfirst_relevant_rank\t", 0), 0u);
}

TEST_F(CmdEvalTest, TableOutputAndErrors) {
  CliRun ok = run_cli("eval --db " + db_.string() + " --queries " + queries_.string() +
                          " --qrels " + qrels_.string(),
                      dir_);
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_NE(ok.out.find("MRR@10"), std::string::npos) << ok.out;

  CliRun missing = run_cli("eval --db " + db_.string() + " --queries " +
                               (dir_ / "nope.jsonl").string() + " --qrels " + qrels_.string(),
                           dir_);
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("nope.jsonl"), std::string::npos) << missing.err;

  std::ofstream(dir_ / "bad-qrels.txt") << "s01 0 nl-2020-0001\n";
  CliRun bad = run_cli("eval --db " + db_.string() + " --queries " + queries_.string() +
                           " --qrels " + (dir_ / "bad-qrels.txt").string(),
                       dir_);
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("bad-qrels.txt:1:"), std::string::npos) << bad.err;

  CliRun no_db = run_cli("eval --db " + (dir_ / "no-db").string() + " --queries " +
                             queries_.string() + " --qrels " + qrels_.string(),
                         dir_);
  EXPECT_EQ(no_db.code, 1);
  EXPECT_NE(no_db.err.find("no-db"), std::string::npos) << no_db.err;

  // A features file in a directory that does not exist: an error naming it.
  const std::string no_dir = (dir_ / "no-dir" / "features.tsv").string();
  CliRun unwritable = run_cli("eval --db " + db_.string() + " --queries " + queries_.string() +
                                  " --qrels " + qrels_.string() + " --rerank-features-out " +
                                  no_dir,
                              dir_);
  EXPECT_EQ(unwritable.code, 1);
  EXPECT_NE(unwritable.err.find(no_dir), std::string::npos) << unwritable.err;

  CliRun usage = run_cli("eval --db " + db_.string(), dir_);
  EXPECT_EQ(usage.code, 2);
}

}  // namespace
}  // namespace newsindex
