// search/searcher_impl.h: the Searcher behind newsindex/searcher.h.
#ifndef NEWSINDEX_SEARCH_SEARCHER_IMPL_H_
#define NEWSINDEX_SEARCH_SEARCHER_IMPL_H_

#include <memory>
#include <string>
#include <vector>

#include "newsindex/analyzer.h"
#include "newsindex/searcher.h"

namespace newsindex::internal {

// Searcher::open: with `analyzer`, which the databases must record unless
// options.override_analysis; without (nullptr), with the analyzer the first
// database records, made again (analysis/analyzer_identity.h).
Result<std::unique_ptr<Searcher>> open_searcher(const std::vector<std::string>& databases,
                                                const SearcherOptions& options,
                                                std::shared_ptr<const Analyzer> analyzer);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_SEARCHER_IMPL_H_
