// readers/reader_test_util.h: helpers shared by the reader tests.
#ifndef NEWSINDEX_TESTS_READERS_READER_TEST_UTIL_H_
#define NEWSINDEX_TESTS_READERS_READER_TEST_UTIL_H_

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "newsindex/reader.h"
#include "readers/dutch_date.h"
#include "util/calendar.h"

namespace newsindex::testing {

struct ReadResult {
  Status status;
  std::vector<Article> articles;
  std::vector<ReadIssue> skipped;  // kIssue results
  std::vector<ReadIssue> notes;    // repair notes on returned articles
};

inline ReadResult read_all(const std::vector<std::string>& paths,
                           const ReaderOptions& options = {}) {
  ReadResult r;
  auto source = ArticleSource::open(paths, options);
  if (!source.ok()) {
    r.status = source.status();
    return r;
  }
  Article a;
  ReadIssue issue;
  for (;;) {
    const auto got = (*source)->next(a, issue);
    if (got == ArticleSource::Next::kEnd) break;
    if (got == ArticleSource::Next::kIssue) {
      r.skipped.push_back(issue);
    } else {
      r.articles.push_back(a);
      if (!issue.message.empty()) r.notes.push_back(issue);
    }
  }
  return r;
}

inline void write_file(const std::filesystem::path& p, const std::string& data) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << data;
}

inline void write_gzip(const std::filesystem::path& p, const std::string& data) {
  std::filesystem::create_directories(p.parent_path());
  gzFile gz = gzopen(p.c_str(), "wb");
  gzwrite(gz, data.data(), static_cast<unsigned>(data.size()));
  gzclose(gz);
}

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

inline std::string iso_date(const Article& a) {
  return internal::format_iso8601(a.timestamp, a.utc_offset_minutes, a.has_time);
}

// A compact, complete description of an article for golden files.
inline std::string describe(const Article& a) {
  std::ostringstream o;
  o << "== " << a.id << "\n";
  o << "title: " << a.title << "\n";
  if (a.timestamp != kNoTimestamp)
    o << "date: " << iso_date(a) << " [" << a.time_zone << "] utc=" << a.timestamp << "\n";
  if (!a.source.empty()) o << "source: " << a.source << "\n";
  if (!a.outlet.empty()) o << "outlet: " << a.outlet << "\n";
  if (!a.category.empty()) o << "category: " << a.category << "\n";
  if (!a.url.empty()) o << "url: " << a.url << "\n";
  o << "language: " << a.language << "\n";
  for (const auto& x : a.authors) o << "author: " << x << "\n";
  for (const auto& x : a.tags) o << "tag: " << x << "\n";
  for (const auto& [k, v] : a.extra) o << "extra: " << k << "=" << v << "\n";
  o << "lead: " << escape(a.lead) << "\n";
  o << "body: " << escape(a.body) << "\n";
  return o.str();
}

inline std::string describe(const ReadIssue& i, const std::string& strip_prefix) {
  std::string where = i.where;
  if (where.rfind(strip_prefix, 0) == 0) where.erase(0, strip_prefix.size());
  return std::string(i.skipped ? "SKIPPED " : "REPAIRED ") + where + ": " + i.message + "\n";
}

}  // namespace newsindex::testing

#endif  // NEWSINDEX_TESTS_READERS_READER_TEST_UTIL_H_
