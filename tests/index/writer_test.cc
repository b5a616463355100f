// IndexWriter: add/replace/remove, commits, crash safety, locking, metadata.
#include "index/xapian_writer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "index/schema.h"
#include "index/stored_data.h"
#include "index_test_util.h"
#include "testing/fake_analyzer.h"
#include "testing/test_paths.h"

namespace newsindex::internal {
namespace {

using testing::make_article;

std::unique_ptr<IndexWriter> open_writer(const std::string& path, WriterOptions options = {},
                                         const std::string& identity = "fake/1") {
  auto w = XapianIndexWriter::open(path, options, testing::FakeAnalyzer::make(identity));
  EXPECT_TRUE(w.ok()) << w.status().to_string();
  return w.ok() ? std::move(w).value() : nullptr;
}

Xapian::doccount count(const std::string& path) { return Xapian::Database(path).get_doccount(); }

Article numbered(int i) {
  return make_article("doc-" + std::to_string(i), "Titel " + std::to_string(i),
                      "Tekst over onderwerp " + std::to_string(i) + " en nog wat woorden.");
}

TEST(IndexWriter, AddCommitReopen) {
  std::string db = testing::fresh_dir("writer_add").string();
  {
    auto w = open_writer(db);
    ASSERT_TRUE(w);
    ASSERT_TRUE(w->add(numbered(1)).ok());
    ASSERT_TRUE(w->add(numbered(2)).ok());
    ASSERT_TRUE(w->commit().ok());
    EXPECT_EQ(w->stats().added, 2u);
    EXPECT_EQ(w->stats().commits, 1u);
  }
  EXPECT_EQ(count(db), 2u);
  Xapian::Database d(db);
  EXPECT_EQ(d.get_metadata(std::string(schema::kMetaAnalyzer)), "fake/1");
  EXPECT_EQ(d.get_metadata(std::string(schema::kMetaStemmer)), "fake-stem");
  EXPECT_EQ(d.get_metadata(std::string(schema::kMetaSchema)), schema::kSchemaVersion);
  EXPECT_TRUE(d.term_exists("Qdoc-1"));
}

TEST(IndexWriter, SameIdTwiceIsOneDocumentEvenInOneBatch) {
  std::string db = testing::fresh_dir("writer_replace").string();
  auto w = open_writer(db);
  ASSERT_TRUE(w->add(make_article("a", "eerste", "oude tekst")).ok());
  ASSERT_TRUE(w->add(make_article("a", "tweede", "nieuwe tekst")).ok());
  ASSERT_TRUE(w->commit().ok());
  ASSERT_TRUE(w->add(make_article("a", "derde", "nieuwste tekst")).ok());
  ASSERT_TRUE(w->commit().ok());
  EXPECT_EQ(w->stats().added, 1u);
  EXPECT_EQ(w->stats().replaced, 2u);
  w.reset();
  Xapian::Database d(db);
  EXPECT_EQ(d.get_doccount(), 1u);
  EXPECT_TRUE(d.term_exists("nieuwste"));
  EXPECT_FALSE(d.term_exists("oude"));
}

TEST(IndexWriter, RemoveById) {
  std::string db = testing::fresh_dir("writer_remove").string();
  auto w = open_writer(db);
  ASSERT_TRUE(w->add(numbered(1)).ok());
  ASSERT_TRUE(w->add(numbered(2)).ok());
  ASSERT_TRUE(w->commit().ok());
  EXPECT_TRUE(w->remove("doc-1").ok());
  Status st = w->remove("doc-9");
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_NE(st.message().find("doc-9"), std::string::npos);
  ASSERT_TRUE(w->commit().ok());
  EXPECT_EQ(w->stats().deleted, 1u);
  EXPECT_EQ(count(db), 1u);
  EXPECT_EQ(w->remove("doc-1").code(), StatusCode::kNotFound);
}

TEST(IndexWriter, DestructorDiscardsUncommittedChanges) {
  std::string db = testing::fresh_dir("writer_discard").string();
  {
    auto w = open_writer(db);
    ASSERT_TRUE(w->add(numbered(1)).ok());
    ASSERT_TRUE(w->commit().ok());
    ASSERT_TRUE(w->add(numbered(2)).ok());
    ASSERT_TRUE(w->add(numbered(3)).ok());
    ASSERT_TRUE(w->remove("doc-1").ok());
    // The durable counts are those of the last commit.
    EXPECT_EQ(w->stats().added, 3u);
    EXPECT_EQ(w->stats().committed_added, 1u);
    EXPECT_EQ(w->stats().deleted, 1u);
    EXPECT_EQ(w->stats().committed_deleted, 0u);
  }  // no commit
  EXPECT_EQ(count(db), 1u);
  EXPECT_TRUE(Xapian::Database(db).term_exists("Qdoc-1"));
  // The lock is released: a new writer opens and sees the committed state.
  auto w = open_writer(db);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->add(numbered(2)).ok(), true);
  ASSERT_TRUE(w->commit().ok());
  EXPECT_EQ(w->stats().added, 1u);
}

TEST(IndexWriter, BulkModeCountsWhatEachCommitMadeDurable) {
  std::string db = testing::fresh_dir("writer_bulk_committed").string();
  WriterOptions o;
  o.bulk = true;
  o.threads = 2;
  o.batch_size = 0;
  auto w = open_writer(db, o);
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(w->add(numbered(i)).ok());
  ASSERT_TRUE(w->commit().ok());
  EXPECT_EQ(w->stats().committed_added, 4u);
  for (int i = 4; i < 6; ++i) ASSERT_TRUE(w->add(numbered(i)).ok());
  ASSERT_TRUE(w->add(numbered(1)).ok());  // a replace
  ASSERT_TRUE(w->remove("doc-2").ok());   // drains: every add above is counted
  EXPECT_EQ(w->stats().added, 6u);
  EXPECT_EQ(w->stats().replaced, 1u);
  EXPECT_EQ(w->stats().committed_added, 4u);  // not yet durable
  EXPECT_EQ(w->stats().committed_replaced, 0u);
  EXPECT_EQ(w->stats().committed_deleted, 0u);
  ASSERT_TRUE(w->commit().ok());
  EXPECT_EQ(w->stats().committed_added, 6u);
  EXPECT_EQ(w->stats().committed_replaced, 1u);
  EXPECT_EQ(w->stats().committed_deleted, 1u);
  w.reset();
  EXPECT_EQ(count(db), 5u);
}

TEST(IndexWriter, AutomaticCommitEveryBatch) {
  std::string db = testing::fresh_dir("writer_batch").string();
  WriterOptions o;
  o.batch_size = 3;
  auto w = open_writer(db, o);
  for (int i = 0; i < 7; ++i) ASSERT_TRUE(w->add(numbered(i)).ok());
  EXPECT_EQ(w->stats().commits, 2u);
  EXPECT_EQ(w->stats().committed_added, 6u);
  EXPECT_EQ(count(db), 6u);  // a reader sees the last automatic commit
  w.reset();
  EXPECT_EQ(count(db), 6u);
}

TEST(IndexWriter, SecondWriterIsLocked) {
  std::string db = testing::fresh_dir("writer_locked").string();
  auto w = open_writer(db);
  ASSERT_TRUE(w);
  auto second = XapianIndexWriter::open(db, {}, testing::FakeAnalyzer::make());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kLocked);
  EXPECT_NE(second.status().message().find("locked"), std::string::npos);
  EXPECT_NE(second.status().message().find(db), std::string::npos);
}

