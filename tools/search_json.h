// tools/search_json.h: the JSON of search results, one schema for the CLI's
// --json and the HTTP service (docs/json.md).
#ifndef NEWSINDEX_TOOLS_SEARCH_JSON_H_
#define NEWSINDEX_TOOLS_SEARCH_JSON_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "newsindex/searcher.h"

namespace newsindex::tools {

// {"query", "total", "hits", "facets", "suggestion", "warnings"[, "explain"]};
// snippets (HTML-escaped, <b> around matches) only when request.snippets.
nlohmann::json search_results_json(const SearchResults& results, const SearchRequest& request);

// more like this: {"id", "total": {"estimate"}, "hits"}, hits as above.
nlohmann::json similar_results_json(std::string_view id, const SearchResults& results);

// the copies of a wire story: {"id", "total": {"estimate"}, "copies"}, hits
// as above without score or snippet.
nlohmann::json copies_results_json(std::string_view id, const SearchResults& results);

// {"id", "title", "date", "source", "outlet", "category", "url", "text"}.
nlohmann::json stored_article_json(const StoredArticle& article);

}  // namespace newsindex::tools

#endif  // NEWSINDEX_TOOLS_SEARCH_JSON_H_
