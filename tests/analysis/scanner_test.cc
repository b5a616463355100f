// The scanner stage alone: which spans, of which type.
#include "analysis/scanner.h"

#include <gtest/gtest.h>

#include <string>

namespace newsindex::internal::analysis {
namespace {

const char* type_name(SpanType t) {
  switch (t) {
    case SpanType::kWord: return "w";
    case SpanType::kNumber: return "n";
    case SpanType::kUrl: return "url";
    case SpanType::kEmail: return "mail";
    case SpanType::kHashtag: return "tag";
    case SpanType::kHandle: return "at";
    case SpanType::kClitic: return "cl";
    case SpanType::kCliticWord: return "clw";
    case SpanType::kComplex: return "cx";
  }
  return "?";
}

std::string scan(std::string_view text, bool clitics = true) {
  Scanner s;
  s.reset(text, clitics);
  RawSpan span;
  std::string out;
  while (s.next(span)) {
    if (!out.empty()) out += ' ';
    out += std::string(text.substr(span.start, span.end - span.start)) + "/" +
           type_name(span.type);
  }
  return out;
}

TEST(Scanner, Table) {
  const struct {
    const char* in;
    const char* expected;
  } cases[] = {
      {"auto's zo'n", "auto's/w zo'n/w"},
      {"'s avonds", "'s/cl avonds/w"},
      {"’s-Hertogenbosch", "’s-Hertogenbosch/clw"},
      {"‘slim’", "slim/w"},
      {"INF-verdrag", "INF-verdrag/w"},
      {"land- en", "land/w en/w"},
      {"3,5 1.250 2019 13u48", "3,5/n 1.250/n 2019/n 13u48/w"},
      {"2019. Toen", "2019/n Toen/w"},
      {"a, b", "a/w b/w"},
      {"https://nos.nl/x?a=1.", "https://nos.nl/x?a=1/url"},
      {"(www.nu.nl)", "www.nu.nl/url"},
      {"jan.jansen@nos.nl.", "jan.jansen@nos.nl/mail"},
      {"jan@localhost", "jan/w localhost/w"},
      {"#MeToo @NOS", "#MeToo/tag @NOS/at"},
      {"C# a@", "C/w a/w"},
      {"中文 ok", "中文/cx ok/w"},
      {"naïef", "naïef/w"},
  };
  for (const auto& c : cases) EXPECT_EQ(scan(c.in), c.expected) << c.in;
}

TEST(Scanner, CliticsOff) { EXPECT_EQ(scan("'s avonds", false), "s/w avonds/w"); }

}  // namespace
}  // namespace newsindex::internal::analysis
