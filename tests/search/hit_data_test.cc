// Stored document data -> hit fields, including damaged data.
#include "search/hit_data.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "index/schema.h"
#include "index/stored_data.h"
#include "index/stored_text.h"

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

// The data record of schema 3: the fields, then the body.
std::string record(std::string_view body, std::string_view lead = "") {
  StoredData d;
  d.id = "a";
  d.title = "T";
  d.url = "u";
  d.lead = lead;
  d.body = body;
  return encode_stored_data(d);
}

// A matched document: the fields come from the data, the text from the data
// record (schema 3), the text slot (schema 2) or the object (schema 1).
TEST(HitData, DocumentTextComesFromTheRecordTheTextSlotOrTheData) {
  struct Case {
    const char* name;
    std::string data;
    std::string text_slot;
    std::string want_text;
  };
  const std::string damaged = record("Een lange tekst.", "L.");
  const Case cases[] = {
      {"schema 3", record("Body."), "", "Body."},
      {"schema 3, lead apart", record("B.", "L."), "", "B."},
      {"schema 3, no body", record("", "L."), "", "L."},
      {"schema 3, title only", record(""), "", "T"},
      {"schema 3, damaged body", damaged.substr(0, damaged.size() - 3), "", "L."},
      {"schema 3 ignores a text slot", record(""), encode_stored_text("Slot."), "T"},
      {"schema 2", R"({"id":"a","title":"T","url":"u"})", encode_stored_text("Body."), "Body."},
      {"schema 1", R"({"id":"a","title":"T","url":"u","body":"Old body."})", "", "Old body."},
      {"lead apart", R"({"id":"a","title":"T","url":"u","lead":"L."})", encode_stored_text("B."),
       "B."},
      {"no body", R"({"id":"a","title":"T","url":"u","lead":"L."})", "", "L."},
      {"title only", R"({"id":"a","title":"T","url":"u"})", "", "T"},
      {"damaged slot", R"({"id":"a","title":"T","url":"u","lead":"L."})", std::string("z\x05\0\0\0junk", 9),
       "L."},
      {"cut-off slot", R"({"id":"a","title":"T","url":"u"})",
       encode_stored_text("Een lange tekst.").substr(0, 9), "T"},
  };
  for (const Case& c : cases) {
    Xapian::Document doc;
    doc.set_data(c.data);
    if (!c.text_slot.empty()) doc.add_value(schema::kSlotText, c.text_slot);
    Hit plain, full;
    EXPECT_EQ(fill_hit(doc, plain, false), "") << c.name;
    EXPECT_EQ(plain.title, "T") << c.name;
    EXPECT_EQ(plain.url, "u") << c.name;
    EXPECT_EQ(fill_hit(doc, full, true), c.want_text) << c.name;
    EXPECT_EQ(full.id, "a") << c.name;
  }
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
