// Compact printing of the query AST.
#include "search/query_ast.h"

namespace newsindex::internal {
namespace {

const char* kind_name(QueryNode::Kind k) {
  switch (k) {
    case QueryNode::Kind::kSeq:
      return "seq";
    case QueryNode::Kind::kAnd:
      return "and";
    case QueryNode::Kind::kOr:
      return "or";
    case QueryNode::Kind::kAndNot:
      return "andnot";
    case QueryNode::Kind::kNear:
      return "near";
    default:
      return "?";
  }
}

void print(const QueryNode& n, std::string& out) {
  if (n.occur == Occur::kMust) out += '+';
  if (n.occur == Occur::kMustNot) out += '-';
  switch (n.kind) {
    case QueryNode::Kind::kWord:
    case QueryNode::Kind::kFilter:
    case QueryNode::Kind::kDate:
      out += field_prefix(n.field);
      out += n.text;
      return;
    case QueryNode::Kind::kPhrase:
      out += field_prefix(n.field);
      out += '"';
      out += n.text;
      out += '"';
      return;
    case QueryNode::Kind::kWildcard:
      out += field_prefix(n.field);
      out += n.text;
      out += '*';
      return;
    case QueryNode::Kind::kMatchAll:
      out += "<all>";
      return;
    default:
      break;
  }
  out += '(';
  out += kind_name(n.kind);
  if (n.kind == QueryNode::Kind::kNear) out += '/' + std::to_string(n.window);
  for (const QueryNode& c : n.children) {
    out += ' ';
    print(c, out);
  }
  out += ')';
}

}  // namespace

const char* field_prefix(QueryField f) {
  switch (f) {
    case QueryField::kText:
      return "";
    case QueryField::kTitle:
      return "title:";
    case QueryField::kSource:
      return "source:";
    case QueryField::kOutlet:
      return "outlet:";
    case QueryField::kCategory:
      return "category:";
    case QueryField::kDate:
      return "date:";
  }
  return "";
}

std::string to_string(const QueryNode& node) {
  std::string out;
  print(node, out);
  return out;
}

}  // namespace newsindex::internal
