// `newsindex serve`: the parameter rules as tables, then the real service on
// a loopback port (started and stopped by the tests): the CLI's JSON, every
// route, the 400s, writing with a token, the lock, the access log, SIGTERM.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "serve/document_writer.h"
#include "serve/search_params.h"
#include "serve_process.h"
#include "testing/cli_runner.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using tools::Params;

// ---- parameters, in-process ------------------------------------------------

TEST(ServeParams, RefusesWhatItCannotAnswer) {
  const tools::ServeLimits limits;
  const struct {
    Params params;
    std::string message;  // "" = accepted
  } cases[] = {
      {{{"q", "brand"}}, ""},
      {{{"q", "brand"}, {"limit", "100"}, {"offset", "10000"}}, ""},
      {{{"bogus", "1"}}, "unknown parameter 'bogus'"},
      {{{"q", "\xff"}}, "parameter 'q': not valid UTF-8"},
      {{{"q", "caf\xc3"}}, "parameter 'q': not valid UTF-8"},
      {{{"q", "\xed\xa0\x80"}}, "not valid UTF-8"},  // a surrogate
      {{{"q", "\xc0\xaf"}}, "not valid UTF-8"},      // overlong
      {{{"q", std::string(1025, 'a')}}, "parameter 'q': longer than 1024 bytes"},
      {{{"limit", "101"}}, "parameter 'limit': at most 100"},
      {{{"limit", "-1"}}, "parameter 'limit': expected a whole number"},
      {{{"limit", "10x"}}, "parameter 'limit': expected a whole number"},
      {{{"offset", "10001"}}, "parameter 'offset': at most 10000"},
      {{{"since", "2020-13-01"}}, "parameter 'since': expected a date"},
      {{{"until", "gisteren"}}, "parameter 'until': expected a date"},
      {{{"since", "2020-03"}, {"until", "2020-02"}}, "parameter 'since': after 'until'"},
      {{{"sort", "random"}}, "parameter 'sort': expected relevance or date"},
      {{{"facets", "source,colour"}}, "unknown facet 'colour'"},
      {{{"collapse", "maybe"}}, "parameter 'collapse': expected 0 or 1"},
      {{{"recency", "soon"}}, "parameter 'recency': expected a half-life"},
      {{{"repair", "2"}}, "parameter 'repair': expected 0 or 1"},
  };
  for (const auto& c : cases) {
    SearchRequest r;
    const Status st = tools::search_request_from_params(c.params, limits, r);
    if (c.message.empty()) {
      EXPECT_TRUE(st.ok()) << st.to_string();
    } else {
      EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << c.message;
      EXPECT_NE(st.message().find(c.message), std::string::npos) << st.message();
    }
  }
}

TEST(ServeParams, BuildsTheRequest) {
  SearchRequest r;
  const Params p = {{"q", "navo"},          {"q", "irak"},          {"limit", "5"},
                    {"offset", "20"},       {"since", "2020-02"},   {"until", "2020-02"},
                    {"source", "Belga,ANP"}, {"outlet", "NOS"},     {"sort", "date"},
                    {"facets", "source,month,source"}, {"collapse", "1"}, {"snippets", "0"},
                    {"recency", "7d"}};
  ASSERT_TRUE(tools::search_request_from_params(p, {}, r).ok());
  EXPECT_EQ(r.query, "navo irak");
  EXPECT_EQ(r.limit, 5u);
  EXPECT_EQ(r.offset, 20u);
  EXPECT_EQ(r.since, 1580515200);      // 2020-02-01T00:00Z
  EXPECT_EQ(r.until, 1583020799);      // 2020-02-29T23:59:59Z
  EXPECT_EQ(r.sources, (std::vector<std::string>{"Belga", "ANP"}));
  EXPECT_EQ(r.outlets, (std::vector<std::string>{"NOS"}));
  EXPECT_EQ(r.sort, SortOrder::kDate);
  EXPECT_EQ(r.facets, (std::vector<std::string>{"source", "month"}));
  EXPECT_TRUE(r.collapse);
  EXPECT_FALSE(r.snippets);
  EXPECT_DOUBLE_EQ(r.recency_half_life, 7 * 86400.0);
  EXPECT_FALSE(tools::search_repairs(p));
  EXPECT_TRUE(tools::search_repairs({{"repair", "1"}}));
}

TEST(ServeParams, Utf8Validation) {
  const struct {
    std::string text;
    bool valid;
  } cases[] = {
      {"", true},          {"ascii", true},        {"\xc3\xa9\xc3\xa9n", true},  // één
      {"\xe2\x80\x9c", true}, {"\xf0\x9f\x93\xb0", true},  // “ 📰
      {"\x80", false},     {"\xc3", false},        {"\xe2\x80", false},
      {"\xf4\x90\x80\x80", false},  // past U+10FFFF
      {"\xe0\x80\xaf", false},      // overlong
      {"\xfe", false},
  };
  for (const auto& c : cases) EXPECT_EQ(tools::is_valid_utf8(c.text), c.valid) << c.text;
}

