// newsindex/index_info.h: what a database holds (for `newsindex stats`).
#ifndef NEWSINDEX_INDEX_INFO_H_
#define NEWSINDEX_INDEX_INFO_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "newsindex/article.h"
#include "newsindex/export.h"
#include "newsindex/status.h"

namespace newsindex {

// One shard of a sharded folder (docs/scaling.md).
struct ShardInfo {
  std::string name;  // as the stub names it: "DIR/shard-000" or "tcp://HOST:PORT"
  std::uint64_t documents = 0;
  std::int64_t first_timestamp = kNoTimestamp;
  std::int64_t last_timestamp = kNoTimestamp;
  std::uint64_t bytes_on_disk = 0;  // 0 for a remote shard
};

struct IndexInfo {
  std::uint64_t documents = 0;
  std::int64_t first_timestamp = kNoTimestamp;  // date range of dated articles
  std::int64_t last_timestamp = kNoTimestamp;
  std::vector<std::pair<std::string, std::uint64_t>> sources;  // most first
  std::vector<std::pair<std::string, std::uint64_t>> outlets;
  std::uint64_t bytes_on_disk = 0;
  std::string analyzer;   // recorded analyzer identity
  std::string stemmer;    // recorded stemmer identity
  std::string schema;     // schema version
  // The shards of a sharded folder or stub file, in stub order; empty for
  // a single database. The other fields are totals over all shards.
  std::vector<ShardInfo> shards;
};

NEWSINDEX_EXPORT Result<IndexInfo> read_index_info(const std::string& path);

// Reads every block of every table of the database at `path` and checks the
// B-trees and that term lists, posting lists and document lengths agree
// (Xapian's check, what `xapian-check DIR` does; it takes about as long as
// reading the whole database). ok when sound; kCorruption naming the
// database and the first problems found; kNotFound when there is none.
// `report`, when given, receives Xapian's findings line by line.
NEWSINDEX_EXPORT Status check_database(const std::string& path, std::string* report = nullptr);

}  // namespace newsindex

#endif  // NEWSINDEX_INDEX_INFO_H_
