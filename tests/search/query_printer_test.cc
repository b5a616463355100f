// print_query: a parsed query back to text that parses to the same tree
// (fuzz_query_parser holds it to that on arbitrary input; this table pins
// the text it writes, and the trees it says it cannot write).
#include <gtest/gtest.h>

#include "search/query_parser.h"
#include "search/query_printer.h"

namespace newsindex::internal {
namespace {

struct Case {
  const char* query;
  const char* printed;  // nullptr: the printer says it cannot write the tree
};

TEST(QueryPrinter, Table) {
  const Case kCases[] = {
      {"", ""},
      {"navo", "navo"},
      {"navo  +irak -syrië", "navo +irak -syrië"},
      {"titel:missie bron:\"De Standaard\" krant:nos", "title:missie source:\"De Standaard\" outlet:nos"},
      {"categorie:sport*", "category:sport"},  // a filter takes no wildcard
      {"titel:(trein OR \"hoge snelheid\")", "title:trein OR title:\"hoge snelheid\""},
      {"(kabinet OR regering) AND NOT brand", "(kabinet OR regering) NOT brand"},
      {"a AND (b OR c)", "a AND (b OR c)"},
      {"a OR (b OR c)", "a OR (b OR c)"},
      {"a b AND c d", "a b AND c d"},
      {"NOT politie", "NOT politie"},
      {"x (NOT politie)", "x (NOT politie)"},
      {"a NEAR/3 b NEAR \"c d\"", "a NEAR b NEAR \"c d\""},  // the widest window, 10
      {"+(a b) -(c AND d)", "+(a b) -(c AND d)"},
      {"datum:2020-02..2020-03", "date:2020-02..2020-03"},
      {"inf-verdrag*", "inf-verdrag*"},
      {"„typografisch”", "\"typografisch\""},
      {"+AND", "+AND"},             // after a modifier a word
      {"\"a\"-b", nullptr},         // the word "-b" reads as a modifier alone
      {"\"a\"-*", nullptr},         // so does the wildcard "-" (found by fuzz_query_parser)
      {"AND OR", nullptr},          // plain words spelt as operators
      {"x titel:y:z", "x title:y:z"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.query);
    const ParsedQuery parsed = parse_query(c.query);
    std::string printed;
    const bool ok = print_query(parsed.root, printed);
    if (c.printed == nullptr) {
      EXPECT_FALSE(ok) << printed;
      continue;
    }
    ASSERT_TRUE(ok) << printed;
    EXPECT_EQ(printed, c.printed);
    EXPECT_EQ(to_string(parse_query(printed).root), to_string(parsed.root)) << printed;
  }
}

}  // namespace
}  // namespace newsindex::internal
