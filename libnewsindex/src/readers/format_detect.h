// readers/format_detect.h: choosing a reader for a file, by name or content.
#ifndef NEWSINDEX_READERS_FORMAT_DETECT_H_
#define NEWSINDEX_READERS_FORMAT_DETECT_H_

#include <string>
#include <string_view>

#include "newsindex/reader.h"

namespace newsindex::internal {

// By extension, ignoring a final ".gz": .txt → text; .jsonl .ndjson .json →
// jsonl; .csv → csv; .xml .newsml .nitf → newsml; else kAuto.
Format format_from_path(std::string_view path);

// By the first bytes of the (decompressed) content: "<" → newsml, "{" or "[" →
// jsonl, a text-archive header (" date 2020-02 …") → text, a first line with
// separators and a known column name → csv; kAuto when nothing fits.
Format sniff_format(std::string_view head);

// A reason when `head` is not text (NUL bytes, known binary magic numbers,
// many control characters), else empty.
std::string binary_reason(std::string_view head);

// The file name without directories and without format and ".gz" extensions:
// "archief/2020-02.txt.gz" → "2020-02"; "-" → "stdin".
std::string file_stem(std::string_view path);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_READERS_FORMAT_DETECT_H_
