// Bad input: each kind is skipped or repaired with an issue that names the
// file and the line or record, and reading goes on.
#include <gtest/gtest.h>

#include <random>

#include "readers/reader_test_util.h"
#include "testing/test_paths.h"

namespace newsindex::testing {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(BadInput, InvalidJsonLineIsSkipped) {
  const auto dir = fresh_dir("bad_json");
  const auto file = dir / "feed.jsonl";
  write_file(file,
             "{\"id\":\"1\",\"title\":\"Goed\"}\n"
             "{\"id\":\"2\",\"title\":\"Kapot\"\n"
             "[1,2]\n"
             "{\"id\":\"4\",\"title\":\"Ook goed\"}\n");
  const ReadResult r = read_all({file.string()});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[1].id, "4");
  ASSERT_EQ(r.skipped.size(), 2u);
  EXPECT_EQ(r.skipped[0].where, file.string() + ":2");
  EXPECT_EQ(r.skipped[0].message.rfind("invalid JSON: ", 0), 0u) << r.skipped[0].message;
  EXPECT_TRUE(r.skipped[0].skipped);
  EXPECT_EQ(r.skipped[1].where, file.string() + ":3");
  EXPECT_EQ(r.skipped[1].message, "invalid record: expected a JSON object, found array");
}

// Regression: JSON nested 100,000 deep in an unknown field overflowed the
// stack (SIGSEGV in `newsindex index`) when the field was kept as extra
// metadata. Past 64 levels a record is skipped by file and line; the good
// records around it (and a record at the limit) go in.
TEST(BadInput, DeeplyNestedJsonIsSkippedAlone) {
  const auto nest = [](int depth, const char* open, const char* close) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += open;
    s += "1";
    for (int i = 0; i < depth; ++i) s += close;
    return s;
  };
  struct Case {
    std::string field;  // the value of "meta" (or of a known field)
    bool kept;
  };
  const Case kCases[] = {
      {"\"meta\":" + nest(63, "[", "]"), true},  // 64 levels with the record itself
      {"\"meta\":" + nest(64, "[", "]"), false},
      {"\"meta\":" + nest(100000, "[", "]"), false},
      {"\"meta\":" + nest(100000, "{\"a\":", "}"), false},
      {"\"tags\":" + nest(100000, "[", "]"), false},
      {"\"meta\":" + nest(100000, "[", ""), false},              // unclosed as well
      {"\"meta\":\"" + std::string(100000, '[') + "\"", true},  // brackets in a string
  };
  const auto dir = fresh_dir("bad_deep_json");
  for (std::size_t i = 0; i < std::size(kCases); ++i) {
    const Case& c = kCases[i];
    SCOPED_TRACE(c.field.substr(0, 60));
    const auto file = dir / ("deep" + std::to_string(i) + ".jsonl");
    write_file(file, "{\"id\":\"g1\",\"title\":\"Goed\"}\n"
                     "{\"id\":\"deep\",\"title\":\"Diep\"," + c.field + "}\n"
                     "{\"id\":\"g2\",\"title\":\"Ook goed\"}\n");
    const ReadResult r = read_all({file.string()});
    ASSERT_EQ(r.articles.size(), c.kept ? 3u : 2u);
    EXPECT_EQ(r.articles.front().id, "g1");
    EXPECT_EQ(r.articles.back().id, "g2");
    if (!c.kept) {
      ASSERT_EQ(r.skipped.size(), 1u);
      EXPECT_EQ(r.skipped[0].where, file.string() + ":2");
      EXPECT_EQ(r.skipped[0].message, "invalid JSON: nested more than 64 levels deep");
    } else {
      EXPECT_TRUE(r.skipped.empty());
    }
  }
}

