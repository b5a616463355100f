// The stored-data codec: what the writer encodes, the searcher's decoder
// reads back, and a JSON parser reads back whole.
#include "index/stored_data.h"

#include <gtest/gtest.h>

#include <zlib.h>

#include <iterator>
#include <vector>

#include <nlohmann/json.hpp>

#include "glass/encoding.h"
#include "index/stored_text.h"
#include "index_test_util.h"  // schema3_record

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
  {
    StoredData d = base();  // the date is the one of the timestamp: not stored
    d.dated = true;
    d.timestamp = 1581511680;
    d.has_time = true;
    d.utc_offset_minutes = 60;
    d.time_zone = "Europe/Brussels";
    cs.push_back({"date derived from the timestamp", d, ""});
  }
  {
    StoredData d = base();  // a date that is not the timestamp's is stored
    d.dated = true;
    d.timestamp = -86400 * 365;
    d.has_time = false;
    d.utc_offset_minutes = -300;
    d.time_zone = "America/New_York";  // not in the table of zones
    d.language = "nds";                // nor in that of languages
    cs.push_back({"date apart from the timestamp, negative, other zone", d, ""});
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
    EXPECT_EQ(j.at("date"), d.date) << c.name;
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
// schema version): 'B', the inflated size and the fields' size (varints),
// then one raw deflate stream of the fields and the body. Here the date is
// the timestamp's, so it is not stored.
TEST(StoredData, EncodingIsStable) {
  StoredData d = base();
  d.dated = true;
  d.timestamp = 1581511680;
  d.has_time = true;
  d.utc_offset_minutes = 60;
  d.time_zone = "Europe/Brussels";
  d.authors = {"Jan"};
  d.extra = {{"k", "2"}, {"a", "1"}, {"k", "3"}};
  d.body = "Tekst.";
  using namespace std::string_literals;
  const std::string fields =
      "\x02" "a1" "\x16" "NAVO klaar voor missie" "\x05" "Belga" "\x0c" "De Standaard"
      "\x0a" "binnenland" "\x13" "https://x/y?a=1&b=2" "\x00"  // "nl", coded
      "\x00"                                   // lead
      "\x03"                                   // dated, has_time; date not stored
      "\x80\xd0\x9f\xe4\x0b" "\x78" "\x02"     // timestamp, +60 min, Europe/Brussels
      "\x01" "\x03" "Jan" "\x00"               // authors, tags
      "\x02" "\x01" "a" "\x01" "1" "\x01" "k" "\x01" "3"s;  // extra, sorted, later wins
  const std::string plain = fields + "Tekst.";
  const std::string record = encode_stored_data(d);
  ASSERT_GE(record.size(), 3u);
  EXPECT_EQ(record[0], 'B');
  EXPECT_EQ(static_cast<std::size_t>(record[1]), plain.size());
  EXPECT_EQ(static_cast<std::size_t>(record[2]), fields.size());
  // Inflated as raw deflate by zlib.
  std::string got(plain.size() + 16, '\0');
  z_stream z{};
  ASSERT_EQ(inflateInit2(&z, -15), Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(record.data() + 3));
  z.avail_in = static_cast<uInt>(record.size() - 3);
  z.next_out = reinterpret_cast<Bytef*>(got.data());
  z.avail_out = static_cast<uInt>(got.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  got.resize(got.size() - z.avail_out);
  inflateEnd(&z);
  EXPECT_EQ(got, plain);
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
  d.body = "Een lange tekst over de NAVO, die lang genoeg is om de velden in de stroom "
           "ruim voor te laten gaan op de tekst zelf, ook na compressie.";
  const std::string title = d.title, body = std::string(d.body);
  const std::string json = R"({"id":"a1","title":")" + title + R"("})";
  const std::string good3 = testing::schema3_record(json, body);
  const std::string no_body3 = testing::schema3_record(json, "").substr(0, good3.size());
  const std::string good = encode_stored_data(d);
  const Old cases[] = {
      {"schema 2: the object alone", R"({"id":"a1","title":"T"})", false, "T", ""},
      {"schema 1: the body in the object", R"({"id":"a1","title":"T","body":"B"})", false, "T",
       "B"},
      {"schema 3", good3, true, title, body},
      {"schema 3, cut-off body", good3.substr(0, good3.size() - 4), true, title, ""},
      {"schema 3, garbage body", no_body3 + "zjunk", true, title, ""},
      {"schema 3, cut-off object", good3.substr(0, 20), true, "", ""},
      {"schema 3, cut-off header", good3.substr(0, 3), true, "", ""},
      {"schema 3, length past the end", "J\xff\xff\0\0" + good3.substr(5), true, "", ""},
      {"schema 4", good, true, title, body},
      {"schema 4, cut-off body: the fields kept", good.substr(0, good.size() - 4), true, title,
       ""},
      {"schema 4, cut-off fields", good.substr(0, 12), true, "", ""},
      {"schema 4, cut-off header", good.substr(0, 2), true, "", ""},
      {"schema 4, sizes past the limit", "B\xff\xff\xff\xff\x7f\x01" + good.substr(3), true, "",
       ""},
      {"schema 4, fields larger than the record", "B\x01\x7f" + good.substr(3), true, "", ""},
      {"schema 4, garbage stream", "B\x40\x20garbage", true, "", ""},
      {"schema 4, 256 MiB claimed by a few bytes", "B\x80\x80\x80\x80\x01\x10" + good.substr(3),
       true, "", ""},
      {"neither '{' nor 'J' nor 'B'", "x" + good.substr(1), false, "", ""},
  };
  // A header that claims a size other than the stream's: the body is left
  // out, the fields kept (the decoder gives libdeflate room past the
  // claimed size, so a stream a few bytes longer must still be refused).
  std::string_view rest = std::string_view(good).substr(1);
  std::uint64_t size = 0, fields = 0;
  ASSERT_TRUE(glass::get_uint(rest, size) && glass::get_uint(rest, fields));
  auto claiming = [&](std::uint64_t claimed) {
    std::string r = "B";
    glass::put_uint(r, claimed);
    glass::put_uint(r, fields);
    return r + std::string(rest);
  };
  const Old wrong_sizes[] = {
      {"schema 4, size one byte short", claiming(size - 1), true, title, ""},
      {"schema 4, size one byte over", claiming(size + 1), true, title, ""},
      {"schema 4, size of the fields alone", claiming(fields), true, title, ""},
  };
  std::vector<Old> all(std::begin(cases), std::end(cases));
  all.insert(all.end(), std::begin(wrong_sizes), std::end(wrong_sizes));
  for (const Old& c : all) {
    DisplayData got;
    EXPECT_EQ(decode_stored_data(c.data, &got, true), c.whole) << c.name;
    EXPECT_EQ(got.title, c.want_title) << c.name;
    EXPECT_EQ(got.body, c.want_body) << c.name;
  }
}

// A length read from damaged data is believed only when the compressed
// bytes can hold it (deflate: at most 1,032 to 1), so that it never makes
// the decoder allocate and clear more than that (the fuzzer's input
// tests/fuzz/hit_data/regression-schema3-body-claims-256MiB.bin: 19 bytes
// that claimed a 256 MiB body).
TEST(StoredText, PlausibleInflatedSize) {
  const struct {
    std::uint64_t size;
    std::size_t compressed;
    bool want;
  } rows[] = {
      {0, 0, true},
      {1032, 1, true},
      {1033, 1, false},
      {1032 * 100, 100, true},
      {std::uint64_t{256} << 20, 1 << 20, true},
      {(std::uint64_t{256} << 20) + 1, 1 << 20, false},  // over 256 MiB
      {std::uint64_t{256} << 20, 14, false},              // the fuzzer's record
  };
  for (const auto& r : rows) {
    EXPECT_EQ(plausible_inflated_size(r.size, r.compressed), r.want) << r.size << " " << r.compressed;
  }
  // The fuzzer's schema-3 record: its fields are kept, its body dropped.
  const std::string claims("J\0\0\0\0z\0\0\0\x10\0\xff`o\xff" "0\x04\0\0", 19);
  DisplayData got;
  EXPECT_TRUE(decode_stored_data(claims, &got, true));
  EXPECT_EQ(got.body, "");
}

}  // namespace
}  // namespace newsindex::internal
