// Stored document data -> hit fields, including damaged data.
#include "search/hit_data.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "index/schema.h"

namespace newsindex::internal {
namespace {

TEST(HitData, ReadsTheDisplayedFields) {
  nlohmann::json j = {{"id", "a1"},
                      {"title", "NAVO \"klaar\" \u00e9\u00e9n \xF0\x9F\x98\x80"},
                      {"authors", {"x", "y"}},
                      {"extra", {{"k", "v}"}}},
                      {"timestamp", 1581508800},
                      {"has_time", true},
                      {"lead", "Lead."},
                      {"body", "Regel 1\nRegel 2 \\ slash"},
                      {"date", "2020-02-12T13:48:00+01:00"},
                      {"source", "Belga"},
                      {"outlet", "De Standaard"},
                      {"category", "binnenland"},
                      {"url", "https://x/y?a=1&b=2"}};
  for (bool ascii : {false, true}) {
    // ensure_ascii writes \u escapes (with a surrogate pair for the emoji).
    std::string data = j.dump(-1, ' ', ascii);
    Hit h;
    std::string text = fill_hit(data, h);
    EXPECT_EQ(h.id, "a1");
    EXPECT_EQ(h.title, "NAVO \"klaar\" \u00e9\u00e9n \xF0\x9F\x98\x80");
    EXPECT_EQ(h.date, "2020-02-12T13:48:00+01:00");
    EXPECT_EQ(h.source, "Belga");
    EXPECT_EQ(h.outlet, "De Standaard");
    EXPECT_EQ(h.category, "binnenland");
    EXPECT_EQ(h.url, "https://x/y?a=1&b=2");
    EXPECT_EQ(text, "Regel 1\nRegel 2 \\ slash");
  }
}

// A matched document: without text only the display slot is read; a
// document without the slot (a database written before it) uses the data.
TEST(HitData, DocumentWithoutTextReadsTheDisplaySlot) {
  Xapian::Document doc;
  doc.set_data(R"({"id":"a","title":"From data","url":"u","body":"B"})");
  Hit old_hit;
  EXPECT_EQ(fill_hit(doc, old_hit, false), "");
  EXPECT_EQ(old_hit.title, "From data");
  EXPECT_EQ(old_hit.url, "u");

  doc.add_value(schema::kSlotDisplay, R"({"id":"a","title":"From slot","url":"u"})");
  Hit plain, full;
  EXPECT_EQ(fill_hit(doc, plain, false), "");
  EXPECT_EQ(plain.title, "From slot");
  EXPECT_EQ(plain.id, "a");
  EXPECT_EQ(fill_hit(doc, full, true), "B");  // text needs the data
  EXPECT_EQ(full.title, "From data");
}

// Long fields with escapes in every position decode like a JSON parser.
TEST(HitData, DecodesLikeAJsonParser) {
  const std::string pieces[] = {"\n\n", "\"", "\\", "a", "tekst ", "\u00e9", "\t", "/"};
  std::uint32_t seed = 12345;
  for (int round = 0; round < 200; ++round) {
    std::string body, title;
    for (int k = 0; k < round * 3; ++k) {
      seed = seed * 1103515245u + 12345u;
      (k % 2 ? body : title) += pieces[(seed >> 16) % 8];
    }
    nlohmann::json j = {{"id", "x"}, {"title", title}, {"body", body}, {"url", "u\"v"}};
    for (bool ascii : {false, true}) {
      Hit h;
      std::string text = fill_hit(j.dump(-1, ' ', ascii), h);
      ASSERT_EQ(h.title, title) << round;
      ASSERT_EQ(text, body.empty() ? title : body) << round;
      ASSERT_EQ(h.url, "u\"v");
    }
  }
}

TEST(HitData, FallsBackToLeadThenTitle) {
  Hit h;
  EXPECT_EQ(fill_hit(R"({"id":"a","title":"T","lead":"L","body":""})", h), "L");
  EXPECT_EQ(fill_hit(R"({"id":"a","title":"T"})", h), "T");
  EXPECT_EQ(fill_hit(R"({"id":"a","title":"T","body":"B"})", h, false), "");
}

TEST(HitData, LoneSurrogatesBecomeReplacementCharacters) {
  Hit h;
  (void)fill_hit(R"({"title":"a\ud800b\udc00c\ud800\u0041"})", h);
  EXPECT_EQ(h.title, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD");
}

TEST(HitData, DamagedDataNeverFails) {
  for (const char* bad : {"", "{", "[1,2]", "{\"id\":", "{\"id\":\"abc", "{\"id\":\"\\u12\"}",
                          "not json", "{\"x\":{\"y\":[1,{\"z\":\"}\"}]},\"id\":\"ok\"}"}) {
    Hit h;
    (void)fill_hit(bad, h);
  }
  Hit h;
  (void)fill_hit("{\"x\":{\"y\":[1,{\"z\":\"}\"}]},\"id\":\"ok\"}", h);
  EXPECT_EQ(h.id, "ok");
}

}  // namespace
}  // namespace newsindex::internal
