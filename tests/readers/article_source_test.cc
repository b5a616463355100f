// ArticleSource: inputs, folders, stdin, format choice, progress, options.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "readers/format_detect.h"
#include "readers/reader_test_util.h"
#include "testing/test_paths.h"

namespace newsindex::testing {
namespace {

std::vector<std::string> ids(const ReadResult& r) {
  std::vector<std::string> out;
  for (const Article& a : r.articles) out.push_back(a.id);
  return out;
}

TEST(ArticleSource, FormatNames) {
  const std::pair<const char*, Format> cases[] = {
      {"auto", Format::kAuto},  {"text", Format::kText}, {"jsonl", Format::kJsonl},
      {"JSON", Format::kJsonl}, {"csv", Format::kCsv},   {"newsml", Format::kNewsml},
      {"xml", Format::kNewsml},
  };
  for (const auto& [name, format] : cases) {
    const auto f = parse_format(name);
    ASSERT_TRUE(f.ok()) << name;
    EXPECT_EQ(*f, format) << name;
  }
  const auto bad = parse_format("pdf");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("'pdf'"), std::string::npos);
  EXPECT_EQ(format_name(Format::kNewsml), "newsml");
  for (Format f : {Format::kAuto, Format::kText, Format::kJsonl, Format::kCsv, Format::kNewsml})
    EXPECT_EQ(*parse_format(format_name(f)), f);
}

TEST(ArticleSource, DetectionByExtensionAndContent) {
  using internal::format_from_path;
  using internal::sniff_format;
  EXPECT_EQ(format_from_path("a/b.txt"), Format::kText);
  EXPECT_EQ(format_from_path("b.JSONL.gz"), Format::kJsonl);
  EXPECT_EQ(format_from_path("b.ndjson"), Format::kJsonl);
  EXPECT_EQ(format_from_path("b.json"), Format::kJsonl);
  EXPECT_EQ(format_from_path("b.csv.gz"), Format::kCsv);
  EXPECT_EQ(format_from_path("b.xml"), Format::kNewsml);
  EXPECT_EQ(format_from_path("b.newsml"), Format::kNewsml);
  EXPECT_EQ(format_from_path("b.gz"), Format::kAuto);
  EXPECT_EQ(format_from_path("README"), Format::kAuto);
  EXPECT_EQ(sniff_format("\xEF\xBB\xBF  <?xml version=\"1.0\"?>"), Format::kNewsml);
  EXPECT_EQ(sniff_format("{\"id\":1}\n"), Format::kJsonl);
  EXPECT_EQ(sniff_format(" date 2020-02 Titel LH\n\n12 februari 2020"), Format::kText);
  EXPECT_EQ(sniff_format("datetime,title,content,category,url\n"), Format::kCsv);
  EXPECT_EQ(sniff_format("id;kop;tekst\n"), Format::kCsv);
  EXPECT_EQ(sniff_format("Gewoon een zin, met komma.\n"), Format::kAuto);
  EXPECT_EQ(sniff_format(""), Format::kAuto);
  EXPECT_EQ(internal::file_stem("x/2020-02.txt.gz"), "2020-02");
  EXPECT_EQ(internal::file_stem("x/notes.v2.dat"), "notes.v2");
  EXPECT_EQ(internal::file_stem("-"), "stdin");
}

TEST(ArticleSource, FoldersAreWalkedRecursivelyInSortedOrder) {
  const auto dir = fresh_dir("source_tree");
  write_file(dir / "b/2.jsonl", "{\"id\":\"b2\",\"title\":\"x\"}\n");
  write_file(dir / "a/z/1.jsonl", "{\"id\":\"az1\",\"title\":\"x\"}\n");
  write_file(dir / "a/1.jsonl", "{\"id\":\"a1\",\"title\":\"x\"}\n");
  write_file(dir / "c.jsonl", "{\"id\":\"c\",\"title\":\"x\"}\n");
  write_file(dir / ".verborgen.jsonl", "{\"id\":\"hidden\",\"title\":\"x\"}\n");
  write_file(dir / ".git/x.jsonl", "{\"id\":\"git\",\"title\":\"x\"}\n");
  write_file(dir / "leeg.txt", "");
  const ReadResult r = read_all({dir.string()});
  EXPECT_TRUE(r.skipped.empty());
  EXPECT_EQ(ids(r), (std::vector<std::string>{"a1", "az1", "b2", "c"}));
  // Paths are read in the order given.
  const ReadResult two = read_all({(dir / "c.jsonl").string(), (dir / "a").string()});
  EXPECT_EQ(ids(two), (std::vector<std::string>{"c", "a1", "az1"}));
}

TEST(ArticleSource, FormatOptionOverridesDetection) {
  const auto dir = fresh_dir("source_format");
  write_file(dir / "export.dat", "{\"id\":\"d\",\"title\":\"x\"}\n");
  write_gzip(dir / "feed.bin", "title,body\nKop,Tekst\n");  // gzip by magic bytes
  ReadResult r = read_all({dir.string()});
  EXPECT_EQ(ids(r), (std::vector<std::string>{"d", "feed-2"}));
  ReaderOptions text;
  text.format = Format::kText;
  r = read_all({(dir / "export.dat").string()}, text);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "{\"id\":\"d\",\"title\":\"x\"}");
}

