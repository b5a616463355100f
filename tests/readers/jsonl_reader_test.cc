// The JSON Lines reader, on fixtures and on the first records of each real
// corpus in ../shared/corpora (compared with an independent parse).
#include <gtest/gtest.h>
#include <zlib.h>

#include <nlohmann/json.hpp>

#include "readers/reader_test_util.h"
#include "testing/test_paths.h"

namespace newsindex::testing {
namespace {

constexpr std::size_t kSampled = 2000;

// The first `n` lines of a .jsonl.gz file, read with zlib directly.
std::vector<std::string> first_lines(const std::filesystem::path& p, std::size_t n) {
  std::vector<std::string> lines;
  gzFile gz = gzopen(p.c_str(), "rb");
  if (gz == nullptr) return lines;
  std::string line;
  char buf[1 << 16];
  while (lines.size() < n && gzgets(gz, buf, sizeof buf) != nullptr) {
    line += buf;
    if (!line.empty() && line.back() == '\n') {
      line.pop_back();
      lines.push_back(line);
      line.clear();
    }
  }
  gzclose(gz);
  return lines;
}

TEST(JsonlReader, FirstRecordsOfEachSharedCorpus) {
  NEWSINDEX_REQUIRE_SHARED();
  const auto corpora = shared_dir() / "corpora";
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpora)) {
    if (entry.path().string().size() < 9 ||
        entry.path().string().substr(entry.path().string().size() - 9) != ".jsonl.gz")
      continue;
    ++files;
    SCOPED_TRACE(entry.path().string());
    const std::vector<std::string> lines = first_lines(entry.path(), kSampled);
    ASSERT_FALSE(lines.empty());
    auto source = ArticleSource::open({entry.path().string()});
    ASSERT_TRUE(source.ok()) << source.status().to_string();
    Article a;
    ReadIssue issue;
    for (const std::string& line : lines) {
      ASSERT_EQ((*source)->next(a, issue), ArticleSource::Next::kArticle)
          << issue.where << ": " << issue.message;
      EXPECT_TRUE(issue.message.empty()) << issue.where << ": " << issue.message;
      const auto j = nlohmann::json::parse(line);
      EXPECT_EQ(a.id, j.at("id").get<std::string>());
      EXPECT_EQ(a.title, j.value("title", ""));
      EXPECT_EQ(a.body, j.value("body", ""));
      EXPECT_EQ(a.outlet, j.value("outlet", ""));
      EXPECT_EQ(a.category, j.value("category", ""));
      EXPECT_EQ(a.language, j.value("lang", "nl"));
      EXPECT_FALSE(a.lead.empty() && !a.body.empty());
      if (j.contains("date")) {
        const std::string date = j["date"].get<std::string>();
        ASSERT_NE(a.timestamp, kNoTimestamp) << date;
        const std::string iso = iso_date(a);
        if (date.size() == 25) {
          EXPECT_EQ(iso, date);  // "2019-04-08T01:02:32+00:00"
        } else {
          // Without an offset: Brussels wall-clock time is kept.
          EXPECT_EQ(iso.substr(0, date.size()), date);
          EXPECT_EQ(a.time_zone, "Europe/Brussels");
        }
      } else {
        EXPECT_EQ(a.timestamp, kNoTimestamp);
      }
    }
    EXPECT_GT((*source)->bytes_done(), 0u);
    EXPECT_LE((*source)->bytes_done(), (*source)->bytes_total());
  }
  EXPECT_GE(files, 1);
}

TEST(JsonlReader, KeysAndTypes) {
  const auto dir = fresh_dir("jsonl_keys");
  write_file(
      dir / "x.ndjson",
      R"({"id":"a","title":"T","body":"B","authors":"Enkel Auteur","tags":"los","lang":"nl-BE","nested":{"k":[1,2]},"n":null})"
      "\n"
      R"({"headline":"Kop","text":"Tekst","guid":"g-1","published":"2020-02-12T13:48:00+01:00","link":"https://example.org"})"
      "\n");
  const ReadResult r = read_all({dir.string()});
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.authors, std::vector<std::string>{"Enkel Auteur"});
  EXPECT_EQ(a.tags, std::vector<std::string>{"los"});
  EXPECT_EQ(a.language, "nl-BE");
  ASSERT_EQ(a.extra.size(), 1u);  // null values are dropped
  EXPECT_EQ(a.extra[0].first, "nested");
  EXPECT_EQ(a.extra[0].second, R"({"k":[1,2]})");
  const Article& b = r.articles[1];
  EXPECT_EQ(b.id, "g-1");
  EXPECT_EQ(b.title, "Kop");
  EXPECT_EQ(b.body, "Tekst");
  EXPECT_EQ(b.url, "https://example.org");
  EXPECT_EQ(b.timestamp, 1581511680);
}