TEST(BadInput, RecordWithoutTitleAndBodyIsSkipped) {
  const auto dir = fresh_dir("bad_empty");
  write_file(dir / "a.jsonl", "{\"id\":\"x\",\"source\":\"ANP\",\"body\":\"  \"}\n");
  write_file(dir / "b.csv", "title,content\n,\n\"\",\"\"\nKop,\n");
  const ReadResult r = read_all({dir.string()});
  ASSERT_EQ(r.articles.size(), 1u);  // "Kop" with an empty body is kept
  EXPECT_EQ(r.articles[0].title, "Kop");
  ASSERT_EQ(r.skipped.size(), 3u);
  EXPECT_EQ(r.skipped[0].where, (dir / "a.jsonl").string() + ":1");
  EXPECT_EQ(r.skipped[0].message, "record has neither title nor body");
  EXPECT_EQ(r.skipped[1].where, (dir / "b.csv").string() + ":2");
  EXPECT_EQ(r.skipped[2].where, (dir / "b.csv").string() + ":3");
}

TEST(BadInput, UnparseableDateKeepsTheArticleWithoutADate) {
  const auto dir = fresh_dir("bad_date");
  write_file(dir / "a.jsonl",
             "{\"id\":\"j\",\"title\":\"T\",\"date\":\"gisteren rond de middag\"}\n");
  write_file(dir / "b.txt",
             " date 2020-02 Kop LH\n\n31 februari 2020\n\n13u48\n\nBron: Belga Tekst.\n");
  const ReadResult r = read_all({dir.string()});
  EXPECT_TRUE(r.skipped.empty());
  ASSERT_EQ(r.articles.size(), 2u);
  ASSERT_EQ(r.notes.size(), 2u);
  for (const Article& a : r.articles) {
    EXPECT_EQ(a.timestamp, kNoTimestamp) << a.id;
    EXPECT_FALSE(a.has_time) << a.id;
  }
  EXPECT_EQ(r.articles[0].extra.at(0).second, "gisteren rond de middag");
  EXPECT_EQ(r.notes[0].where, (dir / "a.jsonl").string() + ":1");
  EXPECT_EQ(r.notes[0].message,
            "unparseable date 'gisteren rond de middag' (article kept without a date)");
  EXPECT_FALSE(r.notes[0].skipped);
  EXPECT_EQ(r.notes[1].where, (dir / "b.txt").string() + ":3");
  EXPECT_EQ(r.articles[1].body, "Tekst.");  // the time line is not body text
}

// libxml2 parses ahead in blocks and reports nothing of a block holding an
// error, so the intact item here is longer than a block (real items are).
TEST(BadInput, BrokenXmlKeepsTheItemsBeforeIt) {
  const auto dir = fresh_dir("bad_xml");
  const auto file = dir / "feed.xml";
  write_file(file,
             "<?xml version=\"1.0\"?>\n<NewsML>\n"
             "<NewsItem><NewsComponent><NewsLines><HeadLine>Heel</HeadLine>"
             "</NewsLines><ContentItem><DataContent>" +
                 std::string(3000, 'x') +
                 "</DataContent></ContentItem></NewsComponent></NewsItem>\n"
                 "<NewsItem><NewsComponent><NewsLines><HeadLine>Kapot</HeadLine>\n"
                 "</NewsLines></NewsComponent></Newsitem>\n");
  const ReadResult r = read_all({file.string()});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Heel");
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].where, file.string() + ":5");
  EXPECT_EQ(r.skipped[0].message.rfind("broken XML: ", 0), 0u) << r.skipped[0].message;

  write_file(dir / "leeg.xml", "<?xml version=\"1.0\"?><rss><channel/></rss>");
  const ReadResult empty = read_all({(dir / "leeg.xml").string()});
  ASSERT_EQ(empty.skipped.size(), 1u);
  EXPECT_NE(empty.skipped[0].message.find("no NewsML NewsItem"), std::string::npos);
}

