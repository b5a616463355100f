// Recursive-descent query parser. Precedence, loosest first (as in Xapian):
//   or    := and (OR and)*
//   and   := seq ((AND | NOT | AND NOT) seq)*
//   seq   := clause+               (combined by the default operator)
//   clause:= ['+' | '-'] near
//   near  := primary (NEAR primary)*
//   primary := '(' or ')' | field value | "phrase" | word | word*
#include "search/query_parser.h"

#include <algorithm>
#include <string>
#include <utility>

#include "search/query_lexer.h"

namespace newsindex::internal {
namespace {

using TK = QueryToken::Kind;
using NK = QueryNode::Kind;

class Parser {
 public:
  Parser(std::vector<QueryToken> tokens, std::vector<std::string>& warnings)
      : t_(std::move(tokens)), warnings_(warnings) {}

  QueryNode parse() {
    QueryNode root;
    bool any = false;
    while (pos_ < t_.size()) {
      QueryNode n;
      if (parse_or(n)) {
        if (any) {
          // Only reached after a stray ')': glue what follows on.
          root = seq_of(std::move(root), std::move(n));
        } else {
          root = std::move(n);
          any = true;
        }
      }
      if (pos_ < t_.size()) {
        if (t_[pos_].kind == TK::kRParen) {
          warnings_.push_back("unmatched ')' ignored");
        } else {
          warnings_.push_back("'" + t_[pos_].text + "' ignored");
        }
        ++pos_;
      }
    }
    if (!any) root = QueryNode{};
    return root;
  }

 private:
  static QueryNode seq_of(QueryNode a, QueryNode b) {
    QueryNode s;
    s.kind = NK::kSeq;
    if (a.kind == NK::kSeq && a.occur == Occur::kShould) {
      s = std::move(a);
    } else {
      s.children.push_back(std::move(a));
    }
    s.children.push_back(std::move(b));
    return s;
  }

  bool at(TK k) const { return pos_ < t_.size() && t_[pos_].kind == k; }
  bool at_binary() const { return at(TK::kAnd) || at(TK::kOr) || at(TK::kNot) || at(TK::kNear); }

  bool parse_or(QueryNode& out) {
    QueryNode left;
    bool have = parse_and(left);
    while (at(TK::kOr)) {
      std::string op = t_[pos_++].text;
      QueryNode right;
      bool have_right = parse_and(right);
      if (!have || !have_right) {
        warnings_.push_back(op + " needs a term on both sides; ignored");
        if (!have && have_right) {
          left = std::move(right);
          have = true;
        }
        continue;
      }
      if (left.kind == NK::kOr) {
        left.children.push_back(std::move(right));
      } else {
        QueryNode n;
        n.kind = NK::kOr;
        n.children.push_back(std::move(left));
        n.children.push_back(std::move(right));
        left = std::move(n);
      }
    }
    if (have) out = std::move(left);
    return have;
  }

  bool parse_and(QueryNode& out) {
    QueryNode left;
    bool have = parse_seq(left);
    while (at(TK::kAnd) || at(TK::kNot)) {
      std::string op = t_[pos_].text;
      bool is_not = t_[pos_].kind == TK::kNot;
      ++pos_;
      if (!is_not && at(TK::kNot)) {  // "AND NOT"
        op += " " + t_[pos_].text;
        is_not = true;
        ++pos_;
      }
      QueryNode right;
      bool have_right = parse_seq(right);
      if (!have_right) {
        warnings_.push_back(op + " has nothing after it; ignored");
        continue;
      }
      if (!have) {
        if (is_not) {  // leading NOT: everything except
          left = QueryNode{};
          left.kind = NK::kMatchAll;
          have = true;
        } else {
          warnings_.push_back(op + " has nothing before it; ignored");
          left = std::move(right);
          have = true;
          continue;
        }
      }
      NK kind = is_not ? NK::kAndNot : NK::kAnd;
      if (left.kind == kind && kind == NK::kAnd) {
        left.children.push_back(std::move(right));
      } else {
        QueryNode n;
        n.kind = kind;
        n.children.push_back(std::move(left));
        n.children.push_back(std::move(right));
        left = std::move(n);
      }
    }
    if (have) out = std::move(left);
    return have;
  }

  bool parse_seq(QueryNode& out) {
    QueryNode seq;
    seq.kind = NK::kSeq;
    while (pos_ < t_.size() && !at(TK::kRParen) && !at(TK::kAnd) && !at(TK::kOr) && !at(TK::kNot)) {
      if (at(TK::kNear)) {
        warnings_.push_back(t_[pos_].text + " needs a term on both sides; ignored");
        ++pos_;
        continue;
      }
      Occur occur = Occur::kShould;
      if (at(TK::kPlus) || at(TK::kMinus)) {
        occur = at(TK::kPlus) ? Occur::kMust : Occur::kMustNot;
        ++pos_;
      }
      QueryNode n;
      if (!parse_near(n)) continue;
      n.occur = occur;
      seq.children.push_back(std::move(n));
    }
    if (seq.children.empty()) return false;
    if (seq.children.size() == 1 && seq.children[0].occur == Occur::kShould) {
      out = std::move(seq.children[0]);
    } else {
      out = std::move(seq);
    }
    return true;
  }

