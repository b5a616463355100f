// analysis/hyphens.h: the parts and the closed form of a joined word.
//
// INF-verdrag is indexed as the whole form "inf-verdrag" and the closed form
// "infverdrag" at the first part's position, and as the parts "inf" and
// "verdrag" at consecutive positions, so it is found by the whole form, by
// each part, by the parts as a phrase, and by the closed form (e-mail and
// email). Words joined by dots (nos.nl, d.w.z) are treated the same way.
#ifndef NEWSINDEX_ANALYSIS_HYPHENS_H_
#define NEWSINDEX_ANALYSIS_HYPHENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsindex::internal::analysis {

// Splits normalised `whole` at '-' and '.' into `pieces` ([begin, end) byte
// ranges of `whole`, empty pieces left out) and writes the pieces joined
// together to `closed`.
void split_joined(std::string_view whole,
                  std::vector<std::pair<std::uint32_t, std::uint32_t>>& pieces,
                  std::string& closed);

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_HYPHENS_H_
