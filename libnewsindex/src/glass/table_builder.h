// glass/table_builder.h: writes one glass B-tree table sequentially.
//
// Entries arrive in strictly increasing key order, as a compaction writes
// them. Leaf blocks are packed full and written as they fill; a tag too
// large for one item is split into components, the first filling what is
// left of the current block. The branch levels (one item per child, the
// leaf separators cut to the shortest key that divides) are built at
// finish() from the list of leaves, so memory holds one leaf block and a
// few bytes per leaf. The free list is empty: every block below the first
// unused one is in the tree. docs/index-format.md, "The direct writer".
//
// Thread-safety: none; one builder per table, used by one thread.
#ifndef NEWSINDEX_GLASS_TABLE_BUILDER_H_
#define NEWSINDEX_GLASS_TABLE_BUILDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "glass/entry_sink.h"
#include "glass/version_file.h"
#include "newsindex/status.h"

namespace newsindex::glass {

class TableBuilder final : public EntrySink {
 public:
  // `compress_min` is recorded for Xapian's later writes (it compresses
  // tags longer than that); this builder stores what add() is given.
  TableBuilder(std::string path, std::uint32_t block_size, std::uint32_t revision,
               std::uint32_t compress_min);
  ~TableBuilder() override;
  TableBuilder(const TableBuilder&) = delete;
  TableBuilder& operator=(const TableBuilder&) = delete;

  // Adds one entry. `compressed`: the tag is zlib raw deflate output, as
  // Xapian writes a compressed tag. REQUIRES: key longer than every key
  // added before, at most 255 bytes.
  Status add(std::string_view key, std::string_view tag, bool compressed = false) override;

  // Writes the branch levels and closes the file; the root information for
  // the version file. An empty table writes no file (Xapian creates the
  // lazy tables on first write) unless `always_create`.
  Result<RootInfo> finish(bool always_create);

  std::uint64_t entries() const { return entries_; }

 private:
  struct Child {
    std::string key;  // separator (empty for the first child)
    std::uint16_t component;
    std::uint32_t block;
  };

  Status open_file();
  Status write_block(std::uint32_t n, const unsigned char* block);
  // Starts a new leaf block; `first_key`/`component` is its first item.
  Status next_leaf(std::string_view first_key, std::uint16_t component);
  Status put_item(std::string_view key, std::uint16_t component, bool last, bool compressed,
                  const char* data, std::size_t len);
  std::size_t leaf_room() const;
  Status flush_leaf();
  Result<std::vector<Child>> build_branch_level(const std::vector<Child>& children, int level);

  std::string path_;
  std::uint32_t block_size_;
  std::uint32_t revision_;
  std::uint32_t compress_min_;
  std::size_t max_item_;
  int fd_ = -1;
  std::uint32_t next_block_ = 0;
  std::uint64_t entries_ = 0;

  std::vector<unsigned char> leaf_;  // the open leaf block
  bool leaf_open_ = false;
  std::uint32_t leaf_no_ = 0;
  std::size_t dir_end_ = 0;  // end of the directory in leaf_
  std::size_t low_ = 0;      // lowest item offset in leaf_
  std::string last_key_;     // of the last item written
  std::uint16_t last_component_ = 0;
  bool have_last_ = false;
  std::vector<Child> leaves_;
};

}  // namespace newsindex::glass

#endif  // NEWSINDEX_GLASS_TABLE_BUILDER_H_
