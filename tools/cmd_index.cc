// newsindex index: read archives and add their articles to a database.
//
//   newsindex index --db DIR [--shards N] [--format F] [--bulk | --plain] [--threads N] [--batch N]
//                   [--max-errors N] [--max-article-bytes SIZE] [--json]
//                   [--no-title] [--dedup-window N] PATH...
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_common.h"
#include "commands.h"
#include "newsindex/index_info.h"
#include "newsindex/reader.h"
#include "newsindex/replication.h"
#include "newsindex/writer.h"

namespace newsindex::tools {

namespace {

struct IndexArgs {
  std::string db;
  std::string format = "auto";
  unsigned threads = 0;
  std::uint32_t batch = 1000;
  bool batch_given = false;
  bool bulk = false;
  bool plain = false;
  std::uint64_t max_errors = 0;
  std::uint64_t max_article_bytes = kDefaultMaxRecordBytes;
  bool json = false;
  bool no_title = false;
  std::uint32_t shards = 0;
  std::uint32_t dedup_window = WriterOptions{}.dedup_window;
  std::uint32_t block_size = WriterOptions{}.block_size;
  std::uint32_t docdata_block_size = WriterOptions{}.docdata_block_size;
  std::vector<std::string> paths;
};

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::string eta_text(double seconds) {
  if (seconds < 0 || seconds > 360000) return "--:--";
  char buf[32];
  auto s = static_cast<long>(seconds);
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, s % 3600 / 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  }
  return buf;
}

// Progress on stderr: a redrawn bar on a terminal, a plain line every ten
// seconds otherwise.
class Progress {
 public:
  explicit Progress(bool json) : tty_(::isatty(STDERR_FILENO) == 1 && !json), quiet_(json) {}

  void update(std::uint64_t docs, std::uint64_t done, std::uint64_t total, bool force = false) {
    double elapsed = seconds_since(start_);
    double since = std::chrono::duration<double>(Clock::now() - last_).count();
    if (!force && since < (tty_ ? 0.2 : 10.0)) return;
    if (quiet_ && !tty_) return;
    last_ = Clock::now();
    double rate = elapsed > 0 ? static_cast<double>(docs) / elapsed : 0;
    double mb = static_cast<double>(done) / 1e6, total_mb = static_cast<double>(total) / 1e6;
    double eta = done > 0 && total > done ? elapsed * static_cast<double>(total - done) /
                                                static_cast<double>(done)
                                          : 0;
    char line[256];
    if (tty_) {
      int width = 24;
      int filled = total > 0 ? static_cast<int>(width * (static_cast<double>(done) /
                                                         static_cast<double>(total)))
                             : 0;
      if (filled > width) filled = width;
      std::string bar(static_cast<std::size_t>(filled), '#');
      bar.resize(static_cast<std::size_t>(width), '.');
      std::snprintf(line, sizeof line, "\r[%s] %llu docs  %.1f/%.1f MB  %.0f docs/s  ETA %s ",
                    bar.c_str(), static_cast<unsigned long long>(docs), mb, total_mb, rate,
                    eta_text(eta).c_str());
      std::cerr << line << std::flush;
      drawn_ = true;
    } else {
      std::snprintf(line, sizeof line, "progress: %llu docs, %.1f/%.1f MB, %.0f docs/s, ETA %s\n",
                    static_cast<unsigned long long>(docs), mb, total_mb, rate,
                    eta_text(eta).c_str());
      std::cerr << line;
    }
  }
  // Ends the redrawn line before other output.
  void clear_line() {
    if (drawn_) std::cerr << "\r\033[K";
    drawn_ = false;
  }
  void finish() {
    if (drawn_) std::cerr << '\n';
    drawn_ = false;
  }

