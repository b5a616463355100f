// The plain-text wire archive reader: the seed article, several articles per
// file, header and "Bron:" parsing.
#include "readers/text_reader.h"

#include <gtest/gtest.h>

#include "readers/reader_test_util.h"
#include "testing/test_paths.h"

namespace newsindex::testing {
namespace {

TEST(TextReader, SeedArticle) {
  NEWSINDEX_REQUIRE_SHARED();
  const auto seed = shared_dir() / "seed";
  if (!std::filesystem::exists(seed)) GTEST_SKIP() << seed << " is absent";
  const ReadResult r = read_all({seed.string()});
  ASSERT_TRUE(r.status.ok()) << r.status.to_string();
  EXPECT_TRUE(r.skipped.empty());
  EXPECT_TRUE(r.notes.empty());
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.id, "000_4291fd3083318c3a");
  EXPECT_EQ(a.title, "NAVO klaar om trainingsmissie in Irak uit te breiden");
  EXPECT_EQ(iso_date(a), "2020-02-12T13:48:00+01:00");
  EXPECT_EQ(a.timestamp, 1581511680);  // 2020-02-12T12:48:00Z
  EXPECT_TRUE(a.has_time);
  EXPECT_EQ(a.utc_offset_minutes, 60);
  EXPECT_EQ(a.time_zone, "Europe/Brussels");
  EXPECT_EQ(a.source, "Belga");
  EXPECT_EQ(a.tags, std::vector<std::string>{"LH"});
  EXPECT_EQ(a.language, "nl");
  EXPECT_EQ(a.body.rfind("De NAVO wil de trainingsmissie in Irak", 0), 0u) << a.body;
  EXPECT_EQ(a.body.find("Bron:"), std::string::npos);
  EXPECT_EQ(a.lead, a.body.substr(0, a.body.find("\n\n")));
  EXPECT_NE(a.body.find("\n\nRussisch raketsysteem\n\n"), std::string::npos);
  EXPECT_NE(a.body.find("efficiënte wapencontrole"), std::string::npos);
}

TEST(TextReader, HeaderLines) {
  struct Case {
    const char* line;
    bool ok;
    const char* month;
    const char* title;
    const char* tag;
  };
  const Case cases[] = {
      {" date 2020-02 NAVO klaar om uit te breiden LH", true, "2020-02",
       "NAVO klaar om uit te breiden", "LH"},
      {"date 2021-07 Gent keurt fietsplan goed BIN", true, "2021-07", "Gent keurt fietsplan goed",
       "BIN"},
      // The last word is not a tag: it stays in the title.
      {" date 2021-07 Gent keurt fietsplan goed", true, "2021-07", "Gent keurt fietsplan goed", ""},
      {" date 2021-07 Kamer stemt over EU-verdrag ECO2", true, "2021-07",
       "Kamer stemt over EU-verdrag", "ECO2"},
      {"date 2021-7 Te kort", false, "", "", ""},
      {"dates 2021-07 Geen kop", false, "", "", ""},
      {"De date 2021-07 staat midden in een zin", false, "", "", ""},
      {" date 2021-07", false, "", "", ""},
  };
  for (const Case& c : cases) {
    internal::TextHeader h;
    ASSERT_EQ(internal::parse_text_header(c.line, h), c.ok) << c.line;
    if (!c.ok) continue;
    EXPECT_EQ(h.month, c.month) << c.line;
    EXPECT_EQ(h.title, c.title) << c.line;
    EXPECT_EQ(h.tag, c.tag) << c.line;
  }
}

TEST(TextReader, BronPrefix) {
  struct Case {
    const char* paragraph;
    const char* source;  // nullptr: no prefix
    const char* rest;
  };
  const Case cases[] = {
      {"Bron: Belga 1 De NAVO wil", "Belga", "De NAVO wil"},
      {"Bron: Belga De NAVO wil", "Belga", "De NAVO wil"},
      {"Bron: ANP, De Kamer", "ANP", "De Kamer"},
      {"bron: Belga 12 2020 was een jaar", "Belga", "2020 was een jaar"},
      {"Bron: Belga", "Belga", ""},
      {"De bron: Belga", nullptr, ""},
      {"Bron:", nullptr, ""},
  };
  for (const Case& c : cases) {
    internal::BronPrefix b;
    const std::string p = c.paragraph;
    ASSERT_EQ(internal::parse_bron_prefix(p, b), c.source != nullptr) << p;
    if (c.source == nullptr) continue;
    EXPECT_EQ(b.source, c.source) << p;
    EXPECT_EQ(p.substr(b.length), c.rest) << p;
  }
}

TEST(TextReader, OneArticlePerFileUsesTheStemAsId) {
  const auto dir = fresh_dir("text_one");
  write_file(dir / "bericht.txt",
             " date 2019-06 Stormschade in Oostende LH\n\n3 juni 2019\n\n7u15\n\n"
             "Bron: Belga 3 Een rukwind vernielde strandcabines.\n");
  const ReadResult r = read_all({(dir / "bericht.txt").string()});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "bericht");
  EXPECT_EQ(iso_date(r.articles[0]), "2019-06-03T07:15:00+02:00");
  EXPECT_EQ(r.articles[0].body, "Een rukwind vernielde strandcabines.");
}

