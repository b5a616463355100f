#include "serve/search_params.h"

#include <algorithm>
#include <charconv>

#include "cli_common.h"

namespace newsindex::tools {
namespace {

constexpr std::string_view kSearchParams[] = {
    "q",        "limit",    "offset", "since", "until",    "source",   "outlet",
    "category", "language", "sort",   "facets", "collapse", "snippets", "recency", "repair"};

constexpr std::string_view kFacets[] = {"source", "outlet", "category", "language", "year",
                                        "month"};

Status bad(std::string_view name, std::string_view why) {
  return Status::invalid_argument("parameter '" + std::string(name) + "': " + std::string(why));
}

Status parse_flag(std::string_view name, std::string_view text, bool& out) {
  if (text == "1" || text == "true" || text == "yes" || text == "on") {
    out = true;
  } else if (text == "0" || text == "false" || text == "no" || text == "off" || text.empty()) {
    out = false;
  } else {
    return bad(name, "expected 0 or 1");
  }
  return Status();
}

void add_list(std::string_view text, std::vector<std::string>& out) {
  for (std::string& v : split_list(text)) out.push_back(std::move(v));
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int n;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<std::size_t>(n) >= s.size()) return false;  // cut short
    for (int k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += static_cast<std::size_t>(n) + 1;
  }
  return true;
}

bool search_repairs(const Params& params) {
  bool repair = false;
  if (auto it = params.find("repair"); it != params.end()) {
    parse_flag("repair", it->second, repair).ignore_error();  // checked by the request
  }
  return repair;
}

Status check_params(const Params& params, const std::vector<std::string_view>& allowed) {
  for (const auto& [name, value] : params) {
    if (!is_valid_utf8(name)) return Status::invalid_argument("a parameter name is not valid UTF-8");
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return Status::invalid_argument("unknown parameter '" + name + "'");
    }
    if (!is_valid_utf8(value)) return bad(name, "not valid UTF-8");
  }
  return Status();
}

Status parse_count(std::string_view name, std::string_view text, std::uint32_t max,
                   std::uint32_t& out) {
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    return bad(name, "expected a whole number");
  }
  if (v > max) return bad(name, "at most " + std::to_string(max));
  out = static_cast<std::uint32_t>(v);
  return Status();
}

Status search_request_from_params(const Params& params, const ServeLimits& limits,
                                  SearchRequest& out) {
  if (Status st = check_params(params, {std::begin(kSearchParams), std::end(kSearchParams)});
      !st.ok()) {
    return st;
  }
  out = SearchRequest{};
  out.snippets = true;
  for (const auto& [name, value] : params) {
    Status st;
    if (name == "q") {
      if (value.size() > limits.max_query_bytes) {
        return bad(name, "longer than " + std::to_string(limits.max_query_bytes) + " bytes");
      }
      if (!out.query.empty()) out.query += ' ';
      out.query += value;
    } else if (name == "limit") {
      st = parse_count(name, value, limits.max_limit, out.limit);
    } else if (name == "offset") {
      st = parse_count(name, value, limits.max_offset, out.offset);
    } else if (name == "since") {
      if (!parse_date(value, false, out.since)) st = bad(name, "expected a date like 2020-02-12");
    } else if (name == "until") {
      if (!parse_date(value, true, out.until)) st = bad(name, "expected a date like 2020-02-12");
    } else if (name == "source") {
      add_list(value, out.sources);
    } else if (name == "outlet") {
      add_list(value, out.outlets);
    } else if (name == "category") {
      add_list(value, out.categories);
    } else if (name == "language") {
      add_list(value, out.languages);
    } else if (name == "sort") {
      if (value == "relevance") {
        out.sort = SortOrder::kRelevance;
      } else if (value == "date") {
        out.sort = SortOrder::kDate;
      } else {
        st = bad(name, "expected relevance or date");
      }
    } else if (name == "facets") {
      for (std::string& f : split_list(value)) {
        if (std::find(std::begin(kFacets), std::end(kFacets), f) == std::end(kFacets)) {
          return bad(name, "unknown facet '" + f +
                               "' (source, outlet, category, language, year, month)");
        }
        if (std::find(out.facets.begin(), out.facets.end(), f) == out.facets.end()) {
          out.facets.push_back(std::move(f));
        }
      }
    } else if (name == "collapse") {
      st = parse_flag(name, value, out.collapse);
    } else if (name == "snippets") {
      st = parse_flag(name, value, out.snippets);
    } else if (name == "repair") {
      bool ignored = false;  // read by the service (search_repairs)
      st = parse_flag(name, value, ignored);
    } else if (name == "recency") {
      if (!parse_duration(value, out.recency_half_life)) {
        st = bad(name, "expected a half-life like 7d or 12h");
      }
    }
    if (!st.ok()) return st;
  }
  if (out.since != kNoTimestamp && out.until != kNoTimestamp && out.since > out.until) {
    return Status::invalid_argument("parameter 'since': after 'until'");
  }
  return Status();
}

}  // namespace newsindex::tools
