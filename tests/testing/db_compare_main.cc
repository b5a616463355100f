// newsindex_db_compare A B: are two Xapian databases identical through
// Xapian's public read API (testing/db_equivalence.h)?
// Exit status: 0 identical, 1 different (the differences on stdout),
// 2 usage error or a database that cannot be opened or read.
#include <cstdio>
#include <exception>
#include <string>

#include "testing/db_equivalence.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DATABASE_A DATABASE_B\n", argc > 0 ? argv[0] : "newsindex_db_compare");
    return 2;
  }
  try {
    std::string differences = newsindex::testing::compare_databases(argv[1], argv[2]);
    if (differences.empty()) return 0;
    std::fputs(differences.c_str(), stdout);
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "newsindex_db_compare: %s\n", e.what());
    return 2;
  }
}