TEST(BadInput, XmlEntitiesCannotReadFilesOrExplode) {
  const auto dir = fresh_dir("bad_xml_entities");
  write_file(dir / "xxe.xml",
             "<?xml version=\"1.0\"?>\n<!DOCTYPE x [ <!ENTITY xxe SYSTEM "
             "\"file:///etc/passwd\"> ]>\n<NewsML><NewsItem><NewsComponent><NewsLines>"
             "<HeadLine>a&xxe;b</HeadLine></NewsLines></NewsComponent></NewsItem></NewsML>");
  std::string lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE l [\n<!ENTITY l0 \"lol\">\n";
  for (int i = 1; i < 10; ++i) {
    lol += "<!ENTITY l" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) lol += "&l" + std::to_string(i - 1) + ";";
    lol += "\">\n";
  }
  lol +=
      "]>\n<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>&l9;</HeadLine>"
      "</NewsLines></NewsComponent></NewsItem></NewsML>";
  write_file(dir / "lol.xml", lol);
  const ReadResult r = read_all({dir.string()});
  // The external entity is neither loaded nor expanded.
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "ab");
  // The billion laughs are refused.
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].where.rfind((dir / "lol.xml").string(), 0), 0u);
  EXPECT_NE(r.skipped[0].message.find("broken XML"), std::string::npos);
}

// No nesting, so libxml2's loop check does not fire: one 50 KB entity
// referenced 50,000 times would be 2.5 GB of text from a 200 KB file. The
// item is skipped as over the record limit, counted before any text is built;
// the item after it is read.
TEST(BadInput, OneLargeEntityReferencedOftenIsCappedByTheRecordLimit) {
  const auto dir = fresh_dir("bad_xml_entity_amplification");
  std::string big;
  while (big.size() < 50'000) big += "woord ";
  std::string refs;
  for (int i = 0; i < 50'000; ++i) refs += "&e;";
  const std::string item2 =
      "<NewsItem><NewsComponent><NewsLines><HeadLine>Tweede bericht</HeadLine></NewsLines>"
      "<ContentItem><DataContent><p>Gewone tekst.</p></DataContent></ContentItem>"
      "</NewsComponent></NewsItem>";
  write_file(dir / "amplified.xml",
             "<?xml version=\"1.0\"?>\n<!DOCTYPE NewsML [<!ENTITY e \"" + big +
                 "\">]>\n<NewsML>\n<NewsItem><NewsComponent><NewsLines><HeadLine>Eerste"
                 "</HeadLine></NewsLines><ContentItem><DataContent><p>" + refs +
                 "</p></DataContent></ContentItem></NewsComponent></NewsItem>\n" + item2 +
                 "\n</NewsML>\n");
  const ReadResult r = read_all({dir.string()});
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].where, (dir / "amplified.xml").string() + ":4");
  EXPECT_NE(r.skipped[0].message.find("with its entities expanded) larger than the record limit"),
            std::string::npos)
      << r.skipped[0].message;
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Tweede bericht");
  // The same entity referenced a few times is ordinary text.
  write_file(dir / "amplified.xml",
             "<?xml version=\"1.0\"?>\n<!DOCTYPE NewsML [<!ENTITY e \"Belga\">]>\n<NewsML>"
             "<NewsItem><NewsComponent><NewsLines><HeadLine>&e; meldt</HeadLine></NewsLines>"
             "<ContentItem><DataContent><p>Dat meldt &e;.</p></DataContent></ContentItem>"
             "</NewsComponent></NewsItem></NewsML>\n");
  const ReadResult small = read_all({dir.string()});
  ASSERT_EQ(small.articles.size(), 1u);
  EXPECT_EQ(small.articles[0].title, "Belga meldt");
  EXPECT_TRUE(small.skipped.empty());
}

