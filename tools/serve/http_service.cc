#include "serve/http_service.h"

#include <httplib.h>

#include <cctype>
#include <chrono>
#include <ctime>
#include <exception>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "cli_common.h"
#include "newsindex/index_info.h"
#include "search_json.h"
#include "serve/document_writer.h"
#include "serve/searcher_pool.h"

namespace newsindex::tools {

namespace {

int http_status(const Status& st) {
  switch (st.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kParseError:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kLocked:
      return 409;
    default:
      return 500;
  }
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(dump_json(body) + "\n", "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, std::string_view code,
                const std::string& message) {
  send_json(res, status, {{"error", {{"code", code}, {"message", message}}}});
}

// "invalid_argument", "not_found", "io_error", ...
std::string code_name(StatusCode code) {
  std::string name(status_code_name(code));
  for (char& c : name) c = c == ' ' ? '_' : c == '/' ? '_' : static_cast<char>(std::tolower(c));
  if (name == "i_o_error") name = "io_error";
  return name;
}

void send_status(httplib::Response& res, const Status& st, int status = 0) {
  send_error(res, status != 0 ? status : http_status(st), code_name(st.code()), st.message());
}

// What the access log needs from the handler of the current request. The
// start is taken when the request is routed (its headers read); a request
// that cpp-httplib refuses before that (a malformed request line, headers
// unfinished at the timeout) has none, and the log says "ms": null.
struct RequestTrace {
  std::optional<std::chrono::steady_clock::time_point> start;
  long hits = -1;
};
thread_local RequestTrace trace;

std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms));
  return buf;
}

Params params_of(const httplib::Request& req) {
  return Params(req.params.begin(), req.params.end());
}

}  // namespace

struct HttpService::State {
  ServeOptions options;
  SearcherPool pool;
  std::unique_ptr<DocumentWriter> writer;
  httplib::Server server;
  int port = 0;
  std::mutex log_mu;

  explicit State(const ServeOptions& o) : options(o), pool(o.databases, o.searcher) {}

  void log(const httplib::Request& req, const httplib::Response& res) {
    const RequestTrace done = std::exchange(trace, RequestTrace{});
    if (options.access_log == nullptr) return;
    nlohmann::json line = {{"time", utc_now()},
                           {"method", req.method},
                           {"path", req.path},
                           {"status", res.status},
                           {"ms", nullptr}};
    if (done.start) {
      const double ms = std::chrono::duration<double, std::milli>(
                            std::chrono::steady_clock::now() - *done.start)
                            .count();
      line["ms"] = static_cast<double>(static_cast<long>(ms * 100)) / 100;
    }
    if (done.hits >= 0) line["hits"] = done.hits;
    std::lock_guard<std::mutex> lock(log_mu);
    *options.access_log << dump_json(line) << "\n" << std::flush;
  }

  // The bearer token check of the write routes; false with the answer set.
  bool authorised(const httplib::Request& req, httplib::Response& res) {
    if (writer == nullptr) {
      send_error(res, 403, "forbidden",
                 "writing over HTTP is off (start the service with --write-token FILE)");
      return false;
    }
    const std::string auth = req.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    const bool ok = auth.size() > kBearer.size() && auth.compare(0, kBearer.size(), kBearer) == 0 &&
                    token_matches(std::string_view(auth).substr(kBearer.size()),
                                  options.write_token);
    if (!ok) {
      res.set_header("WWW-Authenticate", "Bearer");
      send_error(res, 401, "unauthorized", "a valid 'Authorization: Bearer TOKEN' is required");
    }
    return ok;
  }