TEST(JsonlReader, ErrorsQuoteAtMostSixtyBytesOfTheInput) {
  // nlohmann's message quotes the bad token whole: a 100 KB number would be
  // a 100 KB error line.
  const auto dir = fresh_dir("jsonl_quote_cap");
  const std::string digits(100000, '1');
  write_file(dir / "a.jsonl", "{\"id\":\"a1\",\"title\":\"T\",\"date\":" + digits +
                                  "}\n{\"id\":\"a2\",\"title\":\"Goed\"}\n");
  const ReadResult r = read_all({(dir / "a.jsonl").string()});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "a2");
  ASSERT_EQ(r.skipped.size(), 1u);
  const std::string& m = r.skipped[0].message;
  EXPECT_LT(m.size(), 200u) << m.substr(0, 300);
  EXPECT_NE(m.find("number overflow"), std::string::npos) << m.substr(0, 300);
  EXPECT_NE(m.find("'" + std::string(60, '1') + "…'"), std::string::npos) << m.substr(0, 300);
  EXPECT_EQ(r.skipped[0].where, (dir / "a.jsonl").string() + ":1");
}

TEST(JsonlReader, MissingIdsAreDerivedFromStemAndLine) {
  const auto dir = fresh_dir("jsonl_ids");
  write_gzip(dir / "export.jsonl.gz", "{\"title\":\"Een\"}\n\n{\"title\":\"Twee\"}\n");
  const ReadResult r = read_all({(dir / "export.jsonl.gz").string()});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "export-1");
  EXPECT_EQ(r.articles[1].id, "export-3");
  // Reading again gives the same ids.
  const ReadResult again = read_all({(dir / "export.jsonl.gz").string()});
  ASSERT_EQ(again.articles.size(), 2u);
  EXPECT_EQ(again.articles[1].id, "export-3");
}

TEST(JsonlReader, JsonArrayFiles) {
  const auto dir = fresh_dir("jsonl_array");
  write_file(dir / "mooi.json",
             "\xEF\xBB\xBF[\n  {\n    \"title\": \"Een, met [haken] en {accolades}\",\n"
             "    \"body\": \"\\\"Citaat\\\"\"\n  },\n  {\"title\": \"Twee\"}\n]\n");
  write_file(dir / "plat.json",
             R"([{"id":"p1","title":"A"},42,{"id":"p3","title":"C","tags":["x"]}])");
  ReaderOptions options;
  const ReadResult r = read_all({dir.string()}, options);
  ASSERT_EQ(r.articles.size(), 4u);
  EXPECT_EQ(r.articles[0].id, "mooi-1");
  EXPECT_EQ(r.articles[0].title, "Een, met [haken] en {accolades}");
  EXPECT_EQ(r.articles[0].body, "\"Citaat\"");
  EXPECT_EQ(r.articles[1].id, "mooi-2");
  EXPECT_EQ(r.articles[2].id, "p1");
  EXPECT_EQ(r.articles[3].id, "p3");
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].where, (dir / "plat.json").string() + ":1");
  EXPECT_EQ(r.skipped[0].message, "invalid record: expected a JSON object, found number");
  // Where: the line each element starts on.
  write_file(dir / "mooi.json", "[\n{\"title\":\"a\"},\n\n{\"title\": 1 2}\n]");
  const ReadResult bad = read_all({(dir / "mooi.json").string()});
  ASSERT_EQ(bad.skipped.size(), 1u);
  EXPECT_EQ(bad.skipped[0].where, (dir / "mooi.json").string() + ":4");
}

TEST(JsonlReader, PrettyPrintedObjectsOneAfterAnother) {
  const auto dir = fresh_dir("jsonl_sequence");
  write_file(dir / "mooi.jsonl",
             "{\n  \"id\": \"s1\",\n  \"title\": \"Een\"\n}\n"
             "{\n  \"title\": \"Twee {niet} [lastig]\"\n}\n\n"
             "{\n  \"title\": \"Drie\",\n  \"body\": 1 2\n}\n");
  const ReadResult r = read_all({dir.string()});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "s1");
  EXPECT_EQ(r.articles[1].id, "mooi-2");
  EXPECT_EQ(r.articles[1].title, "Twee {niet} [lastig]");
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].where, (dir / "mooi.jsonl").string() + ":9");
  EXPECT_EQ(r.skipped[0].message.rfind("invalid JSON: ", 0), 0u);
}

TEST(JsonlReader, TruncatedAndOversizedArrayElements) {
  const auto dir = fresh_dir("jsonl_array_bad");
  write_file(dir / "a.json", "[{\"title\":\"" + std::string(3000, 'x') +
                                 "\"},{\"title\":\"kort\"},{\"title\":\"afgebr");
  ReaderOptions options;
  options.max_record_bytes = 1000;
  const ReadResult r = read_all({dir.string()}, options);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "kort");
  EXPECT_EQ(r.articles[0].id, "a-2");
  ASSERT_EQ(r.skipped.size(), 2u);
  EXPECT_EQ(r.skipped[0].message, "record larger than the record limit of 1000 bytes");
  EXPECT_EQ(r.skipped[1].message.rfind("invalid JSON: ", 0), 0u) << r.skipped[1].message;
}

}  // namespace
}  // namespace newsindex::testing