TEST(IndexWriter, RefusesOtherAnalysisUnlessOverridden) {
  std::string db = testing::fresh_dir("writer_mismatch").string();
  {
    auto w = open_writer(db, {}, "analyzer-a");
    ASSERT_TRUE(w->add(numbered(1)).ok());
    ASSERT_TRUE(w->commit().ok());
  }
  auto other = XapianIndexWriter::open(db, {}, testing::FakeAnalyzer::make("analyzer-b"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), StatusCode::kAnalysisMismatch);
  EXPECT_NE(other.status().message().find("analyzer-a"), std::string::npos);
  WriterOptions o;
  o.override_analysis = true;
  auto forced = XapianIndexWriter::open(db, o, testing::FakeAnalyzer::make("analyzer-b"));
  EXPECT_TRUE(forced.ok());
}

// A database of an older schema (2: the body in slot 9) is refused with a
// message naming both versions; the searcher still reads it
// (SearcherTest.ReadsASchema2Database).
TEST(IndexWriter, RefusesAnOlderSchemaNamingBothVersions) {
  std::string db = testing::fresh_dir("writer_old_schema").string();
  {
    auto w = open_writer(db);
    ASSERT_TRUE(w->add(numbered(1)).ok());
    ASSERT_TRUE(w->commit().ok());
  }
  {
    Xapian::WritableDatabase x(db, Xapian::DB_OPEN);
    x.set_metadata(std::string(schema::kMetaSchema), "2");
    x.commit();
  }
  auto w = XapianIndexWriter::open(db, {}, testing::FakeAnalyzer::make());
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), StatusCode::kAnalysisMismatch);
  EXPECT_NE(w.status().message().find("schema version 2, this library writes " +
                                      std::string(schema::kSchemaVersion)),
            std::string::npos)
      << w.status().to_string();
}

