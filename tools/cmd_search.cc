// newsindex search: ranked search from the command line.
//
//   newsindex search --db DIR [--db DIR2] [--json] [--limit N] ... QUERY...
//   newsindex search --db DIR --batch FILE      one JSON line per query line
#include <exception>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli_common.h"
#include "commands.h"
#include "newsindex/searcher.h"
#include "search_json.h"

namespace newsindex::tools {
namespace {

struct SearchFlags {
  std::vector<std::string> dbs;
  std::vector<std::string> words;
  bool json = false;
  std::uint32_t limit = 10, offset = 0;
  std::string since, until, sort = "relevance", recency, facets, batch, synonyms, copies;
  std::vector<std::string> sources, outlets, categories, languages;
  bool collapse = false, no_snippets = false, explain = false, and_op = false;
  bool override_analysis = false;
  std::uint32_t snippet_length = 200;
  // BM25 and query-side weights (--k1, --stem-weight, ...), --allow-partial,
  // --remote-timeout.
  SearcherOptions ranking;
};

void print_text(const SearchResults& r, const SearchRequest& req, bool terminal) {
  const char* bold = terminal ? "\x1b[1m" : "";
  const char* plain = terminal ? "\x1b[0m" : "";
  for (const std::string& w : r.warnings) std::cerr << "warning: " << w << "\n";
  if (!r.missing_shards.empty()) {
    std::cout << "Partial results: " << r.missing_shards.size() << " shard"
              << (r.missing_shards.size() == 1 ? "" : "s") << " missing:";
    for (const std::string& m : r.missing_shards) std::cout << " " << m;
    std::cout << "\n";
  }
  if (!r.suggestion.empty()) std::cout << "Did you mean: " << r.suggestion << "\n";
  std::cout << "About " << r.estimate << " results\n";
  for (const Hit& h : r.hits) {
    std::cout << "\n"
              << h.rank << ". " << bold << (h.title.empty() ? h.id : h.title) << plain << "\n   "
              << h.date.substr(0, 10);
    if (!h.outlet.empty()) std::cout << "  " << h.outlet;
    if (!h.source.empty() && h.source != h.outlet) {
      std::cout << (h.outlet.empty() ? "  " : " (") << h.source << (h.outlet.empty() ? "" : ")");
    }
    if (h.duplicates > 0) std::cout << "  +" << h.duplicates << " copies (--copies " << h.id << ")";
    std::cout << "  [" << h.id << "]\n";
    if (req.snippets && !h.snippet.empty()) {
      std::cout << "   "
                << render_snippet(h.snippet, terminal ? "\x1b[1m" : "*", terminal ? "\x1b[0m" : "*")
                << "\n";
    }
  }
  for (const auto& [name, values] : r.facets) {
    std::cout << "\n" << name << ":";
    for (const FacetValue& v : values) std::cout << "  " << v.value << " (" << v.count << ")";
    std::cout << "\n";
  }
  if (req.explain) std::cout << "\n" << r.explanation << "\n";
}

// Builds the request from the flags; kInvalidArgument naming the option.
Status make_request(const SearchFlags& f, SearchRequest& r) {
  r.offset = f.offset;
  r.limit = f.limit;
  if (!f.since.empty() && !parse_date(f.since, false, r.since)) {
    return invalid_argument("--since " + f.since + ": expected a date like 2020-02-12");
  }
  if (!f.until.empty() && !parse_date(f.until, true, r.until)) {
    return invalid_argument("--until " + f.until + ": expected a date like 2020-02-12");
  }
  if (!f.recency.empty() && !parse_duration(f.recency, r.recency_half_life)) {
    return invalid_argument("--recency " + f.recency + ": expected a half-life like 7d or 12h");
  }
  r.sources = f.sources;
  r.outlets = f.outlets;
  r.categories = f.categories;
  r.languages = f.languages;
  r.sort = f.sort == "date" ? SortOrder::kDate : SortOrder::kRelevance;
  r.collapse = f.collapse;
  r.facets = split_list(f.facets);
  r.snippets = !f.no_snippets;
  r.snippet_length = f.snippet_length;
  r.explain = f.explain;
  return Status();
}

int run(const SearchFlags& f) {
  SearchRequest request;
  if (Status st = make_request(f, request); !st.ok()) {
    std::cerr << "newsindex search: " << st.message() << "\n";
    return kExitUsage;
  }
  if (f.copies.empty() && f.batch.empty() && f.words.empty() && request.sources.empty() && request.outlets.empty() &&
      request.categories.empty() && request.languages.empty() && f.since.empty() &&
      f.until.empty()) {
    // An empty query browses everything, newest first: allowed, but say so.
    std::cerr << "newsindex search: no query: listing the newest articles\n";
  }
  SearcherOptions options = f.ranking;
  options.default_operator = f.and_op ? DefaultOperator::kAnd : DefaultOperator::kOr;
  options.synonyms_path = f.synonyms;
  options.override_analysis = f.override_analysis;
  auto searcher = Searcher::open(f.dbs, options);
  if (!searcher.ok()) return report_error("search", searcher.status());

  if (!f.copies.empty()) {
    auto res = (*searcher)->copies(f.copies, f.limit == 10 ? 100 : f.limit);
    if (!res.ok()) return report_error("search", res.status());
    if (f.json) {
      std::cout << dump_json(copies_results_json(f.copies, *res)) << "\n";
      return kExitOk;
    }
    std::cout << res->hits.size() << (res->hits.size() == 1 ? " other copy" : " other copies")
              << " of " << f.copies << "\n";
    for (const Hit& h : res->hits) {
      std::cout << "  " << h.date.substr(0, 10) << "  " << (h.outlet.empty() ? h.source : h.outlet)
                << "  " << (h.title.empty() ? h.id : h.title) << "  [" << h.id << "]\n";
    }
    return kExitOk;
  }

  if (!f.batch.empty()) {
    std::ifstream file;
    if (f.batch != "-") {
      file.open(f.batch);
      if (!file) {
        return report_error("search", not_found(f.batch + ": cannot open batch file"));
      }
    }
    std::istream& in = f.batch == "-" ? std::cin : file;
    int rc = kExitOk;
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      // Each line is answered on its own and flushed at once, so a line that
      // fails (even by an exception) costs only its own answer.
      std::string answer;
      try {
        request.query = line;
        auto res = (*searcher)->search(request);
        if (res.ok()) {
          answer = dump_json(search_results_json(*res, request));
        } else {
          answer = dump_json({{"query", line}, {"error", res.status().to_string()}});
          rc = kExitFailure;
        }
      } catch (const std::exception& e) {
        answer = dump_json({{"query", line}, {"error", std::string("internal: ") + e.what()}});
        rc = kExitFailure;
      }
      std::cout << answer << "\n" << std::flush;
    }
    if (in.bad()) return report_error("search", io_error(f.batch + ": read error"));
    return rc;
  }

