// IndexWriter on a Xapian glass database.
#include "index/xapian_writer.h"

#include <sys/statvfs.h>

#include <filesystem>
#include <thread>

#include "dedup/minhash.h"
#include "glass/output_dir.h"
#include "index/damage_mark.h"
#include "index/dir_swap.h"
#include "index/schema.h"
#include "newsindex/replication.h"
#include "xapian/errors.h"

namespace newsindex::internal {

namespace {
std::string meta(const Xapian::Database& db, std::string_view key) {
  return db.get_metadata(std::string(key));
}

std::uint64_t id_hash(std::string_view term) { return dedup::fnv1a(term); }

FieldWeights field_weights(const WriterOptions& options) {
  FieldWeights w;
  w.title = options.title_wdf;
  w.lead = options.lead_wdf;
  w.lead_terms = options.lead_terms;
  return w;
}

}  // namespace

XapianIndexWriter::XapianIndexWriter(std::string path, const WriterOptions& options,
                                     std::shared_ptr<const Analyzer> analyzer)
    : path_(std::move(path)),
      options_(options),
      analyzer_(std::move(analyzer)),
      builder_(analyzer_, options.index_title, false, field_weights(options)) {}

Result<std::unique_ptr<IndexWriter>> XapianIndexWriter::open(
    const std::string& path, const WriterOptions& options,
    std::shared_ptr<const Analyzer> analyzer) {
  if (path.empty()) return Status::invalid_argument("no database path given");
  if (!analyzer) return Status::invalid_argument(path + ": no analyzer");
  if (options.title_wdf < 1 || options.title_wdf > 100 || options.lead_wdf < 1 ||
      options.lead_wdf > 100) {
    return Status::invalid_argument(path + ": title_wdf and lead_wdf must be 1..100 (got " +
                            std::to_string(options.title_wdf) + " and " +
                            std::to_string(options.lead_wdf) + ")");
  }
  // The glass writer's own check (glass/output_dir.h), named for the option.
  if (Status bs = glass::check_block_size(options.block_size); !bs.ok()) {
    return Status::invalid_argument(path + ": block_size: " + bs.message());
  }
  if (options.docdata_block_size != 0) {
    if (Status bs = glass::check_block_size(options.docdata_block_size); !bs.ok()) {
      return Status::invalid_argument(path + ": docdata_block_size (0 or a block size): " +
                                      bs.message());
    }
  }
  if (Status st = check_database_dir(path); !st.ok()) return st;  // db_dir_check.h
  if (Status st = refuse_if_damaged(path); !st.ok()) return st;    // damage_mark.h
  std::unique_ptr<XapianIndexWriter> w(new XapianIndexWriter(path, options, std::move(analyzer)));
  Status st = w->init();
  if (st.code() == StatusCode::kCorruption) mark_damaged(path, st.message());
  if (!st.ok()) return st;
  return std::unique_ptr<IndexWriter>(std::move(w));
}

Status XapianIndexWriter::init() {
  // Create missing parent directories ("--db archive/index/nl"); Xapian
  // itself creates only the last component.
  std::error_code ec;
  auto parent = std::filesystem::path(path_).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  auto lock = WriterLock::take(path_);
  if (!lock.ok()) return lock.status();
  lock_ = std::move(*lock);
  return guard(path_, [&]() -> Status {
    // The block size applies when the database is created (Xapian keeps an
    // existing database's own).
    db_ = Xapian::WritableDatabase(path_, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS,
                                   static_cast<int>(options_.block_size));
    const std::string identity = analyzer_->identity();
    const std::string rec_schema = meta(db_, schema::kMetaSchema);
    const std::string rec_analyzer = meta(db_, schema::kMetaAnalyzer);
    const bool has_docs = db_.get_doccount() > 0;
    if (!options_.override_analysis) {
      if (!rec_schema.empty() && !schema::can_add_to(rec_schema)) {
        return Status::analysis_mismatch(path_ + ": database has schema version " + rec_schema +
                                 ", this library writes " + std::string(schema::kSchemaVersion) +
                                 "; index the articles into a new database");
      }
      if (rec_analyzer.empty() && has_docs) {
        return Status::analysis_mismatch(path_ +
                                 ": database has documents but no recorded analyzer "
                                 "(not built by newsindex)");
      }
      if (!rec_analyzer.empty() && rec_analyzer != identity) {
        return Status::analysis_mismatch(path_ + ": database was built with analyzer \"" +
                                 rec_analyzer + "\", this writer uses \"" + identity + "\"");
      }
    }
    if (!rec_schema.empty() && rec_schema != schema::kSchemaVersion &&
        schema::can_add_to(rec_schema)) {
      // Its records stay as they are and are read as before; the version
      // says which the newest are (with the next commit).
      db_.set_metadata(std::string(schema::kMetaSchema), std::string(schema::kSchemaVersion));
    }
    if (rec_analyzer.empty() && !has_docs) {
      db_.set_metadata(std::string(schema::kMetaSchema), std::string(schema::kSchemaVersion));
      db_.set_metadata(std::string(schema::kMetaAnalyzer), identity);
      db_.set_metadata(std::string(schema::kMetaStemmer), analyzer_->stemmer_identity());
      db_.set_metadata(std::string(schema::kMetaDedup), dedup::parameters());
      db_.commit();
    }
    clusters_ = std::make_unique<dedup::ClusterIndex>(&db_, options_.dedup_window);
    unsigned threads = options_.threads;
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    bool& direct = direct_chunks_;
    direct = options_.bulk && options_.direct_glass;
    if (direct && !glass::linked_xapian_supported()) {
      direct = false;
      stats_.notice = std::string("the linked Xapian is ") + Xapian::version_string() +
                      ", not 1.4: bulk mode writes through Xapian's writer instead of the "
                      "direct glass writer";
    }
    if (options_.bulk && changesets_enabled()) {
      // Xapian writes no changeset for a compaction, and the merged database
      // has a new UUID: a replica then needs the whole database again.
      if (!stats_.notice.empty()) stats_.notice += "; ";
      stats_.notice +=
          "XAPIAN_MAX_CHANGESETS is set but bulk mode replaces the database at each commit: "
          "replicas get a full copy each time, not a changeset (write a replicated master "
          "with --plain; docs/scaling.md)";
    }
    if (options_.bulk || threads > 1) {
      // Analysis on worker threads; the caller's thread takes the documents
      // back in order (the serial stage) and writes them itself (plain mode)
      // or hands them to the chunk writers (bulk mode).
      pool_ = std::make_unique<AnalysisPool>(analyzer_, options_.index_title, threads,
                                             static_cast<std::size_t>(threads) * 64, direct,
                                             field_weights(options_));
    }
    {
      // Scratch files of an interrupted bulk import are uncommitted work:
      // we hold the lock, so nobody else is using them (a plain-mode writer
      // clears them too).
      const std::string stale = database_dir(path_).string() + ".newsindex-bulk";
      std::filesystem::remove_all(stale);
    }
    if (options_.bulk) {
      scratch_ = database_dir(path_).string() + ".newsindex-bulk";
      std::filesystem::create_directories(scratch_);
      // Staggered first chunks (writer i of n closes its first chunk at
      // (i + 1) / n of the chunk size): the writers never all stop to write
      // a chunk at once. A queue of 4,096 documents lets the serial stage go
      // on feeding the other writers while one writes its chunk (about a
      // second for 20,000 articles): with 1,024 the queue filled in a
      // quarter of that, and the whole pipeline waited for the writer
      // (docs/performance.md, "Index build").
      for (unsigned i = 0; i < threads; ++i) {
        const std::size_t chunk = options_.bulk_chunk_docs;
        chunk_writers_.push_back(std::make_unique<ChunkWriter>(
            (scratch_ / ("w" + std::to_string(i))).string(), chunk, chunk * (i + 1) / threads,
            options_.bulk_flush_docs, 4096, direct));
      }
    }
    db_.begin_transaction(true);
    return Status();
  });
}

XapianIndexWriter::~XapianIndexWriter() {
  pool_.reset();  // stop the workers before the database goes
  chunk_writers_.clear();
  if (!scratch_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(scratch_, ec);
  }
  try {
    db_.cancel_transaction();
  } catch (const Xapian::Error&) {
    // No transaction open (a failed commit): nothing to discard.
  }
  try {
    db_.close();
  } catch (const Xapian::Error&) {
  }
}

Status XapianIndexWriter::fail(Status st) {
  if (!st.ok() && failed_.ok()) failed_ = st;
  return st;
}

Status XapianIndexWriter::apply(BuiltDocument& built) {
  if (!failed_.ok()) return failed_;
  if (!chunk_writers_.empty()) return apply_bulk(built);
  Status st = guard(path_, [&]() -> Status {
    std::string cluster = built.id;
    if (built.has_signature) {
      cluster = shared_clusters_
                    ? shared_clusters_->assign(built.id, built.signature, built.bands)
                    : clusters().assign(built.id, built.signature, built.bands);
    }
    set_cluster(built, cluster);
    const bool existed = db_.term_exists(built.id_term);
    db_.replace_document(built.id_term, built.doc);
    ++(existed ? stats_.replaced : stats_.added);
    stats_.text_bytes += built.text_bytes;
    text_since_commit_ += built.text_bytes;
    return Status();
  });
  if (!st.ok()) return fail(std::move(st));
  return count_change();
}

Status XapianIndexWriter::apply_bulk(BuiltDocument& built) {
  const std::uint64_t h = id_hash(built.id_term);
  Status st = guard(path_, [&]() -> Status {
    std::string cluster = built.id;
    if (built.has_signature) {
      cluster = shared_clusters_
                    ? shared_clusters_->assign(built.id, built.signature, built.bands)
                    : clusters().assign(built.id, built.signature, built.bands);
    }
    set_cluster(built, cluster);
    const bool repeated = !pending_ids_.insert(h);
    auto fix = fixups_.find(built.id_term);
    const bool removed = fix != fixups_.end() && !fix->second;  // earlier in this batch
    const bool existed = !removed && (repeated || db_.term_exists(built.id_term));
    // Any older version (committed, or in an earlier chunk) goes at the merge.
    if (existed || removed) fixups_[built.id_term] = true;
    ++(existed ? stats_.replaced : stats_.added);
    stats_.text_bytes += built.text_bytes;
    return Status();
  });
  if (st.ok()) st = chunk_writers_[h % chunk_writers_.size()]->add(std::move(built));
  if (!st.ok()) return fail(std::move(st));
  return count_change();
}

Status XapianIndexWriter::drain(bool all) {
  if (!pool_) return Status();
  while (pool_->in_flight() > 0 && (all || pool_->ready())) {
    Status st = pool_->take(built_);
    // A document that failed to build was not written: report it, go on.
    if (!st.ok()) return st;
    st = apply(built_);
    if (!st.ok()) return st;
  }
  return Status();
}

Status XapianIndexWriter::add(const Article& article) {
  if (!failed_.ok()) return failed_;
  Status st = validate_article(article);
  if (!st.ok()) return st;
  if (pool_) {
    // An earlier article that failed to build is reported now, but this one
    // is still queued.
    Status earlier = drain(false);
    if (!failed_.ok()) return failed_;
    if (pool_->in_flight() >= pool_->capacity()) {
      // Full: wait for the oldest article (the workers are ahead of us).
      st = pool_->take(built_);
      if (st.ok()) st = apply(built_);
      if (!failed_.ok()) return failed_;
      if (earlier.ok()) earlier = st;
    }
    pool_->submit(article);
    return earlier;
  }
  st = guard(path_, [&] {
    builder_.build(article, built_);
    return Status();
  });
  if (!st.ok()) return st;  // nothing was written: the writer stays usable
  return apply(built_);
}

Status XapianIndexWriter::remove(std::string_view id) {
  if (!failed_.ok()) return failed_;
  Status st = drain(true);
  if (!st.ok()) return st;
  std::string term(schema::kPrefixId);
  term.append(id);
  if (!chunk_writers_.empty()) return remove_bulk(term);
  bool found = false;
  st = guard(path_, [&]() -> Status {
    if (!db_.term_exists(term)) return Status();
    found = true;
    db_.delete_document(term);
    ++stats_.deleted;
    return Status();
  });
  if (!st.ok()) return fail(std::move(st));
  if (!found) return Status::not_found(path_ + ": no document with id \"" + std::string(id) + "\"");
  return count_change();
}

Status XapianIndexWriter::remove_bulk(const std::string& term) {
  auto fix = fixups_.find(term);
  const bool removed = fix != fixups_.end() && !fix->second;
  bool found = false;
  Status st = guard(path_, [&] {
    found = !removed && (pending_ids_.contains(id_hash(term)) || db_.term_exists(term));
    return Status();
  });
  if (!st.ok()) return fail(std::move(st));
  if (!found) return Status::not_found(path_ + ": no document with id \"" + term.substr(1) + "\"");
  fixups_[term] = false;
  ++stats_.deleted;
  return count_change();
}

Status XapianIndexWriter::reopen() {
  return guard(path_, [&] {
    try {
      db_.cancel_transaction();
    } catch (const Xapian::Error&) {
    }
    db_.close();
    db_ = Xapian::WritableDatabase(path_, Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
    // Document ids of the old documents may have moved: reload, but only
    // when the next article needs it (a final commit then costs no reload).
    clusters_.reset();
    db_.begin_transaction(true);
    return Status();
  });
}

dedup::ClusterIndex& XapianIndexWriter::clusters() {
  if (!clusters_) clusters_ = std::make_unique<dedup::ClusterIndex>(&db_, options_.dedup_window);
  return *clusters_;
}

Status XapianIndexWriter::commit_bulk() {
  std::vector<std::string> chunks;
  for (auto& w : chunk_writers_) w->start_finish();  // their last chunks in parallel
  for (auto& w : chunk_writers_) {
    auto done = w->finish();
    if (!done.ok()) return fail(done.status());
    chunks.insert(chunks.end(), done->begin(), done->end());
  }
  if (chunks.empty() && fixups_.empty()) return commit_now();
  Status st = merge_into(database_dir(path_), chunks, direct_chunks_, fixups_, scratch_,
                         options_.block_size, options_.docdata_block_size);
  if (!st.ok()) return fail(std::move(st));
  // The merged database is in place: this commit is durable whatever
  // happens next.
  ++stats_.commits;
  mark_committed();
  since_commit_ = 0;
  pending_ids_.clear();
  fixups_.clear();
  std::error_code ec;
  for (const auto& chunk : chunks) std::filesystem::remove_all(chunk, ec);
  st = reopen();
  if (!st.ok()) {
    return fail(Status(st.code(), "committed, but cannot reopen the database: " + st.message()));
  }
  return Status();
}

Status XapianIndexWriter::count_change() {
  if (options_.batch_size == 0 || ++since_commit_ < options_.batch_size) return Status();
  return chunk_writers_.empty() ? commit_now() : commit_bulk();
}

// Xapian 1.4 ends the process (std::terminate) when the disk fills while
// its commit writes a value-stream chunk: that write happens in a
// destructor (glass_values.cc). So a commit does not start without room for
// what it writes: the index grows by about 5.5 bytes per byte of text
// (docs/performance.md), and a commit rewrites the blocks it touches.
Status XapianIndexWriter::room_for_commit() const {
  struct statvfs fs {};
  if (::statvfs(path_.c_str(), &fs) != 0) return Status();  // cannot tell: try
  const std::uint64_t free = std::uint64_t{fs.f_bavail} * fs.f_frsize;
  const std::uint64_t need = 8 * text_since_commit_ + (std::uint64_t{512} << 10);
  if (free >= need) return Status();
  return Status(StatusCode::kIoError,
                path_ + ": No space left on device: " + std::to_string(free) +
                    " bytes free, committing this batch needs about " + std::to_string(need) +
                    " (the database keeps its last commit)");
}

Status XapianIndexWriter::commit_now() {
  if (Status room = room_for_commit(); !room.ok()) return fail(std::move(room));
  Status st = guard(path_, [&] {
    db_.commit_transaction();
    db_.begin_transaction(true);
    return Status();
  });
  if (!st.ok()) return fail(std::move(st));
  ++stats_.commits;
  mark_committed();
  since_commit_ = 0;
  text_since_commit_ = 0;
  return Status();
}

void XapianIndexWriter::mark_committed() {
  stats_.committed_added = stats_.added;
  stats_.committed_replaced = stats_.replaced;
  stats_.committed_deleted = stats_.deleted;
}

Status XapianIndexWriter::commit() {
  if (!failed_.ok()) return failed_;
  Status st = drain(true);
  if (!st.ok()) return st;
  if (!chunk_writers_.empty()) return commit_bulk();
  return commit_now();
}

}  // namespace newsindex::internal
