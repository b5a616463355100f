// IndexWriter on a Xapian glass database.
#include "index/xapian_writer.h"

#include <filesystem>
#include <thread>

#include "dedup/minhash.h"
#include "index/schema.h"
#include "xapian/errors.h"

namespace newsindex::internal {

namespace {
std::string meta(const Xapian::Database& db, std::string_view key) {
  return db.get_metadata(std::string(key));
}
}  // namespace

XapianIndexWriter::XapianIndexWriter(std::string path, const WriterOptions& options,
                                     std::shared_ptr<const Analyzer> analyzer)
    : path_(std::move(path)),
      options_(options),
      analyzer_(std::move(analyzer)),
      builder_(analyzer_, options.index_title) {}

Result<std::unique_ptr<IndexWriter>> XapianIndexWriter::open(
    const std::string& path, const WriterOptions& options,
    std::shared_ptr<const Analyzer> analyzer) {
  if (path.empty()) return invalid_argument("no database path given");
  if (!analyzer) return invalid_argument(path + ": no analyzer");
  std::unique_ptr<XapianIndexWriter> w(new XapianIndexWriter(path, options, std::move(analyzer)));
  Status st = w->init();
  if (!st.ok()) return st;
  return std::unique_ptr<IndexWriter>(std::move(w));
}

Status XapianIndexWriter::init() {
  // Create missing parent directories ("--db archive/index/nl"); Xapian
  // itself creates only the last component.
  std::error_code ec;
  auto parent = std::filesystem::path(path_).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  return guard(path_, [&]() -> Status {
    db_ = Xapian::WritableDatabase(path_, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    const std::string identity = analyzer_->identity();
    const std::string rec_schema = meta(db_, schema::kMetaSchema);
    const std::string rec_analyzer = meta(db_, schema::kMetaAnalyzer);
    const bool has_docs = db_.get_doccount() > 0;
    if (!options_.override_analysis) {
      if (!rec_schema.empty() && rec_schema != schema::kSchemaVersion) {
        return analysis_mismatch(path_ + ": database has schema version " + rec_schema +
                                 ", this library writes " + std::string(schema::kSchemaVersion));
      }
      if (rec_analyzer.empty() && has_docs) {
        return analysis_mismatch(path_ +
                                 ": database has documents but no recorded analyzer "
                                 "(not built by newsindex)");
      }
      if (!rec_analyzer.empty() && rec_analyzer != identity) {
        return analysis_mismatch(path_ + ": database was built with analyzer \"" +
                                 rec_analyzer + "\", this writer uses \"" + identity + "\"");
      }
    }
    if (rec_analyzer.empty() && !has_docs) {
      db_.set_metadata(std::string(schema::kMetaSchema), std::string(schema::kSchemaVersion));
      db_.set_metadata(std::string(schema::kMetaAnalyzer), identity);
      db_.set_metadata(std::string(schema::kMetaStemmer), analyzer_->stemmer_identity());
      db_.set_metadata(std::string(schema::kMetaDedup), dedup::parameters());
      db_.commit();
    }
    clusters_ = std::make_unique<dedup::ClusterIndex>(&db_);
    if (options_.bulk) {
      unsigned threads = options_.threads;
      if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
      pool_ = std::make_unique<AnalysisPool>(analyzer_, options_.index_title, threads,
                                             static_cast<std::size_t>(threads) * 64);
    }
    db_.begin_transaction(true);
    return Status();
  });
}

XapianIndexWriter::~XapianIndexWriter() {
  pool_.reset();  // stop the workers before the database goes
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
  Status st = guard(path_, [&]() -> Status {
    std::string cluster = built.id;
    if (built.has_signature) cluster = clusters_->assign(built.id, built.signature, built.bands);
    set_cluster(built, cluster);
    const bool existed = db_.term_exists(built.id_term);
    db_.replace_document(built.id_term, built.doc);
    ++(existed ? stats_.replaced : stats_.added);
    stats_.text_bytes += built.text_bytes;
    return Status();
  });
  if (!st.ok()) return fail(std::move(st));
  if (options_.batch_size != 0 && ++since_commit_ >= options_.batch_size) return commit_now();
  return Status();
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
  bool found = false;
  st = guard(path_, [&]() -> Status {
    if (!db_.term_exists(term)) return Status();
    found = true;
    db_.delete_document(term);
    ++stats_.deleted;
    return Status();
  });
  if (!st.ok()) return fail(std::move(st));
  if (!found) return not_found(path_ + ": no document with id \"" + std::string(id) + "\"");
  if (options_.batch_size != 0 && ++since_commit_ >= options_.batch_size) return commit_now();
  return Status();
}

Status XapianIndexWriter::commit_now() {
  Status st = guard(path_, [&] {
    db_.commit_transaction();
    db_.begin_transaction(true);
    return Status();
  });
  if (!st.ok()) return fail(std::move(st));
  ++stats_.commits;
  since_commit_ = 0;
  return Status();
}

Status XapianIndexWriter::commit() {
  if (!failed_.ok()) return failed_;
  Status st = drain(true);
  if (!st.ok()) return st;
  return commit_now();
}

}  // namespace newsindex::internal