TEST(ServeToken, MatchesOnlyTheWholeToken) {
  const std::string token = "s3cret-token-0123456789";
  EXPECT_TRUE(tools::token_matches(token, token));
  EXPECT_FALSE(tools::token_matches("", token));
  EXPECT_FALSE(tools::token_matches(token.substr(0, token.size() - 1), token));
  EXPECT_FALSE(tools::token_matches(token + "x", token));
  EXPECT_FALSE(tools::token_matches("S3cret-token-0123456789", token));
  EXPECT_FALSE(tools::token_matches("", ""));  // an empty token never opens anything
}

TEST(ServeToken, TokenFileRules) {
  const fs::path dir = testing::fresh_dir("serve_token_file");
  std::ofstream(dir / "short") << "abc\n";
  std::ofstream(dir / "good") << "  0123456789abcdef-long  \nsecond line\n";
  EXPECT_EQ(tools::read_token_file((dir / "missing").string()).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(tools::read_token_file((dir / "short").string()).status().code(),
            StatusCode::kInvalidArgument);
  auto good = tools::read_token_file((dir / "good").string());
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, "0123456789abcdef-long");
}

// ---- the real service --------------------------------------------------------

std::string quote(const std::string& s) { return "'" + s + "'"; }

// The standard output of `newsindex ARGS`; its exit status in *code.
std::string run_cli(const std::string& args, int* code = nullptr) {
  testing::CliRun r = testing::run_newsindex(args);
  if (code != nullptr) *code = r.code;
  return r.out;
}

std::string sample_jsonl() {
  return (testing::source_dir() / "corpora" / "sample" / "jsonl" / "sample.jsonl").string();
}

std::string index_sample(const std::string& name) {
  const std::string db = (testing::fresh_dir(name) / "db").string();
  int code = -1;
  run_cli("index --db " + quote(db) + " " + quote(sample_jsonl()), &code);
  EXPECT_EQ(code, 0);
  return db;
}

json body_json(const httplib::Result& r) {
  if (!r) return json();
  return json::parse(r->body, nullptr, false);
}

class ServeApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (testing::cli_path().empty()) return;
    db_ = new std::string(index_sample("serve_api"));
    log_ = new fs::path(testing::fresh_dir("serve_api_log") / "access.log");
    server_ = new testing::ServeProcess(
        {"--db", *db_, "--threads", "2", "--access-log", log_->string()},
        testing::fresh_dir("serve_api_err") / "stderr");
  }
  static void TearDownTestSuite() {
    delete server_;
    delete db_;
    delete log_;
    server_ = nullptr;
  }
  void SetUp() override {
    if (testing::cli_path().empty()) GTEST_SKIP() << "newsindex CLI not built";
    ASSERT_TRUE(server_->started()) << server_->stderr_text();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(20, 0);
  }

  httplib::Result get(const std::string& path, const httplib::Params& params = {}) {
    return client_->Get(path, params, httplib::Headers{}, httplib::Progress());
  }

  static std::string* db_;
  static fs::path* log_;
  static testing::ServeProcess* server_;
  std::unique_ptr<httplib::Client> client_;
};
std::string* ServeApiTest::db_ = nullptr;
fs::path* ServeApiTest::log_ = nullptr;
testing::ServeProcess* ServeApiTest::server_ = nullptr;

TEST_F(ServeApiTest, SearchAnswersWithTheCliJson) {
  const struct {
    std::string query, cli_flags;
    httplib::Params params;
  } cases[] = {
      {"trainingsmissie Irak", "--limit 5", {{"limit", "5"}}},
      {"missie", "--limit 3 --offset 2 --collapse", {{"limit", "3"}, {"offset", "2"}, {"collapse", "1"}}},
      {"brand", "--facets source,month --sort date", {{"facets", "source,month"}, {"sort", "date"}}},
      {"navo", "--no-snippets --source Belga", {{"snippets", "0"}, {"source", "Belga"}}},
      {"", "--since 2019-12 --until 2019-12", {{"since", "2019-12"}, {"until", "2019-12"}}},
  };
  for (const auto& c : cases) {
    httplib::Params params = c.params;
    if (!c.query.empty()) params.emplace("q", c.query);
    auto r = get("/api/search", params);
    ASSERT_TRUE(r) << c.query;
    EXPECT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
    const json cli = json::parse(
        run_cli("search --json --db " + quote(*db_) + " " + c.cli_flags + " -- " + quote(c.query)),
        nullptr, false);
    ASSERT_FALSE(cli.is_discarded()) << c.query;
    EXPECT_EQ(body_json(r), cli) << c.query;
    if (c.query == "trainingsmissie Irak") {
      EXPECT_FALSE(cli["hits"].empty());
    }
  }
}