  void search(const httplib::Request& req, httplib::Response& res) {
    SearchRequest request;
    if (Status st = search_request_from_params(params_of(req), options.limits, request);
        !st.ok()) {
      return send_status(res, st);
    }
    auto lease = pool.borrow();
    if (!lease.ok()) return send_status(res, lease.status(), 503);
    auto results = (*lease)->search(request);
    if (!results.ok()) return send_status(res, results.status());
    // The parser's repairs, not the shards left out (allow_partial), which
    // Searcher::search also lists among the warnings.
    std::vector<std::string> repairs;
    for (const std::string& w : results->warnings) {
      if (w.rfind("left out (allow_partial): ", 0) != 0) repairs.push_back(w);
    }
    if (!repairs.empty() && !search_repairs(params_of(req))) {
      // The parser had to repair the query: say what, rather than answer
      // something else than was asked (repair=1 accepts the repair).
      std::string message;
      for (const std::string& w : repairs) message += (message.empty() ? "" : "; ") + w;
      return send_json(res, 400, {{"error", {{"code", "query"},
                                             {"message", "malformed query: " + message},
                                             {"warnings", repairs}}}});
    }
    trace.hits = static_cast<long>(results->hits.size());
    send_json(res, 200, search_results_json(*results, request));
  }

  void similar(const httplib::Request& req, httplib::Response& res) {
    const Params params = params_of(req);
    if (Status st = check_params(params, {"limit"}); !st.ok()) return send_status(res, st);
    std::uint32_t limit = 10;
    if (auto it = params.find("limit"); it != params.end()) {
      if (Status st = parse_count("limit", it->second, options.limits.max_limit, limit);
          !st.ok()) {
        return send_status(res, st);
      }
    }
    const std::string id = req.matches[1];
    if (!is_valid_utf8(id)) return send_error(res, 400, "invalid_argument", "id: not valid UTF-8");
    auto lease = pool.borrow();
    if (!lease.ok()) return send_status(res, lease.status(), 503);
    auto results = (*lease)->similar(id, limit);
    if (!results.ok()) return send_status(res, results.status());
    trace.hits = static_cast<long>(results->hits.size());
    send_json(res, 200, similar_results_json(id, *results));
  }

  void copies(const httplib::Request& req, httplib::Response& res) {
    const Params params = params_of(req);
    if (Status st = check_params(params, {"limit"}); !st.ok()) return send_status(res, st);
    std::uint32_t limit = 100;
    if (auto it = params.find("limit"); it != params.end()) {
      if (Status st = parse_count("limit", it->second, 1000, limit); !st.ok()) {
        return send_status(res, st);
      }
    }
    const std::string id = req.matches[1];
    if (!is_valid_utf8(id)) return send_error(res, 400, "invalid_argument", "id: not valid UTF-8");
    auto lease = pool.borrow();
    if (!lease.ok()) return send_status(res, lease.status(), 503);
    auto results = (*lease)->copies(id, limit);
    if (!results.ok()) return send_status(res, results.status());
    trace.hits = static_cast<long>(results->hits.size());
    send_json(res, 200, copies_results_json(id, *results));
  }

  void document(const httplib::Request& req, httplib::Response& res) {
    if (Status st = check_params(params_of(req), {}); !st.ok()) return send_status(res, st);
    const std::string id = req.matches[1];
    if (!is_valid_utf8(id)) return send_error(res, 400, "invalid_argument", "id: not valid UTF-8");
    auto lease = pool.borrow();
    if (!lease.ok()) return send_status(res, lease.status(), 503);
    auto article = (*lease)->document(id);
    if (!article.ok()) return send_status(res, article.status());
    send_json(res, 200, stored_article_json(*article));
  }

  void suggest(const httplib::Request& req, httplib::Response& res) {
    const Params params = params_of(req);
    if (Status st = check_params(params, {"q"}); !st.ok()) return send_status(res, st);
    SearchRequest request;
    if (auto it = params.find("q"); it != params.end()) request.query = it->second;
    if (request.query.size() > options.limits.max_query_bytes) {
      return send_error(res, 400, "invalid_argument",
                        "parameter 'q': longer than " +
                            std::to_string(options.limits.max_query_bytes) + " bytes");
    }
    request.limit = 0;
    request.snippets = false;
    auto lease = pool.borrow();
    if (!lease.ok()) return send_status(res, lease.status(), 503);
    auto results = (*lease)->search(request);
    if (!results.ok()) return send_status(res, results.status());
    send_json(res, 200, {{"query", request.query}, {"suggestion", results->suggestion}});
  }

