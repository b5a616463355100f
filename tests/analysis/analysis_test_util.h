// analysis/analysis_test_util.h: compact token strings for golden tests.
#ifndef NEWSINDEX_TESTS_ANALYSIS_ANALYSIS_TEST_UTIL_H_
#define NEWSINDEX_TESTS_ANALYSIS_ANALYSIS_TEST_UTIL_H_

#include <memory>
#include <string>
#include <string_view>

#include "newsindex/analyzer.h"

namespace newsindex::testing {

// "auto's[1] auto[1] +wapen[2] +wedloop[2]": every token as term[position],
// compound parts as +stem[position], in stream order.
inline std::string render(const Analyzer& analyzer, std::string_view text) {
  auto ts = analyzer.stream();
  ts->reset(text, 1);
  std::string out;
  while (ts->next()) {
    const Token& t = ts->token();
    if (!out.empty()) out += ' ';
    if (t.kind == TokenKind::kCompoundPart) {
      out += '+';
      out += t.stem;
    } else {
      out += t.term;
    }
    out += '[' + std::to_string(t.position) + ']';
  }
  return out;
}

// The default analyzer, created once per test binary.
inline const Analyzer& default_analyzer() {
  static const std::shared_ptr<const Analyzer> a = [] {
    auto r = Analyzer::create();
    return r.ok() ? *r : nullptr;
  }();
  return *a;
}

inline bool default_analyzer_ok() {
  static const bool ok = Analyzer::create().ok();
  return ok;
}

}  // namespace newsindex::testing

#endif  // NEWSINDEX_TESTS_ANALYSIS_ANALYSIS_TEST_UTIL_H_
