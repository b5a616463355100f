// tests/search/search_fixture.h: small test databases for the searcher
// tests, built with the index's own DocumentBuilder (so the term mapping is
// the writer's) and any Analyzer (usually testing::FakeAnalyzer).
#ifndef NEWSINDEX_TESTS_SEARCH_SEARCH_FIXTURE_H_
#define NEWSINDEX_TESTS_SEARCH_SEARCH_FIXTURE_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "index/document_builder.h"
#include "index/schema.h"
#include "newsindex/analyzer.h"
#include "newsindex/article.h"
#include "newsindex/searcher.h"

namespace newsindex::testing {

// A request for `query` with everything else at its default.
inline SearchRequest query_request(std::string query, std::uint32_t limit = 10) {
  SearchRequest r;
  r.query = std::move(query);
  r.limit = limit;
  return r;
}

// 2020-02-12T12:00:00Z plus `days`.
inline std::int64_t day(int days) { return 1581508800 + std::int64_t{days} * 86400; }

inline Article article(std::string id, std::string title, std::string body, int days = 0,
                       std::string source = "Belga", std::string outlet = "De Standaard",
                       std::string category = "binnenland") {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = std::move(body);
  a.timestamp = day(days);
  a.has_time = true;
  a.source = std::move(source);
  a.outlet = std::move(outlet);
  a.category = std::move(category);
  a.url = "https://example.org/" + a.id;
  a.language = "nl";
  return a;
}

// Adds `articles` (cluster key = `clusters[i]` when given, else the id) to
// the database at `path`, recording `analyzer`'s identity, and commits.
inline void add_articles(const std::string& path, const std::shared_ptr<const Analyzer>& analyzer,
                         const std::vector<Article>& articles,
                         const std::vector<std::string>& clusters = {}) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  db.set_metadata(std::string(schema::kMetaAnalyzer), analyzer->identity());
  db.set_metadata(std::string(schema::kMetaSchema), std::string(schema::kSchemaVersion));
  internal::DocumentBuilder builder(analyzer, true);
  for (std::size_t i = 0; i < articles.size(); ++i) {
    internal::BuiltDocument built;
    builder.build(articles[i], built);
    internal::set_cluster(
        built, i < clusters.size() && !clusters[i].empty() ? clusters[i] : articles[i].id);
    db.replace_document(built.id_term, built.doc);
  }
  db.commit();
}

}  // namespace newsindex::testing

#endif  // NEWSINDEX_TESTS_SEARCH_SEARCH_FIXTURE_H_
