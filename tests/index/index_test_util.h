// tests/index/index_test_util.h: helpers shared by the index tests.
#ifndef NEWSINDEX_TESTS_INDEX_INDEX_TEST_UTIL_H_
#define NEWSINDEX_TESTS_INDEX_INDEX_TEST_UTIL_H_

#include <string>

#include <xapian.h>

#include "index/stored_text.h"
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

// A schema-3 data record, as that library wrote it: 'J', the object's
// encoded length (4 bytes little-endian), the object and the body, each
// compressed (index/stored_text.h).
inline std::string schema3_record(const std::string& json, const std::string& body) {
  const std::string object = internal::encode_stored_text(json);
  std::string r = "J";
  for (int i = 0; i < 4; ++i) r.push_back(static_cast<char>((object.size() >> (8 * i)) & 0xFF));
  return r + object + internal::encode_stored_text(body);
}

}  // namespace newsindex::testing

#endif  // NEWSINDEX_TESTS_INDEX_INDEX_TEST_UTIL_H_