TEST(ArticleSource, ReadsStandardInput) {
  const auto dir = fresh_dir("source_stdin");
  write_gzip(dir / "in.gz", "{\"title\":\"van stdin\"}\n{\"title\":\"twee\"}\n");
  const int saved = dup(STDIN_FILENO);
  const int fd = ::open((dir / "in.gz").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  dup2(fd, STDIN_FILENO);
  close(fd);
  const ReadResult r = read_all({"-"});
  dup2(saved, STDIN_FILENO);
  close(saved);
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(ids(r), (std::vector<std::string>{"stdin-1", "stdin-2"}));
  EXPECT_EQ(r.articles[0].title, "van stdin");
}

TEST(ArticleSource, MissingPathsAndBadOptionsFailAtOpen) {
  const auto dir = fresh_dir("source_missing");
  auto s = ArticleSource::open({(dir / "bestaat-niet.txt").string()});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
  EXPECT_NE(s.status().message().find("bestaat-niet.txt"), std::string::npos);
  ReaderOptions zone;
  zone.default_time_zone = "Mars/Olympus";
  s = ArticleSource::open({dir.string()}, zone);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  ReaderOptions limit;
  limit.max_record_bytes = 0;
  EXPECT_FALSE(ArticleSource::open({dir.string()}, limit).ok());
  ReaderOptions utc;
  utc.default_time_zone = "UTC";
  write_file(dir / "a.jsonl", "{\"title\":\"t\",\"date\":\"2020-02-12 13:48\"}\n");
  const ReadResult r = read_all({dir.string()}, utc);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].timestamp, 1581515280);  // 13:48 UTC
}

TEST(ArticleSource, FileThatVanishesAfterOpenIsAnIssue) {
  const auto dir = fresh_dir("source_vanish");
  write_file(dir / "a.jsonl", "{\"title\":\"a\"}\n");
  write_file(dir / "b.jsonl", "{\"title\":\"b\"}\n");
  auto source = ArticleSource::open({dir.string()});
  ASSERT_TRUE(source.ok());
  std::filesystem::remove(dir / "a.jsonl");
  Article a;
  ReadIssue issue;
  ASSERT_EQ((*source)->next(a, issue), ArticleSource::Next::kIssue);
  EXPECT_EQ(issue.where, (dir / "a.jsonl").string());
  EXPECT_EQ(issue.message, "no such file");
  ASSERT_EQ((*source)->next(a, issue), ArticleSource::Next::kArticle);
  EXPECT_EQ(a.title, "b");
  EXPECT_TRUE(issue.message.empty());  // cleared on every call
  EXPECT_EQ((*source)->next(a, issue), ArticleSource::Next::kEnd);
}

TEST(ArticleSource, ProgressCountsStoredBytes) {
  const auto dir = fresh_dir("source_progress");
  std::string lines;
  for (int i = 0; i < 8000; ++i)
    lines += "{\"title\":\"bericht " + std::to_string(i) + "\",\"body\":\"tekst\"}\n";
  write_file(dir / "a.jsonl", lines);
  write_gzip(dir / "b.jsonl.gz", lines);
  const std::uint64_t total =
      std::filesystem::file_size(dir / "a.jsonl") + std::filesystem::file_size(dir / "b.jsonl.gz");
  auto source = ArticleSource::open({dir.string()});
  ASSERT_TRUE(source.ok());
  EXPECT_EQ((*source)->bytes_total(), total);
  EXPECT_EQ((*source)->bytes_done(), 0u);
  Article a;
  ReadIssue issue;
  std::uint64_t last = 0;
  int n = 0;
  bool saw_partial = false;
  while ((*source)->next(a, issue) == ArticleSource::Next::kArticle) {
    const std::uint64_t done = (*source)->bytes_done();
    EXPECT_GE(done, last);
    EXPECT_LE(done, total);
    saw_partial |= done > 0 && done < total;
    last = done;
    ++n;
  }
  EXPECT_EQ(n, 16000);
  EXPECT_TRUE(saw_partial);
  EXPECT_EQ((*source)->bytes_done(), total);
}

}  // namespace
}  // namespace newsindex::testing