  void stats(const httplib::Request& req, httplib::Response& res) {
    if (Status st = check_params(params_of(req), {}); !st.ok()) return send_status(res, st);
    nlohmann::json dbs = nlohmann::json::array();
    std::uint64_t total = 0;
    for (const std::string& db : options.databases) {
      const std::string name = std::filesystem::path(db).filename().string();
      if (db.rfind("tcp://", 0) == 0) {
        dbs.push_back({{"name", db}, {"remote", true}});
        continue;
      }
      auto info = read_index_info(db);
      if (!info.ok()) return send_status(res, info.status(), 503);
      total += info->documents;
      auto pairs = [](const std::vector<std::pair<std::string, std::uint64_t>>& v) {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& [value, count] : v) a.push_back({{"value", value}, {"count", count}});
        return a;
      };
      dbs.push_back({{"name", name},
                     {"documents", info->documents},
                     {"bytes_on_disk", info->bytes_on_disk},
                     {"sources", pairs(info->sources)},
                     {"outlets", pairs(info->outlets)},
                     {"analyzer", info->analyzer},
                     {"schema", info->schema}});
    }
    send_json(res, 200, {{"documents", total}, {"databases", std::move(dbs)}});
  }

  // The body is read here, not by cpp-httplib's default reader, which takes
  // an application/x-www-form-urlencoded body (curl's default for --data)
  // for form fields: "unknown parameter" for a small one, 413 past 8 KiB.
  void post_documents(const httplib::Request& req, httplib::Response& res,
                      const httplib::ContentReader& read) {
    if (req.is_multipart_form_data()) {
      return send_error(res, 415, "unsupported_media_type",
                        "the body must be JSON Lines (one article per line), not a multipart "
                        "form");
    }
    std::string body;
    if (!read([&body](const char* data, std::size_t n) {
          body.append(data, n);
          return true;
        })) {
      if (res.status == 413) {
        return send_error(res, 413, "too_large",
                          "the request body is larger than " +
                              std::to_string(options.limits.max_body_bytes >> 20) +
                              " MiB (--max-body-mb)");
      }
      return send_error(res, 400, "invalid_argument", "the request body could not be read");
    }
    if (!authorised(req, res)) return;
    if (Status st = check_params(params_of(req), {}); !st.ok()) return send_status(res, st);
    auto done = writer->add_jsonl(body);
    if (!done.ok()) return send_status(res, done.status());
    send_json(res, 200, *done);
  }

  void delete_document(const httplib::Request& req, httplib::Response& res) {
    if (!authorised(req, res)) return;
    if (Status st = check_params(params_of(req), {}); !st.ok()) return send_status(res, st);
    auto done = writer->remove(std::string(req.matches[1]));
    if (!done.ok()) return send_status(res, done.status());
    send_json(res, 200, *done);
  }

  void routes() {
    auto asset = [](std::string_view body, const char* type) {
      return [body, type](const httplib::Request&, httplib::Response& res) {
        res.set_header("Content-Security-Policy",
                       "default-src 'none'; script-src 'self'; style-src 'self'; "
                       "connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
                       "form-action 'self'; frame-ancestors 'none'");
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Referrer-Policy", "no-referrer");
        res.set_content(std::string(body), type);
      };
    };
    server.Get("/", asset(page_html(), "text/html; charset=utf-8"));
    server.Get("/app.js", asset(app_js(), "text/javascript; charset=utf-8"));
    server.Get("/app.css", asset(app_css(), "text/css; charset=utf-8"));
    server.Get("/health", [](const httplib::Request&, httplib::Response& res) {
      send_json(res, 200, {{"status", "ok"}});
    });
    server.Get("/api/search", [this](const auto& q, auto& r) { search(q, r); });
    server.Get("/api/suggest", [this](const auto& q, auto& r) { suggest(q, r); });
    server.Get("/api/stats", [this](const auto& q, auto& r) { stats(q, r); });
    server.Get(R"(/api/similar/(.+))", [this](const auto& q, auto& r) { similar(q, r); });
    server.Get(R"(/api/documents/(.+))", [this](const auto& q, auto& r) { document(q, r); });
    server.Get(R"(/api/copies/(.+))", [this](const auto& q, auto& r) { copies(q, r); });
    server.Post("/api/documents", [this](const httplib::Request& q, httplib::Response& r,
                                         const httplib::ContentReader& read) {
      post_documents(q, r, read);
    });
    server.Delete(R"(/api/documents/(.+))",
                  [this](const auto& q, auto& r) { delete_document(q, r); });
    if (!options.cors_origin.empty()) {
      server.Options(R"(/api/.*)", [](const httplib::Request&, httplib::Response& res) {
        res.status = 204;
      });
    }
  }

  void configure() {
    const ServeLimits& l = options.limits;
    const unsigned threads = options.threads == 0 ? 1 : options.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_read_timeout(l.timeout_seconds, 0);
    server.set_write_timeout(l.timeout_seconds, 0);
    server.set_keep_alive_timeout(5);
    server.set_tcp_nodelay(true);  // else small answers wait ~40 ms for a delayed ACK
    server.set_payload_max_length(l.max_body_bytes);
    server.set_pre_routing_handler([this](const httplib::Request&, httplib::Response& res) {
      trace = RequestTrace{std::chrono::steady_clock::now(), -1};
      if (!options.cors_origin.empty()) {
        res.set_header("Access-Control-Allow-Origin", options.cors_origin);
        res.set_header("Vary", "Origin");
        res.set_header("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
        res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      switch (res.status) {
        case 404:
          return send_error(res, 404, "not_found", "no such path: " + req.path);
        case 413:
          return send_error(res, 413, "too_large", "the request body is too large");
        case 400:
          return send_error(res, 400, "bad_request",
                            "the request could not be read as HTTP (malformed, or unfinished "
                            "when the timeout ran out)");
        default:
          return send_error(res, res.status, "http_error", "HTTP error " + std::to_string(res.status));
      }
    });
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
          std::string what = "unknown exception";
          try {
            std::rethrow_exception(ep);
          } catch (const std::exception& e) {
            what = e.what();
          } catch (...) {
          }
          send_error(res, 500, "internal", "internal: " + what);
        });
    server.set_logger([this](const httplib::Request& q, const httplib::Response& r) { log(q, r); });
    routes();
  }
};

