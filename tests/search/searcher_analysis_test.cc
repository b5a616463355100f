// Searcher::open takes its analysis from the identity the databases record
// (no analysis options to repeat); an Analyzer given to open() must match
// the record; databases that disagree, or a record this build cannot make,
// are refused with a message naming them (kAnalysisMismatch) unless
// override_analysis.
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "index/schema.h"
#include "newsindex/searcher.h"
#include "newsindex/writer.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

std::string build(const std::string& name, const AnalyzerOptions& analysis) {
  const std::string path = testing::fresh_dir("searcher_analysis_" + name).string();
  WriterOptions options;
  options.analysis = analysis;
  auto writer = IndexWriter::open(path, options);
  EXPECT_TRUE(writer.ok()) << writer.status().to_string();
  Article a;
  a.id = "m1";
  a.title = "Uitzending";
  a.body = "De regeringen werden gisteren gekozen.";
  EXPECT_TRUE((*writer)->add(a).ok());
  EXPECT_TRUE((*writer)->commit().ok());
  return path;
}

std::size_t hits(Searcher& s, const std::string& query) {
  SearchRequest r;
  r.query = query;
  auto res = s.search(r);
  EXPECT_TRUE(res.ok()) << res.status().to_string();
  return res.ok() ? res->hits.size() : 0;
}

class SearcherAnalysis : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    AnalyzerOptions unstemmed;
    unstemmed.stem = false;
    stemmed_ = new std::string(build("stemmed", {}));
    unstemmed_ = new std::string(build("unstemmed", unstemmed));
  }
  static void TearDownTestSuite() {
    delete stemmed_;
    delete unstemmed_;
  }
  static std::string* stemmed_;
  static std::string* unstemmed_;
};
std::string* SearcherAnalysis::stemmed_ = nullptr;
std::string* SearcherAnalysis::unstemmed_ = nullptr;

TEST_F(SearcherAnalysis, FollowsTheRecordedAnalysis) {
  // "regering" finds "regeringen" only through the stem.
  auto stemmed = Searcher::open({*stemmed_});
  ASSERT_TRUE(stemmed.ok()) << stemmed.status().to_string();
  EXPECT_EQ(hits(**stemmed, "regering"), 1u);
  auto unstemmed = Searcher::open({*unstemmed_});
  ASSERT_TRUE(unstemmed.ok()) << unstemmed.status().to_string();
  EXPECT_EQ(hits(**unstemmed, "regering"), 0u);
  EXPECT_EQ(hits(**unstemmed, "regeringen"), 1u);
}

TEST_F(SearcherAnalysis, AGivenAnalyzerMustMatchTheRecord) {
  AnalyzerOptions unstemmed;
  unstemmed.stem = false;
  auto plain = Analyzer::create(unstemmed);
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(Searcher::open({*unstemmed_}, {}, *plain).ok());
  auto refused = Searcher::open({*stemmed_}, {}, *plain);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kAnalysisMismatch);
  EXPECT_NE(refused.status().message().find(*stemmed_), std::string::npos);
  SearcherOptions o;
  o.override_analysis = true;
  EXPECT_TRUE(Searcher::open({*stemmed_}, o, *plain).ok());
  EXPECT_EQ(Searcher::open({*stemmed_}, {}, nullptr).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(IndexWriter::open(*stemmed_, {}, nullptr).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(SearcherAnalysis, DatabasesThatDisagreeAreNamed) {
  auto refused = Searcher::open({*stemmed_, *unstemmed_});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kAnalysisMismatch);
  const std::string& msg = refused.status().message();
  EXPECT_NE(msg.find(*unstemmed_ + ": built with analyzer"), std::string::npos) << msg;
  EXPECT_NE(msg.find("recorded by " + *stemmed_), std::string::npos) << msg;
}

TEST_F(SearcherAnalysis, ARecordThisBuildCannotMakeIsRefusedUnlessOverridden) {
  const struct {
    const char* name;
    const char* record;
    const char* says;
  } rows[] = {
      {"custom", "my-analyzer/3", "open the Searcher with the Analyzer"},
      {"none", "", "none recorded"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.name);
    const std::string path = testing::fresh_dir(std::string("searcher_analysis_") + row.name);
    {
      Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
      Xapian::Document doc;
      doc.add_posting("zeppelin", 1);
      doc.add_term("Zzeppelin");
      db.add_document(doc);
      db.set_metadata(std::string(schema::kMetaAnalyzer), row.record);
      db.commit();
    }
    auto refused = Searcher::open({path});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.status().code(), StatusCode::kAnalysisMismatch);
    EXPECT_NE(refused.status().message().find(path), std::string::npos)
        << refused.status().message();
    EXPECT_NE(refused.status().message().find(row.says), std::string::npos)
        << refused.status().message();
    SearcherOptions o;
    o.override_analysis = true;
    auto searched = Searcher::open({path}, o);
    ASSERT_TRUE(searched.ok()) << searched.status().to_string();
    EXPECT_EQ(hits(**searched, "zeppelin"), 1u);
  }
}

}  // namespace
}  // namespace newsindex
