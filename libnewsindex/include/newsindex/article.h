// newsindex/article.h: the document model, one news article.
#ifndef NEWSINDEX_ARTICLE_H_
#define NEWSINDEX_ARTICLE_H_

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace newsindex {

// Sentinel for Article::timestamp when the date is unknown.
inline constexpr std::int64_t kNoTimestamp = std::numeric_limits<std::int64_t>::min();

// One article as read from an archive. Only `id` is required to index it, and
// at least one of `title` and `body` must be non-empty.
struct Article {
  std::string id;     // unique within a database; same id = same document
  std::string title;
  std::string lead;   // first paragraph; readers fill it from body when absent
  std::string body;   // plain text, paragraphs separated by "\n\n"

  // Seconds since the Unix epoch (UTC), or kNoTimestamp.
  std::int64_t timestamp = kNoTimestamp;
  // True when the source gave a time of day, not only a date.
  bool has_time = false;
  // UTC offset in minutes at `timestamp` when known (e.g. +60 for Brussels in
  // winter); `time_zone` names the zone when known ("Europe/Brussels").
  int utc_offset_minutes = 0;
  std::string time_zone;

  std::string source;    // agency or feed: "Belga", "ANP"
  std::string outlet;    // publisher: "NOS", "De Standaard"
  std::string category;
  std::string url;
  std::string language;  // BCP 47, "nl" when unknown
  std::vector<std::string> authors;
  std::vector<std::string> tags;
  // Fields the reader did not map, kept as (name, value).
  std::vector<std::pair<std::string, std::string>> extra;
};

}  // namespace newsindex

#endif  // NEWSINDEX_ARTICLE_H_
