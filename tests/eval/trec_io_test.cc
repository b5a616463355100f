// Tests for eval/trec_io.cc and eval/report.cc: formats as tables.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "newsindex/eval.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

std::string joined(const std::vector<EvalQuery>& qs) {
  std::string out;
  for (const auto& q : qs) out += "[" + q.qid + "|" + q.query + "]";
  return out;
}

TEST(ParseQueries, AcceptedInputs) {
  struct Case {
    const char* name;
    const char* text;
    const char* expected;
  } cases[] = {
      {"jsonl", "{\"qid\": \"k1\", \"query\": \"Frank Lammers duikt\", \"doc_id\": \"x\"}\n",
       "[k1|Frank Lammers duikt]"},
      {"jsonl numeric qid", "{\"qid\": 7, \"query\": \"auto's\"}", "[7|auto's]"},
      {"tsv", "q1\tbommen op Syrië\nq2\t's-Hertogenbosch\n",
       "[q1|bommen op Syrië][q2|'s-Hertogenbosch]"},
      {"tsv keeps later tabs", "q1\ta\tb\n", "[q1|a\tb]"},
      {"crlf, blanks and comments", "# queries\r\n\r\nq1\tNAVO\r\n  \n",
       "[q1|NAVO]"},
      {"mixed", "q1\teen\n{\"qid\":\"q2\",\"query\":\"twee\"}\n", "[q1|een][q2|twee]"},
      {"empty", "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = parse_queries(c.text, "in");
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    EXPECT_EQ(joined(*r), c.expected);
  }
}

TEST(ParseQueries, ErrorsNameTheLine) {
  struct Case {
    const char* text;
    StatusCode code;
    const char* message_part;
  } cases[] = {
      {"q1\tok\n{\"qid\": \"q2\"", StatusCode::kParseError, "in:2: invalid JSON"},
      {"{\"query\": \"x\"}", StatusCode::kParseError, "in:1: missing or empty \"qid\""},
      {"{\"qid\": \"a\", \"query\": 3}", StatusCode::kParseError, "missing string \"query\""},
      {"[1, 2]", StatusCode::kParseError, "in:1: expected a JSON object"},
      {"no tab here", StatusCode::kParseError, "in:1: expected a JSON object"},
      {"\tquery without qid", StatusCode::kParseError, "in:1:"},
      {"q1\ta\nq1\tb\n", StatusCode::kInvalidArgument, "in:2: duplicate qid \"q1\""},
      {"{\"qid\": \"a\", \"query\": \"\xff\"}", StatusCode::kParseError, "in:1:"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto r = parse_queries(c.text, "in");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), c.code);
    EXPECT_NE(r.status().message().find(c.message_part), std::string::npos)
        << r.status().message();
  }
}

TEST(ParseQrels, TabsSpacesGradesAndRepeats) {
  auto r = parse_qrels("ki1\t0\tdoc-a\t1\nki1 0 doc-b 0\n\nki2  0  doc-c  2\nki1 0 doc-a 3\n",
                       "qrels");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  const Qrels& q = *r;
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q.at("ki1").at("doc-a"), 3);  // the last grade wins
  EXPECT_EQ(q.at("ki1").at("doc-b"), 0);
  EXPECT_EQ(q.at("ki2").at("doc-c"), 2);
}

TEST(ParseQrels, Errors) {
  struct Case {
    const char* text;
    const char* message_part;
  } cases[] = {
      {"q1 0 d1\n", "qrels:1: expected \"qid iteration doc_id relevance\", got 3"},
      {"q1 0 d1 1\nq1 0 d2 yes\n", "qrels:2: relevance \"yes\" is not an integer"},
      {"q1 0 d1 1x\n", "relevance \"1x\""},
      {"q1 0 d1 1 extra\n", "got 5 fields"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto r = parse_qrels(c.text, "qrels");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kParseError);
    EXPECT_NE(r.status().message().find(c.message_part), std::string::npos)
        << r.status().message();
  }
}

