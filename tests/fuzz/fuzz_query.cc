// Fuzz target: the query language end to end. Arbitrary bytes as a query,
// through the lexer, parser, builder (with the Dutch analyzer) and Xapian's
// matcher, on a small database made once. Any query must give results or
// an error Status, and never more hits than asked for. fuzz_query_parser
// fuzzes the lexer and parser alone (faster), fuzz_analyzer the analyzer.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "newsindex/searcher.h"
#include "newsindex/writer.h"

namespace {

newsindex::Searcher* searcher() {
  static std::unique_ptr<newsindex::Searcher> s = [] {
    const std::string dir = (std::filesystem::temp_directory_path() /
                             ("newsindex-fuzz-query-" + std::to_string(::getpid())))
                                .string();
    std::filesystem::remove_all(dir);
    auto w = newsindex::IndexWriter::open(dir);
    if (!w.ok()) __builtin_trap();
    const char* texts[][2] = {
        {"NAVO breidt trainingsmissie in Irak uit", "De NAVO is klaar om de missie uit te breiden."},
        {"Auto's in 's-Hertogenbosch", "Het INF-verdrag en het IJsselmeer: één auto, een fiets."},
        {"Weerbericht", "Morgen zonnig en droog in Antwerpen."}};
    int n = 0;
    for (const auto& t : texts) {
      newsindex::Article a;
      a.id = "fuzz-" + std::to_string(n++);
      a.title = t[0];
      a.body = t[1];
      a.timestamp = 1581508800 + n * 86400;
      a.source = "Belga";
      a.outlet = "NOS";
      if (!(*w)->add(a).ok()) __builtin_trap();
    }
    if (!(*w)->commit().ok()) __builtin_trap();
    auto opened = newsindex::Searcher::open({dir});
    if (!opened.ok()) __builtin_trap();
    std::filesystem::remove_all(dir);  // open file handles keep it readable
    return std::move(*opened);
  }();
  return s.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  newsindex::SearchRequest request;
  request.query = text;
  request.limit = 5;
  request.collapse = (size & 1) != 0;
  request.facets = {"source", "month"};
  auto results = searcher()->search(request);
  if (results.ok() && results->hits.size() > 5) __builtin_trap();
  return 0;
}
