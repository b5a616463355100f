// serve/search_params.h: HTTP query parameters -> a SearchRequest, with the
// service's limits. Every refusal names the parameter (a 400 answer).
#ifndef NEWSINDEX_TOOLS_SERVE_SEARCH_PARAMS_H_
#define NEWSINDEX_TOOLS_SERVE_SEARCH_PARAMS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "newsindex/searcher.h"
#include "newsindex/status.h"

namespace newsindex::tools {

// The decoded query string, as cpp-httplib gives it (a name may repeat).
using Params = std::multimap<std::string, std::string>;

struct ServeLimits {
  std::size_t max_query_bytes = 1024;   // q
  std::uint32_t max_limit = 100;        // limit
  std::uint32_t max_offset = 10000;     // offset
  std::size_t max_body_bytes = 16u << 20;  // POST /api/documents
  int timeout_seconds = 10;             // reading a request, writing an answer
};

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or bytes
// past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// GET /api/search: q, limit, offset, since, until, source, outlet, category,
// language (each repeatable or comma-separated), sort=relevance|date,
// facets=a,b, collapse=0|1, snippets=0|1, recency=7d, repair=0|1 (see
// search_repairs). Unknown names, values
// that are not valid UTF-8, out-of-range numbers and bad dates are refused
// with kInvalidArgument.
Status search_request_from_params(const Params& params, const ServeLimits& limits,
                                  SearchRequest& out);

// repair=1: a malformed query is answered as the parser repaired it, with
// its warnings (the CLI's behaviour); by default it is refused with 400.
bool search_repairs(const Params& params);

// Refuses any parameter not in `allowed` (kInvalidArgument naming it), and
// values that are not valid UTF-8.
Status check_params(const Params& params, const std::vector<std::string_view>& allowed);

// Parses the decimal `name`=`text` into [0, max]; kInvalidArgument otherwise.
Status parse_count(std::string_view name, std::string_view text, std::uint32_t max,
                   std::uint32_t& out);

}  // namespace newsindex::tools

#endif  // NEWSINDEX_TOOLS_SERVE_SEARCH_PARAMS_H_
