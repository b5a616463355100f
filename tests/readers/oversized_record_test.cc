// A 50 MB article in any format is skipped under the default record limit
// (8 MiB), with an issue naming its file and line, while the articles before
// and after it are read; and reading it does not hold the 50 MB in memory.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "reader_test_util.h"
#include "testing/test_paths.h"

namespace newsindex::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kBigBytes = 50'000'000;

// Writes `head`, then `unit` repeated to kBigBytes, then `tail`; fast (64 KiB
// writes), so that the test stays quick under sanitizers too.
void write_big(const fs::path& p, std::string_view head, std::string_view unit,
               std::string_view tail) {
  std::string chunk;
  while (chunk.size() + unit.size() <= (1u << 16)) chunk += unit;
  std::ofstream out(p, std::ios::binary);
  out << head;
  for (std::uint64_t n = 0; n < kBigBytes; n += chunk.size()) out << chunk;
  out << tail;
}

// A memory figure of this process from /proc/self/status ("VmRSS:", the
// resident size now; "VmHWM:", its peak), in KiB; -1 when unknown.
long resident_kib(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::strlen(field)));
  return -1;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// Resets the peak (VmHWM) to the current resident size and returns that, in
// KiB; -1 where Linux cannot (or under ASan, whose quarantine keeps freed
// memory resident, so that peaks say little).
long reset_peak_memory() {
  if (kSanitized) return -1;
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";  // resets VmHWM to the current VmRSS
  clear.close();
  if (!clear) return -1;
  return resident_kib("VmRSS:");
}

struct Case {
  const char* name;
  const char* file;
  std::string head, unit, tail;
  std::uint64_t line;  // where the big record starts
  const char* what;    // "record", "article", "item"
};

const std::string kLine = "Een regel uit een artikel dat veel te lang is om nieuws te zijn.\n";

std::vector<Case> cases() {
  return {
      {"jsonl", "big.jsonl",
       "{\"id\":\"voor\",\"title\":\"Voor\",\"body\":\"klein\"}\n"
       "{\"id\":\"groot\",\"title\":\"Groot\",\"body\":\"",
       "woord ", "\"}\n{\"id\":\"na\",\"title\":\"Na\",\"body\":\"klein\"}\n", 2, "record"},
      {"json_array", "big.json",
       "[\n{\"id\":\"voor\",\"title\":\"Voor\"},\n{\"id\":\"groot\",\"title\":\"Groot\",\"body\":\"",
       "woord ", "\"},\n{\"id\":\"na\",\"title\":\"Na\"}\n]\n", 3, "record"},
      {"text_lines", "big.txt",
       " date 2020-02 Voor LH\n\nBron: Belga Kort.\n\n date 2020-02 Groot LH\n\n",
       kLine + kLine + kLine + "\n", "\n date 2020-02 Na LH\n\nBron: Belga Kort.\n", 5, "article"},
      {"text_one_line", "line.txt",
       " date 2020-02 Voor LH\n\nBron: Belga Kort.\n\n date 2020-02 Groot LH\n\n", "woord ",
       "\n\n date 2020-02 Na LH\n\nBron: Belga Kort.\n", 5, "article"},
      {"csv", "big.csv", "id,title,body\nvoor,Voor,klein\ngroot,Groot,\"", kLine,
       "\"\nna,Na,klein\n", 3, "record"},
      {"newsml", "big.xml",
       "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>Voor</HeadLine></NewsLines>"
       "</NewsComponent></NewsItem>\n<NewsItem><NewsComponent><NewsLines><HeadLine>Groot"
       "</HeadLine></NewsLines><ContentItem><DataContent><body>\n",
       "<p>" + kLine + "</p>\n",
       "</body></DataContent></ContentItem></NewsComponent></NewsItem>\n<NewsItem>"
       "<NewsComponent><NewsLines><HeadLine>Na</HeadLine></NewsLines></NewsComponent>"
       "</NewsItem></NewsML>\n",
       2, "item"},
  };
}

TEST(OversizedRecord, FiftyMegabytesIsSkippedInEveryFormat) {
  const fs::path dir = fresh_dir("oversized");
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    const fs::path file = dir / c.file;
    write_big(file, c.head, c.unit, c.tail);
    const long rss_before = reset_peak_memory();
    const ReadResult r = read_all({file.string()});  // default options: 8 MiB
    const long peak = resident_kib("VmHWM:");
    fs::remove(file);

    std::vector<std::string> titles;
    for (const Article& a : r.articles) titles.push_back(a.title);
    EXPECT_EQ(titles, (std::vector<std::string>{"Voor", "Na"}));
    ASSERT_EQ(r.skipped.size(), 1u);
    EXPECT_EQ(r.skipped[0].where, file.string() + ":" + std::to_string(c.line));
    EXPECT_EQ(r.skipped[0].message,
              std::string(c.what) + " larger than the record limit of 8388608 bytes");
    // Every reader stops collecting a record at the limit.
    if (rss_before >= 0 && peak >= 0) {
      EXPECT_LT(peak - rss_before, 32 * 1024) << "KiB above the resident size before reading";
    }
  }
}

TEST(OversizedRecord, TheLimitIsAnOption) {
  const fs::path dir = fresh_dir("oversized_option");
  write_file(dir / "a.jsonl", "{\"title\":\"kort\"}\n{\"title\":\"" + std::string(3000, 'x') +
                                  "\"}\n");
  ReaderOptions options;
  options.max_record_bytes = 2048;
  ReadResult r = read_all({(dir / "a.jsonl").string()}, options);
  EXPECT_EQ(r.articles.size(), 1u);
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].message, "record larger than the record limit of 2048 bytes");

  options.max_record_bytes = 4096;
  r = read_all({(dir / "a.jsonl").string()}, options);
  EXPECT_EQ(r.articles.size(), 2u);
  EXPECT_TRUE(r.skipped.empty());
  EXPECT_EQ(ReaderOptions{}.max_record_bytes, 8u << 20);
}

}  // namespace
}  // namespace newsindex::testing
