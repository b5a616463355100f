// Golden token streams: tests/golden/analysis/tokens.tsv, one case per line.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "analysis_test_util.h"
#include "testing/test_paths.h"

namespace newsindex::testing {
namespace {

struct GoldenCase {
  int line = 0;
  std::string name, input, expected;
};

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == 't' || s[i + 1] == 'n')) {
      out += s[i + 1] == 't' ? '\t' : '\n';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<GoldenCase> load_cases() {
  std::ifstream in(source_dir() / "tests/golden/analysis/tokens.tsv");
  std::vector<GoldenCase> cases;
  std::string line;
  int no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (line.empty() || line[0] == '#') continue;
    const auto t1 = line.find('\t');
    const auto t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    GoldenCase c;
    c.line = no;
    if (t2 == std::string::npos) {
      c.name = "malformed line";
      cases.push_back(c);
      continue;
    }
    c.name = line.substr(0, t1);
    c.input = unescape(line.substr(t1 + 1, t2 - t1 - 1));
    c.expected = line.substr(t2 + 1);
    cases.push_back(c);
  }
  return cases;
}

TEST(AnalyzerGolden, TokensMatchGoldenFile) {
  ASSERT_TRUE(default_analyzer_ok());
  const auto cases = load_cases();
  ASSERT_GE(cases.size(), 40u) << "golden file missing or truncated";
  for (const auto& c : cases) {
    ASSERT_NE(c.name, "malformed line") << "tokens.tsv:" << c.line;
    EXPECT_EQ(render(default_analyzer(), c.input), c.expected)
        << "case " << c.name << " (tokens.tsv:" << c.line << ") input: " << c.input;
  }
}

}  // namespace
}  // namespace newsindex::testing
