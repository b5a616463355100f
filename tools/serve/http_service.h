// serve/http_service.h: `newsindex serve`, the HTTP JSON search service and
// the search page (docs/serve.md).
//
// Routes: GET / (the page), /health, /api/search, /api/similar/{id},
// /api/copies/{id}, /api/documents/{id}, /api/stats, /api/suggest; with a write token also
// POST /api/documents and DELETE /api/documents/{id}. Answers are the CLI's
// JSON (tools/search_json.h); errors are {"error": {"code", "message"}} with
// 400 (a caller's mistake), 401, 404, 409 (locked), 413, 503 or 500.
#ifndef NEWSINDEX_TOOLS_SERVE_HTTP_SERVICE_H_
#define NEWSINDEX_TOOLS_SERVE_HTTP_SERVICE_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "newsindex/searcher.h"
#include "newsindex/status.h"
#include "newsindex/writer.h"
#include "serve/search_params.h"

namespace newsindex::tools {

struct ServeOptions {
  std::vector<std::string> databases;  // local paths or tcp://HOST:PORT
  std::string host = "127.0.0.1";
  int port = 8080;                     // 0: any free port (see HttpService::port)
  unsigned threads = 8;                // worker threads; a keep-alive connection holds one
  std::string write_token;             // "": writing over HTTP is off
  std::string cors_origin;             // "": no CORS headers
  SearcherOptions searcher;
  WriterOptions writer;
  ServeLimits limits;
  std::ostream* access_log = nullptr;  // one JSON line per request; nullptr: none
};

class HttpService {
 public:
  // Checks that the databases open and, with a write token, takes the write
  // lock on the first database (kLocked when another writer holds it); then
  // binds the address. Nothing is answered before run().
  static Result<std::unique_ptr<HttpService>> start(const ServeOptions& options);
  ~HttpService();

  // The bound port (the chosen one when options.port was 0).
  int port() const;

  // Answers requests until stop(); returns false when the server failed.
  bool run();

  // True while run() is answering requests.
  bool running() const;

  // Stops accepting; requests in flight are finished. Safe from any thread;
  // call it once, while running().
  void stop();

 private:
  struct State;
  explicit HttpService(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// The search page: serve/page.html, app.js and app.css, compiled in.
std::string_view page_html();
std::string_view app_js();
std::string_view app_css();

}  // namespace newsindex::tools

#endif  // NEWSINDEX_TOOLS_SERVE_HTTP_SERVICE_H_
