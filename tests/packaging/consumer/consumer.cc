// A consumer of the installed library: index two articles, search, print.
#include <iostream>

#include <newsindex/newsindex.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer DBDIR\n";
    return 2;
  }
  auto writer = newsindex::IndexWriter::open(argv[1]);
  if (!writer.ok()) {
    std::cerr << writer.status().to_string() << "\n";
    return 1;
  }
  newsindex::Article a;
  a.id = "nl-test-1";
  a.title = "Gemeenteraad bespreekt begroting";
  a.body = "De gemeenteraad van Utrecht sprak dinsdag over de begroting.";
  newsindex::Article b;
  b.id = "nl-test-2";
  b.title = "NAVO breidt trainingsmissie uit";
  b.body = "De NAVO wil de trainingsmissie in Irak zo snel als mogelijk hervatten.";
  for (const auto* article : {&a, &b}) {
    if (auto s = (*writer)->add(*article); !s.ok()) {
      std::cerr << s.to_string() << "\n";
      return 1;
    }
  }
  if (auto s = (*writer)->commit(); !s.ok()) {
    std::cerr << s.to_string() << "\n";
    return 1;
  }
  writer->reset();

  auto searcher = newsindex::Searcher::open({argv[1]});
  if (!searcher.ok()) {
    std::cerr << searcher.status().to_string() << "\n";
    return 1;
  }
  newsindex::SearchRequest request;
  request.query = "missie";
  auto results = (*searcher)->search(request);
  if (!results.ok() || results->hits.empty()) {
    std::cerr << "no results: " << results.status().to_string() << "\n";
    return 1;
  }
  auto info = newsindex::read_index_info(argv[1]);
  std::cout << "consumer: newsindex " << newsindex::version() << "\n"
            << "consumer: header " << NEWSINDEX_VERSION_STRING << "\n"
            << "consumer: top hit " << results->hits[0].id << " ("
            << (info.ok() ? info->documents : 0) << " documents)\n";
  return 0;
}
