// Passage choice, highlighting and rendering of snippets.
#include "search/snippets.h"

#include <gtest/gtest.h>

#include <string>

#include "testing/fake_analyzer.h"
#include "search/query_builder.h"
#include "search/query_parser.h"

namespace newsindex::internal {
namespace {

class SnippetsTest : public ::testing::Test {
 protected:
  std::string snippet(const std::string& query, const std::string& text, std::size_t length) {
    QueryBuilder b(analyzer_, nullptr);
    BuiltQuery q = b.build(parse_query(query).root);
    Snippeter s(analyzer_);
    return render_snippet(s.make(text, q.highlight, length), "[", "]");
  }
  testing::FakeAnalyzer analyzer_;
};

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

TEST_F(SnippetsTest, Table) {
  const std::string filler =
      "Het weer was goed. De zon scheen de hele dag boven het land en de zee. ";
  struct Case {
    std::string query, text;
    std::size_t length;
    std::string expected;
  };
  const Case kCases[] = {
      {"missie", "De missie werd verlengd.", 200, "De [missie] werd verlengd."},
      {"missie", "De trainingsmissie werd verlengd.", 200, "De [trainingsmissie] werd verlengd."},
      {"missie", "De missies en de missie.", 200, "De [missies] en de [missie]."},
      {"efficiente", "Een efficiënte aanpak.", 200, "Een [efficiënte] aanpak."},
      {"verkiez*", "Na de verkiezingen volgt overleg.", 200, "Na de [verkiezingen] volgt overleg."},
      {"missie -weer", "Het weer en de missie.", 200, "Het weer en de [missie]."},
      // No match: the beginning, cut at a word, with an ellipsis.
      {"zeppelin", filler, 30, "Het weer was goed. De zon…"},
      // A match far in: a passage around it, starting at its sentence.
      {"missie", filler + filler + "Nu begint de missie in Mali. " + filler, 60,
       "…Nu begint de [missie] in Mali. Het weer was goed. De zon…"},
      // The window with both words wins over one with one word twice.
      {"missie mali",
       "De missie. " + filler + "De missie. " + filler + "In Mali start de missie. " + filler, 60,
       "…In [Mali] start de [missie]. Het weer was goed. De zon scheen de…"},
      // The byte pre-screen is fooled by "commissie": the real match is found.
      {"missie", "De commissie vergaderde. " + filler + filler + "De missie gaat door.", 60,
       "…De [missie] gaat door."},
      // Whitespace runs become one space.
      {"missie", "De missie   werd\n\tverlengd.", 200, "De [missie] werd verlengd."},
      // A paragraph start is a sentence start.
      {"missie", "Inleiding\n\nDe missie werd verlengd.", 15, "…De [missie] werd…"},
      {"", "Een tekst.", 200, "Een tekst."},
      {"missie", "", 200, ""},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(snippet(c.query, c.text, c.length), c.expected) << c.query << " | " << c.text;
  }
}

TEST_F(SnippetsTest, CutsNeverSplitACharacter) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "één";  // one long word of two-byte characters
  for (std::size_t len : {20u, 21u, 33u, 57u, 100u}) {
    std::string s = snippet("missie", text, len);
    EXPECT_TRUE(valid_utf8(s)) << len;
    EXPECT_LE(s.size(), len + 8);
  }
}

TEST(RenderSnippet, PlainAndHtml) {
  std::vector<SnippetPart> parts = {{"A <b> & \"c\" 'd' ", false}, {"missie", true}, {".", false}};
  EXPECT_EQ(render_snippet(parts, "*", "*"), "A <b> & \"c\" 'd' *missie*.");
  EXPECT_EQ(render_snippet_html(parts),
            "A &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; <b>missie</b>.");
  EXPECT_EQ(render_snippet_html({}), "");
}

}  // namespace
}  // namespace newsindex::internal
