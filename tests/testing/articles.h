// testing/articles.h: the one article builder of the tests, and a reader
// that feeds a corpus (the sample under corpora/sample) to a writer.
// Public API types only, so any test binary can use it.
#ifndef NEWSINDEX_TESTS_TESTING_ARTICLES_H_
#define NEWSINDEX_TESTS_TESTING_ARTICLES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "newsindex/article.h"
#include "newsindex/reader.h"
#include "newsindex/status.h"
#include "newsindex/writer.h"

namespace newsindex::testing {

// 2020-02-12T12:00:00Z plus `days`.
inline std::int64_t day(int days) { return 1581508800 + std::int64_t{days} * 86400; }

// An article with only an id, a title and a body.
inline Article make_article(std::string id, std::string title, std::string body) {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = std::move(body);
  return a;
}

// A complete Dutch article dated day(`days`), with a url from its id.
inline Article article(std::string id, std::string title, std::string body, int days = 0,
                       std::string source = "Belga", std::string outlet = "De Standaard",
                       std::string category = "binnenland") {
  Article a = make_article(std::move(id), std::move(title), std::move(body));
  a.timestamp = day(days);
  a.has_time = true;
  a.source = std::move(source);
  a.outlet = std::move(outlet);
  a.category = std::move(category);
  a.url = "https://example.org/" + a.id;
  a.language = "nl";
  return a;
}

// Adds every article under `paths` (ArticleSource: files, folders, gzip) to
// `writer` and commits; the first read issue or writer error, named.
inline Status add_corpus(IndexWriter& writer, const std::vector<std::string>& paths) {
  auto source = ArticleSource::open(paths);
  if (!source.ok()) return source.status();
  Article a;
  ReadIssue issue;
  for (;;) {
    const ArticleSource::Next next = (*source)->next(a, issue);
    if (next == ArticleSource::Next::kEnd) break;
    if (next == ArticleSource::Next::kIssue) {
      return Status::parse_error(issue.where + ": " + issue.message);
    }
    if (next == ArticleSource::Next::kArticle) {
      if (Status st = writer.add(a); !st.ok()) return Status(st.code(), a.id + ": " + st.message());
    }
    a = Article{};
  }
  return writer.commit();
}

}  // namespace newsindex::testing

#endif  // NEWSINDEX_TESTS_TESTING_ARTICLES_H_
