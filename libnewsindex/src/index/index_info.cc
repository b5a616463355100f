// read_index_info: what `newsindex stats` shows.
#include "newsindex/index_info.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include <xapian.h>

#include "index/schema.h"
#include "index/shard_layout.h"
#include "xapian/errors.h"

namespace newsindex {

namespace fs = std::filesystem;

namespace {

// Counts per value as written, most first (ties by name), from one slot's
// value stream: one pass over short strings, fast even for 100k documents.
std::vector<std::pair<std::string, std::uint64_t>> value_counts(const Xapian::Database& db,
                                                                Xapian::valueno slot) {
  std::map<std::string, std::uint64_t> counts;
  for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) ++counts[*v];
  std::vector<std::pair<std::string, std::uint64_t>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

std::int64_t timestamp_bound(const std::string& serialised) {
  double t = Xapian::sortable_unserialise(serialised);
  if (!std::isfinite(t)) return kNoTimestamp;
  return static_cast<std::int64_t>(t);
}

std::uint64_t directory_bytes(const fs::path& dir) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ec2;
    if (it->is_regular_file(ec2)) {
      auto n = it->file_size(ec2);
      if (!ec2) total += n;
    }
  }
  return total;
}

}  // namespace

Result<IndexInfo> read_index_info(const std::string& path) {
  IndexInfo info;
  Status st = internal::guard(path, [&]() -> Status {
    Xapian::Database db(path);
    info.documents = db.get_doccount();
    if (db.get_value_freq(schema::kSlotTimestamp) > 0) {
      info.first_timestamp = timestamp_bound(db.get_value_lower_bound(schema::kSlotTimestamp));
      info.last_timestamp = timestamp_bound(db.get_value_upper_bound(schema::kSlotTimestamp));
    }
    info.sources = value_counts(db, schema::kSlotSource);
    info.outlets = value_counts(db, schema::kSlotOutlet);
    info.analyzer = db.get_metadata(std::string(schema::kMetaAnalyzer));
    info.stemmer = db.get_metadata(std::string(schema::kMetaStemmer));
    info.schema = db.get_metadata(std::string(schema::kMetaSchema));
    return Status();
  });
  if (!st.ok()) return st;
  info.bytes_on_disk = directory_bytes(path);
  if (const std::string stub = internal::stub_file_of(path); !stub.empty()) {
    auto entries = internal::read_stub(stub);
    if (!entries.ok()) return entries.status();
    for (const internal::StubEntry& e : *entries) {
      ShardInfo shard;
      shard.name = e.name();
      st = internal::guard(shard.name, [&]() -> Status {
        Xapian::Database db = e.kind == internal::StubEntry::Kind::kRemote
                                  ? Xapian::Remote::open(e.host, e.port, 10000, 10000)
                                  : Xapian::Database(e.path);
        shard.documents = db.get_doccount();
        if (db.get_value_freq(schema::kSlotTimestamp) > 0) {
          shard.first_timestamp =
              timestamp_bound(db.get_value_lower_bound(schema::kSlotTimestamp));
          shard.last_timestamp = timestamp_bound(db.get_value_upper_bound(schema::kSlotTimestamp));
        }
        return Status();
      });
      if (!st.ok()) return st;
      if (e.kind == internal::StubEntry::Kind::kLocal) shard.bytes_on_disk = directory_bytes(e.path);
      info.shards.push_back(std::move(shard));
    }
  }
  return info;
}

}  // namespace newsindex
