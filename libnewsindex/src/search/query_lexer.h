// search/query_lexer.h: splits a query string into syntax tokens.
//
// Only syntax is recognised here (quotes, brackets, +/-, capitalised
// operators, field names, a trailing '*'); words stay as typed and are
// analysed later by the builder.
#ifndef NEWSINDEX_SEARCH_QUERY_LEXER_H_
#define NEWSINDEX_SEARCH_QUERY_LEXER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "search/query_ast.h"

namespace newsindex::internal {

struct QueryToken {
  enum class Kind {
    kWord,    // text as typed; `wildcard` when it ended in '*'
    kPhrase,  // text between quotes; `closed` false when unterminated
    kField,   // `field` set; the value is the next token (adjacent)
    kPlus,    // '+' glued to the next token
    kMinus,   // '-' glued to the next token
    kLParen,
    kRParen,
    kAnd,   // AND / EN
    kOr,    // OR / OF
    kNot,   // NOT / NIET
    kNear,  // NEAR or NEAR/n (`window`)
  };
  Kind kind = Kind::kWord;
  std::string text;  // as typed (operators too, for the fallback)
  QueryField field = QueryField::kText;
  bool wildcard = false;
  bool closed = true;
  bool glued = false;  // no space between this token and the previous one
  unsigned window = 0;
};

struct LexResult {
  std::vector<QueryToken> tokens;
  std::vector<std::string> warnings;
};

// At most this many words (phrase words included) are kept from a query.
inline constexpr std::size_t kMaxQueryWords = 64;

// `literal`: no operators, fields or modifiers, only words and phrases (the
// fallback when a query makes no sense as syntax).
LexResult lex_query(std::string_view query, bool literal = false);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_QUERY_LEXER_H_
