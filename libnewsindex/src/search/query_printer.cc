// Query AST -> query text that parses back to the same AST.
#include "search/query_printer.h"

#include <cctype>
#include <string_view>

#include "search/query_lexer.h"

namespace newsindex::internal {
namespace {

using NK = QueryNode::Kind;

bool is_composite(const QueryNode& n) {
  return n.kind == NK::kSeq || n.kind == NK::kAnd || n.kind == NK::kOr ||
         n.kind == NK::kAndNot || n.kind == NK::kNear || n.kind == NK::kMatchAll;
}

// True when `w` (with a '*' when `wildcard`), written alone (after a space,
// or glued to a modifier when `after_modifier`), lexes as the one word `w`.
bool reads_as_word(std::string_view w, bool after_modifier, bool wildcard = false) {
  if (w.empty() || w.back() == '*') return false;
  std::string text = after_modifier ? "+" : "";
  text += w;
  if (wildcard) text += '*';
  const LexResult lexed = lex_query(text);
  const std::size_t expect = after_modifier ? 2 : 1;
  if (lexed.tokens.size() != expect) return false;
  const QueryToken& t = lexed.tokens.back();
  return t.kind == QueryToken::Kind::kWord && t.wildcard == wildcard && t.text == w;
}

class Printer {
 public:
  explicit Printer(std::string& out) : out_(out) {}
  bool ok() const { return ok_; }

  // `bracket`: which composite kinds need brackets in this position.
  void node(const QueryNode& n, bool bracket_seq, bool bracket_and, bool bracket_or) {
    bool modifier = false;
    if (n.occur == Occur::kMust) {
      out_ += '+';
      modifier = true;
    } else if (n.occur == Occur::kMustNot) {
      out_ += '-';
      modifier = true;
    }
    const bool needs = (n.kind == NK::kSeq && bracket_seq) ||
                       ((n.kind == NK::kAnd || n.kind == NK::kAndNot) && bracket_and) ||
                       (n.kind == NK::kOr && bracket_or) || (modifier && is_composite(n));
    if (needs) out_ += '(';
    switch (n.kind) {
      case NK::kWord:
      case NK::kWildcard:
        word(n, modifier);
        break;
      case NK::kPhrase:
        out_ += field_prefix(n.field);
        out_ += '"';
        out_ += n.text;
        out_ += '"';
        break;
      case NK::kFilter:
      case NK::kDate:
        out_ += field_prefix(n.field);
        if (reads_as_word(n.text, true)) {
          out_ += n.text;
        } else {
          out_ += '"';
          out_ += n.text;
          out_ += '"';
        }
        break;
      case NK::kSeq:
        for (std::size_t i = 0; i < n.children.size(); ++i) {
          if (i > 0) out_ += ' ';
          node(n.children[i], true, true, true);
        }
        break;
      case NK::kOr:
        join(n, " OR ");
        break;
      case NK::kAnd:
      case NK::kAndNot:
        join(n, n.kind == NK::kAnd ? " AND " : " NOT ");
        break;
      case NK::kNear:
        join(n, n.window == 10 ? " NEAR " : " NEAR/" + std::to_string(n.window) + " ");
        break;
      case NK::kMatchAll:
        ok_ = false;  // only as the left side of a NOT (join)
        break;
    }
    if (needs) out_ += ')';
  }

 private:
  void word(const QueryNode& n, bool modifier) {
    const bool titled = n.field == QueryField::kTitle;
    out_ += field_prefix(n.field);
    // After a field or a modifier the lexer takes the chunk as a word.
    if (!reads_as_word(n.text, titled || modifier, n.kind == NK::kWildcard)) ok_ = false;
    out_ += n.text;
    if (n.kind == NK::kWildcard) out_ += '*';
  }

  // Children joined by `op`: brackets where the grammar's precedence needs
  // them (an OR inside an AND; an AND or OR right of an AND; nested ORs).
  void join(const QueryNode& n, const std::string& op) {
    const bool near = n.kind == NK::kNear;
    for (std::size_t i = 0; i < n.children.size(); ++i) {
      const QueryNode& c = n.children[i];
      if (i == 0 && c.kind == NK::kMatchAll && n.kind == NK::kAndNot) {
        out_ += "NOT";  // a leading NOT: "everything except"
        continue;
      }
      if (i > 0) out_ += (i == 1 && n.children[0].kind == NK::kMatchAll) ? " " : op;
      const bool rest = i > 0 && n.kind != NK::kOr;
      node(c, false, rest && !near, !near);
    }
  }

  std::string& out_;
  bool ok_ = true;
};

}  // namespace

bool print_query(const QueryNode& node, std::string& out) {
  out.clear();
  Printer p(out);
  if (node.kind == NK::kSeq && node.children.empty()) return true;
  p.node(node, false, false, false);
  return p.ok();
}

}  // namespace newsindex::internal