 private:
  bool tty_;
  bool quiet_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = Clock::now();
};

int run_index(const IndexArgs& args) {
  auto format = parse_format(args.format);
  if (!format.ok()) {
    std::cerr << "newsindex index: " << format.status().message() << '\n';
    return kExitUsage;
  }
  if (args.bulk && args.plain) {
    std::cerr << "newsindex index: --bulk and --plain exclude each other\n";
    return kExitUsage;
  }
  WriterOptions wo;
  // A new or empty database is built in bulk mode unless --plain says
  // otherwise: nothing committed is at stake, and bulk is several times faster.
  // Except on a replicated master (XAPIAN_MAX_CHANGESETS set): a bulk commit
  // replaces the database, and its replicas would need a full copy.
  bool empty = true;
  if (auto info = read_index_info(args.db); info.ok()) empty = info->documents == 0;
  const bool replicated = changesets_enabled();
  wo.bulk = args.bulk || (!args.plain && empty && !replicated);
  if (replicated && empty && !args.bulk && !args.plain) {
    std::cerr << "note: XAPIAN_MAX_CHANGESETS is set: writing in plain mode, so that each "
                 "commit leaves a changeset for replicas (docs/scaling.md)\n";
  }
  // A bulk commit merges (rewrites) the whole database: one at the end
  // unless asked for.
  wo.batch_size = wo.bulk && !args.batch_given ? 0 : args.batch;
  wo.threads = args.threads;
  wo.index_title = !args.no_title;
  wo.shards = args.shards;
  wo.dedup_window = args.dedup_window;
  wo.block_size = args.block_size;
  wo.docdata_block_size = args.docdata_block_size;
  auto writer = IndexWriter::open(args.db, wo);
  if (!writer.ok()) return report_error("index", writer.status());
  if (!(*writer)->stats().notice.empty()) {
    std::cerr << "note: " << (*writer)->stats().notice << '\n';
  }

  ReaderOptions ro;
  ro.format = *format;
  ro.max_record_bytes = args.max_article_bytes;
  auto source = ArticleSource::open(args.paths, ro);
  if (!source.ok()) return report_error("index", source.status());

  const auto t0 = Clock::now();
  Progress progress(args.json);
  nlohmann::json errors = nlohmann::json::array();
  std::uint64_t skipped = 0;
  bool stopped = false;
  Status fatal;
  Article article;
  ReadIssue issue;
  auto skip = [&](const std::string& where, const std::string& message) {
    ++skipped;
    progress.clear_line();
    std::cerr << "skipped: " << (where.empty() ? "" : where + ": ") << message << '\n';
    if (errors.size() < 10000) errors.push_back({{"where", where}, {"message", message}});
    if (args.max_errors > 0 && skipped >= args.max_errors) stopped = true;
  };
  for (;;) {
    article = Article{};
    issue = ReadIssue{};
    auto next = (*source)->next(article, issue);
    if (next == ArticleSource::Next::kEnd) break;
    if (next == ArticleSource::Next::kIssue) {
      skip(issue.where, issue.message);
    } else {
      if (!issue.message.empty()) {
        progress.clear_line();
        std::cerr << "repaired: " << issue.where << ": " << issue.message << '\n';
      }
      Status st = (*writer)->add(article);
      if (st.code() == StatusCode::kInvalidArgument) {
        skip(issue.where, st.message());
      } else if (!st.ok()) {
        fatal = st;
        break;
      }
    }
    const auto& ws = (*writer)->stats();
    progress.update(ws.added + ws.replaced, (*source)->bytes_done(), (*source)->bytes_total());
    if (stopped) break;
  }
  if (fatal.ok()) fatal = (*writer)->commit();
  const WriteStats ws = (*writer)->stats();
  progress.update(ws.added + ws.replaced, (*source)->bytes_done(), (*source)->bytes_total(),
                  true);
  progress.finish();
  const double secs = seconds_since(t0);
  const std::uint64_t docs = ws.added + ws.replaced;
  const double rate = secs > 0 ? static_cast<double>(docs) / secs : 0;
  writer->reset();  // release the lock before reading the totals
  std::uint64_t total = 0;
  if (auto info = read_index_info(args.db); info.ok()) total = info->documents;

  // What went in is what was committed: after a failure (a full disk) the
  // articles since the last commit are lost, and the summary says so.
  const std::uint64_t lost =
      docs - std::min(docs, ws.committed_added + ws.committed_replaced);
  if (args.json) {
    nlohmann::json out = {{"added", ws.committed_added},
                          {"replaced", ws.committed_replaced},
                          {"not_committed", lost},
                          {"skipped", skipped},
                          {"errors", errors},
                          {"seconds", secs},
                          {"docs_per_second", rate},
                          {"documents", total},
                          {"stopped_early", stopped},
                          {"ok", fatal.ok()}};
    if (!fatal.ok()) out["failure"] = fatal.to_string();
    std::cout << dump_json(out) << '\n';
  } else {
    char line[256];
    std::snprintf(line, sizeof line,
                  "added %llu, replaced %llu, skipped %llu in %.1f s (%.0f docs/s); "
                  "%llu documents in %s\n",
                  static_cast<unsigned long long>(ws.committed_added),
                  static_cast<unsigned long long>(ws.committed_replaced),
                  static_cast<unsigned long long>(skipped), secs, rate,
                  static_cast<unsigned long long>(total), args.db.c_str());
    std::cout << line;
    if (lost > 0) {
      std::cout << lost << " more articles were read but not committed (the failure below)\n";
    }
    if (stopped) {
      std::cout << "stopped after " << skipped << " skipped records (--max-errors)\n";
    }
  }
  if (!fatal.ok()) return report_error("index", fatal);
  return skipped > 0 ? kExitSkipped : kExitOk;
}

}  // namespace