TEST_F(ServeApiTest, SimilarDocumentsStatsSuggestHealth) {
  auto search = body_json(get("/api/search", {{"q", "trainingsmissie Irak"}, {"limit", "1"}}));
  ASSERT_EQ(search["hits"].size(), 1u);
  const std::string id = search["hits"][0]["id"];

  auto similar = get("/api/similar/" + id, {{"limit", "3"}});
  ASSERT_TRUE(similar);
  EXPECT_EQ(similar->status, 200);
  const json cli_similar =
      json::parse(run_cli("similar --json --limit 3 --db " + quote(*db_) + " " + id));
  EXPECT_EQ(body_json(similar), cli_similar);

  auto doc = body_json(get("/api/documents/" + id));
  EXPECT_EQ(doc["id"], id);
  EXPECT_EQ(doc["title"], search["hits"][0]["title"]);
  EXPECT_NE(doc["text"].get<std::string>().find("Irak"), std::string::npos) << doc.dump();

  auto missing = get("/api/documents/no-such-id");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(body_json(missing)["error"]["code"], "not_found");

  auto stats = body_json(get("/api/stats"));
  const json cli_stats = json::parse(run_cli("stats --json --db " + quote(*db_)), nullptr, false);
  EXPECT_EQ(stats["documents"], cli_stats["documents"]) << stats.dump();
  EXPECT_EQ(stats["databases"].size(), 1u);

  auto suggest = body_json(get("/api/suggest", {{"q", "trainingsmisie"}}));
  EXPECT_EQ(suggest["suggestion"], "trainingsmissie") << suggest.dump();

  // The copies of a collapsed wire story, as `search --copies ID --json` lists them.
  auto collapsed = body_json(get("/api/search", {{"q", "navo"}, {"collapse", "1"}}));
  std::string story;
  std::uint32_t duplicates = 0;
  for (const auto& h : collapsed["hits"]) {
    if (h["duplicates"].get<std::uint32_t>() > 0) {
      story = h["id"];
      duplicates = h["duplicates"];
      break;
    }
  }
  ASSERT_FALSE(story.empty()) << "the sample has a wire story published more than once";
  auto copies = body_json(get("/api/copies/" + story));
  EXPECT_EQ(copies["copies"].size(), duplicates) << copies.dump();
  EXPECT_EQ(copies, json::parse(run_cli("search --json --db " + quote(*db_) + " --copies " + story)));
  EXPECT_EQ(get("/api/copies/no-such-id")->status, 404);

  auto health = get("/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(body_json(health)["status"], "ok");
}

TEST_F(ServeApiTest, BadRequestsGetClearAnswersNever500) {
  const struct {
    std::string path;
    httplib::Params params;
    int status;
    std::string message;
  } cases[] = {
      {"/api/search", {{"q", "navo"}, {"colour", "red"}}, 400, "unknown parameter 'colour'"},
      {"/api/search", {{"q", "\xff\xfe"}}, 400, "not valid UTF-8"},
      {"/api/search", {{"q", std::string(2000, 'x')}}, 400, "longer than 1024 bytes"},
      {"/api/search", {{"limit", "1000"}}, 400, "at most 100"},
      {"/api/search", {{"since", "31-02-2020"}}, 400, "expected a date"},
      {"/api/search", {{"q", "\"navo irak"}}, 400, "malformed query: unclosed quote"},
      {"/api/search", {{"q", "navo AND"}}, 400, "malformed query"},
      {"/api/search", {{"q", std::string(40, '(') + "navo"}}, 400, "malformed query"},
      {"/api/search", {{"q", "!!! ???"}}, 400, "no searchable words"},
      {"/api/similar/no-such-id", {}, 404, "no document with id 'no-such-id'"},
      {"/api/similar/x", {{"limit", "abc"}}, 400, "parameter 'limit'"},
      {"/api/stats", {{"x", "1"}}, 400, "unknown parameter 'x'"},
      {"/api/nothing", {}, 404, "no such path: /api/nothing"},
      {"/../../etc/passwd", {}, 404, "no such path"},
  };
  for (const auto& c : cases) {
    auto r = get(c.path, c.params);
    ASSERT_TRUE(r) << c.path;
    EXPECT_EQ(r->status, c.status) << c.path << " " << r->body;
    const json j = body_json(r);
    ASSERT_TRUE(j.contains("error")) << r->body;
    EXPECT_NE(j["error"]["message"].get<std::string>().find(c.message), std::string::npos)
        << r->body;
  }
  // repair=1 answers a malformed query as the CLI does, with the warning.
  auto repaired = body_json(get("/api/search", {{"q", "\"navo irak"}, {"repair", "1"}}));
  ASSERT_EQ(repaired["warnings"].size(), 1u) << repaired.dump();
  EXPECT_EQ(repaired["warnings"][0], "unclosed quote: the phrase runs to the end of the query");
  // Writing is off without a token.
  auto post = client_->Post("/api/documents", "{\"id\":\"x\",\"title\":\"t\"}\n", "application/x-ndjson");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 403);
  auto del = client_->Delete("/api/documents/nl-2019-0001");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 403);
}

