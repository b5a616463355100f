// Bulk mode's commit: compaction merge, fix-ups, swap.
#include "index/bulk_merge.h"

#include <xapian.h>

#include "index/dir_swap.h"
#include "xapian/errors.h"

namespace newsindex::internal {

namespace fs = std::filesystem;

Status merge_into(const fs::path& db_dir, const std::vector<std::string>& chunks,
                  const IdFixups& fixups, const fs::path& work_dir) {
  const fs::path merged = work_dir / "merged";
  std::error_code ec;
  fs::remove_all(merged, ec);
  Status st = guard(db_dir.string(), [&]() -> Status {
    // The database first: its documents keep their ids (renumbering only
    // shifts later sources) and its metadata (schema, analyzer) carries over.
    Xapian::Database all(db_dir.string());
    for (const auto& chunk : chunks) all.add_database(Xapian::Database(chunk));
    unsigned flags = 0;
    if (chunks.size() > 2) flags |= Xapian::DBCOMPACT_MULTIPASS;
    all.compact(merged.string(), flags);
    all.close();

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
    return st;
  }
  return swap_in(merged, db_dir);
}

}  // namespace newsindex::internal