void add_index_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<IndexArgs>();
  auto* cmd = app.add_subcommand("index", "Add articles from archives to a database");
  cmd->add_option("--db", args->db, "Database directory (created when missing)")->required();
  cmd->add_option("--format", args->format, "auto|text|jsonl|csv|newsml")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "json", "csv", "newsml", "xml"}));
  cmd->add_option("--threads", args->threads,
                  "Analysis threads (0 = all cores, the default); with --bulk also the "
                  "writer threads");
  cmd->add_option("--batch", args->batch,
                  "Documents per commit (0 = one commit at the end; default 1000, in bulk "
                  "mode 0)")
      ->each([args](const std::string&) { args->batch_given = true; });
  cmd->add_flag("--bulk", args->bulk,
                "Bulk mode (the default for a new or empty database, unless "
                "XAPIAN_MAX_CHANGESETS is set): analyse and write on parallel threads into "
                "scratch databases merged at each commit; each commit rewrites the whole "
                "database, so replicas of it get full copies, not changesets");
  cmd->add_flag("--plain", args->plain,
                "Plain (incremental) mode even for a new database: the better choice for "
                "adding a few articles to a large database, for frequent commits, and for "
                "a replicated master (each commit leaves a Xapian changeset when "
                "XAPIAN_MAX_CHANGESETS is set; docs/scaling.md)");
  cmd->add_option("--max-errors", args->max_errors,
                  "Stop after N skipped records (0 = never), keeping what was committed");
  cmd->add_option("--max-article-bytes", args->max_article_bytes,
                  "Skip (and list) records larger than SIZE bytes; units KiB, MiB (default " +
                      std::to_string(kDefaultMaxRecordBytes >> 20) + "MiB)")
      ->transform(CLI::AsSizeValue(false))
      ->check([](const std::string& bytes) {
        return bytes == "0" ? std::string("must be greater than 0") : std::string();
      });
  cmd->add_flag("--json", args->json, "Print the summary as JSON on stdout");
  cmd->add_flag("--no-title", args->no_title, "Do not index titles as searchable text");
  cmd->add_option("--shards", args->shards,
                  "Write N shards DIR/shard-000 ... and a stub file DIR/XAPIANDB listing "
                  "them (routing by article id; docs/scaling.md); an existing sharded DIR "
                  "keeps its count")
      ->check(CLI::Range(1u, 256u));
  cmd->add_option("--dedup-window", args->dedup_window,
                  "Compare each article with at most the last N articles (and documents) "
                  "to find wire copies for --collapse; about 1.1 KB of memory each "
                  "(0 = all, memory then grows with the archive; default " +
                      std::to_string(WriterOptions{}.dedup_window) + ")");
  cmd->add_option("--block-size", args->block_size,
                  "Block size in bytes of the tables of a new database and of each bulk "
                  "merge: 2048, 4096, ... 65536 (default " +
                      std::to_string(WriterOptions{}.block_size) +
                      "; docs/performance.md, \"Query ranking\")");
  cmd->add_option("--docdata-block-size", args->docdata_block_size,
                  "Block size in bytes of the document data table when a bulk import "
                  "writes a new database: 0 (= --block-size), 2048, ... 65536 (default " +
                      std::to_string(WriterOptions{}.docdata_block_size) + ")");
  cmd->add_option("paths", args->paths, "Files, folders or - for stdin")->required();
  cmd->callback([args, &exit_code] { exit_code = run_index(*args); });
}

}  // namespace newsindex::tools