HttpService::HttpService(std::unique_ptr<State> state) : state_(std::move(state)) {}
HttpService::~HttpService() = default;

Result<std::unique_ptr<HttpService>> HttpService::start(const ServeOptions& options) {
  if (options.databases.empty()) return invalid_argument("no database given (--db DIR)");
  auto state = std::make_unique<State>(options);
  {
    auto first = state->pool.borrow();  // the databases open, and match the analysis
    if (!first.ok()) return first.status();
  }
  if (!options.write_token.empty()) {
    const std::string& db = options.databases.front();
    if (db.rfind("tcp://", 0) == 0) {
      return invalid_argument("--write-token: the first --db must be a local database, not " + db);
    }
    auto writer = DocumentWriter::open(db, options.writer);
    if (!writer.ok()) return writer.status();
    state->writer = std::move(*writer);
  }
  state->configure();
  if (options.port == 0) {
    state->port = state->server.bind_to_any_port(options.host);
    if (state->port <= 0) state->port = 0;
  } else if (state->server.bind_to_port(options.host, options.port)) {
    state->port = options.port;
  }
  if (state->port == 0) {
    return io_error("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                    " (in use, or not an address of this machine)");
  }
  return std::unique_ptr<HttpService>(new HttpService(std::move(state)));
}

int HttpService::port() const { return state_->port; }

bool HttpService::run() { return state_->server.listen_after_bind(); }

bool HttpService::running() const { return state_->server.is_running(); }

void HttpService::stop() { state_->server.stop(); }

}  // namespace newsindex::tools
