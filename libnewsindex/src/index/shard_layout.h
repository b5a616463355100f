// index/shard_layout.h: a sharded database directory and its stub file.
//
// `index --shards N --db DIR` writes N glass databases DIR/shard-000 ...
// and a Xapian stub database file DIR/XAPIANDB listing them ("auto
// shard-000", paths relative to DIR), so that Xapian itself (quest -d DIR,
// xapian-delve DIR) opens all shards as one database. An article goes to
// shard fnv1a64(id) % N: the same id always reaches the same shard, so a
// replacement or a delete finds the copy it means. The layout is the stub
// file: N is read back from it, never guessed from the folders.
#ifndef NEWSINDEX_INDEX_SHARD_LAYOUT_H_
#define NEWSINDEX_INDEX_SHARD_LAYOUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsindex/status.h"

namespace newsindex::internal {

inline constexpr std::string_view kStubName = "XAPIANDB";
inline constexpr std::uint32_t kMaxShards = 256;

// One database named by a stub file.
struct StubEntry {
  enum class Kind { kLocal, kRemote };
  Kind kind = Kind::kLocal;
  std::string path;  // kLocal: resolved against the stub's folder
  std::string host;  // kRemote
  unsigned port = 0;
  unsigned line = 0;  // 1-based line of the stub file
  // "DIR/shard-000" or "tcp://HOST:PORT": what open_searcher takes.
  std::string name() const;
};

// "shard-000", "shard-001", ...
std::string shard_name(std::uint32_t index);

// The shard of article `id` among `shards` (> 0): FNV-1a 64 of the id's
// bytes, modulo the count.
std::uint32_t shard_of(std::string_view id, std::uint32_t shards);

// The stub file of `path`: `path` itself when it is a regular file,
// `path`/XAPIANDB when `path` is a folder holding one (and no iamglass),
// else "".
std::string stub_file_of(const std::string& path);

// Reads a stub file: "auto|glass PATH" and "remote HOST:PORT" lines, blank
// lines and "#" comments (Xapian 1.4's syntax). kNotFound when the file is
// missing; kCorruption naming file and line for anything else, including
// "remote :PROGRAM" lines (not supported here) and a stub that lists none.
Result<std::vector<StubEntry>> read_stub(const std::string& stub_file);

// The shard count of the sharded folder `dir`: 0 when `dir` holds no stub
// file; kCorruption when the stub is not one newsindex wrote (N local
// entries shard-000 .. shard-(N-1) in order).
Result<std::uint32_t> sharded_count(const std::string& dir);

// Writes `dir`/XAPIANDB listing `shards` local shards (through a temporary
// file and a rename, so a reader never sees half a stub).
Status write_stub(const std::string& dir, std::uint32_t shards);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_SHARD_LAYOUT_H_
