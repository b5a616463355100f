// glass/output_dir.h: the folder a glass database or a batch's runs are
// written into, shared by GlassBatch and merge_runs().
#ifndef NEWSINDEX_GLASS_OUTPUT_DIR_H_
#define NEWSINDEX_GLASS_OUTPUT_DIR_H_

#include <cstdint>
#include <string>

#include "newsindex/status.h"

namespace newsindex::glass {

// kInvalidArgument unless `block_size` is a power of two from 2048 to 65536.
Status check_block_size(std::uint32_t block_size);

// Checks `block_size` (a power of two from 2048 to 65536) and makes `dir` an
// empty directory: kInvalidArgument when it holds anything.
Status prepare_output_dir(const std::string& dir, std::uint32_t block_size);

// fsync of a file or directory; a missing file (a lazy table never
// created) is fine.
Status sync_path(const std::string& path);

}  // namespace newsindex::glass

#endif  // NEWSINDEX_GLASS_OUTPUT_DIR_H_
