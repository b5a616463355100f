// tests/index/index_test_util.h: helpers shared by the index tests.
#ifndef NEWSINDEX_TESTS_INDEX_INDEX_TEST_UTIL_H_
#define NEWSINDEX_TESTS_INDEX_INDEX_TEST_UTIL_H_

#include <string>

#include <xapian.h>

#include "newsindex/article.h"
#include "testing/articles.h"  // make_article

namespace newsindex::testing {

// "term[pos,pos]:wdf" for every term of `doc` (Xapian's sorted order),
// space-separated; terms starting with `skip_prefix` are left out when given.
inline std::string dump_terms(const Xapian::Document& doc, const std::string& only_prefix = "",
                              bool positions = true) {
  std::string out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (!only_prefix.empty() && term.rfind(only_prefix, 0) != 0) continue;
    if (!out.empty()) out += ' ';
    out += term;
    if (positions && t.positionlist_count() > 0) {
      out += '[';
      bool first = true;
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
        if (!first) out += ',';
        first = false;
        out += std::to_string(*p);
      }
      out += ']';
    }
    out += ':' + std::to_string(t.get_wdf());
  }
  return out;
}

}  // namespace newsindex::testing

#endif  // NEWSINDEX_TESTS_INDEX_INDEX_TEST_UTIL_H_
