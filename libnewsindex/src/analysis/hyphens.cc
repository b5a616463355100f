// analysis/hyphens.cc
#include "analysis/hyphens.h"

namespace newsindex::internal::analysis {

void split_joined(std::string_view whole,
                  std::vector<std::pair<std::uint32_t, std::uint32_t>>& pieces,
                  std::string& closed) {
  pieces.clear();
  closed.clear();
  std::uint32_t begin = 0;
  for (std::uint32_t i = 0; i <= whole.size(); ++i) {
    if (i < whole.size() && whole[i] != '-' && whole[i] != '.') continue;
    if (i > begin) {
      pieces.emplace_back(begin, i);
      closed.append(whole.substr(begin, i - begin));
    }
    begin = i + 1;
  }
}

}  // namespace newsindex::internal::analysis
