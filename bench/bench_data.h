// bench/bench_data.h: fixed benchmark inputs.
#ifndef NEWSINDEX_BENCH_BENCH_DATA_H_
#define NEWSINDEX_BENCH_BENCH_DATA_H_

#include <cstddef>
#include <string>
#include <vector>

#include "newsindex/article.h"

namespace newsindex::bench {

// Up to `max_articles` articles, in file order, from ../shared/corpora (the
// three corpora, or only `corpus` when non-empty, e.g. "dpgmedia2019"), or
// from corpora/sample when ../shared is absent. `source` says which was used.
std::vector<Article> load_articles(std::size_t max_articles, std::string* source = nullptr,
                                   const std::string& corpus = "");

// Total bytes of title + body.
std::size_t text_bytes(const std::vector<Article>& articles);

}  // namespace newsindex::bench

#endif  // NEWSINDEX_BENCH_BENCH_DATA_H_
