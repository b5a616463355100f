// glass/version_file.h: the "iamglass" file that makes a directory of glass
// tables a database at one revision.
//
// It holds the format magic and version (2016-03-14, the one glass format of
// Xapian 1.4 and still read by 2.0), a UUID, the revision, each table's root
// information (root block, levels, entry count, block size, compression
// threshold, free list) and the database statistics. Written from the
// format as Xapian 1.4's GlassVersion reads it.
#ifndef NEWSINDEX_GLASS_VERSION_FILE_H_
#define NEWSINDEX_GLASS_VERSION_FILE_H_

#include <array>
#include <cstdint>
#include <string>

#include "newsindex/status.h"

namespace newsindex::glass {

// The tables, in the order the version file lists them.
enum Table { kPostlist = 0, kDocdata, kTermlist, kPosition, kSpelling, kSynonym, kTableCount };

// Xapian compresses tags longer than this in these tables (0: never).
std::uint32_t default_compress_min(Table t);

struct RootInfo {
  std::uint32_t root = 0;
  std::uint32_t level = 0;
  std::uint64_t entries = 0;
  bool root_is_fake = true;  // an empty table: no block on disk
  bool sequential = true;
  std::uint32_t block_size = 8192;
  std::uint32_t compress_min = 0;
  // Free list: empty unless `has_free_list` (then `first_unused` blocks are
  // all in the tree, and the list of free blocks is empty).
  bool has_free_list = false;
  std::uint32_t free_list_revision = 0;
  std::uint32_t first_unused = 0;
};

struct DatabaseStats {
  std::uint64_t doccount = 0;
  std::uint64_t last_docid = 0;
  std::uint64_t doclen_lower = 0;  // smallest non-zero document length
  std::uint64_t doclen_upper = 0;
  std::uint64_t wdf_upper = 0;
  std::uint64_t total_doclen = 0;
};

// Writes DIR/iamglass (through a temporary file renamed into place, synced
// when `sync`).
Status write_version_file(const std::string& dir, std::uint32_t revision,
                          const std::array<RootInfo, kTableCount>& roots,
                          const DatabaseStats& stats, bool sync);

}  // namespace newsindex::glass

#endif  // NEWSINDEX_GLASS_VERSION_FILE_H_
