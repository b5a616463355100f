// The direct glass writer (glass/batch.h) against Xapian's own writer: the
// same documents written both ways must be identical through Xapian's
// public read API (testing/db_equivalence.h), pass xapian-check, and stay
// ordinary databases that Xapian updates and compacts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <xapian.h>

#include "glass/batch.h"
#include "glass/encoding.h"
#include "glass/positions.h"
#include "glass/run_file.h"
#include "glass/run_merge.h"
#include "testing/db_equivalence.h"
#include "testing/test_paths.h"

namespace newsindex {
namespace {

std::string run(const std::string& cmd, int& code) {
  std::string out;
  FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
  if (p == nullptr) {
    code = -1;
    return out;
  }
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int rc = ::pclose(p);
  code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

// xapian-check's verdict on `db` ("" when it found no errors).
std::string xapian_check(const std::string& db) {
  int code = 0;
  std::string out = run("xapian-check '" + db + "'", code);
  if (code == 0 && out.find("No errors found") != std::string::npos) return "";
  return "xapian-check exit " + std::to_string(code) + ":\n" + out.substr(0, 4000);
}

// Random documents shaped to reach the format's corners.
std::vector<Xapian::Document> random_docs(std::uint32_t seed, int count) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::vector<std::string> vocab;
  for (int i = 0; i < 400; ++i) {
    std::string t;
    const int len = 1 + pick(12);
    for (int k = 0; k < len; ++k) t += static_cast<char>('a' + pick(26));
    vocab.push_back(t);
  }
  vocab.push_back("Zcaf\xc3\xa9");                    // non-ASCII
  vocab.push_back(std::string("nul\0in\0term", 11));  // NUL bytes
  vocab.push_back(std::string(1, '\0'));
  vocab.push_back(std::string("\xff\xfe\x80", 3));
  vocab.push_back(std::string(245, 'L'));  // the longest term glass takes
  vocab.push_back(std::string(200, 'L') + "x");
  std::vector<Xapian::Document> docs;
  for (int d = 0; d < count; ++d) {
    Xapian::Document doc;
    const int shape = pick(20);
    if (shape == 0) {
      // empty: no terms, no data, no values
    } else if (shape == 1) {
      doc.set_data("only data, no terms");
    } else {
      const int nterms = 1 + pick(shape == 2 ? 3000 : 60);
      Xapian::termpos pos = 1 + static_cast<Xapian::termpos>(pick(5));
      for (int t = 0; t < nterms; ++t) {
        const std::string& term = vocab[static_cast<std::size_t>(pick(static_cast<int>(vocab.size())))];
        const int kind = pick(10);
        if (kind == 0) {
          doc.add_boolean_term(term);
        } else if (kind == 1) {
          doc.add_term(term, static_cast<Xapian::termcount>(1 + pick(100000)));  // large wdf
        } else {
          doc.add_posting(term, pos);
          pos += 1 + static_cast<Xapian::termpos>(pick(shape == 3 ? 100000 : 3));
        }
      }
      const int nvalues = pick(shape == 4 ? 300 : 6);
      for (int v = 0; v < nvalues; ++v) {
        const auto slot = static_cast<Xapian::valueno>(shape == 4 ? pick(1000) : pick(12));
        std::string value(static_cast<std::size_t>(pick(40)), 'v');
        for (auto& c : value) c = static_cast<char>(rng() & 0xff);
        doc.add_value(slot, value);
      }
      std::string data(static_cast<std::size_t>(shape == 5 ? 200000 : pick(300)), 'd');
      for (std::size_t i = 0; i < data.size(); i += 7) data[i] = static_cast<char>('a' + pick(26));
      doc.set_data(data);
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

void build_api(const std::string& dir, const std::vector<Xapian::Document>& docs, int block_size) {
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS,
                              block_size);
  for (const auto& d : docs) db.add_document(d);
  db.set_metadata("newsindex.schema", "2");
  db.set_metadata("k\x01", std::string(5000, 'm'));
  db.commit();
  db.close();
}

Status build_direct(const std::string& dir, const std::vector<Xapian::Document>& docs,
                    std::uint32_t block_size) {
  glass::BatchOptions opt;
  opt.block_size = block_size;
  glass::GlassBatch batch(opt);
  for (const auto& d : docs) {
    Status st = batch.add(d);
    if (!st.ok()) return st;
  }
  batch.set_metadata("newsindex.schema", "2");
  batch.set_metadata("k\x01", std::string(5000, 'm'));
  return batch.write(dir);
}

TEST(GlassEncoding, SortableUintMatchesXapianExamples) {
  // Order-preserving and prefix-free: checked on neighbours of each length.
  std::vector<std::uint64_t> v = {0, 1, 0x7fff, 0x8000, 0x3fffff, 0x400000, 0xffffffffu};
  std::string prev;
  for (auto x : v) {
    std::string s;
    glass::put_sortable_uint(s, x);
    EXPECT_LT(prev, s) << x;
    prev = s;
  }
  std::string s;
  glass::put_sortable_uint(s, 0x8000);
  EXPECT_EQ(s, std::string("\x80\x80\x00", 3));
}

struct Case {
  std::uint32_t seed;
  int docs;
  std::uint32_t block_size;
};

class GlassWriterProperty : public ::testing::TestWithParam<Case> {};

TEST_P(GlassWriterProperty, IdenticalToXapiansWriterAndPassesXapianCheck) {
  const Case c = GetParam();
  const auto base = testing::fresh_dir("glass_prop_" + std::to_string(c.seed));
  const std::string api = (base / "api").string(), direct = (base / "direct").string();
  const auto docs = random_docs(c.seed, c.docs);
  build_api(api, docs, static_cast<int>(c.block_size));
  Status st = build_direct(direct, docs, c.block_size);
  ASSERT_TRUE(st.ok()) << st.to_string();
  EXPECT_EQ(testing::compare_databases(api, direct), "");
  EXPECT_EQ(xapian_check(direct), "");
}

INSTANTIATE_TEST_SUITE_P(BlockSizes, GlassWriterProperty,
                         ::testing::Values(Case{1, 300, 2048}, Case{2, 300, 4096},
                                           Case{3, 400, 8192}, Case{4, 300, 16384},
                                           Case{5, 300, 32768}, Case{6, 300, 65536},
                                           Case{7, 1, 8192}, Case{8, 2000, 8192}));

TEST(GlassEncoding, SortableUintDecodesWhatItEncodes) {
  for (std::uint64_t x : {0ull, 1ull, 0xffull, 0x7fffull, 0x8000ull, 0x8001ull, 0x3fffffull,
                          0x400000ull, 0x1fffffffull, 0x20000000ull, 0xffffffffull,
                          0xfffffffffull}) {
    std::string s;
    glass::put_sortable_uint(s, x);
    s += "rest";
    std::string_view in = s;
    std::uint64_t y = 0;
    ASSERT_TRUE(glass::get_sortable_uint(in, y)) << x;
    EXPECT_EQ(y, x);
    EXPECT_EQ(in, "rest") << x;
  }
  std::string_view cut("\xe0\x01", 2);
  std::uint64_t y = 0;
  EXPECT_FALSE(glass::get_sortable_uint(cut, y));
}

// Documents cut into batches at random points, each batch written as runs,
// the runs merged: the result must be the database Xapian's writer makes of
// all the documents in one go (as a bulk import's chunks are merged).
struct MergeCase {
  std::uint32_t seed;
  int docs;
  int batches;
  std::uint32_t block_size;
};

class RunMergeProperty : public ::testing::TestWithParam<MergeCase> {};

TEST_P(RunMergeProperty, MergedRunsAreIdenticalToXapiansWriter) {
  const MergeCase c = GetParam();
  const auto base = testing::fresh_dir("run_merge_" + std::to_string(c.seed));
  const std::string api = (base / "api").string(), merged = (base / "merged").string();
  const auto docs = random_docs(c.seed, c.docs);
  build_api(api, docs, static_cast<int>(c.block_size));
  std::mt19937 rng(c.seed);
  std::vector<std::size_t> cuts = {0, docs.size()};
  for (int i = 1; i < c.batches; ++i) cuts.push_back(rng() % (docs.size() + 1));
  std::sort(cuts.begin(), cuts.end());  // equal cuts make empty batches
  std::vector<std::string> runs;
  // One batch, cleared between runs as a chunk writer reuses its batch: the
  // buffers kept from the run before must not leak into the next.
  glass::GlassBatch batch;
  for (std::size_t b = 0; b + 1 < cuts.size(); ++b) {
    batch.clear();
    for (std::size_t i = cuts[b]; i < cuts[b + 1]; ++i) ASSERT_TRUE(batch.add(docs[i]).ok());
    batch.set_metadata("ignored", "the runs' own metadata is replaced");
    runs.push_back((base / ("run-" + std::to_string(b))).string());
    Status st = batch.write_runs(runs.back());
    ASSERT_TRUE(st.ok()) << st.to_string();
  }
  const std::map<std::string, std::string> metadata = {
      {"newsindex.schema", "2"}, {"k\x01", std::string(5000, 'm')}};
  glass::MergeOptions options;
  options.block_size = c.block_size;
  Status st = glass::merge_runs(runs, metadata, merged, options);
  ASSERT_TRUE(st.ok()) << st.to_string();
  EXPECT_EQ(testing::compare_databases(api, merged), "");
  EXPECT_EQ(xapian_check(merged), "");
}

INSTANTIATE_TEST_SUITE_P(Batches, RunMergeProperty,
                         ::testing::Values(MergeCase{11, 300, 2, 2048}, MergeCase{12, 400, 5, 8192},
                                           MergeCase{13, 300, 1, 65536},
                                           MergeCase{14, 600, 12, 4096},
                                           MergeCase{15, 2, 4, 8192}));

TEST(RunMerge, DamagedOrMissingRunsAreErrorsNamingTheFile) {
  const auto base = testing::fresh_dir("run_merge_damaged");
  const auto docs = random_docs(21, 50);
  glass::GlassBatch batch;
  for (const auto& d : docs) ASSERT_TRUE(batch.add(d).ok());
  const std::string run = (base / "run").string();
  ASSERT_TRUE(batch.write_runs(run).ok());
  // Missing statistics: an incomplete run.
  std::filesystem::copy(run, base / "nostats", std::filesystem::copy_options::recursive);
  std::filesystem::remove(base / "nostats" / "stats");
  Status st = glass::merge_runs({run, (base / "nostats").string()}, {}, (base / "m1").string());
  EXPECT_EQ(st.code(), StatusCode::kIoError) << st.to_string();
  EXPECT_NE(st.message().find("nostats/stats"), std::string::npos) << st.to_string();
  // A run file cut short in the middle of an entry.
  std::filesystem::copy(run, base / "cut", std::filesystem::copy_options::recursive);
  const auto postlist = base / "cut" / "postlist.run";
  std::filesystem::resize_file(postlist, std::filesystem::file_size(postlist) - 7);
  st = glass::merge_runs({(base / "cut").string()}, {}, (base / "m2").string());
  EXPECT_EQ(st.code(), StatusCode::kCorruption) << st.to_string();
  EXPECT_NE(st.message().find("cut/postlist.run"), std::string::npos) << st.to_string();
  // Not a run at all.
  std::filesystem::copy(run, base / "alien", std::filesystem::copy_options::recursive);
  { std::ofstream(base / "alien" / "termlist.run") << "iamglass"; }
  st = glass::merge_runs({(base / "alien").string()}, {}, (base / "m3").string());
  EXPECT_EQ(st.code(), StatusCode::kCorruption) << st.to_string();
  EXPECT_NE(st.message().find("alien/termlist.run: not a newsindex run file"), std::string::npos)
      << st.to_string();
  // The target must be new.
  st = glass::merge_runs({run}, {}, run);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << st.to_string();
}

TEST(GlassWriter, EmptyBatchIsAnEmptyDatabase) {
  const auto base = testing::fresh_dir("glass_empty");
  const std::string api = (base / "api").string(), direct = (base / "direct").string();
  build_api(api, {}, 8192);
  ASSERT_TRUE(build_direct(direct, {}, 8192).ok());
  EXPECT_EQ(testing::compare_databases(api, direct), "");
  EXPECT_EQ(xapian_check(direct), "");
}

TEST(GlassWriter, TermTooLongIsRefusedLikeXapian) {
  Xapian::Document doc;
  doc.add_term(std::string(246, 'x'));
  glass::GlassBatch batch;
  Status st = batch.add(doc);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find("Term too long"), std::string::npos) << st.message();
  EXPECT_EQ(batch.size(), 0u);
}

// Afterwards an ordinary database: Xapian adds, replaces and deletes across
// posting-chunk boundaries, and the twin that had the same changes stays
// identical; xapian-compact takes it.
TEST(GlassWriter, XapianUpdatesAndCompactsIt) {
  const auto base = testing::fresh_dir("glass_update");
  const std::string api = (base / "api").string(), direct = (base / "direct").string();
  const auto docs = random_docs(42, 3000);
  build_api(api, docs, 8192);
  ASSERT_TRUE(build_direct(direct, docs, 8192).ok());
  const auto more = random_docs(43, 400);
  for (const std::string& path : {api, direct}) {
    Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
    for (Xapian::docid id = 1; id <= 3000; id += 7) db.delete_document(id);
    for (Xapian::docid id = 3; id <= 3000; id += 11) {
      if (db.get_doccount() != 0 && (id % 7) != 1) db.replace_document(id, more[id % 400]);
    }
    for (const auto& d : more) db.add_document(d);
    db.replace_document(5000, more[1]);  // a new id past the end
    db.set_metadata("newsindex.schema", "3");
    db.commit();
  }
  EXPECT_EQ(testing::compare_databases(api, direct), "");
  EXPECT_EQ(xapian_check(direct), "");
  int code = 0;
  const std::string out =
      run("xapian-compact --no-renumber '" + direct + "' '" + (base / "compacted").string() + "'", code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(testing::compare_databases(api, (base / "compacted").string()), "");
  EXPECT_EQ(xapian_check((base / "compacted").string()), "");
}

}  // namespace
}  // namespace newsindex
