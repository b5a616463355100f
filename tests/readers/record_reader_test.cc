// The steps every reader shares: leads, the final check, notes.
#include "readers/record_reader.h"

#include <gtest/gtest.h>

namespace newsindex::internal {
namespace {

TEST(RecordReader, FirstParagraph) {
  EXPECT_EQ(first_paragraph("  Een.\n\nTwee.", 600), "Een.");
  EXPECT_EQ(first_paragraph("Een regel\nen nog een.\n\nTwee.", 600), "Een regel\nen nog een.");
  EXPECT_EQ(first_paragraph("", 600), "");
  // Longer than the limit: cut after the last sentence that fits …
  EXPECT_EQ(first_paragraph("Zin een is kort. Zin twee is langer dan de rest.", 30),
            "Zin een is kort.");
  // … or at the last space, never inside a UTF-8 sequence.
  EXPECT_EQ(first_paragraph("geen zinseinde hier maar wel spaties", 20), "geen zinseinde hier");
  EXPECT_EQ(first_paragraph("ééééééééééééééé", 5), "éé");
}

TEST(RecordReader, FinishArticle) {
  Article a;
  a.title = "  Kop\nop twee regels ";
  a.body = std::string(700, 'x') + " " + std::string(10, 'y');
  ReadIssue issue;
  ASSERT_TRUE(finish_article(a, "f:1", issue));
  EXPECT_EQ(a.title, "Kop op twee regels");
  EXPECT_EQ(a.lead, std::string(600, 'x'));  // no space within the limit
  EXPECT_EQ(a.language, "nl");
  EXPECT_TRUE(issue.message.empty());

  Article lead_only;
  lead_only.lead = "Alleen een lead.";
  ASSERT_TRUE(finish_article(lead_only, "f:2", issue));
  EXPECT_EQ(lead_only.body, "Alleen een lead.");

  Article empty;
  empty.title = " \t";
  empty.body = "\n\n";
  empty.source = "ANP";
  EXPECT_FALSE(finish_article(empty, "f:3", issue));
  EXPECT_TRUE(issue.skipped);
  EXPECT_EQ(issue.where, "f:3");
  EXPECT_EQ(issue.message, "record has neither title nor body");
}

TEST(RecordReader, NotesAccumulate) {
  ReadIssue issue;
  add_note(issue, "f:7", "eerste");
  add_note(issue, "f:8", "tweede");
  EXPECT_EQ(issue.where, "f:7");
  EXPECT_EQ(issue.message, "eerste; tweede");
  EXPECT_FALSE(issue.skipped);
  Article a;
  a.title = "caf\xE9";
  a.tags = {"\xFF"};
  ReadIssue repaired;
  ASSERT_TRUE(finish_article(a, "f:9", repaired));
  EXPECT_EQ(repaired.message, "invalid UTF-8: 2 byte sequence(s) replaced by U+FFFD");
  EXPECT_EQ(a.title, "caf\xEF\xBF\xBD");
}

}  // namespace
}  // namespace newsindex::internal
