// IndexWriter::open: the public factories (the Analyzer from options or given;
// a sharded folder gets the sharded writer).
#include <cstdlib>
#include <filesystem>

#include "index/sharded_writer.h"
#include "index/xapian_writer.h"
#include "newsindex/replication.h"

namespace newsindex {

bool changesets_enabled() {
  const char* p = std::getenv("XAPIAN_MAX_CHANGESETS");
  return p != nullptr && std::atoi(p) > 0;
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::open(const std::string& path,
                                                       const WriterOptions& options) {
  auto analyzer = Analyzer::create(options.analysis);
  if (!analyzer.ok()) return analyzer.status();
  return open(path, options, std::move(analyzer).value());
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::open(const std::string& path,
                                                       const WriterOptions& options,
                                                       std::shared_ptr<const Analyzer> analyzer) {
  if (!analyzer) return Status::invalid_argument(path + ": no analyzer given");
  // A stub file: Xapian would open its databases as one writable database
  // and spread new documents round-robin, not by id.
  if (std::error_code ec; std::filesystem::is_regular_file(path, ec)) {
    return Status::invalid_argument(path + ": is a file (a stub database?); write to a database "
                                   "folder or a sharded folder (docs/scaling.md)");
  }
  auto shards = internal::shard_count_of(path);
  if (!shards.ok()) return shards.status();
  if (*shards > 0 || options.shards > 0) {
    return internal::open_sharded_writer(path, options, std::move(analyzer));
  }
  return internal::XapianIndexWriter::open(path, options, std::move(analyzer));
}

}  // namespace newsindex