TEST(BadInput, InvalidUtf8IsRepairedWithALocation) {
  const auto dir = fresh_dir("bad_utf8");
  write_file(dir / "a.jsonl", "{\"title\":\"ok\"}\n{\"title\":\"caf\xE9\"}\n");
  write_file(dir / "b.txt",
             " date 2020-02 Kop LH\n\n12 februari 2020\n\nBron: Belga Een\n\n"
             "twee caf\xE9 \xFF\n");
  write_file(dir / "c.csv", "title,body\nx,\"\xC3\"\n");
  const ReadResult r = read_all({dir.string()});
  ASSERT_EQ(r.articles.size(), 4u);
  EXPECT_TRUE(r.skipped.empty());
  EXPECT_EQ(r.articles[0].title, "ok");
  EXPECT_EQ(r.articles[1].title, "caf" + kFffd);
  EXPECT_EQ(r.articles[2].body, "Een\n\ntwee caf" + kFffd + " " + kFffd);
  EXPECT_EQ(r.articles[3].body, kFffd);
  ASSERT_EQ(r.notes.size(), 3u);
  EXPECT_EQ(r.notes[0].where, (dir / "a.jsonl").string() + ":2");
  EXPECT_EQ(r.notes[1].where, (dir / "b.txt").string() + ":7");
  EXPECT_EQ(r.notes[1].message, "invalid UTF-8: 2 byte sequence(s) replaced by U+FFFD");
  EXPECT_EQ(r.notes[2].where, (dir / "c.csv").string() + ":2");
  for (const ReadIssue& n : r.notes) EXPECT_FALSE(n.skipped);
}

TEST(BadInput, ALineOfNulBytesCostsOnlyItsRecord) {
  // A text file with one damaged record is not a binary file: the good
  // records around it go in, the damaged one is skipped, named by line.
  const auto dir = fresh_dir("bad_nul_line");
  const std::string nul_line(40, '\0');
  std::string jsonl;
  for (int i = 0; i < 20; ++i) {
    jsonl += "{\"id\":\"j" + std::to_string(i) + "\",\"title\":\"Titel\",\"body\":\"Tekst\"}\n";
    if (i == 9) jsonl += nul_line + "\n";
  }
  write_file(dir / "a.jsonl", jsonl);
  const ReadResult r = read_all({(dir / "a.jsonl").string()});
  EXPECT_EQ(r.articles.size(), 20u);
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].where, (dir / "a.jsonl").string() + ":11");
}

// NUL bytes inside one record of each format: every record is read (CSV and
// text repair the field; NewsML's bytes become spaces before libxml2, which
// would stop at the first one and lose the rest of the file), no field keeps
// a NUL, and the repair is noted with file and line.
TEST(BadInput, NulBytesInsideARecordCostAtMostThatRecord) {
  const auto dir = fresh_dir("bad_nul_in_record");
  const std::string nul("\0\0\0", 3);
  std::string csv = "id,title,body\n";
  std::string text;
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NewsML>\n";
  for (int i = 0; i < 10; ++i) {
    const std::string n = std::to_string(i);
    const std::string body = i == 4 ? "Tekst met " + nul + " erin" : "Gewone tekst " + n;
    csv += "c" + n + ",Titel " + n + "," + body + "\n";
    text += "date 2020-02 Titel " + n + " LH\n\n12 februari 2020\n\n13u48\n\nBron: Belga " +
            body + ".\n\n";
    xml += "<NewsItem><Identification><NewsIdentifier><PublicIdentifier>urn:x:" + n +
           "</PublicIdentifier></NewsIdentifier></Identification><NewsComponent><NewsLines>"
           "<HeadLine>Titel " + n + "</HeadLine></NewsLines><ContentItem><DataContent><p>" +
           body + "</p></DataContent></ContentItem></NewsComponent></NewsItem>\n";
  }
  xml += "</NewsML>\n";
  write_file(dir / "a.csv", csv);
  write_file(dir / "a.txt", text);
  write_file(dir / "a.xml", xml);
  const struct {
    const char* file;
    std::size_t at_least;  // articles read
  } cases[] = {{"a.csv", 10}, {"a.txt", 10}, {"a.xml", 10}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const ReadResult r = read_all({(dir / c.file).string()});
    EXPECT_GE(r.articles.size(), c.at_least);
    EXPECT_LE(r.articles.size() + r.skipped.size(), 10u);
    for (const Article& a : r.articles) {
      for (const std::string* f : {&a.id, &a.title, &a.body, &a.lead}) {
        EXPECT_EQ(f->find('\0'), std::string::npos) << a.id;
      }
    }
    for (const ReadIssue& i : r.skipped) {
      EXPECT_EQ(i.where.rfind((dir / c.file).string() + ":", 0), 0u) << i.where;
    }
    if (r.articles.size() < 10) {
      EXPECT_FALSE(r.skipped.empty()) << "a record was lost without a word";
    }
    ASSERT_EQ(r.notes.size(), 1u) << "the repair is said";
    EXPECT_EQ(r.notes[0].where.rfind((dir / c.file).string() + ":", 0), 0u);
  }
}