TEST(TrecRun, FormatsAndParsesBack) {
  std::vector<RankedList> runs = {{"q1", {"a", "b"}, {12.5, 3.25}}, {"q2", {"c"}, {0.5}}};
  const std::string text = format_trec_run(runs, "newsindex");
  EXPECT_EQ(text,
            "q1 Q0 a 1 12.500000 newsindex\n"
            "q1 Q0 b 2 3.250000 newsindex\n"
            "q2 Q0 c 1 0.500000 newsindex\n");
  // Out of order lines are put back in rank order.
  auto back = parse_trec_run("q1 Q0 b 2 3.25 t\nq1 Q0 a 1 12.5 t\nq2 Q0 c 1 0.5 t\n", "run");
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[0].qid, "q1");
  EXPECT_EQ((*back)[0].doc_ids, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ((*back)[0].scores, (std::vector<double>{12.5, 3.25}));
  EXPECT_EQ((*back)[1].doc_ids, (std::vector<std::string>{"c"}));
}

TEST(TrecRun, ParseErrors) {
  struct Case {
    const char* text;
    const char* message_part;
  } cases[] = {
      {"q1 Q0 a 1 2.0\n", "run:1: expected \"qid Q0 doc_id rank score tag\", got 5"},
      {"q1 Q0 a one 2.0 t\n", "run:1: rank \"one\""},
      {"q1 Q0 a 1 high t\n", "run:1: score \"high\""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto r = parse_trec_run(c.text, "run");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find(c.message_part), std::string::npos)
        << r.status().message();
  }
}

TEST(Files, ReadAndWriteRoundTrip) {
  auto dir = testing::fresh_dir("eval_files_round_trip");
  const std::string queries = (dir / "q.tsv").string();
  const std::string qrels = (dir / "qrels.txt").string();
  const std::string run = (dir / "run.txt").string();
  std::ofstream(queries) << "q1\tbomen\n";
  std::ofstream(qrels) << "q1 0 d1 1\n";
  auto q = read_queries(queries);
  ASSERT_TRUE(q.ok()) << q.status().to_string();
  auto j = read_qrels(qrels);
  ASSERT_TRUE(j.ok()) << j.status().to_string();
  ASSERT_TRUE(write_trec_run(run, {{"q1", {"d0", "d1"}, {2, 1}}}, "t").ok());
  std::ifstream in(run);
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto back = parse_trec_run(all, run);
  ASSERT_TRUE(back.ok());
  EvalSummary s = evaluate_runs(*q, *back, *j);
  EXPECT_DOUBLE_EQ(s.mrr_at_10, 0.5);
}

TEST(Files, MissingAndUnwritable) {
  auto missing = read_queries("/nonexistent/queries.jsonl");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("/nonexistent/queries.jsonl"), std::string::npos);
  EXPECT_EQ(read_qrels("/nonexistent/qrels").status().code(), StatusCode::kNotFound);
  Status s = write_trec_run("/nonexistent/dir/run.txt", {}, "t");
  EXPECT_EQ(s.code(), StatusCode::kIoError);
}

TEST(Report, PerQueryTableAndSummary) {
  std::vector<EvalQuery> queries = {{"q1", "een\ttab"}, {"q2", "twee"}};
  Qrels qrels = {{"q1", {{"a", 1}}}, {"q2", {{"b", 1}}}};
  EvalSummary s = evaluate_runs(queries, {{"q1", {"x", "y", "a"}, {3, 2, 1}}}, qrels);
  EXPECT_EQ(format_per_query(s, queries),
            "qid\tfirst_relevant_rank\trr@10\tndcg@10\trecall@100\tretrieved\tquery\n"
            "q1\t3\t0.3333\t0.5000\t1.0000\t3\teen tab\n"
            "q2\t0\t0.0000\t0.0000\t0.0000\t0\ttwee\n");
  EXPECT_EQ(format_summary_json(s),
            "{\"queries\":2,\"unjudged_queries\":0,\"mrr@10\":0.166667,\"ndcg@10\":0.25,"
            "\"success@1\":0.0,\"success@10\":0.5,\"recall@100\":0.5}");
  EXPECT_NE(format_summary_table(s).find("MRR@10       0.1667"), std::string::npos)
      << format_summary_table(s);
}

}  // namespace
}  // namespace newsindex
