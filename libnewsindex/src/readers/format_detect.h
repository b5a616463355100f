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

// A reason when a file is binary, not text, else empty: a known magic number
// at the start of `head` (the first bytes), UTF-16, or NUL and control bytes
// throughout: more than 10% of `head` and at least 2% of each 512-byte block
// of it, and the same of `tail` (the last bytes, when known: empty for gzip
// and stdin). A text file with a damaged record (a line of NUL bytes) has
// clean blocks around it: its readers skip that record alone.
std::string binary_reason(std::string_view head, std::string_view tail = {});

// The file name without directories and without format and ".gz" extensions:
// "archief/2020-02.txt.gz" → "2020-02"; "-" → "stdin".
std::string file_stem(std::string_view path);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_READERS_FORMAT_DETECT_H_
