// search/query_parser.h: query text -> QueryNode, never failing.
//
// Malformed input gets a sensible reading plus a warning: an unclosed quote
// runs to the end, a dangling operator is dropped, `titel:` without a value
// is ignored, brackets nested deeper than kMaxQueryDepth are dropped, and a
// query that still makes no sense is read as plain words.
#ifndef NEWSINDEX_SEARCH_QUERY_PARSER_H_
#define NEWSINDEX_SEARCH_QUERY_PARSER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "search/query_ast.h"

namespace newsindex::internal {

// Brackets nested deeper than this are ignored (with a warning), so a query
// of 5,000 '(' cannot exhaust the stack of the recursive-descent parser or
// of the code that walks the tree it builds.
inline constexpr std::size_t kMaxQueryDepth = 32;

struct ParsedQuery {
  QueryNode root;  // kSeq with no children when the query is blank
  std::vector<std::string> warnings;
};

ParsedQuery parse_query(std::string_view query);

// True when `node` holds nothing to search (a blank query).
bool is_empty_query(const QueryNode& node);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_QUERY_PARSER_H_
