// search/searcher_impl.h: the Searcher behind newsindex/searcher.h.
#ifndef NEWSINDEX_SEARCH_SEARCHER_IMPL_H_
#define NEWSINDEX_SEARCH_SEARCHER_IMPL_H_

#include <memory>
#include <string>
#include <vector>

#include "newsindex/analyzer.h"
#include "newsindex/searcher.h"

namespace newsindex::internal {

// Searcher::open with a given analyzer (tests use this to search with other
// analysis); the databases must record `analyzer`'s identity unless
// options.override_analysis.
Result<std::unique_ptr<Searcher>> open_searcher(const std::vector<std::string>& databases,
                                                const SearcherOptions& options,
                                                std::shared_ptr<const Analyzer> analyzer);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_SEARCHER_IMPL_H_
