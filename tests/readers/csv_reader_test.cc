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

// Regression: an unbalanced quote swallowed the rows after it into one field
// (exit 0, only a repair note). When a quoted field runs on over lines that
// are rows by themselves and the record comes out malformed, its first line
// is skipped as an error and the rows are read again; a well-formed quoted
// field over several lines (a body with paragraphs) is kept.
TEST(CsvReader, UnbalancedQuoteSkipsOnlyTheBrokenRow) {
  struct Case {
    const char* rows;  // after the header "id,title,content"
    std::uint64_t max_record_bytes;
    const char* ids;      // the articles read
    const char* skipped;  // the lines skipped as unbalanced
  };
  const Case kCases[] = {
      {"c1,\"open,b1\nc2,T,b2\nc3,T,\"b3\nc4,T,b4\n", 0, "c2 c4", "2 4"},
      {"c1,T,\"een,\ntwee\"\nc2,T,b2\n", 0, "c1 c2", ""},
      {"c1,T,\"a\nx,y,z\nb\"\nc2,T,b2\n", 0, "c1 c2", ""},
      {"c1,T,\"open\nzomaar tekst\n", 0, "c1", ""},  // nothing swallowed: a note
      {"c1,T,b1\nc2,T,\"b2\n", 0, "c1 c2", ""},
      {"c1,\"open,b1\nc2,T,b2\nc3,T,b3\n\"c4\",T,b4\n", 0, "c2 c3 c4", "2"},
      // A runaway quote reaches the record limit: the rows are read again.
      {"c1,\"open,b1\nc2,T,b2\nc3,T,b3\nc4,T,b4\nc5,T,b5\nc6,T,b6\nc7,T,b7\n", 40,
       "c2 c3 c4 c5 c6 c7", "2"},
  };
  const auto dir = fresh_dir("csv_unbalanced");
  for (std::size_t i = 0; i < std::size(kCases); ++i) {
    const Case& c = kCases[i];
    SCOPED_TRACE(escape(c.rows));
    const auto file = dir / ("x" + std::to_string(i) + ".csv");
    write_file(file, std::string("id,title,content\n") + c.rows);
    ReaderOptions options;
    if (c.max_record_bytes > 0) options.max_record_bytes = c.max_record_bytes;
    const ReadResult r = read_all({file.string()}, options);
    std::string ids, skipped;
    for (const Article& a : r.articles) ids += (ids.empty() ? "" : " ") + a.id;
    for (const ReadIssue& s : r.skipped) {
      const std::string prefix = file.string() + ":";
      ASSERT_EQ(s.where.rfind(prefix, 0), 0u) << s.where;
      EXPECT_EQ(s.message,
                "unbalanced quote in CSV record: the quoted field runs into the rows after it; "
                "row skipped");
      skipped += (skipped.empty() ? "" : " ") + s.where.substr(prefix.size());
    }
    EXPECT_EQ(ids, c.ids);
    EXPECT_EQ(skipped, c.skipped);
  }
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
