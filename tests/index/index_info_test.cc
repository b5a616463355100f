// read_index_info and compact_database on a small hand-made database.
#include "newsindex/index_info.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "index/xapian_writer.h"
#include "index_test_util.h"
#include "newsindex/writer.h"
#include "testing/fake_analyzer.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

Article dated(std::string id, std::int64_t ts, std::string source, std::string outlet) {
  Article a = testing::make_article(std::move(id), "Titel", "Een bericht met wat tekst.");
  a.timestamp = ts;
  a.source = std::move(source);
  a.outlet = std::move(outlet);
  return a;
}

std::string build_db(const std::string& name) {
  std::string db = testing::fresh_dir(name).string() + "/db";
  auto w = internal::XapianIndexWriter::open(db, {}, testing::FakeAnalyzer::make());
  EXPECT_TRUE(w.ok());
  EXPECT_TRUE((*w)->add(dated("a", 1581511680, "Belga", "De Standaard")).ok());
  EXPECT_TRUE((*w)->add(dated("b", 1581000000, "Belga", "Het Nieuwsblad")).ok());
  EXPECT_TRUE((*w)->add(dated("c", 1590000000, "ANP", "De Standaard")).ok());
  EXPECT_TRUE((*w)->add(dated("d", kNoTimestamp, "", "")).ok());
  EXPECT_TRUE((*w)->commit().ok());
  return db;
}

TEST(IndexInfo, CountsDatesSourcesOutletsAndMetadata) {
  std::string db = build_db("index_info");
  auto info = read_index_info(db);
  ASSERT_TRUE(info.ok()) << info.status().to_string();
  EXPECT_EQ(info->documents, 4u);
  EXPECT_EQ(info->first_timestamp, 1581000000);
  EXPECT_EQ(info->last_timestamp, 1590000000);
  using Counts = std::vector<std::pair<std::string, std::uint64_t>>;
  EXPECT_EQ(info->sources, (Counts{{"Belga", 2}, {"ANP", 1}}));
  EXPECT_EQ(info->outlets, (Counts{{"De Standaard", 2}, {"Het Nieuwsblad", 1}}));
  EXPECT_EQ(info->analyzer, "fake/1");
  EXPECT_EQ(info->stemmer, "fake-stem");
  EXPECT_EQ(info->schema, schema::kSchemaVersion);
  EXPECT_GT(info->bytes_on_disk, 0u);
}

TEST(IndexInfo, MissingDatabaseIsNotFound) {
  auto info = read_index_info(testing::fresh_dir("index_info_missing").string() + "/nope");
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.status().code(), StatusCode::kNotFound);
  EXPECT_NE(info.status().message().find("nope"), std::string::npos);
}

TEST(CompactDatabase, CompactsInPlaceAndKeepsEverything) {
  std::string db = build_db("compact");
  auto before = read_index_info(db);
  ASSERT_TRUE(before.ok());
  Status st = compact_database(db);
  ASSERT_TRUE(st.ok()) << st.to_string();
  auto after = read_index_info(db);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->documents, before->documents);
  EXPECT_EQ(after->sources, before->sources);
  EXPECT_EQ(after->analyzer, before->analyzer);  // metadata survives
  EXPECT_LE(after->bytes_on_disk, before->bytes_on_disk);
  EXPECT_FALSE(std::filesystem::exists(db + ".compact-tmp"));
  // A writer can open and add afterwards.
  auto w = internal::XapianIndexWriter::open(db, {}, testing::FakeAnalyzer::make());
  ASSERT_TRUE(w.ok()) << w.status().to_string();
  ASSERT_TRUE((*w)->add(dated("e", 1581511680, "ANP", "NOS")).ok());
  ASSERT_TRUE((*w)->commit().ok());
  EXPECT_EQ(read_index_info(db)->documents, 5u);
}

TEST(CompactDatabase, RefusesWhileAWriterHoldsTheLock) {
  std::string db = build_db("compact_locked");
  auto w = internal::XapianIndexWriter::open(db, {}, testing::FakeAnalyzer::make());
  ASSERT_TRUE(w.ok());
  Status st = compact_database(db);
  EXPECT_EQ(st.code(), StatusCode::kLocked) << st.to_string();
}

TEST(CompactDatabase, MissingDatabaseFails) {
  Status st = compact_database(testing::fresh_dir("compact_missing").string() + "/nope");
  EXPECT_FALSE(st.ok());
}

}  // namespace
}  // namespace newsindex