TEST(BadInput, BinaryFilesAreSkippedByName) {
  const auto dir = fresh_dir("bad_binary");
  write_file(dir / "foto.jpg", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10));
  write_file(dir / "data.jsonl", std::string("{\"title\":\"x\"}\n\0\0\0\x01\x02", 19));
  write_gzip(dir / "z.txt.gz", std::string("%PDF-1.4\n\0\0", 11));
  write_file(dir / "ok.txt", "Titel\n\nTekst.\n");
  const ReadResult r = read_all({dir.string()});
  ASSERT_EQ(r.articles.size(), 1u);
  ASSERT_EQ(r.skipped.size(), 3u);
  EXPECT_EQ(r.skipped[0].where, (dir / "data.jsonl").string());
  EXPECT_EQ(r.skipped[0].message, "binary file (contains NUL bytes), not text; file skipped");
  EXPECT_EQ(r.skipped[1].where, (dir / "foto.jpg").string());
  EXPECT_EQ(r.skipped[1].message, "binary file (a JPEG image), not text; file skipped");
  EXPECT_EQ(r.skipped[2].where, (dir / "z.txt.gz").string());
  EXPECT_EQ(r.skipped[2].message, "binary file (a PDF file), not text; file skipped");
}

// Only a file binary throughout is skipped whole. Records of NUL bytes that
// fill much of the first 8 KiB (the sniffed head) of a text file cost only
// themselves, plain or gzip; so do NUL records that fill the whole head of a
// plain file whose end is text. A file of binary blocks start to end, with
// no magic number, is still skipped by name.
TEST(BadInput, NulRecordsInTheHeadCostOnlyThemselves) {
  const auto dir = fresh_dir("bad_nul_head");
  const std::string nul_line(3000, '\0');
  auto good = [](int i) {
    return "{\"id\":\"j" + std::to_string(i) + "\",\"title\":\"Titel\",\"body\":\"Tekst\"}\n";
  };
  std::string mixed, leading = good(0);
  for (int i = 0; i < 120; ++i) {
    mixed += good(i);
    if (i == 19) mixed += nul_line + "\n";  // line 21
  }
  for (int i = 0; i < 3; ++i) leading += nul_line + "\n";  // lines 2-4: the whole head
  for (int i = 1; i < 300; ++i) leading += good(i);
  std::string binary(20000, '\0');
  std::uint32_t x = 12345;
  for (std::size_t i = 0; i < binary.size(); ++i) {
    x = x * 1103515245u + 12345u;
    if (i % 4 != 0) binary[i] = static_cast<char>(x >> 24);
  }
  write_file(dir / "a.jsonl", mixed);
  write_gzip(dir / "b.jsonl.gz", mixed);
  write_file(dir / "c.jsonl", leading);
  write_file(dir / "d.jsonl", binary);
  const ReadResult r = read_all({dir.string()});
  EXPECT_EQ(r.articles.size(), 120u + 120u + 300u);
  ASSERT_EQ(r.skipped.size(), 6u);
  EXPECT_EQ(r.skipped[0].where, (dir / "a.jsonl").string() + ":21");
  EXPECT_EQ(r.skipped[1].where, (dir / "b.jsonl.gz").string() + ":21");
  EXPECT_EQ(r.skipped[2].where, (dir / "c.jsonl").string() + ":2");
  EXPECT_EQ(r.skipped[4].where, (dir / "c.jsonl").string() + ":4");
  EXPECT_EQ(r.skipped[5].where, (dir / "d.jsonl").string());
  EXPECT_EQ(r.skipped[5].message, "binary file (contains NUL bytes), not text; file skipped");
}

