// The CSV reader: RFC 4180 splitting, column mapping, multi-line records.
#include "readers/csv_reader.h"

#include <gtest/gtest.h>

#include "readers/reader_test_util.h"
#include "testing/test_paths.h"

namespace newsindex::testing {
namespace {

std::string joined(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "|" : "") + fields[i];
  return out;
}

TEST(CsvReader, SplitsRecords) {
  struct Case {
    const char* record;
    char sep;
    const char* fields;
    bool ok;
  };
  const Case cases[] = {
      {"a,b,c", ',', "a|b|c", true},
      {"a,,c,", ',', "a||c|", true},
      {"\"a,b\",c", ',', "a,b|c", true},
      {"\"zei \"\"ja\"\"\",x", ',', "zei \"ja\"|x", true},
      {"\"twee\nregels\",x", ',', "twee\nregels|x", true},
      {"a;\"b;c\";d", ';', "a|b;c|d", true},
      {"a\tb", '\t', "a|b", true},
      {"5\" scherm,x", ',', "5\" scherm|x", true},  // a quote inside a field
      {"\"a\"b,c", ',', "ab|c", false},             // text after a closing quote
      {"", ',', "", true},
  };
  for (const Case& c : cases) {
    std::vector<std::string> fields;
    EXPECT_EQ(internal::split_csv_record(c.record, c.sep, fields), c.ok) << c.record;
    EXPECT_EQ(joined(fields), c.fields) << c.record;
  }
}

TEST(CsvReader, QuoteStateAcrossLines) {
  EXPECT_FALSE(internal::csv_open_quote("a,\"b\",c", ','));
  EXPECT_TRUE(internal::csv_open_quote("a,\"b", ','));
  EXPECT_TRUE(internal::csv_open_quote("a,\"b \"\"c\"\" ", ','));
  EXPECT_FALSE(internal::csv_open_quote("5\" scherm,x", ','));
  EXPECT_TRUE(internal::csv_scan_quotes("nog steeds", ',', true));
  EXPECT_FALSE(internal::csv_scan_quotes("einde\",x", ',', true));
}

TEST(CsvReader, Separators) {
  EXPECT_EQ(internal::detect_csv_separator("datetime,title,content"), ',');
  EXPECT_EQ(internal::detect_csv_separator("id;kop;tekst"), ';');
  EXPECT_EQ(internal::detect_csv_separator("id\tkop\ttekst"), '\t');
  EXPECT_EQ(internal::detect_csv_separator("\"a;b\",title"), ',');
}

TEST(CsvReader, NosStyleExport) {
  const auto dir = fresh_dir("csv_nos");
  write_file(dir / "nos.csv",
             "\xEF\xBB\xBF"
             "datetime,title,content,category,url,Extra Kolom\r\n"
             "2020-02-12 13:48:00,\"Kop, met komma\",\"Eerste alinea.\r\n\r\n"
             "Tweede \"\"alinea\"\".\",Politiek,https://example.org/1,x\r\n"
             "2020-07-01 08:00:00,Zomer,Warm weer.,Weer,https://example.org/2,\r\n");
  const ReadResult r = read_all({dir.string()});
  EXPECT_TRUE(r.skipped.empty());
  EXPECT_TRUE(r.notes.empty()) << r.notes[0].message;
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.id, "nos-2");
  EXPECT_EQ(a.title, "Kop, met komma");
  EXPECT_EQ(a.body, "Eerste alinea.\n\nTweede \"alinea\".");
  EXPECT_EQ(a.lead, "Eerste alinea.");
  EXPECT_EQ(a.category, "Politiek");
  EXPECT_EQ(a.url, "https://example.org/1");
  EXPECT_EQ(a.timestamp, 1581511680);
  ASSERT_EQ(a.extra.size(), 1u);
  EXPECT_EQ(a.extra[0].first, "Extra Kolom");
  EXPECT_EQ(r.articles[1].id, "nos-5");  // the record starts on line 5
  EXPECT_EQ(iso_date(r.articles[1]), "2020-07-01T08:00:00+02:00");
  EXPECT_TRUE(r.articles[1].extra.empty());
}

TEST(CsvReader, FieldCountMismatchIsRepaired) {
  const auto dir = fresh_dir("csv_count");
  write_file(dir / "x.csv", "title,body\nA,B,C\nD\n");
  const ReadResult r = read_all({dir.string()});
  ASSERT_EQ(r.articles.size(), 2u);
  ASSERT_EQ(r.notes.size(), 2u);
  EXPECT_EQ(r.notes[0].where, (dir / "x.csv").string() + ":2");
  EXPECT_EQ(r.notes[0].message, "expected 2 fields, found 3");
  EXPECT_FALSE(r.notes[0].skipped);
  EXPECT_EQ(r.articles[1].title, "D");
  EXPECT_EQ(r.articles[1].body, "");
}

TEST(CsvReader, HeaderWithoutTextColumnsSkipsTheFile) {
  const auto dir = fresh_dir("csv_header");
  write_file(dir / "cijfers.csv", "jaar,aantal\n2020,5\n");
  const ReadResult r = read_all({dir.string()});
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].where, (dir / "cijfers.csv").string() + ":1");
  EXPECT_NE(r.skipped[0].message.find("no title or body column"), std::string::npos);
}

}  // namespace
}  // namespace newsindex::testing
