// Fuzz target: the query lexer and parser over arbitrary bytes, no index.
// Invariants: the tree stays within the depth cap, and a parsed
// query printed back (print_query) parses to the same tree, whenever the
// printer says the tree can be written (search/query_printer.h lists what
// cannot) and the printed text stays within the bracket cap.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "search/query_lexer.h"
#include "search/query_parser.h"
#include "search/query_printer.h"

namespace {

using newsindex::internal::QueryNode;

bool same(const QueryNode& a, const QueryNode& b) {
  if (a.kind != b.kind || a.field != b.field || a.occur != b.occur || a.text != b.text ||
      a.window != b.window || a.children.size() != b.children.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.children.size(); ++i) {
    if (!same(a.children[i], b.children[i])) return false;
  }
  return true;
}

std::size_t depth(const QueryNode& n) {
  std::size_t d = 0;
  for (const QueryNode& c : n.children) d = std::max(d, depth(c));
  return d + 1;
}

std::size_t bracket_depth(const std::string& q) {
  std::size_t d = 0, most = 0;
  for (const auto& t : newsindex::internal::lex_query(q).tokens) {
    if (t.kind == newsindex::internal::QueryToken::Kind::kLParen) most = std::max(most, ++d);
    if (t.kind == newsindex::internal::QueryToken::Kind::kRParen && d > 0) --d;
  }
  return most;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 8192) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  newsindex::internal::lex_query(text, /*literal=*/true);
  const auto parsed = newsindex::internal::parse_query(text);
  // Every level of the tree but the leaves and the root sequence needs a
  // bracket or an operator; the parser caps brackets at kMaxQueryDepth.
  if (depth(parsed.root) > 4 * newsindex::internal::kMaxQueryDepth + 8) __builtin_trap();
  std::string printed;
  if (!newsindex::internal::print_query(parsed.root, printed)) return 0;
  if (bracket_depth(printed) > newsindex::internal::kMaxQueryDepth) return 0;
  const auto again = newsindex::internal::parse_query(printed);
  if (!same(parsed.root, again.root)) {
    std::fprintf(stderr, "query:   %s\ntree:    %s\nprinted: %s\nreparsed: %s\n", text.c_str(),
                 newsindex::internal::to_string(parsed.root).c_str(), printed.c_str(),
                 newsindex::internal::to_string(again.root).c_str());
    __builtin_trap();
  }
  return 0;
}