TEST(BadInput, RecordsOverTheLimitAreSkipped) {
  const auto dir = fresh_dir("bad_huge");
  const std::string big(5000, 'x');
  write_file(dir / "a.jsonl",
             "{\"title\":\"klein\"}\n{\"title\":\"" + big + "\"}\n{\"title\":\"ook klein\"}\n");
  write_file(dir / "b.txt", " date 2020-02 Groot LH\n\nBron: Belga " + big.substr(0, 600) + "\n\n" +
                                big.substr(0, 600) +
                                "\n\n date 2020-02 Klein LH\n\nBron: Belga Kort.\n");
  write_file(dir / "c.csv",
             "title,body\na,\"" + big.substr(0, 700) + "\n" + big.substr(0, 700) + "\"\nb,kort\n");
  write_file(dir / "d.xml", "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>" + big +
                                "</HeadLine></NewsLines></NewsComponent>"
                                "</NewsItem><NewsItem><NewsComponent><NewsLines>"
                                "<HeadLine>k</HeadLine></NewsLines></NewsComponent>"
                                "</NewsItem></NewsML>");
  ReaderOptions options;
  options.max_record_bytes = 1024;
  const ReadResult r = read_all({dir.string()}, options);
  std::vector<std::string> titles;
  for (const Article& a : r.articles) titles.push_back(a.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"klein", "ook klein", "Klein", "b", "k"}));
  ASSERT_EQ(r.skipped.size(), 4u);
  EXPECT_EQ(r.skipped[0].where, (dir / "a.jsonl").string() + ":2");
  EXPECT_EQ(r.skipped[0].message, "record larger than the record limit of 1024 bytes");
  EXPECT_EQ(r.skipped[1].where, (dir / "b.txt").string() + ":1");
  EXPECT_EQ(r.skipped[2].where, (dir / "c.csv").string() + ":2");
  EXPECT_EQ(r.skipped[3].where, (dir / "d.xml").string() + ":1");
  EXPECT_EQ(r.skipped[3].message, "item larger than the record limit of 1024 bytes");
}

TEST(BadInput, CorruptGzipIsReported) {
  const auto dir = fresh_dir("bad_gzip");
  std::string lines;
  for (int i = 0; i < 3000; ++i) lines += "{\"title\":\"bericht " + std::to_string(i) + "\"}\n";
  write_gzip(dir / "x.jsonl.gz", lines);
  std::string bytes = read_text(dir / "x.jsonl.gz");
  bytes.resize(bytes.size() / 2);  // cut short
  write_file(dir / "x.jsonl.gz", bytes);
  const ReadResult r = read_all({dir.string()});
  EXPECT_LT(r.articles.size(), 3000u);
  ASSERT_FALSE(r.skipped.empty());
  const ReadIssue& last = r.skipped.back();
  EXPECT_EQ(last.where.rfind((dir / "x.jsonl.gz").string() + ":", 0), 0u) << last.where;
  EXPECT_NE(last.message.find("gzip"), std::string::npos) << last.message;
}

TEST(BadInput, GzipThatIsNotGzipIsReported) {
  const auto dir = fresh_dir("bad_gzip_magic");
  static constexpr char kBytes[] = "\x1F\x8B\x08\x00garbage-after-the-magic";
  write_file(dir / "x.gz", std::string(kBytes, sizeof kBytes - 1));
  const ReadResult r = read_all({dir.string()});
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].where, (dir / "x.gz").string());
  EXPECT_NE(r.skipped[0].message.find("corrupt gzip data"), std::string::npos)
      << r.skipped[0].message;
  // zlib names the descriptor ("<fd:5>: "); the where names the file.
  EXPECT_EQ(r.skipped[0].message.find("<fd:"), std::string::npos) << r.skipped[0].message;
}

