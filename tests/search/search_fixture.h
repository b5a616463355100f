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
#include "testing/articles.h"  // day, article

namespace newsindex::testing {

// A request for `query` with everything else at its default.
inline SearchRequest query_request(std::string query, std::uint32_t limit = 10) {
  SearchRequest r;
  r.query = std::move(query);
  r.limit = limit;
  return r;
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
