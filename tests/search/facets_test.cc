// Facet counts: the value-stream spies (one local database) agree with
// Document::get_value and with Xapian's ValueCountMatchSpy.
#include "search/facets.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "index/schema.h"
#include "testing/test_paths.h"

namespace newsindex::internal {
namespace {

std::string render(const std::vector<FacetValue>& values) {
  std::string out;
  for (const FacetValue& v : values) out += v.value + "=" + std::to_string(v.count) + " ";
  return out;
}

// 300 documents: outlets with ties and gaps (some documents without an
// outlet or a date), dates over 2019-2020, a term on every third document.
Xapian::Database make_db(const std::string& name) {
  std::string path = testing::fresh_dir(name).string();
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    const char* outlets[] = {"NOS", "AD", "Trouw", "De Standaard", "", "NOS", "Trouw"};
    for (int i = 0; i < 300; ++i) {
      Xapian::Document doc;
      doc.add_term("all");
      if (i % 3 == 0) doc.add_term("third");
      std::string outlet = outlets[i % 7];
      if (!outlet.empty()) doc.add_value(schema::kSlotOutlet, outlet);
      if (i % 11 != 5) {
        char date[32];
        std::snprintf(date, sizeof date, "%04d%02d15120000", 2019 + i % 2, 1 + i % 12);
        doc.add_value(schema::kSlotDate, date);
      }
      db.add_document(doc);
    }
    db.commit();
  }
  return Xapian::Database(path);
}

std::map<std::string, std::vector<FacetValue>> count(const Xapian::Database& db,
                                                     const std::string& term, bool streams,
                                                     ColumnCache* columns = nullptr) {
  FacetCollector facets;
  EXPECT_TRUE(
      facets.init({"outlet", "year", "month"}, false, streams ? &db : nullptr, columns).ok());
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(term));
  facets.attach(enquire);
  (void)enquire.get_mset(0, 3, db.get_doccount());
  return facets.collect();
}

// The same through Xapian's own spy.
std::string xapian_outlets(const Xapian::Database& db, const std::string& term) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(term));
  Xapian::ValueCountMatchSpy spy(schema::kSlotOutlet);
  enquire.add_matchspy(&spy);
  (void)enquire.get_mset(0, 3, db.get_doccount());
  std::vector<FacetValue> values;
  for (auto it = spy.top_values_begin(kMaxFacetValues); it != spy.top_values_end(kMaxFacetValues);
       ++it) {
    values.push_back({*it, it.get_termfreq()});
  }
  return render(values);
}

TEST(Facets, StreamsCountLikeGetValueAndXapian) {
  Xapian::Database db = make_db("facets_streams");
  for (const char* term : {"all", "third"}) {
    auto streamed = count(db, term, true);
    auto fetched = count(db, term, false);
    for (const char* name : {"outlet", "year", "month"}) {
      EXPECT_EQ(render(streamed[name]), render(fetched[name])) << term << " " << name;
    }
    EXPECT_EQ(render(streamed["outlet"]), xapian_outlets(db, term)) << term;
  }
  // Ties by value; documents without an outlet are not counted.
  EXPECT_EQ(render(count(db, "all", true)["outlet"]), "NOS=86 Trouw=85 AD=43 De Standaard=43 ");
  EXPECT_EQ(render(count(db, "all", true)["year"]), "2019=137 2020=136 ");
}

TEST(Facets, ColumnsCountLikeStreams) {
  Xapian::Database db = make_db("facets_columns");
  ColumnCache columns;
  for (const char* term : {"all", "third", "all"}) {  // the second "all" reuses the columns
    auto streamed = count(db, term, true);
    auto columned = count(db, term, true, &columns);
    for (const char* name : {"outlet", "year", "month"}) {
      EXPECT_EQ(render(columned[name]), render(streamed[name])) << term << " " << name;
    }
  }
  EXPECT_EQ(render(count(db, "all", true, &columns)["outlet"]),
            "NOS=86 Trouw=85 AD=43 De Standaard=43 ");
}

TEST(Facets, ColumnsFollowANewRevision) {
  const std::string path = testing::fresh_dir("facets_columns_rev").string();
  Xapian::WritableDatabase w(path, Xapian::DB_CREATE_OR_OVERWRITE);
  auto add = [&](const char* outlet, const char* date) {
    Xapian::Document doc;
    doc.add_term("all");
    doc.add_value(schema::kSlotOutlet, outlet);
    doc.add_value(schema::kSlotDate, date);
    return doc;
  };
  w.add_document(add("NOS", "20200115120000"));
  w.add_document(add("AD", "20200215120000"));
  w.commit();
  Xapian::Database db(path);
  ColumnCache columns;
  EXPECT_EQ(render(count(db, "all", true, &columns)["outlet"]), "AD=1 NOS=1 ");
  w.replace_document(1, add("Trouw", "20190315120000"));  // replaced in place
  w.add_document(add("AD", "2020"));                       // no month
  w.commit();
  db.reopen();
  auto after = count(db, "all", true, &columns);
  EXPECT_EQ(render(after["outlet"]), "AD=2 Trouw=1 ");
  EXPECT_EQ(render(after["month"]), "2019-03=1 2020-02=1 ");
  EXPECT_EQ(render(after["outlet"]), render(count(db, "all", true)["outlet"]));
}

TEST(Facets, SlotCursorReadsAnyDocumentOrder) {
  Xapian::Database db = make_db("facets_cursor");
  SlotCursor cursor(&db, schema::kSlotOutlet);
  for (Xapian::docid did : {5u, 2u, 7u, 7u, 300u, 1u, 150u, 12u}) {
    Xapian::Document doc = db.get_document(did);
    EXPECT_EQ(cursor.get(doc), doc.get_value(schema::kSlotOutlet)) << did;
  }
}

TEST(Facets, ManyValuesKeepTheMostFrequent) {
  std::string path = testing::fresh_dir("facets_many").string();
  {
    Xapian::WritableDatabase w(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (int v = 0; v < 80; ++v) {
      for (int k = 0; k <= v % 5; ++k) {  // counts 1..5
        Xapian::Document doc;
        doc.add_term("all");
        doc.add_value(schema::kSlotOutlet, "o" + std::to_string(100 + v));
        w.add_document(doc);
      }
    }
    w.commit();
  }
  Xapian::Database db(path);
  auto values = count(db, "all", true)["outlet"];
  ASSERT_EQ(values.size(), kMaxFacetValues);
  EXPECT_EQ(values.front().value, "o104");  // the first with 5
  EXPECT_EQ(values.front().count, 5u);
  EXPECT_EQ(values.back().value, "o106");  // 16 each of 5, 4 and 3, then the first two 2s
  EXPECT_EQ(values.back().count, 2u);
  EXPECT_EQ(render(values), render(count(db, "all", false)["outlet"]));
  EXPECT_EQ(render(values), xapian_outlets(db, "all"));
}

}  // namespace
}  // namespace newsindex::internal