  for (const std::string& w : f.words) {
    if (!request.query.empty()) request.query += ' ';
    request.query += w;
  }
  auto res = (*searcher)->search(request);
  if (!res.ok()) return report_error("search", res.status());
  if (f.json) {
    std::cout << dump_json(search_results_json(*res, request)) << "\n";
  } else {
    print_text(*res, request, stdout_is_terminal());
  }
  return kExitOk;
}

}  // namespace

void add_search_command(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<SearchFlags>();
  auto* cmd = app.add_subcommand("search", "Ranked search (query syntax: docs/query-syntax.md)");
  cmd->add_option("--db", flags->dbs, "Database directory or tcp://HOST:PORT (repeatable)")
      ->required()
      ->allow_extra_args(false);
  cmd->add_flag("--json", flags->json, "One JSON object on standard output");
  cmd->add_option("--limit", flags->limit, "Hits to show (default 10)");
  cmd->add_option("--offset", flags->offset, "Hits to skip (default 0)");
  cmd->add_option("--since", flags->since, "Only articles from this date on (2020-02-12)");
  cmd->add_option("--until", flags->until, "Only articles up to this date, inclusive");
  cmd->add_option("--source", flags->sources, "Only this source/agency (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--outlet", flags->outlets, "Only this outlet (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--category", flags->categories, "Only this category (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--language", flags->languages, "Only this language (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--sort", flags->sort, "relevance (default) or date")
      ->check(CLI::IsMember({"relevance", "date"}));
  cmd->add_option("--recency", flags->recency, "Boost recent articles, half-life like 7d or 12h");
  cmd->add_flag("--collapse", flags->collapse, "One hit per wire story");
  cmd->add_option("--copies", flags->copies,
                  "List the other copies of the wire story of article ID (oldest first)");
  cmd->add_option("--facets", flags->facets,
                  "Comma-separated: source,outlet,category,language,year,month");
  cmd->add_flag("--no-snippets", flags->no_snippets, "Leave snippets out");
  cmd->add_option("--snippet-length", flags->snippet_length, "Snippet length in bytes (200)");
  cmd->add_flag("--explain", flags->explain, "Show the Xapian query that was run");
  cmd->add_flag("--and", flags->and_op, "Words must all match (default: any, ranked)");
  cmd->add_option("--synonyms", flags->synonyms, "Synonym file instead of the built-in list");
  add_ranking_options(cmd, flags->ranking);
  add_shard_options(cmd, flags->ranking,
                    "Answer from the shards that respond when some do not (named in the "
                    "output and in JSON missing_shards) instead of failing");
  cmd->add_flag("--override-analysis", flags->override_analysis,
                "Search even if the database was built with other analysis");
  cmd->add_option("--batch", flags->batch,
                  "File (- for stdin) with one query per line; one JSON line per query");
  cmd->add_option("query", flags->words, "The query");
  cmd->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace newsindex::tools
