// Xapian's own tools read our databases: xapian-check passes, xapian-delve
// shows the expected terms, quest with the Dutch stemmer finds a plain word.
#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "newsindex/reader.h"
#include "newsindex/writer.h"
#include "testing/articles.h"
#include "testing/child_process.h"
#include "testing/cli_runner.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

bool have(const char* tool) { return testing::on_path(tool); }

// Runs a shell command, returns what it printed (stdout, then stderr);
// `code` gets the exit status.
std::string capture(const std::string& cmd, int& code) {
  testing::CliRun r = testing::run_shell(cmd);
  code = r.code;
  return r.all();
}

class XapianTools : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = testing::fresh_dir("xapian_tools").string() + "/db";
    auto w = IndexWriter::open(db_);
    ASSERT_TRUE(w.ok()) << w.status().to_string();
    Status st = testing::add_corpus(
        **w, {(testing::source_dir() / "corpora" / "sample" / "jsonl").string()});
    ASSERT_TRUE(st.ok()) << st.to_string();
  }
  static std::string db_;
};
std::string XapianTools::db_;

TEST_F(XapianTools, XapianCheckPasses) {
  if (!have("xapian-check")) GTEST_SKIP() << "xapian-check not installed";
  int code = 0;
  std::string out = capture("xapian-check '" + db_ + "'", code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("No errors found"), std::string::npos) << out;
}

TEST_F(XapianTools, DelveShowsTheExpectedTerms) {
  if (!have("xapian-delve")) GTEST_SKIP() << "xapian-delve not installed";
  int code = 0;
  std::string posting = capture("xapian-delve -t Qnl-2019-0001 '" + db_ + "'", code);
  ASSERT_EQ(code, 0) << posting;
  EXPECT_NE(posting.find("termfreq 1"), std::string::npos) << posting;
  // The document's own term list (by the docid the Q term points at).
  std::string docid = posting.substr(posting.rfind(' ') + 1);
  while (!docid.empty() && (docid.back() == '\n' || docid.back() == '\r')) docid.pop_back();
  std::string terms = capture("xapian-delve -r " + docid + " '" + db_ + "'", code);
  ASSERT_EQ(code, 0) << terms;
  // Title "Kabinet wil woningbouwplannen versnellen met nieuw fonds" (2019-11-04).
  for (const char* t : {" Qnl-2019-0001 ", " Skabinet ", " kabinet ", " Zkabinet ",
                        " ZSkabinet ", " D20191104 ", " M201911 ", " Y2019 ", " XLANGnl ",
                        " XCATpolitiek ", " woningbouwplannen ", " XPwoning "}) {
    EXPECT_NE((terms + " ").find(t), std::string::npos) << "missing term" << t;
  }
}

TEST_F(XapianTools, QuestWithTheDutchStemmerFindsAPlainWord) {
  if (!have("quest")) GTEST_SKIP() << "quest not installed";
  int code = 0;
  // "gemeenten" stems to "gemeent" in Xapian's Dutch stemmer, as in ours.
  std::string out = capture("quest -d '" + db_ + "' -s dutch gemeenten", code);
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("Zgemeent"), std::string::npos) << out;
  // The document data is a compressed record (docs/index-format.md, "Document
  // data"), which quest prints as bytes: the article is named by its docid.
  Xapian::Database db(db_);
  Xapian::PostingIterator p = db.postlist_begin("Qnl-2019-0001");
  ASSERT_NE(p, db.postlist_end("Qnl-2019-0001"));
  EXPECT_NE(out.find("\n" + std::to_string(*p) + ": ["), std::string::npos) << out;
}

}  // namespace
}  // namespace newsindex
