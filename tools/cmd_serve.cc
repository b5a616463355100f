// newsindex serve: the HTTP JSON search service and the search page.
//
//   newsindex serve --db DIR [--db DIR2 | --db tcp://HOST:PORT ...]
//                   [--listen 127.0.0.1:8080] [--threads N] [--write-token FILE]
//
// docs/serve.md describes the routes, the JSON and the limits.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli_common.h"
#include "commands.h"
#include "serve/document_writer.h"
#include "serve/http_service.h"

namespace newsindex::tools {
namespace {

struct ServeFlags {
  std::vector<std::string> dbs;
  std::string listen = "127.0.0.1:8080";
  unsigned threads = 8;
  std::string write_token_file, cors, access_log;
  bool quiet = false;
  std::uint32_t max_limit = 100;
  std::size_t max_query_bytes = 1024;
  std::size_t max_body_mb = 16;
  int timeout = 10;
  SearcherOptions ranking;
};

// "HOST:PORT" or ":PORT" or "PORT" (host 127.0.0.1); port 0 = any free one.
bool parse_listen(const std::string& text, std::string& host, int& port) {
  const auto colon = text.rfind(':');
  std::string port_text = colon == std::string::npos ? text : text.substr(colon + 1);
  host = colon == std::string::npos ? "127.0.0.1" : text.substr(0, colon);
  if (host.empty()) host = "127.0.0.1";
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  return !port_text.empty() && ec == std::errc() && end == port_text.data() + port_text.size() &&
         port >= 0 && port <= 65535;
}

int run(const ServeFlags& f) {
  ServeOptions o;
  o.databases = f.dbs;
  if (!parse_listen(f.listen, o.host, o.port)) {
    std::cerr << "newsindex serve: --listen " << f.listen << ": expected HOST:PORT\n";
    return kExitUsage;
  }
  if (f.threads == 0 || f.threads > 256) {
    std::cerr << "newsindex serve: --threads must be between 1 and 256\n";
    return kExitUsage;
  }
  o.threads = f.threads;
  o.cors_origin = f.cors;
  o.searcher = f.ranking;
  o.limits.max_limit = f.max_limit;
  o.limits.max_query_bytes = f.max_query_bytes;
  o.limits.max_body_bytes = f.max_body_mb << 20;
  o.limits.timeout_seconds = f.timeout;
  if (!f.write_token_file.empty()) {
    auto token = read_token_file(f.write_token_file);
    if (!token.ok()) return report_error("serve", token.status());
    o.write_token = *token;
  }
  std::ofstream log_file;
  if (!f.access_log.empty() && f.access_log != "-") {
    log_file.open(f.access_log, std::ios::app);
    if (!log_file) {
      return report_error("serve", io_error(f.access_log + ": cannot open the access log"));
    }
    o.access_log = &log_file;
  } else if (!f.quiet) {
    o.access_log = &std::cerr;
  }

  // SIGINT and SIGTERM are taken by one thread (blocked everywhere else, the
  // worker threads included), which stops the server: requests in flight
  // finish, then run() returns.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);

  auto service = HttpService::start(o);
  if (!service.ok()) return report_error("serve", service.status());
  HttpService* svc = service->get();
  std::atomic<bool> finished{false};
  std::thread waiter([&signals, &finished, svc] {
    int sig = 0;
    sigwait(&signals, &sig);
    // stop() before the server is listening would be lost (and twice is an
    // assertion in cpp-httplib): wait until it runs, then stop it once.
    while (!finished.load()) {
      if (svc->running()) {
        svc->stop();
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  const bool host_is_v6 = o.host.find(':') != std::string::npos;
  std::cout << "newsindex serve: listening on http://" << (host_is_v6 ? "[" : "") << o.host
            << (host_is_v6 ? "]" : "") << ":" << svc->port() << "/"
            << (o.write_token.empty() ? "" : " (writing on)") << "\n"
            << std::flush;
  const bool ok = svc->run();
  finished = true;
  pthread_kill(waiter.native_handle(), SIGTERM);  // ends the waiter if run() stopped by itself
  waiter.join();
  if (!ok) return report_error("serve", io_error("the server stopped on an error"));
  std::cerr << "newsindex serve: stopped\n";
  return kExitOk;
}

}  // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ServeFlags>();
  auto* cmd = app.add_subcommand("serve", "HTTP JSON search service and search page "
                                          "(docs/serve.md)");
  cmd->add_option("--db", flags->dbs, "Database directory or tcp://HOST:PORT (repeatable)")
      ->required()
      ->allow_extra_args(false);
  cmd->add_option("--listen", flags->listen,
                  "Address to listen on (default 127.0.0.1:8080; port 0 = any free port)");
  cmd->add_option("--threads", flags->threads, "Worker threads answering requests (default 8; a keep-alive connection holds one)");
  cmd->add_option("--write-token", flags->write_token_file,
                  "File holding a bearer token: turns on POST/DELETE /api/documents on the "
                  "first --db (off by default)");
  cmd->add_option("--cors", flags->cors, "Allow this origin to call the API from a browser");
  cmd->add_option("--access-log", flags->access_log,
                  "Append the access log (one JSON line per request) to this file "
                  "(default: standard error)");
  cmd->add_flag("--quiet", flags->quiet, "No access log on standard error");
  cmd->add_option("--max-limit", flags->max_limit, "Largest 'limit' a request may ask (100)");
  cmd->add_option("--max-query-bytes", flags->max_query_bytes, "Longest query in bytes (1024)");
  cmd->add_option("--max-body-mb", flags->max_body_mb, "Largest POST body in MiB (16)");
  cmd->add_option("--timeout", flags->timeout,
                  "Seconds to read a request or write an answer (10)");
  add_shard_options(cmd, flags->ranking,
                    "Answer from the shards that respond when one is down (the JSON lists "
                    "the missing ones in missing_shards); default: 503 naming the shard");
  add_ranking_options(cmd, flags->ranking);
  cmd->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace newsindex::tools
