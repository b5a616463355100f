// Query text -> AST, as compact strings (search/query_ast.h to_string).
#include "search/query_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "search/query_lexer.h"

namespace newsindex::internal {
namespace {

struct Case {
  const char* query;
  const char* ast;
  int warnings;
};

TEST(QueryParser, Table) {
  const Case kCases[] = {
      {"", "(seq)", 0},
      {"   ", "(seq)", 0},
      {"navo", "navo", 0},
      {"navo irak", "(seq navo irak)", 0},
      {"\"uit te breiden\"", "\"uit te breiden\"", 0},
      {"navo +irak -syrie", "(seq navo +irak -syrie)", 0},
      {"navo AND irak", "(and navo irak)", 0},
      {"navo EN irak", "(and navo irak)", 0},
      {"navo en irak", "(seq navo en irak)", 0},
      {"navo of irak", "(seq navo of irak)", 0},
      {"navo OF irak OR syrie", "(or navo irak syrie)", 0},
      {"a b AND c d", "(and (seq a b) (seq c d))", 0},
      {"navo NOT irak", "(andnot navo irak)", 0},
      {"navo NIET irak", "(andnot navo irak)", 0},
      {"navo AND NOT irak", "(andnot navo irak)", 0},
      {"NOT irak", "(andnot <all> irak)", 0},
      {"(navo OR nato) AND irak", "(and (or navo nato) irak)", 0},
      {"navo NEAR irak", "(near/10 navo irak)", 0},
      {"navo NEAR/3 irak", "(near/3 navo irak)", 0},
      {"navo NEAR \"koude oorlog\"", "(near/10 navo \"koude oorlog\")", 0},
      {"verkiez*", "verkiez*", 0},
      {"titel:navo", "title:navo", 0},
      {"title:\"missie in irak\"", "title:\"missie in irak\"", 0},
      {"TITEL:(navo irak)", "(seq title:navo title:irak)", 0},
      {"titel:verkiez*", "title:verkiez*", 0},
      {"bron:belga", "source:belga", 0},
      {"source:\"De Standaard\" navo", "(seq source:De Standaard navo)", 0},
      {"outlet:nos categorie:sport", "(seq outlet:nos category:sport)", 0},
      {"datum:2020-02-12", "date:2020-02-12", 0},
      {"date:2020-02..2020-03", "date:2020-02..2020-03", 0},
      {"-bron:anp navo", "(seq -source:anp navo)", 0},
      {"navo (-irak +syrie)", "(seq navo (seq -irak +syrie))", 0},
      {"navo (-irak)", "(seq navo (seq -irak))", 0},
      {"INF-verdrag", "INF-verdrag", 0},
      {"auto's", "auto's", 0},
      {"foo:bar", "foo:bar", 0},
      {"\u201Cnavo top\u201D", "\"navo top\"", 0},
      // Malformed: a fallback and a warning, never a failure.
      {"\"unclosed phrase", "\"unclosed phrase\"", 1},
      {"AND", "AND", 2},
      {"navo AND", "navo", 1},
      {"OR navo", "navo", 1},
      {"navo NOT", "navo", 1},
      {"title:", "title:", 2},
      {"title: navo", "navo", 1},
      {"(navo irak", "(seq navo irak)", 1},
      {"navo) irak", "(seq navo irak)", 1},
      {"()", "(seq)", 0},
      {"NEAR navo", "navo", 1},
      {"*", "(seq)", 0},
      {"+ -", "(seq + -)", 0},
  };
  for (const Case& c : kCases) {
    ParsedQuery p = parse_query(c.query);
    EXPECT_EQ(to_string(p.root), c.ast) << c.query;
    EXPECT_EQ(static_cast<int>(p.warnings.size()), c.warnings) << c.query;
  }
}

TEST(QueryParser, TenThousandWordsAreCappedWithAWarning) {
  std::string q;
  for (int i = 0; i < 10000; ++i) q += "woord" + std::to_string(i) + " ";
  ParsedQuery p = parse_query(q);
  ASSERT_EQ(p.root.kind, QueryNode::Kind::kSeq);
  EXPECT_EQ(p.root.children.size(), kMaxQueryWords);
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_NE(p.warnings[0].find("10000 words"), std::string::npos) << p.warnings[0];
}

TEST(QueryParser, LongPhraseIsCapped) {
  std::string q = "\"";
  for (int i = 0; i < 500; ++i) q += "w ";
  q += "\"";
  ParsedQuery p = parse_query(q);
  EXPECT_EQ(p.root.kind, QueryNode::Kind::kPhrase);
  EXPECT_FALSE(p.warnings.empty());
}

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Regression: 5,000 nested '(' overflowed the stack of the recursive parser
// (SIGSEGV in `newsindex search`). Past kMaxQueryDepth the inner brackets
// are dropped with one warning.
TEST(QueryParser, DeepNestingIsCappedWithAWarning) {
  const int cap = static_cast<int>(kMaxQueryDepth);
  struct DeepCase {
    std::string query;
    const char* ast;  // "" = any reading
    int warnings;
    bool capped;  // the first warning is the nesting one
  };
  const DeepCase kCases[] = {
      {repeat("(", cap) + "navo" + repeat(")", cap), "navo", 0, false},
      {repeat("(", cap + 1) + "navo" + repeat(")", cap + 1), "navo", 1, true},
      {repeat("(", 5000) + "navo" + repeat(")", 5000), "navo", 1, true},
      {repeat("(", 100000) + "navo" + repeat(")", 100000), "navo", 1, true},
      // Unclosed: the capped warning and one "unclosed" warning.
      {repeat("(", 5000) + "navo", "navo", 2, true},
      {"navo" + repeat(")", 5000), "navo", 1, false},
      {repeat("(a ", 60) + "b" + repeat(")", 60), "", 1, true},
      {repeat("(-", 5000) + "navo" + repeat(")", 5000), "", 1, true},
      // Past the cap a bare "title:" has no value: its own warning.
      {repeat("title:(", 5000) + "navo" + repeat(")", 5000), "title:navo", 2, true},
      {repeat("(navo OR ", 60) + "irak" + repeat(")", 60), "", 1, true},
      {repeat("(", 3 * cap) + "navo" + repeat(")", cap) + " irak" + repeat(")", 2 * cap),
       "(seq navo irak)", 1, true},
  };
  for (const DeepCase& c : kCases) {
    ParsedQuery p = parse_query(c.query);
    std::string ast = to_string(p.root);
    if (*c.ast != '\0') {
      EXPECT_EQ(ast, c.ast) << c.query.substr(0, 80);
    }
    EXPECT_EQ(static_cast<int>(p.warnings.size()), c.warnings) << c.query.substr(0, 80);
    if (c.capped) {
      EXPECT_NE(p.warnings[0].find("nested more than 32 deep"), std::string::npos)
          << p.warnings[0];
    }
  }
}

TEST(QueryParser, BinaryGarbageDoesNotCrash) {
  std::string q;
  for (int i = 0; i < 2000; ++i) q.push_back(static_cast<char>((i * 37) % 256));
  const ParsedQuery p = parse_query(q);
  const std::string ast = to_string(p.root);
  // Deterministic (the analyzer, not the parser, repairs the bytes of each
  // word: analysis tests cover that).
  EXPECT_EQ(to_string(parse_query(q).root), ast);
  // Words inside the garbage survive: "0Uz" is one of its printable runs.
  EXPECT_NE(ast.find("0Uz"), std::string::npos) << ast;
  // Some of it is words (the printable ASCII runs), so the query is not empty.
  EXPECT_FALSE(is_empty_query(p.root)) << ast;
}

}  // namespace
}  // namespace newsindex::internal
