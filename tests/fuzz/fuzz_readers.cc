// Fuzz target: every reader over arbitrary bytes. The first byte picks the
// format (auto, text, jsonl, csv, newsml); the rest is the file. Readers must
// return articles or issues, never crash, and keep to the record limit.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "newsindex/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr newsindex::Format kFormats[] = {
      newsindex::Format::kAuto, newsindex::Format::kText, newsindex::Format::kJsonl,
      newsindex::Format::kCsv, newsindex::Format::kNewsml};
  newsindex::ReaderOptions options;
  options.format = kFormats[data[0] % 5];
  options.max_record_bytes = 64 * 1024;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto source = newsindex::ArticleSource::open_buffer(bytes, "fuzz", options);
  if (!source.ok()) return 0;
  newsindex::Article article;
  newsindex::ReadIssue issue;
  for (int i = 0; i < 100000; ++i) {
    if ((*source)->next(article, issue) == newsindex::ArticleSource::Next::kEnd) break;
    if (article.id.size() > (1u << 20)) __builtin_trap();  // larger than any input
  }
  return 0;
}