  bool parse_near(QueryNode& out) {
    QueryNode left;
    bool have = parse_primary(left);
    while (at(TK::kNear)) {
      const QueryToken& op = t_[pos_++];
      QueryNode right;
      bool have_right = parse_primary(right);
      bool ok_left =
          have && (left.kind == NK::kWord || left.kind == NK::kPhrase || left.kind == NK::kNear);
      bool ok_right = have_right && (right.kind == NK::kWord || right.kind == NK::kPhrase);
      if (!ok_left || !ok_right) {
        warnings_.push_back(op.text + " combines words or phrases only; ignored");
        if (!have && have_right) {
          left = std::move(right);
          have = true;
        } else if (have_right) {
          // Keep the right side as an ordinary clause of the sequence.
          QueryNode s;
          s.kind = NK::kSeq;
          s.children.push_back(std::move(left));
          s.children.push_back(std::move(right));
          left = std::move(s);
        }
        continue;
      }
      if (left.kind == NK::kNear) {
        left.children.push_back(std::move(right));
        left.window = std::max(left.window, op.window);
      } else {
        QueryNode n;
        n.kind = NK::kNear;
        n.window = op.window;
        n.children.push_back(std::move(left));
        n.children.push_back(std::move(right));
        left = std::move(n);
      }
    }
    if (have) out = std::move(left);
    return have;
  }

  bool parse_primary(QueryNode& out) {
    if (pos_ >= t_.size()) return false;
    const QueryToken& tok = t_[pos_];
    switch (tok.kind) {
      case TK::kLParen: {
        ++pos_;
        QueryNode inner;
        bool have = parse_or(inner);
        if (at(TK::kRParen)) {
          ++pos_;
        } else if (pos_ >= t_.size()) {
          warnings_.push_back("unclosed '(': closed at the end of the query");
        }
        if (have) out = std::move(inner);
        return have;
      }
      case TK::kField:
        return parse_field(out);
      case TK::kPhrase:
        ++pos_;
        out = QueryNode{};
        out.kind = NK::kPhrase;
        out.text = tok.text;
        return true;
      case TK::kWord:
        ++pos_;
        out = QueryNode{};
        out.kind = tok.wildcard ? NK::kWildcard : NK::kWord;
        out.text = tok.text;
        return true;
      case TK::kPlus:
      case TK::kMinus:
        ++pos_;  // "+ +x": the extra modifier means nothing
        return parse_primary(out);
      default:
        return false;
    }
  }

  bool parse_field(QueryNode& out) {
    const QueryToken field = t_[pos_++];
    bool has_value = pos_ < t_.size() && t_[pos_].glued &&
                     (at(TK::kWord) || at(TK::kPhrase) ||
                      (at(TK::kLParen) && field.field == QueryField::kTitle));
    if (!has_value) {
      warnings_.push_back("'" + field.text + "' has no value after it; ignored");
      return false;
    }
    if (field.field == QueryField::kTitle) {
      if (!parse_primary(out)) return false;
      set_field(out, QueryField::kTitle);
      return true;
    }
    const QueryToken& v = t_[pos_++];
    out = QueryNode{};
    out.kind = field.field == QueryField::kDate ? NK::kDate : NK::kFilter;
    out.field = field.field;
    out.text = v.text;
    return true;
  }

  static void set_field(QueryNode& n, QueryField f) {
    if (n.kind == NK::kWord || n.kind == NK::kPhrase || n.kind == NK::kWildcard) {
      n.field = f;
    }
    for (QueryNode& c : n.children) set_field(c, f);
  }

  std::vector<QueryToken> t_;
  std::size_t pos_ = 0;
  std::vector<std::string>& warnings_;
};

// Drops the brackets nested deeper than kMaxQueryDepth, each '(' with its
// matching ')', so the parser recurses at most that deep: "((((navo))))"
// past the cap reads as if the inner brackets were not there.
void cap_nesting(std::vector<QueryToken>& tokens, std::vector<std::string>& warnings) {
  std::size_t depth = 0;
  bool capped = false;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    bool drop = false;
    if (tokens[i].kind == TK::kLParen) {
      ++depth;
      drop = depth > kMaxQueryDepth;
    } else if (tokens[i].kind == TK::kRParen) {
      drop = depth > kMaxQueryDepth;
      if (depth > 0) --depth;
    }
    if (drop) {
      capped = true;
      continue;
    }
    if (kept != i) tokens[kept] = std::move(tokens[i]);
    ++kept;
  }
  tokens.resize(kept);
  if (capped) {
    warnings.push_back("brackets nested more than " + std::to_string(kMaxQueryDepth) +
                       " deep: the inner ones are ignored");
  }
}

bool has_text(const QueryNode& n) {
  if (n.kind == NK::kSeq) {
    for (const QueryNode& c : n.children) {
      if (has_text(c)) return true;
    }
    return false;
  }
  return true;
}

}  // namespace

bool is_empty_query(const QueryNode& node) { return !has_text(node); }

ParsedQuery parse_query(std::string_view query) {
  ParsedQuery out;
  LexResult lexed = lex_query(query);
  out.warnings = std::move(lexed.warnings);
  bool blank = lexed.tokens.empty();
  cap_nesting(lexed.tokens, out.warnings);
  out.root = Parser(std::move(lexed.tokens), out.warnings).parse();
  if (!blank && is_empty_query(out.root)) {
    // Nothing survived as syntax (a lone "AND", "()"): search the words.
    LexResult literal = lex_query(query, /*literal=*/true);
    std::vector<std::string> ignored;
    out.root = Parser(std::move(literal.tokens), ignored).parse();
    if (!is_empty_query(out.root)) {
      out.warnings.push_back("query read as plain words");
    }
  }
  // Each problem once: 5,000 stray ')' make one warning, not 5,000.
  std::vector<std::string> unique;
  for (std::string& w : out.warnings) {
    if (std::find(unique.begin(), unique.end(), w) == unique.end()) unique.push_back(std::move(w));
  }
  out.warnings = std::move(unique);
  return out;
}

}  // namespace newsindex::internal
