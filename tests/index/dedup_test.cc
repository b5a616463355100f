// Near-duplicate detection: MinHash basics, hand-made wire copies, and the
// planted duplicate groups of corpora/sample (precision/recall over pairs).
#include "dedup/minhash.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "index/schema.h"
#include "index/xapian_writer.h"
#include "index_test_util.h"
#include "newsindex/reader.h"
#include "test_analyzer.h"
#include "testing/test_paths.h"

namespace newsindex::internal::dedup {
namespace {

Signature signature_of(const std::string& text) {
  Shingler s;
  std::istringstream in(text);
  std::string w;
  while (in >> w) s.add_word(w);
  Signature sig{};
  EXPECT_TRUE(s.signature(sig));
  return sig;
}

const char* kStory =
    "De NAVO is bereid haar trainingsmissie in Irak uit te breiden zei secretaris-generaal "
    "Stoltenberg woensdag na afloop van een overleg met de ministers van Defensie in Brussel "
    "De bondgenoten willen meer Iraakse militairen opleiden zodat terreurgroep IS geen kans "
    "krijgt om opnieuw sterker te worden in het land";

TEST(MinHash, SimilarTextsHaveSimilarSignatures) {
  std::string edited = kStory;
  edited.replace(edited.find("woensdag"), 8, "donderdag");
  edited += " Dat meldt persbureau Belga";
  double same = estimate_jaccard(signature_of(kStory), signature_of(kStory));
  double near = estimate_jaccard(signature_of(kStory), signature_of(edited));
  double other = estimate_jaccard(
      signature_of(kStory),
      signature_of("Het KNMI waarschuwt voor zware windstoten in het hele land zondag en "
                   "maandag kan het verkeer ernstige hinder ondervinden van omgewaaide bomen "
                   "en de treinen rijden minder vaak"));
  EXPECT_EQ(same, 1.0);
  EXPECT_GE(near, kContainment);
  EXPECT_LT(other, 0.2);
}

TEST(MinHash, ShortTextsHaveNoSignature) {
  Shingler s;
  for (const char* w : {"kort", "bericht", "zonder", "inhoud"}) s.add_word(w);
  Signature sig{};
  EXPECT_FALSE(s.signature(sig));
}

TEST(MinHash, EncodingRoundTripsAndBandKeysAreStable) {
  Signature sig = signature_of(kStory);
  Signature back{};
  std::string bytes = encode(sig);
  EXPECT_EQ(bytes.size(), 2u * kHashes);
  ASSERT_TRUE(decode(bytes, back));
  EXPECT_EQ(sig, back);
  EXPECT_FALSE(decode("short", back));
  BandKeys keys = band_keys(sig);
  // Fixed seeds: the same text gives the same keys in every run and build.
  EXPECT_EQ(band_keys(signature_of(kStory)), keys);
  // The band number is mixed in: equal rows in different bands differ.
  Signature flat{};
  BandKeys flat_keys = band_keys(flat);
  EXPECT_NE(flat_keys[0], flat_keys[1]);
}

std::map<std::string, std::string> clusters_of(const std::string& db) {
  std::map<std::string, std::string> out;
  Xapian::Database d(db);
  for (auto t = d.allterms_begin("Q"); t != d.allterms_end("Q"); ++t) {
    Xapian::Document doc = d.get_document(*d.postlist_begin(*t));
    out[(*t).substr(1)] = doc.get_value(schema::kSlotCollapse);
  }
  return out;
}

// In both write paths: bulk mode reloads its cluster table after each
// commit (lazily, on the next article), so a copy added after a commit must
// still find the first copy.
TEST(ClusterIndex, WireCopiesShareTheFirstCopysKeyAcrossCommitsAndSessions) {
  for (bool bulk : {false, true}) {
    SCOPED_TRACE(bulk ? "bulk" : "plain");
    std::string db = testing::fresh_dir(bulk ? "dedup_clusters_bulk" : "dedup_clusters").string();
    WriterOptions o;
    o.bulk = bulk;
    o.threads = 2;
    std::string copy = kStory;
    copy.replace(copy.find("woensdag"), 8, "gisteren");
    std::string copy2 = std::string("BRUSSEL ") + kStory + " (Belga)";
    {
      auto w = XapianIndexWriter::open(db, o, testing::test_analyzer());
      ASSERT_TRUE(w.ok());
      ASSERT_TRUE((*w)->add(testing::make_article("belga-1", "NAVO", kStory)).ok());
      ASSERT_TRUE((*w)->add(testing::make_article("other-1", "Storm",
                                                  "Het KNMI waarschuwt voor zware windstoten "
                                                  "in het hele land zondag en maandag"))
                      .ok());
      ASSERT_TRUE((*w)->commit().ok());
      ASSERT_TRUE((*w)->add(testing::make_article("krant-1", "NAVO breidt uit", copy)).ok());
      ASSERT_TRUE((*w)->commit().ok());
    }
    {  // a later session finds the committed copies through their signatures
      auto w = XapianIndexWriter::open(db, o, testing::test_analyzer());
      ASSERT_TRUE(w.ok());
      ASSERT_TRUE((*w)->add(testing::make_article("krant-2", "NAVO", copy2)).ok());
      // Re-adding the first copy keeps its own key (it does not match itself).
      ASSERT_TRUE((*w)->add(testing::make_article("belga-1", "NAVO", kStory)).ok());
      ASSERT_TRUE((*w)->commit().ok());
    }
    auto c = clusters_of(db);
    EXPECT_EQ(c["belga-1"], "belga-1");
    EXPECT_EQ(c["krant-1"], "belga-1");
    EXPECT_EQ(c["krant-2"], "belga-1");
    EXPECT_EQ(c["other-1"], "other-1");
  }
}

// Pairwise precision/recall of the cluster keys against the planted groups
// in corpora/sample/duplicates.tsv (docs/index-format.md reports them).
TEST(ClusterIndex, PlantedDuplicatesInTheSampleCorpus) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().to_string();
  const auto sample = testing::source_dir() / "corpora" / "sample";
  std::ifstream tsv(sample / "duplicates.tsv");
  if (!tsv) {
    GTEST_SKIP() << "corpora/sample/duplicates.tsv missing";
  }
  std::map<std::string, std::string> truth;
  std::string line;
  std::getline(tsv, line);  // header
  while (std::getline(tsv, line)) {
    auto tab = line.find('\t');
    if (tab != std::string::npos) truth[line.substr(0, tab)] = line.substr(tab + 1);
  }
  std::string db = testing::fresh_dir("dedup_sample").string();
  {
    auto w = XapianIndexWriter::open(db, {}, *analyzer);
    ASSERT_TRUE(w.ok());
    auto src = ArticleSource::open({(sample / "jsonl").string()});
    ASSERT_TRUE(src.ok()) << src.status().to_string();
    Article a;
    ReadIssue issue;
    while ((*src)->next(a, issue) != ArticleSource::Next::kEnd) {
      if (!a.id.empty()) {
        ASSERT_TRUE((*w)->add(a).ok());
      }
      a = Article{};
    }
    ASSERT_TRUE((*w)->commit().ok());
  }
  auto c = clusters_of(db);
  ASSERT_GE(c.size(), 50u);
  std::vector<std::string> ids;
  for (const auto& [id, key] : c) ids.push_back(id);
  int tp = 0, fp = 0, fn = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    for (std::size_t j = i + 1; j < ids.size(); ++j) {
      bool predicted = c[ids[i]] == c[ids[j]];
      bool actual = truth.count(ids[i]) && truth.count(ids[j]) && truth[ids[i]] == truth[ids[j]];
      tp += predicted && actual;
      fp += predicted && !actual;
      fn += !predicted && actual;
      if (predicted != actual) {
        std::cout << (predicted ? "false pair: " : "missed pair: ") << ids[i] << " " << ids[j]
                  << '\n';
      }
    }
  }
  double precision = tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0;
  double recall = tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0;
  std::cout << "sample duplicate pairs: tp=" << tp << " fp=" << fp << " fn=" << fn
            << " precision=" << precision << " recall=" << recall << '\n';
  EXPECT_GE(precision, 0.9);
  EXPECT_GE(recall, 0.8);
}

}  // namespace
}  // namespace newsindex::internal::dedup
