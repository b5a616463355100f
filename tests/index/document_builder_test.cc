// Article -> Xapian::Document: terms, filters, values, data, validation.
#include "index/document_builder.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "index/schema.h"
#include "index/stored_data.h"
#include "index/stored_text.h"
#include "index_test_util.h"
#include "testing/fake_analyzer.h"

namespace newsindex::internal {
namespace {

using testing::dump_terms;
using testing::make_article;

Article navo_article() {
  Article a = make_article("belga-1", "NAVO missie",
                           "De trainingsmissie in Irak wordt uitgebreid.");
  a.timestamp = 1581511680;  // 2020-02-12T12:48:00Z = 13:48 in Brussels
  a.has_time = true;
  a.utc_offset_minutes = 60;
  a.time_zone = "Europe/Brussels";
  a.source = "Belga";
  a.outlet = "De Standaard";
  a.category = "Buitenland";
  a.url = "https://example.org/navo";
  a.authors = {"Jan Peeters"};
  a.tags = {"LH"};
  a.extra = {{"wordcount", "7"}};
  return a;
}

BuiltDocument build(const Article& a, bool index_title = true) {
  DocumentBuilder builder(testing::FakeAnalyzer::make(), index_title);
  BuiltDocument out;
  builder.build(a, out);
  return out;
}

// The JSON object of a document's data record.
nlohmann::json data_json(const Xapian::Document& doc) {
  std::string object;
  EXPECT_TRUE(split_stored_data(doc.get_data(), &object, nullptr)) << "a schema-3 record";
  return nlohmann::json::parse(object);
}

// The body in a document's data record ("" when none).
std::string data_body(const Xapian::Document& doc) {
  std::string object, body;
  EXPECT_TRUE(split_stored_data(doc.get_data(), &object, &body)) << "a schema-3 record";
  EXPECT_FALSE(object.empty());
  return body;
}

TEST(DocumentBuilder, TextTermsTitleThenBodyAfterAGap) {
  BuiltDocument b = build(navo_article());
  // Title at 1..2; body from 2 + 1 + kFieldPositionGap = 103.
  EXPECT_EQ(dump_terms(b.doc, "S"), "Smissie[2]:1 Snavo[1]:1");
  // The fake analyzer's stems drop a final "e"; "trainingsmissie" has the
  // parts "training" and "missi" (testing/fake_analyzer.h).
  EXPECT_EQ(dump_terms(b.doc, "Z"),
            "ZSmissi:1 ZSnavo:1 Zirak:1 Zmissi:5 Znavo:5 Ztrainingsmissi:1 "
            "Zuitgebreid:1 Zwordt:1");
  EXPECT_EQ(dump_terms(b.doc, "XP"), "XPmissi:1 XPtraining:1");
  EXPECT_EQ(dump_terms(b.doc, "de"), "de[103]:1");
  EXPECT_EQ(dump_terms(b.doc, "navo"), "navo[1]:5");
}

TEST(DocumentBuilder, BooleanFilterTerms) {
  BuiltDocument b = build(navo_article());
  EXPECT_EQ(dump_terms(b.doc, "Q"), "Qbelga-1:0");
  EXPECT_EQ(dump_terms(b.doc, "XSRC"), "XSRCbelga:0");
  EXPECT_EQ(dump_terms(b.doc, "XOUT"), "XOUTde standaard:0");
  EXPECT_EQ(dump_terms(b.doc, "XCAT"), "XCATbuitenland:0");
  EXPECT_EQ(dump_terms(b.doc, "XLANG"), "XLANGnl:0");
  EXPECT_EQ(dump_terms(b.doc, "D"), "D20200212:0");
  EXPECT_EQ(dump_terms(b.doc, "M"), "M202002:0");
  EXPECT_EQ(dump_terms(b.doc, "Y"), "Y2020:0");
  EXPECT_EQ(dump_terms(b.doc, "A"), "Ajan peeters:0");
  EXPECT_EQ(dump_terms(b.doc, "K"), "Klh:0");
  // The url is displayed, not indexed (no Omega "U" term): nothing looks it up.
  EXPECT_EQ(dump_terms(b.doc, "U"), "");
  EXPECT_EQ(data_json(b.doc)["url"], "https://example.org/navo");
  EXPECT_EQ(b.id_term, "Qbelga-1");
}

TEST(DocumentBuilder, LocalDateDecidesTheDayTerm) {
  Article a = navo_article();
  a.timestamp = 1581548400;  // 2020-02-12T23:00:00Z = 2020-02-13 00:00 in Brussels
  BuiltDocument b = build(a);
  EXPECT_EQ(dump_terms(b.doc, "D"), "D20200213:0");
  EXPECT_EQ(b.doc.get_value(schema::kSlotDate), "20200212230000");
  EXPECT_EQ(iso_date(a), "2020-02-13T00:00:00+01:00");
  a.has_time = false;
  EXPECT_EQ(iso_date(a), "2020-02-13");
}

TEST(DocumentBuilder, ValueSlots) {
  BuiltDocument b = build(navo_article());
  EXPECT_EQ(b.doc.get_value(schema::kSlotDate), "20200212124800");
  EXPECT_EQ(Xapian::sortable_unserialise(b.doc.get_value(schema::kSlotTimestamp)), 1581511680.0);
  EXPECT_EQ(b.doc.get_value(schema::kSlotSource), "Belga");
  EXPECT_EQ(b.doc.get_value(schema::kSlotOutlet), "De Standaard");
  EXPECT_EQ(b.doc.get_value(schema::kSlotCategory), "Buitenland");
  EXPECT_EQ(b.doc.get_value(schema::kSlotLanguage), "nl");
  EXPECT_EQ(b.doc.get_value(schema::kSlotCollapse), "belga-1");
  set_cluster(b, "belga-0");
  EXPECT_EQ(b.doc.get_value(schema::kSlotCollapse), "belga-0");
}

TEST(DocumentBuilder, DataIsJsonOfTheDisplayedFields) {
  BuiltDocument b = build(navo_article());
  auto j = data_json(b.doc);
  EXPECT_EQ(j["id"], "belga-1");
  EXPECT_EQ(j["title"], "NAVO missie");
  EXPECT_FALSE(j.contains("body"));  // in its own slot
  EXPECT_EQ(j["date"], "2020-02-12T13:48:00+01:00");
  EXPECT_EQ(j["source"], "Belga");
  EXPECT_EQ(j["outlet"], "De Standaard");
  EXPECT_EQ(j["category"], "Buitenland");
  EXPECT_EQ(j["url"], "https://example.org/navo");
  EXPECT_EQ(j["language"], "nl");
  EXPECT_EQ(j["authors"], nlohmann::json::array({"Jan Peeters"}));
  EXPECT_EQ(j["tags"], nlohmann::json::array({"LH"}));
  EXPECT_EQ(j["extra"]["wordcount"], "7");
  EXPECT_EQ(j["timestamp"], 1581511680);
}

TEST(DocumentBuilder, InvalidUtf8InDataIsReplacedNotThrown) {
  Article a = make_article("x1", "t\xff", "body \xc3");
  BuiltDocument b = build(a);
  auto j = data_json(b.doc);
  EXPECT_EQ(j["id"], "x1");
}

TEST(DocumentBuilder, DataRecordHoldsTheBodyCompressed) {
  BuiltDocument b = build(navo_article());
  EXPECT_EQ(data_body(b.doc), "De trainingsmissie in Irak wordt uitgebreid.");
  EXPECT_EQ(b.doc.get_value(schema::kSlotText), "");     // schema 2 only
  EXPECT_EQ(b.doc.get_value(schema::kSlotDisplay), "");  // schema 1 only
}

TEST(DocumentBuilder, DataRecordBodyRepairsInvalidUtf8AndIsAbsentWithoutBody) {
  BuiltDocument b = build(make_article("x1", "t", "body \xc3 en \xff"));
  EXPECT_EQ(data_body(b.doc), "body \uFFFD en \uFFFD");
  BuiltDocument t = build(make_article("x2", "Alleen een titel", ""));
  EXPECT_EQ(data_body(t.doc), "");
}

TEST(DocumentBuilder, LeadIsStoredOnlyWhenNotTheStartOfTheBody) {
  Article a = navo_article();
  a.lead = "De trainingsmissie in Irak";  // the readers' default: the body's start
  EXPECT_FALSE(data_json(build(a).doc).contains("lead"));
  a.lead = "Een aparte inleiding.";
  EXPECT_EQ(data_json(build(a).doc)["lead"], "Een aparte inleiding.");
}

TEST(DocumentBuilder, LeadWordsCountTheLeadWeight) {
  Article a = make_article("lead-1", "Kop", "Irak wil vrede.\n\nIrak en Iran praten.");
  a.lead = "Irak wil vrede.";  // the readers' default: the first paragraph
  FieldWeights w;
  w.lead = 3;
  DocumentBuilder builder(testing::FakeAnalyzer::make(), false, false, w);
  BuiltDocument b;
  builder.build(a, b);
  // First paragraph at wdf 3 per word, the rest at 1; positions run on.
  EXPECT_EQ(dump_terms(b.doc, "irak"), "irak[1,4]:4");
  EXPECT_EQ(dump_terms(b.doc, "vrede"), "vrede[3]:3");
  EXPECT_EQ(dump_terms(b.doc, "iran"), "iran[6]:1");
  // A lead given apart counts as lead; the body then counts once.
  a.lead = "Vrede in Irak.";
  builder.build(a, b);
  EXPECT_EQ(dump_terms(b.doc, "vrede"), "vrede[1,106]:4");
  EXPECT_EQ(dump_terms(b.doc, "iran"), "iran[109]:1");
  // The default weight 2 (WriterOptions::lead_wdf): the lead's word twice.
  a.lead = "Irak wil vrede.";
  EXPECT_EQ(dump_terms(build(a, false).doc, "irak"), "irak[1,4]:3");
}

TEST(DocumentBuilder, TitleWeightIsTheWriterOption) {
  FieldWeights w;
  w.title = 2;
  DocumentBuilder builder(testing::FakeAnalyzer::make(), true, false, w);
  BuiltDocument b;
  builder.build(navo_article(), b);
  EXPECT_EQ(dump_terms(b.doc, "navo"), "navo[1]:2");
}

TEST(DocumentBuilder, NoTitleIndexing) {
  BuiltDocument b = build(navo_article(), /*index_title=*/false);
  EXPECT_EQ(dump_terms(b.doc, "S"), "");
  EXPECT_EQ(dump_terms(b.doc, "navo"), "");
  EXPECT_EQ(dump_terms(b.doc, "de"), "de[1]:1");
}

TEST(DocumentBuilder, UndatedArticleHasNoDateTermsOrSlots) {
  BuiltDocument b = build(make_article("u1", "Titel", "tekst"));
  EXPECT_EQ(dump_terms(b.doc, "D"), "");
  EXPECT_EQ(b.doc.get_value(schema::kSlotDate), "");
  EXPECT_EQ(b.doc.get_value(schema::kSlotTimestamp), "");
  Article absurd = make_article("u2", "Titel", "tekst");
  absurd.timestamp = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(dump_terms(build(absurd).doc, "D"), "");
}

TEST(DocumentBuilder, LongUrlIsKeptWholeInTheDataAndMakesNoTerm) {
  Article a = navo_article();
  a.url = "https://example.org/" + std::string(400, 'x');
  const BuiltDocument b = build(a);
  EXPECT_EQ(dump_terms(b.doc, "U", false), "");
  EXPECT_EQ(data_json(b.doc)["url"], a.url);
}

TEST(ValidateArticle, NamesTheArticle) {
  struct Row {
    Article article;
    StatusCode code;
    const char* needle;
  };
  const Row rows[] = {
      {make_article("", "Titel", "tekst"), StatusCode::kInvalidArgument, "\"Titel\" has no id"},
      {make_article("a7", "", " \n"), StatusCode::kInvalidArgument, "\"a7\" has neither"},
      {make_article(std::string(300, 'i'), "t", "b"), StatusCode::kInvalidArgument, "longer"},
      {make_article("ok", "", "alleen tekst"), StatusCode::kOk, ""},
      {make_article("ok", "alleen titel", ""), StatusCode::kOk, ""},
  };
  for (const Row& r : rows) {
    Status st = validate_article(r.article);
    EXPECT_EQ(st.code(), r.code) << st.to_string();
    EXPECT_NE(st.message().find(r.needle), std::string::npos) << st.to_string();
  }
}

}  // namespace
}  // namespace newsindex::internal
