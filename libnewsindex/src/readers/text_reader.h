// readers/text_reader.h: the plain-text wire archive format.
//
//    date 2020-02 NAVO klaar om trainingsmissie in Irak uit te breiden LH
//
//   12 februari 2020
//
//   13u48
//
//   Bron: Belga 1 De NAVO wil de trainingsmissie …
//
// An article starts at a header line " date YYYY-MM <title> <TAG>" at the
// start of the file or after a blank line; the date and time lines are
// optional; "Bron: <agency> [n]" opening the body becomes the source. A file
// that does not start with a header holds one article whose title is its
// first non-blank line. Details in docs/input-formats.md.
#ifndef NEWSINDEX_READERS_TEXT_READER_H_
#define NEWSINDEX_READERS_TEXT_READER_H_

#include <string>
#include <string_view>

namespace newsindex::internal {

struct TextHeader {
  std::string month;  // "2020-02"
  std::string title;
  std::string tag;  // "LH"; empty when the last word is not a tag
};

// Parses a header line; false when `line` is not one.
bool parse_text_header(std::string_view line, TextHeader& header);

struct BronPrefix {
  std::string source;      // "Belga"
  std::size_t length = 0;  // bytes of the prefix, including the spaces after
};

// Recognises "Bron: Belga 1 " (the number is optional) at the start of a
// paragraph; false when the paragraph does not start with "Bron:".
bool parse_bron_prefix(std::string_view paragraph, BronPrefix& prefix);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_READERS_TEXT_READER_H_
