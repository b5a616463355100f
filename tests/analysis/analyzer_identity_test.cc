// The recorded analyzer identity read back (analysis/analyzer_identity.h):
// switches from the record, and every analyzer Analyzer::create() makes is
// made again from its own identity.
#include "analysis/analyzer_identity.h"

#include <gtest/gtest.h>

#include <string>

namespace newsindex::internal {
namespace {

std::string switches(const AnalyzerOptions& o) {
  return std::string("stem=") + (o.stem ? "1" : "0") + " fold=" + (o.fold_accents ? "1" : "0") +
         " apos=" + (o.apostrophe_rules ? "1" : "0") +
         " compounds=" + (o.split_compounds ? "1" : "0");
}

TEST(AnalyzerIdentity, SwitchesFromTheRecord) {
  struct Row {
    const char* identity;
    const char* expected;  // switches, or "mismatch"
  } rows[] = {
      {"newsindex-nl/1 stem=snowball-dutch-porter(libstemmer 2.2.0) fold=1 apos=1 compounds=1 "
       "dict=0123abcd",
       "stem=1 fold=1 apos=1 compounds=1"},
      {"newsindex-nl/1 stem=none fold=0 apos=1 compounds=0", "stem=0 fold=0 apos=1 compounds=0"},
      {"newsindex-nl/1 stem=x fold=1 apos=0 compounds=0 overrides=00000001",
       "stem=1 fold=1 apos=0 compounds=0"},
      {"newsindex-nl/2 stem=none fold=0 apos=1 compounds=0", "mismatch"},
      {"fake/1", "mismatch"},
      {"", "mismatch"},
      {"newsindex-nl/1 stem=none apos=1 compounds=0", "mismatch"},
      {"newsindex-nl/1 stem=none fold=2 apos=1 compounds=0", "mismatch"},
      {"newsindex-nl/1 stem=none fold=1 apos=1", "mismatch"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.identity);
    Result<AnalyzerOptions> o = options_from_identity(r.identity);
    if (std::string(r.expected) == "mismatch") {
      ASSERT_FALSE(o.ok());
      EXPECT_EQ(o.status().code(), StatusCode::kAnalysisMismatch);
      EXPECT_NE(o.status().message().find(r.identity), std::string::npos);
    } else {
      ASSERT_TRUE(o.ok()) << o.status().to_string();
      EXPECT_EQ(switches(*o), r.expected);
    }
  }
}

TEST(AnalyzerIdentity, EveryCreatedAnalyzerIsMadeAgain) {
  for (int bits = 0; bits < 16; ++bits) {
    AnalyzerOptions o;
    o.stem = bits & 1;
    o.fold_accents = bits & 2;
    o.apostrophe_rules = bits & 4;
    o.split_compounds = bits & 8;
    SCOPED_TRACE(switches(o));
    auto made = Analyzer::create(o);
    ASSERT_TRUE(made.ok()) << made.status().to_string();
    auto again = analyzer_for_identity((*made)->identity());
    ASSERT_TRUE(again.ok()) << again.status().to_string();
    EXPECT_EQ((*again)->identity(), (*made)->identity());
  }
}

TEST(AnalyzerIdentity, WhatThisBuildCannotMakeIsAMismatch) {
  auto made = Analyzer::create({});
  ASSERT_TRUE(made.ok());
  const std::string ours = (*made)->identity();
  const std::string other_dict = ours.substr(0, ours.find(" dict=")) + " dict=00000000";
  const char* rows[] = {"stem-override file", "another word list"};
  const std::string ids[] = {ours + " overrides=12345678", other_dict};
  for (int i = 0; i < 2; ++i) {
    SCOPED_TRACE(rows[i]);
    auto again = analyzer_for_identity(ids[i]);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.status().code(), StatusCode::kAnalysisMismatch);
    EXPECT_NE(again.status().message().find("open the Searcher with the Analyzer"),
              std::string::npos)
        << again.status().message();
  }
}

}  // namespace
}  // namespace newsindex::internal
