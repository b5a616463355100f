// readers/xml_item_filter.h: the bytes of an XML file on their way to
// libxml2, with every NewsItem (or <nitf> document) held back until it is
// complete, and one larger than the record limit replaced by an empty
// marker element, so that libxml2 never builds a tree of an oversized item.
//
//   <NewsItem Duid="x">…50 MB…</NewsItem>
//   → <NewsItem Duid="x" newsindex-oversized="1"/> and one "\n" per line
//     dropped, so that the line numbers of what follows stay true.
//
// The scan understands just enough XML to find items: tags (with quoted
// attribute values), comments, CDATA sections, processing instructions and
// declarations. Memory: one item up to the limit, whatever the file size.
#ifndef NEWSINDEX_READERS_XML_ITEM_FILTER_H_
#define NEWSINDEX_READERS_XML_ITEM_FILTER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "readers/input_stream.h"

namespace newsindex::internal {

// The attribute that marks an item replaced for being too large.
inline constexpr char kOversizedAttribute[] = "newsindex-oversized";

// Not thread-safe.
class XmlItemFilter {
 public:
  XmlItemFilter(InputStream& in, std::uint64_t max_item_bytes)
      : in_(in), max_item_bytes_(max_item_bytes) {}

  // Copies up to `n` filtered bytes into `out`: the count, 0 at the end, -1
  // on a read error (see InputStream::error()). The libxml2 read callback.
  long read(char* out, std::size_t n);

  // Control bytes XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C,
  // U+000E–U+001F: a NUL from a damaged disk, a stray form feed) replaced by
  // spaces so far. libxml2 stops at the first of them, and everything after
  // it in the file would be lost.
  std::uint64_t replaced_controls() const { return replaced_controls_; }

 private:
  enum class State {
    kText,
    kMarkup,  // after '<', until it is clear what follows
    kTag,
    kTagQuote,
    kComment,
    kCData,
    kPI,
    kDecl,
    kDeclQuote
  };

  // Scans `n` bytes at `p`; returns how many it took (fewer when an
  // oversized item ended and its line breaks are due first).
  std::size_t scan(const char* p, std::size_t n);
  void emit(std::string_view s);
  void end_tag();  // markup_ holds a whole start or end tag
  void end_item();
  void flush_at_end();

  InputStream& in_;
  std::uint64_t max_item_bytes_;
  std::string in_buf_;
  std::size_t in_pos_ = 0;
  std::string out_;  // filtered bytes not yet handed on
  std::size_t out_pos_ = 0;
  std::uint64_t pending_newlines_ = 0;  // due after an oversized item's marker
  std::uint64_t replaced_controls_ = 0;
  bool first_read_ = true;
  bool wide_ = false;  // UTF-16/32: zero bytes are part of characters
  bool eof_ = false;

  State state_ = State::kText;
  std::string markup_;  // the tag being read, from its '<'
  bool markup_overflow_ = false;  // a tag longer than the limit: passed on
  char quote_ = 0;
  std::uint32_t window_ = 0;  // the last bytes, to find "-->", "]]>", "?>"
  int brackets_ = 0;          // '[' depth in a <!DOCTYPE …> internal subset

  // The item being held back (item_name_ empty: none).
  std::string item_name_;  // qualified name: "NewsItem", "nml:NewsItem"
  std::string start_tag_;
  std::string item_;
  std::uint64_t item_bytes_ = 0;
  std::uint64_t item_newlines_ = 0;  // after the start tag
  int depth_ = 0;
  bool oversized_ = false;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_READERS_XML_ITEM_FILTER_H_