TEST(TextReader, ArticlesStartOnlyAtHeadersAfterABlankLine) {
  const auto dir = fresh_dir("text_many");
  write_file(dir / "reeks.txt",
             " date 2019-06 Eerste bericht LH\n\n3 juni 2019\n\n"
             "Bron: Belga Tekst van het eerste bericht.\n"
             " date 2019-06 is geen kop want er staat geen lege regel voor\n\n"
             " date 2019-06 Tweede bericht LH\n\n"
             "Bron: ANP Tekst van het tweede bericht.\n");
  const ReadResult r = read_all({(dir / "reeks.txt").string()});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "reeks-1");
  EXPECT_EQ(r.articles[0].body,
            "Tekst van het eerste bericht.\n"
            "date 2019-06 is geen kop want er staat geen lege regel voor");
  EXPECT_EQ(r.articles[1].id, "reeks-2");
  EXPECT_EQ(r.articles[1].title, "Tweede bericht");
  EXPECT_EQ(r.articles[1].source, "ANP");
  // No date line: no timestamp, the header's month is kept.
  EXPECT_EQ(r.articles[1].timestamp, kNoTimestamp);
  ASSERT_EQ(r.articles[1].extra.size(), 1u);
  EXPECT_EQ(r.articles[1].extra[0].first, "month");
  EXPECT_EQ(r.articles[1].extra[0].second, "2019-06");
}

TEST(TextReader, ShortFirstBodyLinesAreNotTakenForDates) {
  const auto dir = fresh_dir("text_short");
  write_file(dir / "a.txt",
             " date 2020-02 Kop LH\n\nIn 2020\n\nging het mis.\n\n"
             " date 2020-02 Twee LH\n\n12 februari 2020\n\n3 doden\n\nbij brand.\n\n"
             " date 2020-02 Drie LH\n\n12 februari 2020\n\n25u70\n\nTekst.\n");
  const ReadResult r = read_all({dir.string()});
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].body, "In 2020\n\nging het mis.");
  EXPECT_EQ(r.articles[0].timestamp, kNoTimestamp);
  EXPECT_EQ(r.articles[1].body, "3 doden\n\nbij brand.");
  EXPECT_EQ(iso_date(r.articles[1]), "2020-02-12");
  EXPECT_EQ(r.articles[2].body, "Tekst.");
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].where, (dir / "a.txt").string() + ":19");
  EXPECT_EQ(r.notes[0].message, "unparseable time '25u70'");
}

TEST(TextReader, InvalidUtf8InHeadersIsCountedForTheirArticle) {
  const auto dir = fresh_dir("text_utf8_header");
  write_file(dir / "a.txt",
             " date 2020-02 Caf\xE9 LH\n\nBron: Belga Een.\n\n"
             " date 2020-02 Twee \xFF LH\n\nBron: Belga Twee.\n");
  const ReadResult r = read_all({dir.string()});
  ASSERT_EQ(r.articles.size(), 2u);
  ASSERT_EQ(r.notes.size(), 2u);
  EXPECT_EQ(r.notes[0].where, (dir / "a.txt").string() + ":1");
  EXPECT_EQ(r.notes[1].where, (dir / "a.txt").string() + ":5");
  EXPECT_EQ(r.articles[1].title, "Twee \xEF\xBF\xBD");
}

TEST(TextReader, CrLfAndGzip) {
  const auto dir = fresh_dir("text_crlf_gz");
  write_gzip(dir / "dos.txt.gz",
             " date 2020-02 Titel LH\r\n\r\n12 februari 2020\r\n\r\n13u48\r\n\r\n"
             "Bron: Belga 1 Tekst.\r\n");
  const ReadResult r = read_all({dir.string()});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "dos");
  EXPECT_EQ(r.articles[0].title, "Titel");
  EXPECT_EQ(r.articles[0].timestamp, 1581511680);
  EXPECT_EQ(r.articles[0].body, "Tekst.");
}

}  // namespace
}  // namespace newsindex::testing