// Schema 3 differs only in how a record is encoded, which is read per
// record: the writer adds to such a database, which then says 4, and both
// records read back.
TEST(IndexWriter, AddsToASchema3DatabaseAndBothRecordsRead) {
  std::string db = testing::fresh_dir("writer_schema3").string();
  {
    auto w = open_writer(db);
    ASSERT_TRUE(w->add(numbered(1)).ok());
    ASSERT_TRUE(w->commit().ok());
  }
  {
    Xapian::WritableDatabase x(db, Xapian::DB_OPEN);
    Xapian::Document d = x.get_document(1);
    d.set_data(testing::schema3_record(R"({"id":"doc-1","title":"Titel 1"})", "Oude tekst."));
    x.replace_document(1, d);
    x.set_metadata(std::string(schema::kMetaSchema), "3");
    x.commit();
  }
  {
    auto w = open_writer(db);
    ASSERT_NE(w, nullptr);
    ASSERT_TRUE(w->add(numbered(2)).ok());
    ASSERT_TRUE(w->commit().ok());
  }
  Xapian::Database x(db);
  EXPECT_EQ(x.get_metadata(std::string(schema::kMetaSchema)), schema::kSchemaVersion);
  const struct {
    Xapian::docid did;
    char first;
    const char *title, *body;
  } want[] = {{1, 'J', "Titel 1", "Oude tekst."},
              {2, 'B', "Titel 2", "Tekst over onderwerp 2 en nog wat woorden."}};
  for (const auto& c : want) {
    const std::string data = x.get_document(c.did).get_data();
    ASSERT_FALSE(data.empty());
    EXPECT_EQ(data[0], c.first) << c.did;
    DisplayData got;
    EXPECT_TRUE(decode_stored_data(data, &got, true)) << c.did;
    EXPECT_EQ(got.title, c.title) << c.did;
    EXPECT_EQ(got.body, c.body) << c.did;
  }
}

TEST(IndexWriter, RefusesAForeignDatabaseWithDocuments) {
  std::string db = testing::fresh_dir("writer_foreign").string();
  {
    Xapian::WritableDatabase x(db, Xapian::DB_CREATE_OR_OPEN);
    x.add_document(Xapian::Document());
    x.commit();
  }
  auto w = XapianIndexWriter::open(db, {}, testing::FakeAnalyzer::make());
  EXPECT_EQ(w.status().code(), StatusCode::kAnalysisMismatch);
}

