// The stored-data codec: what the writer encodes, the searcher's decoder
// reads back, and a JSON parser reads back whole.
#include "index/stored_data.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "index/stored_text.h"

namespace newsindex::internal {
namespace {

StoredData base() {
  StoredData d;
  d.id = "a1";
  d.title = "NAVO klaar voor missie";
  d.date = "2020-02-12T13:48:00+01:00";
  d.source = "Belga";
  d.outlet = "De Standaard";
  d.category = "binnenland";
  d.url = "https://x/y?a=1&b=2";
  d.language = "nl";
  return d;
}

struct Case {
  const char* name;
  StoredData in;
  // The fields as read back when they differ from `in` (invalid UTF-8).
  std::string want_title;
};

std::vector<Case> cases() {
  std::vector<Case> cs;
  cs.push_back({"plain", base(), ""});
  {
    StoredData d = base();
    d.body = "De trainingsmissie in Irak wordt uitgebreid.";
    cs.push_back({"with a body", d, ""});
  }
  {
    StoredData d = base();
    d.title = "\"Zo'n\" \\ auto's\n\ttab / \u00e9\u00e9n \xF0\x9F\x98\x80 \x01";
    d.url = "u\"v\\w";
    cs.push_back({"escapes and non-ASCII", d, ""});
  }
  {
    StoredData d = base();
    d.title = "bad \xC3 utf-8 \xFF";
    cs.push_back({"invalid UTF-8 replaced", d, "bad \xEF\xBF\xBD utf-8 \xEF\xBF\xBD"});
  }
  {
    StoredData d = base();
    d.lead = "Een lead apart.";
    d.authors = {"Jan", "Els \"E\""};
    d.tags = {"politiek"};
    d.dated = true;
    d.timestamp = 1581511680;
    d.has_time = true;
    d.time_zone = "Europe/Brussels";
    d.extra = {{"zz", "}\"{"}, {"id", "not the id"}, {"k", "1"}, {"k", "2"}};
    d.body = "Regel 1\n\nRegel 2 \"x\" \\ {\"body\":1}";
    cs.push_back({"everything, extra keys named like fields", d, ""});
  }
  {
    StoredData d;
    d.id = "only-id";
    cs.push_back({"empty fields, undated", d, ""});
  }
  return cs;
}

TEST(StoredData, RoundTripThroughTheDecoder) {
  for (const Case& c : cases()) {
    const std::string data = encode_stored_data(c.in);
    for (bool want_text : {false, true}) {
      DisplayData got;
      EXPECT_TRUE(decode_stored_data(data, &got, want_text)) << c.name;
      EXPECT_EQ(got.id, c.in.id) << c.name;
      EXPECT_EQ(got.title, c.want_title.empty() ? c.in.title : c.want_title) << c.name;
      EXPECT_EQ(got.date, c.in.date) << c.name;
      EXPECT_EQ(got.source, c.in.source) << c.name;
      EXPECT_EQ(got.outlet, c.in.outlet) << c.name;
      EXPECT_EQ(got.category, c.in.category) << c.name;
      EXPECT_EQ(got.url, c.in.url) << c.name;
      EXPECT_EQ(got.lead, want_text ? c.in.lead : "") << c.name;
      EXPECT_EQ(got.body, want_text ? c.in.body : "") << c.name;
    }
  }
}

// Every field, including those the decoder skips, as a JSON parser reads it.
TEST(StoredData, RoundTripThroughAJsonParser) {
  for (const Case& c : cases()) {
    std::string object, body;
    ASSERT_TRUE(split_stored_data(encode_stored_data(c.in), &object, &body)) << c.name;
    const auto j = nlohmann::json::parse(object);
    EXPECT_EQ(body, c.in.body) << c.name;
    const StoredData& d = c.in;
    EXPECT_EQ(j.at("id"), d.id) << c.name;
    EXPECT_EQ(j.at("title"), c.want_title.empty() ? d.title : c.want_title) << c.name;
    EXPECT_EQ(j.at("language"), d.language) << c.name;
    EXPECT_EQ(j.at("authors").get<std::vector<std::string>>(), d.authors) << c.name;
    EXPECT_EQ(j.at("tags").get<std::vector<std::string>>(), d.tags) << c.name;
    EXPECT_EQ(j.contains("lead"), !d.lead.empty()) << c.name;
    EXPECT_EQ(j.contains("timestamp"), d.dated) << c.name;
    if (d.dated) {
      EXPECT_EQ(j.at("timestamp").get<std::int64_t>(), d.timestamp) << c.name;
      EXPECT_EQ(j.at("has_time").get<bool>(), d.has_time) << c.name;
      EXPECT_EQ(j.at("time_zone"), d.time_zone) << c.name;
    }
    EXPECT_EQ(j.contains("extra"), !d.extra.empty()) << c.name;
    for (const auto& [k, v] : d.extra) {
      // A later key wins: the value is the last one given for k.
      std::string last;
      for (const auto& [k2, v2] : d.extra) {
        if (k2 == k) last = v2;
      }
      EXPECT_EQ(j.at("extra").at(k), last) << c.name << " " << k;
    }
  }
}

// The encoding is the one databases hold (no format change without a
// schema version): 'J', the object's length, the object (keys sorted, no
// white space) and the body, each compressed.
TEST(StoredData, EncodingIsStable) {
  StoredData d = base();
  d.dated = true;
  d.timestamp = 1581511680;
  d.has_time = false;
  const std::string json =
      R"({"authors":[],"category":"binnenland","date":"2020-02-12T13:48:00+01:00",)"
      R"("has_time":false,"id":"a1","language":"nl","outlet":"De Standaard",)"
      R"("source":"Belga","tags":[],"timestamp":1581511680,"title":"NAVO klaar voor missie",)"
      R"("url":"https://x/y?a=1&b=2"})";
  const std::string object = encode_stored_text(json);
  std::string want = "J";
  for (int i = 0; i < 4; ++i) want.push_back(static_cast<char>((object.size() >> (8 * i)) & 0xFF));
  EXPECT_EQ(encode_stored_data(d), want + object);
  d.body = "Tekst.";
  EXPECT_EQ(encode_stored_data(d), want + object + encode_stored_text("Tekst."));
}

// Older records (the object alone) still decode; a damaged body is left
// out, the fields kept; a damaged object gives no fields.
TEST(StoredData, OlderAndDamagedRecords) {
  struct Old {
    const char* name;
    std::string data;
    bool whole;
    std::string want_title, want_body;
  };
  StoredData d = base();
  d.body = "Een lange tekst over de NAVO.";
  const std::string good = encode_stored_data(d);
  StoredData d0 = d;
  d0.body = {};
  const std::string no_body = encode_stored_data(d0);
  const Old cases[] = {
      {"schema 2: the object alone", R"({"id":"a1","title":"T"})", false, "T", ""},
      {"schema 1: the body in the object", R"({"id":"a1","title":"T","body":"B"})", false, "T",
       "B"},
      {"schema 3", good, true, d.title, std::string(d.body)},
      {"cut-off body", good.substr(0, good.size() - 4), true, d.title, ""},
      {"garbage body", no_body + "zjunk", true, d.title, ""},
      {"cut-off object", good.substr(0, 20), true, "", ""},
      {"cut-off header", good.substr(0, 3), true, "", ""},
      {"length past the end", "J\xff\xff\0\0" + good.substr(5), true, "", ""},
      {"neither '{' nor 'J'", "x" + good.substr(1), false, "", ""},
  };
  for (const Old& c : cases) {
    DisplayData got;
    EXPECT_EQ(decode_stored_data(c.data, &got, true), c.whole) << c.name;
    EXPECT_EQ(got.title, c.want_title) << c.name;
    EXPECT_EQ(got.body, c.want_body) << c.name;
  }
}

}  // namespace
}  // namespace newsindex::internal
