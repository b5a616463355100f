// analysis/apostrophes.cc
#include "analysis/apostrophes.h"

namespace newsindex::internal::analysis {

std::string_view apostrophe_s_base(std::string_view term) {
  if (term.size() < 3 || term.substr(term.size() - 2) != "'s") return {};
  const std::string_view base = term.substr(0, term.size() - 2);
  if (has_apostrophe(base)) return {};
  return base;
}

std::string_view clitic_word_rest(std::string_view term) {
  if (term.empty() || term[0] != '\'') return {};
  const std::size_t dash = term.find('-');
  if (dash == std::string_view::npos || dash + 1 >= term.size()) return {};
  return term.substr(dash + 1);
}

}  // namespace newsindex::internal::analysis
