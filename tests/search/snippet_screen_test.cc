// The snippeter with the Dutch stream's match screen shows exactly what it
// shows when every word is analysed: every sample article, with 1-2 word and
// wildcard queries drawn from the articles' own words, at 200 and 80 bytes.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "analysis/analysis_test_util.h"
#include "newsindex/reader.h"
#include "search/query_builder.h"
#include "search/query_parser.h"
#include "search/snippets.h"
#include "testing/test_paths.h"

namespace newsindex::internal {
namespace {

// Forwards to another stream; not the Dutch stream type, so a Snippeter
// over it analyses every word.
class ForwardingStream final : public TokenStream {
 public:
  explicit ForwardingStream(std::unique_ptr<TokenStream> inner) : inner_(std::move(inner)) {}
  void reset(std::string_view text, std::uint32_t first) override { inner_->reset(text, first); }
  bool next() override { return inner_->next(); }
  const Token& token() const override { return inner_->token(); }
  std::uint32_t next_position() const override { return inner_->next_position(); }
  std::size_t repaired() const override { return inner_->repaired(); }

 private:
  std::unique_ptr<TokenStream> inner_;
};

class UnscreenedAnalyzer final : public Analyzer {
 public:
  explicit UnscreenedAnalyzer(const Analyzer& inner) : inner_(inner) {}
  std::unique_ptr<TokenStream> stream() const override {
    return std::make_unique<ForwardingStream>(inner_.stream());
  }
  std::string identity() const override { return inner_.identity(); }
  std::string stemmer_identity() const override { return inner_.stemmer_identity(); }
  std::string stem(std::string_view term) const override { return inner_.stem(term); }
  bool is_stopword(std::string_view term) const override { return inner_.is_stopword(term); }
  const AnalyzerOptions& options() const override { return inner_.options(); }

 private:
  const Analyzer& inner_;
};

TEST(SnippetScreen, SameSnippetsAsAnalysingEveryWord) {
  if (!testing::default_analyzer_ok()) GTEST_SKIP() << "no default analyzer";
  const Analyzer& dutch = testing::default_analyzer();
  UnscreenedAnalyzer plain(dutch);
  auto source = ArticleSource::open(
      {(testing::source_dir() / "corpora/sample/jsonl/sample.jsonl").string()});
  ASSERT_TRUE(source.ok()) << source.status().to_string();
  std::vector<std::string> bodies, words;
  Article a;
  ReadIssue issue;
  while ((*source)->next(a, issue) == ArticleSource::Next::kArticle) {
    bodies.push_back(a.body);
    // Every 5th word as written: inflections, compounds, names, numbers.
    std::size_t n = 0;
    for (std::size_t i = 0; i < a.body.size();) {
      std::size_t j = a.body.find_first_of(" \n\t.,;:!?()\"", i);
      if (j == std::string::npos) j = a.body.size();
      if (j > i + 2 && n++ % 5 == 0) words.push_back(a.body.substr(i, j - i));
      i = j + 1;
    }
  }
  ASSERT_GT(bodies.size(), 10u);
  std::vector<std::string> queries;
  for (std::size_t i = 0; i + 1 < words.size(); i += 7) {
    queries.push_back(words[i]);
    queries.push_back(words[i] + " " + words[i + 1]);
    if (words[i].size() > 5) queries.push_back(words[i].substr(0, 4) + "*");
  }
  queries.insert(queries.end(), {"missie", "bomen", "kind", "mogelijkheden", "maan"});
  Snippeter screened(dutch), unscreened(plain);
  QueryBuilder builder(dutch, nullptr);
  std::size_t compared = 0, highlighted = 0;
  for (const std::string& q : queries) {
    BuiltQuery built = builder.build(parse_query(q).root);
    if (built.highlight.empty()) continue;
    for (const std::string& body : bodies) {
      for (std::size_t length : {200, 80}) {
        const auto want = unscreened.make(body, built.highlight, length);
        const auto got = screened.make(body, built.highlight, length);
        ASSERT_EQ(render_snippet(got, "[", "]"), render_snippet(want, "[", "]"))
            << "query " << q << ", " << length << " bytes";
        for (const SnippetPart& p : want) highlighted += p.highlight;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 1000u);
  EXPECT_GT(highlighted, 100u);  // the queries do match
}

}  // namespace
}  // namespace newsindex::internal
