// search/query_printer.h: a parsed query back to query text.
//
// print_query() writes text that parse_query() reads back to the same tree
// (the fuzz target fuzz_query_parser holds it to that). A few trees cannot
// be written so: a plain word that the lexer would read as syntax (a word
// spelt as an operator, "AND"; one starting with '+' or '-', as in `"a"-b`;
// one starting with a field name and ':', which only the plain-words
// fallback keeps), and a leading NOT anywhere but as the left side of a NOT.
// For those it returns false.
#ifndef NEWSINDEX_SEARCH_QUERY_PRINTER_H_
#define NEWSINDEX_SEARCH_QUERY_PRINTER_H_

#include <string>

#include "search/query_ast.h"

namespace newsindex::internal {

// Writes `node` as query text into `out`; false when it cannot be written
// exactly (see above; `out` then holds the closest reading).
bool print_query(const QueryNode& node, std::string& out);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_QUERY_PRINTER_H_
