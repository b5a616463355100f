// serve_baseline: the Searcher's own latency for the requests of a load test.
//
//   serve_baseline --db DIR PATHS_FILE [ROUNDS]
//
// PATHS_FILE holds one request path per line ("/api/search?q=...&facets=..."),
// the same file bench/serve_load.py gives wrk. Each is parsed with the
// service's own parameter rules (tools/serve/search_params.h) and run through
// one Searcher on this thread, ROUNDS times (default 3, the first not timed);
// prints {"requests", "mean_ms", "p50_ms", "p99_ms", "qps"} as one JSON line.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newsindex/searcher.h"
#include "serve/search_params.h"

namespace {

// "a%20b+c" -> "a b c".
std::string url_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

newsindex::tools::Params query_params(const std::string& path) {
  newsindex::tools::Params p;
  const auto q = path.find('?');
  if (q == std::string::npos) return p;
  std::size_t at = q + 1;
  while (at <= path.size()) {
    auto amp = path.find('&', at);
    if (amp == std::string::npos) amp = path.size();
    const std::string pair = path.substr(at, amp - at);
    const auto eq = pair.find('=');
    if (!pair.empty()) {
      p.emplace(url_decode(pair.substr(0, eq)),
                eq == std::string::npos ? "" : url_decode(pair.substr(eq + 1)));
    }
    at = amp + 1;
  }
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || std::string(argv[1]) != "--db") {
    std::cerr << "usage: serve_baseline --db DIR PATHS_FILE [ROUNDS]\n";
    return 2;
  }
  const int rounds = argc > 4 ? std::max(2, std::atoi(argv[4])) : 3;
  std::ifstream in(argv[3]);
  std::vector<newsindex::SearchRequest> requests;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("/api/search?", 0) != 0) continue;
    newsindex::SearchRequest r;
    const newsindex::Status st =
        newsindex::tools::search_request_from_params(query_params(line), {}, r);
    if (!st.ok()) {
      std::cerr << "serve_baseline: " << line << ": " << st.message() << "\n";
      return 1;
    }
    requests.push_back(std::move(r));
  }
  if (requests.empty()) {
    std::cerr << "serve_baseline: no /api/search paths in " << argv[3] << "\n";
    return 1;
  }
  auto searcher = newsindex::Searcher::open({argv[2]});
  if (!searcher.ok()) {
    std::cerr << "serve_baseline: " << searcher.status().to_string() << "\n";
    return 1;
  }
  std::vector<double> ms;
  std::size_t hits = 0;
  double total = 0;
  for (int round = 0; round < rounds; ++round) {
    for (const newsindex::SearchRequest& r : requests) {
      const auto t0 = std::chrono::steady_clock::now();
      auto res = (*searcher)->search(r);
      const double took =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (!res.ok()) {
        std::cerr << "serve_baseline: " << r.query << ": " << res.status().to_string() << "\n";
        return 1;
      }
      if (round == 0) {
        hits += res->hits.size();
        continue;  // warm-up: the page cache and the Searcher's caches
      }
      ms.push_back(took);
      total += took;
    }
  }
  if (hits == 0) {
    std::cerr << "serve_baseline: no request found anything; wrong database?\n";
    return 1;
  }
  std::vector<double> sorted = ms;
  std::sort(sorted.begin(), sorted.end());
  const auto pct = [&](double p) {
    return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(sorted.size() * p))];
  };
  std::cout << nlohmann::json{{"requests", ms.size()},
                              {"mean_ms", total / ms.size()},
                              {"p50_ms", pct(0.50)},
                              {"p99_ms", pct(0.99)},
                              {"qps", 1000.0 * ms.size() / total}}
                   .dump()
            << "\n";
  return 0;
}