// Exactly these bytes on the wire: paths that would climb out of a folder,
// however they are spelled, are 404 JSON like any unknown path; no file is
// ever read.
TEST_F(ServeApiTest, NoFileSystemPathIsServed) {
  const char* paths[] = {
      "/../../etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
      "/%2e%2e/",
      "/app.js/../../../etc/passwd",
      "/./app.css/../../etc/passwd",
      "//etc/passwd",
      "/etc/passwd",
      "/app.js%00.html",
      "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd",
  };
  for (const char* path : paths) {
    testing::RawConnection c(server_->port());
    ASSERT_TRUE(c.connected());
    ASSERT_TRUE(c.send(std::string("GET ") + path +
                       " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
    ASSERT_TRUE(c.read_to_close()) << path;
    const std::string& answer = c.received();
    EXPECT_EQ(answer.rfind("HTTP/1.1 404 ", 0), 0u) << path << "\n" << answer;
    EXPECT_NE(answer.find("\"not_found\""), std::string::npos) << path << "\n" << answer;
    EXPECT_EQ(answer.find("root:"), std::string::npos) << path;
  }
}

TEST_F(ServeApiTest, PageAndAssetsAreSelfContained) {
  auto page = get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  for (const char* asset : {"/app.js", "/app.css"}) {
    auto r = get(asset);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << asset;
    EXPECT_GT(r->body.size(), 1000u) << asset;
  }
  // Nothing outside the binary: no external fonts, scripts or CDNs.
  for (const char* asset : {"/", "/app.js", "/app.css"}) {
    const std::string body = get(asset)->body;
    EXPECT_EQ(body.find("http://"), std::string::npos) << asset;
    EXPECT_EQ(body.find("https://"), std::string::npos) << asset;
  }
}

TEST_F(ServeApiTest, AccessLogHasOneJsonLinePerRequest) {
  ASSERT_TRUE(get("/api/search", {{"q", "missie"}, {"limit", "2"}}));
  {
    // Refused by the HTTP layer before routing: no time to report.
    testing::RawConnection raw(server_->port());
    ASSERT_TRUE(raw.send("BOGUS\r\n\r\n"));
    raw.read_until("}\n");
    EXPECT_EQ(raw.received().rfind("HTTP/1.1 400 ", 0), 0u) << raw.received();
    EXPECT_NE(raw.received().find("could not be read as HTTP"), std::string::npos);
  }
  ASSERT_TRUE(get("/api/nothing"));
  // The line is written just after the answer is sent: wait for it.
  std::string text;
  for (int i = 0; i < 200 && text.find("/api/nothing") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::ifstream in(*log_);
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  std::istringstream in(text);
  std::string line, last_search, last_404, last_400;
  int lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    const json j = json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << line;
    for (const char* key : {"time", "method", "path", "status", "ms"}) {
      EXPECT_TRUE(j.contains(key)) << line;
    }
    if (j["path"] == "/api/search" && j["status"] == 200) last_search = line;
    if (j["status"] == 404) last_404 = line;
    if (j["status"] == 400) last_400 = line;
    if (j["status"] != 400) {
      EXPECT_TRUE(j["ms"].is_number()) << line;
    }
  }
  EXPECT_GE(lines, 2);
  const json s = json::parse(last_search);
  EXPECT_EQ(s["hits"], 2) << last_search;
  EXPECT_FALSE(last_404.empty());
  ASSERT_FALSE(last_400.empty());
  EXPECT_TRUE(json::parse(last_400)["ms"].is_null()) << last_400;
}

// Writing over HTTP: token, batches, replace, skip, delete, the lock.
TEST(ServeWrite, PostAndDeleteWithABearerToken) {
  if (testing::cli_path().empty()) GTEST_SKIP() << "newsindex CLI not built";
  const std::string db = index_sample("serve_write");
  const fs::path dir = testing::fresh_dir("serve_write_files");
  const std::string token = "test-token-0123456789abcdef";
  std::ofstream(dir / "token") << token << "\n";
  testing::ServeProcess server({"--db", db, "--write-token", (dir / "token").string(),
                                "--max-body-mb", "1", "--quiet"},
                               dir / "stderr");
  ASSERT_TRUE(server.started()) << server.stderr_text();
  httplib::Client c("127.0.0.1", server.port());
  const httplib::Headers auth = {{"Authorization", "Bearer " + token}};
  const std::string body =
      "{\"id\": \"http-1\", \"title\": \"Narwal zwemt de Schelde op\", \"body\": \"Een "
      "narwal is tot in Antwerpen de Schelde op gezwommen.\"}\n"
      "{\"id\": \"http-2\", \"title\": broken\n"
      "{\"id\": \"nl-2019-0001\", \"title\": \"Vervangen titel over een narwal\", \"body\": "
      "\"Nieuwe tekst.\"}\n";

  auto no_token = c.Post("/api/documents", body, "application/x-ndjson");
  ASSERT_TRUE(no_token);
  EXPECT_EQ(no_token->status, 401);
  EXPECT_EQ(no_token->get_header_value("WWW-Authenticate"), "Bearer");
  auto bad_token = c.Post("/api/documents", {{"Authorization", "Bearer " + token + "x"}}, body,
                          "application/x-ndjson");
  ASSERT_TRUE(bad_token);
  EXPECT_EQ(bad_token->status, 401);
  EXPECT_EQ(json::parse(run_cli("search --json --db " + quote(db) + " narwal"))["hits"].size(),
            0u);

  auto posted = c.Post("/api/documents", auth, body, "application/x-ndjson");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 200) << posted->body;
  const json done = body_json(posted);
  EXPECT_EQ(done["added"], 1) << done.dump();
  EXPECT_EQ(done["replaced"], 1) << done.dump();
  ASSERT_EQ(done["skipped"].size(), 1u) << done.dump();
  EXPECT_EQ(done["skipped"][0]["where"], "request:2") << done.dump();
  EXPECT_NE(done["skipped"][0]["message"].get<std::string>().find("invalid JSON"),
            std::string::npos);

  // The service sees its own commit without a restart.
  auto found = body_json(c.Get("/api/search?q=narwal&limit=5"));
  std::vector<std::string> ids;
  for (const auto& h : found["hits"]) ids.push_back(h["id"]);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "http-1"), ids.end()) << found.dump();
  EXPECT_NE(std::find(ids.begin(), ids.end(), "nl-2019-0001"), ids.end()) << found.dump();

  // Markup in a title and body reaches the JSON as text: the title as it
  // is, the snippet escaped with only the highlight as a tag.
  const std::string hostile =
      "{\"id\": \"http-hostile\", \"title\": \"<script>x()</script> \\\"onmouseover=y() "
      "</mark> potvis\", \"body\": \"Een potvis <script>x()</script> \\\"onmouseover=y() "
      "</mark> <b>vet</b> strandt.\"}\n";
  auto hostile_posted = c.Post("/api/documents", auth, hostile, "application/x-ndjson");
  ASSERT_TRUE(hostile_posted);
  ASSERT_EQ(hostile_posted->status, 200) << hostile_posted->body;
  const json potvis = body_json(c.Get("/api/search?q=potvis"));
  ASSERT_EQ(potvis["hits"].size(), 1u) << potvis.dump();
  EXPECT_EQ(potvis["hits"][0]["title"], "<script>x()</script> \"onmouseover=y() </mark> potvis");
  EXPECT_EQ(potvis["hits"][0]["snippet"],
            "Een <b>potvis</b> &lt;script&gt;x()&lt;/script&gt; &quot;onmouseover=y() "
            "&lt;/mark&gt; &lt;b&gt;vet&lt;/b&gt; strandt.")
      << potvis.dump();

  // curl --data-binary sends application/x-www-form-urlencoded unless told
  // otherwise: the body is still JSON Lines, small or past 8 KiB.
  std::string many;
  for (int i = 0; i < 30; ++i) {
    many += "{\"id\": \"form-" + std::to_string(i) + "\", \"title\": \"Zeearend " +
            std::to_string(i) + "\", \"body\": \"" + std::string(400, 'z') + " zeearend.\"}\n";
  }
  ASSERT_GT(many.size(), 8192u);
  for (const std::string& form_body : {many.substr(0, many.find('\n') + 1), many}) {
    auto form = c.Post("/api/documents", auth, form_body, "application/x-www-form-urlencoded");
    ASSERT_TRUE(form);
    EXPECT_EQ(form->status, 200) << form->body;
    const json j = body_json(form);
    EXPECT_EQ(j["added"].get<int>() + j["replaced"].get<int>(),
              static_cast<int>(std::count(form_body.begin(), form_body.end(), '\n')))
        << form->body;
  }
  auto multipart = c.Post("/api/documents", auth,
                          httplib::MultipartFormDataItems{{"file", many, "a.jsonl", "text/plain"}});
  ASSERT_TRUE(multipart);
  EXPECT_EQ(multipart->status, 415) << multipart->body;

  auto empty = c.Post("/api/documents", auth, "\n\n", "application/x-ndjson");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  auto huge = c.Post("/api/documents", auth, std::string(2u << 20, ' '), "application/x-ndjson");
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 413);

  auto deleted = c.Delete("/api/documents/http-1", auth);
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 200) << deleted->body;
  auto again = c.Delete("/api/documents/http-1", auth);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 404) << again->body;
  EXPECT_EQ(c.Get("/api/documents/http-1")->status, 404);

  // A second writing service on the same database is refused: locked.
  testing::ServeProcess second({"--db", db, "--write-token", (dir / "token").string()},
                               dir / "stderr2");
  EXPECT_FALSE(second.started());
  EXPECT_EQ(second.wait_exit(), 1);
  EXPECT_NE(second.stderr_text().find("locked"), std::string::npos) << second.stderr_text();
  // A read-only one is fine beside it.
  testing::ServeProcess reader({"--db", db, "--quiet"}, dir / "stderr3");
  ASSERT_TRUE(reader.started()) << reader.stderr_text();
  EXPECT_EQ(reader.stop(), 0);

  EXPECT_EQ(server.stop(SIGINT), 0);
  // What was committed stays: the database holds the sample minus nothing,
  // plus the replaced article's new title.
  const json after = json::parse(run_cli("search --json --db " + quote(db) + " titel:vervangen"));
  ASSERT_EQ(after["hits"].size(), 1u);
  EXPECT_EQ(after["hits"][0]["id"], "nl-2019-0001");
}

