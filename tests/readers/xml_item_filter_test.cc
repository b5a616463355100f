// XmlItemFilter: items within the limit pass unchanged, oversized ones become
// a marker plus their line breaks; markup that only looks like an item
// (comments, CDATA, NewsItemId, quoted '>') is not taken for one.
#include "readers/xml_item_filter.h"

#include <gtest/gtest.h>

#include <string>

#include "reader_test_util.h"
#include "testing/test_paths.h"

namespace newsindex::testing {
namespace {

using internal::InputStream;
using internal::XmlItemFilter;

// The filtered text of `xml`, read `step` bytes at a time.
std::string filtered(const std::string& xml, std::uint64_t limit, std::size_t step = 4096) {
  static const auto dir = fresh_dir("xml_item_filter");
  const auto path = dir / "in.xml";
  write_file(path, xml);
  auto in = InputStream::open(path.string());
  EXPECT_TRUE(in.ok());
  XmlItemFilter filter(**in, limit);
  std::string out, buf(step, '\0');
  for (;;) {
    const long n = filter.read(buf.data(), buf.size());
    EXPECT_GE(n, 0);
    if (n <= 0) break;
    out.append(buf.data(), static_cast<std::size_t>(n));
  }
  return out;
}

TEST(XmlItemFilter, Table) {
  const struct {
    std::string in, out;
  } cases[] = {
      // Within the limit (40 bytes): unchanged.
      {"<NewsML><NewsItem>kort</NewsItem></NewsML>", "<NewsML><NewsItem>kort</NewsItem></NewsML>"},
      // Over it: a marker keeping the start tag, and the item's line breaks.
      {"<a><NewsItem Duid=\"x\">\n" + std::string(50, 'x') + "\n</NewsItem>\n<NewsItem>k</NewsItem></a>",
       "<a><NewsItem Duid=\"x\" newsindex-oversized=\"1\"/>\n\n\n<NewsItem>k</NewsItem></a>"},
      // A namespace prefix; nested items of the same name count.
      {"<n:NewsItem><n:NewsItem>" + std::string(40, 'x') + "</n:NewsItem></n:NewsItem><z/>",
       "<n:NewsItem newsindex-oversized=\"1\"/><z/>"},
      // A bare nitf document.
      {"<?xml version=\"1.0\"?>\n<nitf>" + std::string(60, 'x') + "</nitf>\n",
       "<?xml version=\"1.0\"?>\n<nitf newsindex-oversized=\"1\"/>\n"},
      // Look-alikes: NewsItemId, a comment, CDATA and a quoted '>'.
      {"<NewsItemId>" + std::string(60, 'x') + "</NewsItemId><!-- <NewsItem> -->",
       "<NewsItemId>" + std::string(60, 'x') + "</NewsItemId><!-- <NewsItem> -->"},
      {"<NewsItem a=\"</NewsItem>\"><![CDATA[</NewsItem>]]>" + std::string(30, 'x') +
           "</NewsItem>",
       "<NewsItem a=\"</NewsItem>\" newsindex-oversized=\"1\"/>"},
      // A declaration with an internal subset passes; an empty item too.
      {"<!DOCTYPE x [<!ENTITY e \"<NewsItem>\">]><x><NewsItem/></x>",
       "<!DOCTYPE x [<!ENTITY e \"<NewsItem>\">]><x><NewsItem/></x>"},
      // A cut-off item is handed on for libxml2 to report.
      {"<x><NewsItem>kort", "<x><NewsItem>kort"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(filtered(c.in, 40), c.out) << c.in;
    EXPECT_EQ(filtered(c.in, 40, 1), c.out) << c.in << " (one byte at a time)";
  }
}

// Tags and comments cut by the 64 KiB read boundary at every offset.
TEST(XmlItemFilter, ChunkBoundaries) {
  const std::string item = "<NewsItem a='>'><!-- x --><p>tekst</p></NewsItem>";
  for (std::size_t pad = 65536 - item.size() - 2; pad < 65536 + 2; ++pad) {
    const std::string xml = "<r>" + std::string(pad, ' ') + item + item + "</r>";
    ASSERT_EQ(filtered(xml, 1000), xml) << pad;
    const std::string marker = "<NewsItem a='>' newsindex-oversized=\"1\"/>";
    ASSERT_EQ(filtered(xml, 20), "<r>" + std::string(pad, ' ') + marker + marker + "</r>") << pad;
  }
}

}  // namespace
}  // namespace newsindex::testing
