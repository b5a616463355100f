// readers/csv_reader.h: CSV with a header row (RFC 4180 quoting).
#ifndef NEWSINDEX_READERS_CSV_READER_H_
#define NEWSINDEX_READERS_CSV_READER_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsindex::internal {

// True when `record` ends inside a quoted field (so the record continues on
// the next line).
bool csv_open_quote(std::string_view record, char separator);

// The quoting state after `line`, entered with `in_quotes`.
bool csv_scan_quotes(std::string_view line, char separator, bool in_quotes);

// Splits one complete record into fields: "a,""b"",c" → a | "b" | c; quoted
// fields may hold separators and newlines. Returns false when a quote is
// misplaced (text after a closing quote), still filling `fields` leniently.
bool split_csv_record(std::string_view record, char separator, std::vector<std::string>& fields);

// The separator a header line uses: ',' unless ';' or a tab is more frequent.
char detect_csv_separator(std::string_view header_line);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_READERS_CSV_READER_H_