TEST(IndexWriter, InvalidArticlesAreRejectedAndTheWriterGoesOn) {
  std::string db = testing::fresh_dir("writer_invalid").string();
  auto w = open_writer(db);
  EXPECT_EQ(w->add(make_article("", "t", "b")).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(w->add(make_article("x", "", "")).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(w->add(numbered(1)).ok());
  EXPECT_TRUE(w->commit().ok());
  EXPECT_EQ(count(db), 1u);
}

TEST(IndexWriter, CreatesMissingParentDirectories) {
  std::string db = testing::fresh_dir("writer_nested").string() + "/a/b/db";
  auto w = open_writer(db);
  ASSERT_TRUE(w);
  ASSERT_TRUE(w->add(numbered(1)).ok());
  ASSERT_TRUE(w->commit().ok());
  EXPECT_EQ(count(db), 1u);
}

TEST(IndexWriter, OpeningAFileIsAnError) {
  std::string dir = testing::fresh_dir("writer_file").string();
  std::string file = dir + "/plain.txt";
  FILE* f = std::fopen(file.c_str(), "w");
  std::fputs("not a database", f);
  std::fclose(f);
  auto w = XapianIndexWriter::open(file, {}, testing::FakeAnalyzer::make());
  EXPECT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find(file), std::string::npos);
}

// A reader that reopens and queries in a loop while the writer commits
// every 20 documents never fails and never sees the count go back.
void reader_keeps_working(const std::string& name, bool bulk) {
  std::string db = testing::fresh_dir(name).string() + "/db";
  WriterOptions o;
  o.batch_size = 20;
  o.bulk = bulk;
  o.threads = 2;
  auto w = open_writer(db, o);
  ASSERT_TRUE(w->add(numbered(0)).ok());
  ASSERT_TRUE(w->commit().ok());
  std::atomic<bool> done{false};
  std::atomic<int> reads{0}, errors{0};
  std::thread reader([&] {
    Xapian::doccount last_seen = 0;
    try {
      Xapian::Database r(db);
      while (!done) {
        try {
          // After a bulk commit the directory holds a new database (new
          // UUID): Xapian's reopen() is not enough, open it afresh (as the
          // Searcher does, docs/index-format.md "Bulk mode").
          const std::string uuid = r.get_uuid();
          r.reopen();
          if (r.get_uuid() != uuid) r = Xapian::Database(db);
          Xapian::Enquire e(r);
          e.set_query(Xapian::Query("Zwoord"));
          Xapian::MSet m = e.get_mset(0, 10);
          const Xapian::doccount n = r.get_doccount();
          if (m.get_matches_estimated() != n || n < last_seen) {  // all match; never back
            if (errors++ == 0) ADD_FAILURE() << m.get_matches_estimated() << " " << n << " " << last_seen;
          }
          last_seen = n;
          ++reads;
        } catch (const Xapian::DatabaseModifiedError&) {
          // The revision read was overwritten by two newer commits: Xapian's
          // documented answer is reopen() and retry, as the Searcher does.
        }
      }
    } catch (const Xapian::Error& ex) {
      ADD_FAILURE() << ex.get_description();
      ++errors;
    }
  });
  for (int i = 1; i <= 400; ++i) ASSERT_TRUE(w->add(numbered(i)).ok());
  ASSERT_TRUE(w->commit().ok());
  done = true;
  reader.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(count(db), 401u);
}

TEST(IndexWriter, ReaderKeepsWorkingWhileWriterCommits) {
  reader_keeps_working("writer_reader", false);
}

// Bulk mode swaps a merged database in place of the directory at each commit.
TEST(IndexWriter, ReaderKeepsWorkingWhileBulkWriterCommits) {
  reader_keeps_working("writer_reader_bulk", true);
}

// Bulk mode must give the same documents as the plain path, in the same
// order, with replacement semantics intact.
TEST(IndexWriter, BulkModeGivesTheSameDatabase) {
  std::string plain = testing::fresh_dir("writer_bulk_plain").string();
  std::string bulk = testing::fresh_dir("writer_bulk_bulk").string();
  std::vector<Article> articles;
  for (int i = 0; i < 300; ++i) articles.push_back(numbered(i % 250));  // 50 repeats
  for (const std::string& db : {plain, bulk}) {
    WriterOptions o;
    o.bulk = db == bulk;
    o.threads = 2;
    o.batch_size = 64;
    auto w = open_writer(db, o);
    for (const auto& a : articles) ASSERT_TRUE(w->add(a).ok());
    ASSERT_TRUE(w->remove("doc-3").ok());
    ASSERT_TRUE(w->commit().ok());
    EXPECT_EQ(w->stats().added, 250u);
    EXPECT_EQ(w->stats().replaced, 50u);
  }
  Xapian::Database a(plain), b(bulk);
  ASSERT_EQ(a.get_doccount(), 249u);
  ASSERT_EQ(b.get_doccount(), 249u);
  for (auto t = a.allterms_begin("Q"); t != a.allterms_end("Q"); ++t) {
    Xapian::Document da = a.get_document(*a.postlist_begin(*t));
    ASSERT_TRUE(b.term_exists(*t)) << *t;
    Xapian::Document db_ = b.get_document(*b.postlist_begin(*t));
    EXPECT_EQ(testing::dump_terms(da), testing::dump_terms(db_)) << *t;
    EXPECT_EQ(da.get_data(), db_.get_data());
    EXPECT_EQ(da.get_value(schema::kSlotCollapse), db_.get_value(schema::kSlotCollapse));
  }
}

// Both paths applied to the same database give the same documents.
void expect_same_documents(const std::string& plain, const std::string& bulk) {
  Xapian::Database a(plain), b(bulk);
  ASSERT_EQ(a.get_doccount(), b.get_doccount());
  for (auto t = a.allterms_begin("Q"); t != a.allterms_end("Q"); ++t) {
    ASSERT_EQ(b.get_termfreq(*t), 1u) << *t;
    Xapian::Document da = a.get_document(*a.postlist_begin(*t));
    Xapian::Document db_ = b.get_document(*b.postlist_begin(*t));
    EXPECT_EQ(testing::dump_terms(da), testing::dump_terms(db_)) << *t;
    EXPECT_EQ(da.get_data(), db_.get_data()) << *t;
    EXPECT_EQ(da.get_value(schema::kSlotCollapse), db_.get_value(schema::kSlotCollapse)) << *t;
  }
}

// Plain mode with analysis threads: the same database as one thread, down to
// the document ids (documents are written in the order they were added).
TEST(IndexWriter, PlainModeWithAnalysisThreadsGivesTheSameDatabase) {
  std::string one = testing::fresh_dir("writer_plain_one").string();
  std::string two = testing::fresh_dir("writer_plain_two").string();
  for (const std::string& db : {one, two}) {
    WriterOptions o;
    o.threads = db == one ? 1 : 2;
    o.batch_size = 64;
    auto w = open_writer(db, o);
    for (int i = 0; i < 300; ++i) ASSERT_TRUE(w->add(numbered(i % 250)).ok());  // 50 repeats
    ASSERT_TRUE(w->remove("doc-3").ok());
    EXPECT_EQ(w->remove("doc-999").code(), StatusCode::kNotFound);
    ASSERT_TRUE(w->commit().ok());
    EXPECT_EQ(w->stats().added, 250u) << db;
    EXPECT_EQ(w->stats().replaced, 50u) << db;
    EXPECT_EQ(w->stats().deleted, 1u) << db;
    EXPECT_EQ(w->stats().commits, 5u) << db;  // 301 changes: 4 batches of 64, the last
  }
  expect_same_documents(one, two);
  Xapian::Database a(one), b(two);
  for (auto t = a.allterms_begin("Q"); t != a.allterms_end("Q"); ++t) {
    EXPECT_EQ(*a.postlist_begin(*t), *b.postlist_begin(*t)) << *t;  // same document ids
  }
}

// Bulk mode on a database that already has documents: its commit merges the
// committed documents and the new chunks, drops the replaced and removed
// versions, and leaves no scratch files behind.
TEST(IndexWriter, BulkModeMergesIntoAnExistingDatabase) {
  std::string plain = testing::fresh_dir("writer_bulk_existing_plain").string() + "/db";
  std::string bulk = testing::fresh_dir("writer_bulk_existing_bulk").string() + "/db";
  for (const std::string& db : {plain, bulk}) {
    {
      auto w = open_writer(db);
      for (int i = 0; i < 150; ++i) ASSERT_TRUE(w->add(numbered(i)).ok());
      ASSERT_TRUE(w->commit().ok());
    }
    WriterOptions o;
    o.bulk = db == bulk;
    o.threads = 2;
    o.batch_size = 0;
    o.bulk_chunk_docs = 16;  // many chunks
    o.bulk_flush_docs = 5;   // and flushes within a chunk
    auto w = open_writer(db, o);
    for (int i = 100; i < 300; ++i) ASSERT_TRUE(w->add(numbered(i)).ok());  // 50 replace
    ASSERT_TRUE(w->remove("doc-5").ok());    // committed before
    ASSERT_TRUE(w->remove("doc-250").ok());  // added in this batch
    EXPECT_EQ(w->remove("doc-5").code(), StatusCode::kNotFound);
    EXPECT_EQ(w->remove("doc-999").code(), StatusCode::kNotFound);
    ASSERT_TRUE(w->add(numbered(5)).ok());  // and back
    ASSERT_TRUE(w->commit().ok());
    EXPECT_EQ(w->stats().added, 151u) << db;  // 150..299 and doc-5 again
    EXPECT_EQ(w->stats().replaced, 50u) << db;
    EXPECT_EQ(w->stats().deleted, 2u) << db;
    // Still usable after the merge: one more plain commit.
    ASSERT_TRUE(w->add(numbered(400)).ok());
    ASSERT_TRUE(w->commit().ok());
  }
  EXPECT_EQ(count(bulk), 150u + 150u - 1u + 1u);
  expect_same_documents(plain, bulk);
  EXPECT_FALSE(std::filesystem::exists(bulk + ".newsindex-bulk"));
}

// Scratch databases of a killed bulk import are uncommitted work: the next
// bulk writer discards them and they never reach the database.
TEST(IndexWriter, BulkModeDiscardsScratchOfAnInterruptedImport) {
  std::string db = testing::fresh_dir("writer_bulk_leftover").string() + "/db";
  {
    auto w = open_writer(db);
    ASSERT_TRUE(w->add(numbered(1)).ok());
    ASSERT_TRUE(w->commit().ok());
  }
  const std::string scratch = db + ".newsindex-bulk";
  {
    // What a SIGKILL leaves: a committed chunk database.
    std::filesystem::create_directories(scratch);
    Xapian::WritableDatabase chunk(scratch + "/w0-0", Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::Document d;
    d.add_boolean_term("Qstale");
    chunk.add_document(d);
    chunk.commit();
  }
  WriterOptions o;
  o.bulk = true;
  o.threads = 2;
  auto w = open_writer(db, o);
  ASSERT_TRUE(w->add(numbered(2)).ok());
  ASSERT_TRUE(w->commit().ok());
  Xapian::Database d(db);
  EXPECT_EQ(d.get_doccount(), 2u);
  EXPECT_FALSE(d.term_exists("Qstale"));
}

TEST(IndexWriter, BulkModeDestructorDiscardsInFlightWork) {
  std::string db = testing::fresh_dir("writer_bulk_discard").string();
  WriterOptions o;
  o.bulk = true;
  o.threads = 2;
  o.batch_size = 100;
  {
    auto w = open_writer(db, o);
    for (int i = 0; i < 250; ++i) ASSERT_TRUE(w->add(numbered(i)).ok());
  }
  // Two automatic commits of 100 happened (the serial stage applies in order),
  // the rest is discarded.
  auto n = count(db);
  EXPECT_TRUE(n == 0 || n == 100 || n == 200) << n;
}

}  // namespace
}  // namespace newsindex::internal
