// glass/entry_sink.h: where a table's entries go, in key order.
//
// GlassBatch emits each table through an EntrySink: a TableBuilder makes a
// glass B-tree of them, a RunWriter a plain run file for the merge of many
// batches (glass/run_merge.h).
#ifndef NEWSINDEX_GLASS_ENTRY_SINK_H_
#define NEWSINDEX_GLASS_ENTRY_SINK_H_

#include <string_view>

#include "newsindex/status.h"

namespace newsindex::glass {

class EntrySink {
 public:
  virtual ~EntrySink() = default;
  // Adds one entry. `compressed`: the tag is raw deflate output, as glass
  // stores a compressed tag. REQUIRES: `key` greater than every key added
  // before, at most 255 bytes.
  virtual Status add(std::string_view key, std::string_view tag, bool compressed = false) = 0;
};

}  // namespace newsindex::glass

#endif  // NEWSINDEX_GLASS_ENTRY_SINK_H_
