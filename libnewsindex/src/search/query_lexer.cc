// Query lexer: syntax only, words untouched.
#include "search/query_lexer.h"

#include <array>
#include <cctype>
#include <utility>

#include "util/ascii.h"

namespace newsindex::internal {
namespace {

// Typographic quotes count as '"': “ ” „ (UTF-8 E2 80 9C/9D/9E).
std::size_t quote_len(std::string_view s, std::size_t i) {
  if (s[i] == '"') return 1;
  if (i + 2 < s.size() + 0 && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char c = static_cast<unsigned char>(s[i + 2]);
    if (c == 0x9C || c == 0x9D || c == 0x9E) return 3;
  }
  return 0;
}

bool is_break(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  return is_ascii_space(s[i]) || c == '(' || c == ')' || quote_len(s, i) > 0;
}

struct FieldName {
  std::string_view name;
  QueryField field;
};
constexpr std::array<FieldName, 10> kFields = {{
    {"titel", QueryField::kTitle},
    {"title", QueryField::kTitle},
    {"bron", QueryField::kSource},
    {"source", QueryField::kSource},
    {"outlet", QueryField::kOutlet},
    {"categorie", QueryField::kCategory},
    {"category", QueryField::kCategory},
    {"datum", QueryField::kDate},
    {"date", QueryField::kDate},
    {"krant", QueryField::kOutlet},
}};

bool find_field(std::string_view name, QueryField& field) {
  for (const FieldName& f : kFields) {
    if (name.size() != f.name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i) {
      same = lower_ascii(name[i]) == f.name[i];
    }
    if (same) {
      field = f.field;
      return true;
    }
  }
  return false;
}

// Capitals only: lower-case "en" and "of" are ordinary Dutch words.
bool operator_kind(std::string_view w, QueryToken& t) {
  if (w == "AND" || w == "EN") {
    t.kind = QueryToken::Kind::kAnd;
  } else if (w == "OR" || w == "OF") {
    t.kind = QueryToken::Kind::kOr;
  } else if (w == "NOT" || w == "NIET") {
    t.kind = QueryToken::Kind::kNot;
  } else if (w == "NEAR") {
    t.kind = QueryToken::Kind::kNear;
    t.window = 10;
  } else if (w.starts_with("NEAR/") && w.size() > 5 && w.size() <= 8) {
    unsigned n = 0;
    for (char c : w.substr(5)) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
      n = n * 10 + static_cast<unsigned>(c - '0');
    }
    if (n == 0) return false;
    t.kind = QueryToken::Kind::kNear;
    t.window = n;
  } else {
    return false;
  }
  return true;
}

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = is_ascii_space(c);
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// Keeps the first `keep` whitespace-separated words of `s`.
std::string first_words(std::string_view s, std::size_t keep) {
  std::size_t n = 0;
  bool in = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool sp = is_ascii_space(s[i]);
    if (!sp && !in) {
      if (n == keep) return std::string(s.substr(0, i));
      ++n;
    }
    in = !sp;
  }
  return std::string(s);
}

}  // namespace

LexResult lex_query(std::string_view q, bool literal) {
  LexResult out;
  std::size_t words = 0;
  bool truncated = false;
  std::size_t total_words = count_words(q);
  std::size_t i = 0;
  bool glued = false;
  auto push = [&](QueryToken t) {
    t.glued = glued;
    out.tokens.push_back(std::move(t));
    glued = true;
  };
  while (i < q.size() && !truncated) {
    unsigned char c = static_cast<unsigned char>(q[i]);
    if (is_ascii_space(q[i])) {
      glued = false;
      ++i;
      continue;
    }
    if (std::size_t ql = quote_len(q, i)) {
      std::size_t j = i + ql;
      std::size_t end = j;
      std::size_t close_len = 0;
      while (end < q.size() && (close_len = quote_len(q, end)) == 0) ++end;
      QueryToken t;
      t.kind = QueryToken::Kind::kPhrase;
      t.text = std::string(q.substr(j, end - j));
      t.closed = end < q.size();
      std::size_t n = count_words(t.text);
      if (words + n > kMaxQueryWords) {
        t.text = first_words(t.text, kMaxQueryWords - words);
        truncated = true;
      }
      words += n;
      if (!t.closed) {
        out.warnings.push_back("unclosed quote: the phrase runs to the end of the query");
      }
      bool closed = t.closed;
      push(std::move(t));
      i = closed ? end + close_len : q.size();
      continue;
    }
    if (!literal && (c == '(' || c == ')')) {
      QueryToken t;
      t.kind = c == '(' ? QueryToken::Kind::kLParen : QueryToken::Kind::kRParen;
      t.text = std::string(1, static_cast<char>(c));
      push(std::move(t));
      ++i;
      continue;
    }
    if (c == '(' || c == ')') {  // literal mode: brackets separate words
      glued = false;
      ++i;
      continue;
    }
    bool after_open = !out.tokens.empty() && out.tokens.back().kind == QueryToken::Kind::kLParen;
    if (!literal && (c == '+' || c == '-') && (i + 1 < q.size()) && (!glued || after_open) &&
        !is_ascii_space(q[i + 1]) && q[i + 1] != ')') {
      QueryToken t;
      t.kind = c == '+' ? QueryToken::Kind::kPlus : QueryToken::Kind::kMinus;
      t.text = std::string(1, static_cast<char>(c));
      push(std::move(t));
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < q.size() && !is_break(q, j)) ++j;
    std::string_view chunk = q.substr(i, j - i);
    i = j;
    if (!literal) {
      std::size_t colon = chunk.find(':');
      QueryField field;
      if (colon != std::string_view::npos && colon > 0 &&
          find_field(chunk.substr(0, colon), field)) {
        QueryToken t;
        t.kind = QueryToken::Kind::kField;
        t.field = field;
        t.text = std::string(chunk.substr(0, colon + 1));
        push(std::move(t));
        chunk.remove_prefix(colon + 1);
        if (chunk.empty()) continue;  // the value, if any, follows (a quote or '(')
      } else {
        QueryToken t;
        bool after_modifier = glued && !out.tokens.empty() &&
                              (out.tokens.back().kind == QueryToken::Kind::kField ||
                               out.tokens.back().kind == QueryToken::Kind::kPlus ||
                               out.tokens.back().kind == QueryToken::Kind::kMinus);
        if (!after_modifier && operator_kind(chunk, t)) {
          t.text = std::string(chunk);
          push(std::move(t));
          continue;
        }
      }
    }
    QueryToken t;
    t.kind = QueryToken::Kind::kWord;
    while (!chunk.empty() && chunk.back() == '*') {
      t.wildcard = true;
      chunk.remove_suffix(1);
    }
    if (chunk.empty()) continue;  // a lone '*'
    if (words + 1 > kMaxQueryWords) {
      truncated = true;
      break;
    }
    ++words;
    t.text = std::string(chunk);
    push(std::move(t));
  }
  if (truncated) {
    out.warnings.push_back("query too long: " + std::to_string(total_words) +
                           " words; only the first " + std::to_string(kMaxQueryWords) +
                           " are searched");
  }
  return out;
}

}  // namespace newsindex::internal
