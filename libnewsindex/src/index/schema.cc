// Filter-term spelling shared by the writer and the searcher.
#include "index/schema.h"

#include <cctype>

#include "util/ascii.h"

namespace newsindex::schema {

std::string filter_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  bool space = false;
  for (char c : value) {
    if (internal::is_ascii_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(internal::lower_ascii(c));
  }
  return out;
}

std::string boolean_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (prefix.size() > 1 && !value.empty() &&
      std::isupper(static_cast<unsigned char>(value.front()))) {
    term.push_back(':');
  }
  term.append(value);
  if (term.size() > kMaxTermBytes) term.resize(kMaxTermBytes);
  return term;
}

}  // namespace newsindex::schema