TEST(ServeCors, OnlyTheOriginItIsGiven) {
  if (testing::cli_path().empty()) GTEST_SKIP() << "newsindex CLI not built";
  const std::string db = index_sample("serve_cors");
  const fs::path dir = testing::fresh_dir("serve_cors_files");
  for (const bool cors : {false, true}) {
    std::vector<std::string> args = {"--db", db, "--quiet"};
    if (cors) args.insert(args.end(), {"--cors", "https://archief.example.org"});
    testing::ServeProcess server(args, dir / (cors ? "stderr-cors" : "stderr"));
    ASSERT_TRUE(server.started()) << server.stderr_text();
    httplib::Client c("127.0.0.1", server.port());
    auto r = c.Get("/api/search?q=navo", {{"Origin", "https://elders.example.com"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Access-Control-Allow-Origin"),
              cors ? "https://archief.example.org" : "");
    auto preflight = c.Options("/api/search");
    ASSERT_TRUE(preflight);
    if (cors) {
      EXPECT_EQ(preflight->status, 204);
      EXPECT_NE(preflight->get_header_value("Access-Control-Allow-Methods").find("GET"),
                std::string::npos);
    } else {
      EXPECT_EQ(preflight->get_header_value("Access-Control-Allow-Origin"), "");
    }
    EXPECT_EQ(server.stop(), 0);
  }
}

// A sharded folder with a shard gone: refused at start by default (the
// shard named), answered from the rest with --allow-partial.
TEST(ServeShards, AMissingShardIsNamedOrLeftOutWithAllowPartial) {
  if (testing::cli_path().empty()) GTEST_SKIP() << "newsindex CLI not built";
  const fs::path dir = testing::fresh_dir("serve_shards");
  const std::string db = (dir / "news").string();
  int code = -1;
  run_cli("index --shards 2 --db " + quote(db) + " " + quote(sample_jsonl()), &code);
  ASSERT_EQ(code, 0);
  {
    testing::ServeProcess whole({"--db", db, "--quiet"}, dir / "stderr-whole");
    ASSERT_TRUE(whole.started()) << whole.stderr_text();
    httplib::Client c("127.0.0.1", whole.port());
    auto r = body_json(c.Get("/api/search?q=navo"));
    EXPECT_FALSE(r["hits"].empty());
    EXPECT_TRUE(r["missing_shards"].empty()) << r.dump();
    EXPECT_EQ(whole.stop(), 0);
  }
  fs::remove_all(dir / "news" / "shard-001");
  testing::ServeProcess strict({"--db", db, "--quiet"}, dir / "stderr-strict");
  EXPECT_FALSE(strict.started());
  EXPECT_EQ(strict.wait_exit(), 1);
  EXPECT_NE(strict.stderr_text().find("shard-001"), std::string::npos) << strict.stderr_text();
  testing::ServeProcess partial({"--db", db, "--quiet", "--allow-partial"},
                                dir / "stderr-partial");
  ASSERT_TRUE(partial.started()) << partial.stderr_text();
  httplib::Client c("127.0.0.1", partial.port());
  auto r = c.Get("/api/search?q=navo");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  const json j = body_json(r);
  ASSERT_EQ(j["missing_shards"].size(), 1u) << j.dump();
  EXPECT_NE(j["missing_shards"][0].get<std::string>().find("shard-001"), std::string::npos);
  EXPECT_EQ(partial.stop(), 0);
}

TEST(ServeLifecycle, SigtermFinishesAndExitsZero) {
  if (testing::cli_path().empty()) GTEST_SKIP() << "newsindex CLI not built";
  const std::string db = index_sample("serve_sigterm");
  const fs::path dir = testing::fresh_dir("serve_sigterm_files");
  testing::ServeProcess server({"--db", db}, dir / "stderr");
  ASSERT_TRUE(server.started()) << server.stderr_text();
  httplib::Client c("127.0.0.1", server.port());
  ASSERT_EQ(c.Get("/health")->status, 200);
  EXPECT_EQ(server.stop(SIGTERM), 0);
  EXPECT_NE(server.stderr_text().find("newsindex serve: stopped"), std::string::npos);
}

// A request that has arrived when SIGTERM comes is answered (a write is
// committed) before the process exits 0. The POST sends its headers with
// "Expect: 100-continue" and waits for "100 Continue", so the request is
// known to be in the server's hands; the body follows only once the service
// has stopped accepting new connections.
TEST(ServeLifecycle, SigtermFinishesARequestInFlight) {
  if (testing::cli_path().empty()) GTEST_SKIP() << "newsindex CLI not built";
  const std::string db = index_sample("serve_inflight");
  const fs::path dir = testing::fresh_dir("serve_inflight_files");
  const std::string token = "inflight-token-0123456789";
  std::ofstream(dir / "token") << token << "\n";
  testing::ServeProcess server({"--db", db, "--write-token", (dir / "token").string()},
                               dir / "stderr");
  ASSERT_TRUE(server.started()) << server.stderr_text();
  const std::string body =
      "{\"id\": \"inflight-1\", \"title\": \"Zeehond in de Maas\", \"body\": \"Een "
      "zeehond zwemt de Maas op.\"}\n";
  testing::RawConnection c(server.port());
  ASSERT_TRUE(c.connected());
  ASSERT_TRUE(c.send("POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                     token + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " +
                     std::to_string(body.size()) +
                     "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"));
  EXPECT_NE(c.read_until("\r\n\r\n").find("HTTP/1.1 100 Continue"), std::string::npos)
      << c.received();

  server.send_signal(SIGTERM);
  bool closed = false;
  for (int i = 0; i < 1000 && !closed; ++i) {  // at most 10 s
    closed = !testing::accepting(server.port());
    if (!closed) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(closed) << "the service still accepts connections after SIGTERM";

  ASSERT_TRUE(c.send(body));
  ASSERT_TRUE(c.read_to_close());
  const std::string& answer = c.received();
  const auto final_status = answer.find("HTTP/1.1 200 ");
  ASSERT_NE(final_status, std::string::npos) << answer;
  const json done =
      json::parse(answer.substr(answer.find("\r\n\r\n", final_status) + 4), nullptr, false);
  EXPECT_EQ(done["added"], 1) << answer;
  EXPECT_EQ(server.wait_exit(), 0) << server.stderr_text();
  EXPECT_NE(server.stderr_text().find("newsindex serve: stopped"), std::string::npos);
  const json found = json::parse(run_cli("search --json --db " + quote(db) + " zeehond"));
  ASSERT_FALSE(found["hits"].empty()) << found.dump();
  EXPECT_EQ(found["hits"][0]["id"], "inflight-1");
}

// A client that sends half a request and then nothing is cut off after
// --timeout seconds; the service goes on answering others.
TEST(ServeLifecycle, ASlowRequestIsCutOffAfterTheTimeout) {
  if (testing::cli_path().empty()) GTEST_SKIP() << "newsindex CLI not built";
  const std::string db = index_sample("serve_timeout");
  const fs::path dir = testing::fresh_dir("serve_timeout_files");
  testing::ServeProcess server({"--db", db, "--timeout", "1", "--threads", "2", "--quiet"},
                               dir / "stderr");
  ASSERT_TRUE(server.started()) << server.stderr_text();
  testing::RawConnection slow(server.port());
  ASSERT_TRUE(slow.connected());
  ASSERT_TRUE(slow.send("GET /api/search?q=navo HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
  // The read gives up after 20 s; the server must answer 400 well before.
  const std::string got = slow.read_until("}\n");
  EXPECT_EQ(got.rfind("HTTP/1.1 400 ", 0), 0u) << "no answer to the half request: " << got;
  EXPECT_NE(got.find("could not be read as HTTP"), std::string::npos) << got;
  httplib::Client c("127.0.0.1", server.port());
  auto health = c.Get("/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(server.stop(), 0);
}

// Commits by another process are seen by the next request without a
// restart: a plain (incremental) commit, a bulk commit (which puts a new
// database folder in place) and a compaction.
TEST(ServeReopen, SeesCommitsOfAnotherWriter) {
  if (testing::cli_path().empty()) GTEST_SKIP() << "newsindex CLI not built";
  const std::string db = index_sample("serve_reopen");
  const fs::path dir = testing::fresh_dir("serve_reopen_files");
  testing::ServeProcess server({"--db", db, "--quiet", "--threads", "2"}, dir / "stderr");
  ASSERT_TRUE(server.started()) << server.stderr_text();
  httplib::Client c("127.0.0.1", server.port());
  auto ids_for = [&](const std::string& word) {
    std::vector<std::string> ids;
    auto r = c.Get("/api/search?q=" + word);
    if (!r || r->status != 200) return std::vector<std::string>{"error"};
    const json found = body_json(r);
    for (const auto& h : found["hits"]) ids.push_back(h["id"]);
    return ids;
  };
  const std::vector<std::string> none;
  EXPECT_EQ(ids_for("walrus"), none);
  EXPECT_EQ(ids_for("pelikaan"), none);
  std::ofstream(dir / "plain.jsonl")
      << "{\"id\": \"reopen-plain\", \"title\": \"Walrus op het strand\", \"body\": \"Een "
         "walrus ligt op het strand van Texel.\"}\n";
  std::ofstream(dir / "bulk.jsonl")
      << "{\"id\": \"reopen-bulk\", \"title\": \"Pelikaan in het park\", \"body\": \"Een "
         "pelikaan is ontsnapt uit de dierentuin.\"}\n";
  int code = -1;
  run_cli("index --plain --db " + quote(db) + " " + quote((dir / "plain.jsonl").string()), &code);
  ASSERT_EQ(code, 0);
  EXPECT_EQ(ids_for("walrus"), std::vector<std::string>{"reopen-plain"});
  run_cli("index --bulk --db " + quote(db) + " " + quote((dir / "bulk.jsonl").string()), &code);
  ASSERT_EQ(code, 0);
  EXPECT_EQ(ids_for("pelikaan"), std::vector<std::string>{"reopen-bulk"});
  EXPECT_EQ(ids_for("walrus"), std::vector<std::string>{"reopen-plain"});
  run_cli("compact --db " + quote(db), &code);
  ASSERT_EQ(code, 0);
  EXPECT_EQ(ids_for("pelikaan"), std::vector<std::string>{"reopen-bulk"});
  run_cli("delete --db " + quote(db) + " reopen-plain", &code);
  ASSERT_EQ(code, 0);
  EXPECT_EQ(ids_for("walrus"), none);
  EXPECT_EQ(server.stop(), 0);
}

TEST(ServeLifecycle, RefusesBadStartsWithTheReason) {
  if (testing::cli_path().empty()) GTEST_SKIP() << "newsindex CLI not built";
  const fs::path dir = testing::fresh_dir("serve_bad_starts");
  const std::string db = index_sample("serve_bad_starts_db");
  std::ofstream(dir / "short-token") << "abc\n";
  const struct {
    std::vector<std::string> args;
    int code;
    std::string message;
  } cases[] = {
      {{"--db", (dir / "missing").string()}, 1, (dir / "missing").string()},
      {{"--db", db, "--threads", "0"}, 2, "--threads"},
      {{"--db", db, "--write-token", (dir / "short-token").string()}, 1, "at least 16"},
      {{"--db", db, "--write-token", (dir / "no-token").string()}, 1, "token file"},
  };
  int n = 0;
  for (const auto& c : cases) {
    testing::ServeProcess p(c.args, dir / ("stderr" + std::to_string(n++)));
    EXPECT_FALSE(p.started());
    EXPECT_EQ(p.wait_exit(), c.code) << c.message;
    EXPECT_NE(p.stderr_text().find(c.message), std::string::npos) << p.stderr_text();
  }
  // --listen is parsed before anything opens.
  int code = -1;
  run_cli("serve --db " + quote(db) + " --listen nonsense", &code);
  EXPECT_EQ(code, 2);
}

}  // namespace
}  // namespace newsindex
