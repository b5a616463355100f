// Bulk mode's commit: the merge of runs or compaction, fix-ups, swap.
#include "index/bulk_merge.h"

#include <map>

#include <xapian.h>

#include "glass/run_merge.h"

#include "index/dir_swap.h"
#include "xapian/errors.h"

namespace newsindex::internal {

namespace fs = std::filesystem;

namespace {

// True when `db_dir` holds nothing a merge must keep but its user metadata:
// no documents, no spelling or synonym data.
bool holds_only_metadata(const Xapian::Database& db, const fs::path& db_dir) {
  std::error_code ec;
  return db.get_doccount() == 0 && !fs::exists(db_dir / "spelling.glass", ec) &&
         !fs::exists(db_dir / "synonym.glass", ec);
}

std::map<std::string, std::string> user_metadata(const Xapian::Database& db) {
  std::map<std::string, std::string> m;
  for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) {
    m[*k] = db.get_metadata(*k);
  }
  return m;
}

}  // namespace

Status merge_into(const fs::path& db_dir, const std::vector<std::string>& chunks, bool runs,
                  const IdFixups& fixups, const fs::path& work_dir, std::uint32_t block_size,
                  std::uint32_t docdata_block_size) {
  // The merged database replaces the committed one: its files are synced
  // before the swap.
  const glass::MergeOptions durable{block_size, true, docdata_block_size};
  const fs::path merged = work_dir / "merged";
  const fs::path joined = work_dir / "runs-merged";
  std::error_code ec;
  fs::remove_all(merged, ec);
  fs::remove_all(joined, ec);
  Status st = guard(db_dir.string(), [&]() -> Status {
    std::vector<std::string> sources = chunks;
    {
      Xapian::Database target(db_dir.string());
      if (runs && !chunks.empty()) {
        if (holds_only_metadata(target, db_dir)) {
          // A new database: the runs make it, with the target's metadata
          // (schema, analyzer), in one sequential write; nothing to compact.
          Status m = glass::merge_runs(chunks, user_metadata(target), merged.string(), durable);
          if (!m.ok()) return m;
          sources.clear();
        } else {
          Status m = glass::merge_runs(chunks, {}, joined.string(), {block_size, false});
          if (!m.ok()) return m;
          sources = {joined.string()};
        }
      }
    }
    if (!fs::exists(merged, ec)) {
      // The database first: its documents keep their ids (renumbering only
      // shifts later sources) and its metadata (schema, analyzer) carries over.
      Xapian::Database all(db_dir.string());
      for (const auto& source : sources) all.add_database(Xapian::Database(source));
      unsigned flags = 0;
      if (sources.size() > 2) flags |= Xapian::DBCOMPACT_MULTIPASS;
      all.compact(merged.string(), flags, static_cast<int>(block_size));
      all.close();
      fs::remove_all(joined, ec);
    }

    Xapian::WritableDatabase out(merged.string(), Xapian::DB_OPEN);
    constexpr std::size_t kDeletesPerFlush = 250;
    std::size_t deleted = 0;
    for (const auto& [term, keep_newest] : fixups) {
      std::vector<Xapian::docid> versions;
      for (auto it = out.postlist_begin(term); it != out.postlist_end(term); ++it) {
        versions.push_back(*it);
      }
      if (keep_newest && !versions.empty()) versions.pop_back();  // ascending order
      for (Xapian::docid did : versions) {
        out.delete_document(did);
        // Xapian's inverter keeps a map of changes per term; a deletion
        // costs less while they are small (the copy is scratch until the
        // swap, so these commits are not visible to anyone).
        if (++deleted % kDeletesPerFlush == 0) out.commit();
      }
    }
    out.commit();  // also makes the compacted tables durable before the swap
    out.close();
    return Status();
  });
  if (!st.ok()) {
    fs::remove_all(merged, ec);
    fs::remove_all(joined, ec);
    return st;
  }
  return swap_in(merged, db_dir);
}

}  // namespace newsindex::internal