// Mangled versions of valid inputs, in every format: the readers must end
// every file without crashing (run under ASan/UBSan in CI).
TEST(BadInput, MangledInputNeverCrashes) {
  const auto dir = fresh_dir("bad_fuzz");
  const std::string seeds[] = {
      " date 2020-02 Kop LH\n\n12 februari 2020\n\n13u48\n\nBron: Belga 1 Tekst.\n\n"
      " date 2020-03 Twee\n\n3/3/2020\n\nBron: ANP x\n",
      "{\"id\":\"1\",\"title\":\"T\",\"body\":\"B\",\"date\":\"2020-02-12T13:48:00+01:00\","
      "\"authors\":[\"a\",\"b\"],\"tags\":\"t\"}\n{\"title\":\"U\"}\n",
      "datetime,title,content\n2020-02-12 13:48,\"a,b\",\"c\n\"\"d\"\"\"\nx,y,z\n",
      "<?xml version=\"1.0\"?><NewsML><NewsItem><Identification><NewsIdentifier>"
      "<NewsItemId>1</NewsItemId></NewsIdentifier></Identification><NewsManagement>"
      "<FirstCreated>20200212T134800</FirstCreated></NewsManagement><NewsComponent "
      "xml:lang=\"nl\"><NewsLines><HeadLine>H</HeadLine></NewsLines><ContentItem>"
      "<DataContent><nitf><body><body.content><p>p</p></body.content></body></nitf>"
      "</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>",
      "[{\"id\":\"1\",\"title\":\"T\",\"tags\":[\"a\",\"b\"]},\n \"x\", {\"body\":\"q\\\"\"}]",
      "{\n  \"title\": \"T\",\n  \"x\": [1, {\"y\": \"]\"}]\n}\n{\n  \"body\": \"b\"\n}\n",
  };
  const Format formats[] = {Format::kText,   Format::kJsonl, Format::kCsv,
                            Format::kNewsml, Format::kJsonl, Format::kJsonl};
  std::mt19937 rng(20200212);
  int runs = 0;
  for (int f = 0; f < 6; ++f) {
    for (int round = 0; round < 150; ++round) {
      std::string s = seeds[f];
      const int edits = 1 + static_cast<int>(rng() % 6);
      for (int e = 0; e < edits && !s.empty(); ++e) {
        const std::size_t at = rng() % s.size();
        switch (rng() % 4) {
          case 0:
            s[at] = static_cast<char>(rng() % 256);
            break;
          case 1:
            s.erase(at, 1 + rng() % 8);
            break;
          case 2:
            s.insert(at, std::string(1 + rng() % 3, "\"<>{}\n,\\\xC3\0"[rng() % 11]));
            break;
          case 3:
            s.resize(at);
            break;
        }
      }
      const auto file = dir / ("f" + std::to_string(f) + "_" + std::to_string(round));
      write_file(file, s);
      ReaderOptions options;
      options.format = formats[f];
      options.max_record_bytes = 64 + rng() % 512;
      const ReadResult r = read_all({file.string()}, options);
      ASSERT_TRUE(r.status.ok());
      for (const ReadIssue& i : r.skipped) {
        EXPECT_EQ(i.where.rfind(file.string(), 0), 0u) << i.where;
        EXPECT_FALSE(i.message.empty());
      }
      for (const Article& a : r.articles) {
        EXPECT_FALSE(a.id.empty());
        EXPECT_FALSE(a.title.empty() && a.body.empty());
      }
      ++runs;
    }
  }
  EXPECT_EQ(runs, 900);
}

}  // namespace
}  // namespace newsindex::testing
