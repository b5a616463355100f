// glass/positions.h: a position list as glass's position table stores it.
//
// The last position as a plain integer, then (for more than one position)
// a bit stream: the first position out of the last, the count less two out
// of the span, and the positions between by interpolative coding ("Managing
// Gigabytes", 2nd ed., pp. 126-127), bits least significant first, each
// value in the fewest bits its range allows with the shorter codes given to
// the middle of the range. Written from the format as Xapian 1.4 decodes it.
#ifndef NEWSINDEX_GLASS_POSITIONS_H_
#define NEWSINDEX_GLASS_POSITIONS_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace newsindex::glass {

// Appends the encoding of `pos[0..n)` to `out`.
// REQUIRES: n >= 1 and pos strictly increasing.
void encode_positions(std::string& out, const std::uint32_t* pos, std::size_t n);

}  // namespace newsindex::glass

#endif  // NEWSINDEX_GLASS_POSITIONS_H_
