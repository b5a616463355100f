// search/query_ast.h: the parsed form of a query (docs/query-syntax.md).
//
// The parser (query_parser.h) builds it from the user's text without any
// analysis; the builder (query_builder.h) turns it into a Xapian::Query,
// running every word through the Analyzer.
#ifndef NEWSINDEX_SEARCH_QUERY_AST_H_
#define NEWSINDEX_SEARCH_QUERY_AST_H_

#include <string>
#include <vector>

namespace newsindex::internal {

// Which part of a document a text node searches, or which filter it is.
enum class QueryField { kText, kTitle, kSource, kOutlet, kCategory, kDate };

// How a clause of a sequence takes part: `navo +irak -syrie`.
enum class Occur { kShould, kMust, kMustNot };

struct QueryNode {
  enum class Kind {
    kWord,      // text: one whitespace-free chunk, e.g. "INF-verdrag"
    kPhrase,    // text: the words between quotes
    kWildcard,  // text: the part before a trailing '*'
    kFilter,    // text: a bron:/outlet:/categorie: value
    kDate,      // text: a datum: value ("2020-02", "2020-02..2020-03")
    kSeq,       // children combined by the default operator, with Occur
    kAnd,
    kOr,
    kAndNot,    // children[0] AND NOT children[1..]
    kNear,      // children within `window` words of each other
    kMatchAll,  // "everything" (the left side of a leading NOT)
  };
  Kind kind = Kind::kSeq;
  QueryField field = QueryField::kText;
  Occur occur = Occur::kShould;
  std::string text;
  unsigned window = 0;
  std::vector<QueryNode> children;
};

// "title:", "source:", "outlet:", "category:", "date:"; "" for kText: the
// English field names, which the lexer reads too.
const char* field_prefix(QueryField field);

// Compact form for tests and --explain, e.g.
// `(seq navo +irak -"uit te breiden" title:missie bron:belga)`.
std::string to_string(const QueryNode& node);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_QUERY_AST_H_
