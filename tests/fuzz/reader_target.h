// Shared body of the reader fuzz targets: the bytes as a file of `format`,
// read to the end. Invariants: no crash, every article has an id (a reader
// never produces an article without one), ids and fields within the record
// limit, and the source ends.
#ifndef NEWSINDEX_TESTS_FUZZ_READER_TARGET_H_
#define NEWSINDEX_TESTS_FUZZ_READER_TARGET_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "newsindex/reader.h"

namespace newsindex::fuzz {

inline constexpr std::size_t kRecordLimit = 64 * 1024;

inline void read_all(std::string_view bytes, Format format) {
  ReaderOptions options;
  options.format = format;
  options.max_record_bytes = kRecordLimit;
  auto source = ArticleSource::open_buffer(bytes, "fuzz", options);
  if (!source.ok()) return;
  Article article;
  ReadIssue issue;
  for (int i = 0;; ++i) {
    if (i > 1000000) __builtin_trap();  // more records than bytes: a loop
    const ArticleSource::Next got = (*source)->next(article, issue);
    if (got == ArticleSource::Next::kEnd) break;
    if (got == ArticleSource::Next::kArticle && article.id.empty()) {
      __builtin_trap();  // an article without an id
    }
    if (got == ArticleSource::Next::kIssue && issue.message.empty()) __builtin_trap();
  }
}

}  // namespace newsindex::fuzz

#endif  // NEWSINDEX_TESTS_FUZZ_READER_TARGET_H_
