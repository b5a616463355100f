// Token -> term mapping: one table row per token kind and field.
#include "index/term_mapper.h"

#include <gtest/gtest.h>

#include "index/schema.h"
#include "index_test_util.h"

namespace newsindex::internal {
namespace {

struct Row {
  const char* term;
  const char* stem;
  std::uint32_t position;
  TokenKind kind;
  bool stopword;
  Field field;
  const char* expected;
};

TEST(TermMapper, MapsEachKindAndField) {
  const std::string long_word(300, 'a');
  const Row rows[] = {
      {"auto's", "auto", 3, TokenKind::kWord, false, Field::kBody, "Zauto:1 auto's[3]:1"},
      {"auto", "auto", 3, TokenKind::kVariant, false, Field::kBody, "Zauto:1 auto[3]:1"},
      {"inf", "inf", 7, TokenKind::kHyphenPart, false, Field::kBody, "Zinf:1 inf[7]:1"},
      {"missie", "missi", 4, TokenKind::kCompoundPart, false, Field::kBody, "XPmissi:1"},
      // Stop words keep their exact, positional term but get no Z term.
      {"de", "de", 1, TokenKind::kWord, true, Field::kBody, "de[1]:1"},
      // Title: boosted unprefixed and Z terms, plus S and ZS.
      {"navo", "navo", 1, TokenKind::kWord, false, Field::kTitle,
       "Snavo[1]:1 ZSnavo:1 Znavo:5 navo[1]:5"},
      {"het", "het", 2, TokenKind::kWord, true, Field::kTitle, "Shet[2]:1 het[2]:5"},
      {"missie", "missi", 4, TokenKind::kCompoundPart, false, Field::kTitle, "XPmissi:5"},
      // Too long for Xapian: skipped, not truncated.
      {long_word.c_str(), long_word.c_str(), 1, TokenKind::kWord, false, Field::kBody, ""},
  };
  for (const Row& r : rows) {
    Token t;
    t.term = r.term;
    t.stem = r.stem;
    t.position = r.position;
    t.kind = r.kind;
    t.stopword = r.stopword;
    Xapian::Document doc;
    TermMapper mapper;
    mapper.add(doc, t, r.field);
    EXPECT_EQ(testing::dump_terms(doc), r.expected) << "token " << r.term;
  }
}

TEST(TermMapper, QuerySideSpellingsMatchTheIndex) {
  EXPECT_EQ(stem_term("navo"), "Znavo");
  EXPECT_EQ(title_term("navo"), "Snavo");
  EXPECT_EQ(title_stem_term("missi"), "ZSmissi");
  EXPECT_EQ(compound_term("missi"), "XPmissi");
  EXPECT_TRUE(term_fits(std::string(245, 'x')));
  EXPECT_FALSE(term_fits(std::string(246, 'x')));
  EXPECT_FALSE(term_fits(""));
  Token stop;
  stop.term = stop.stem = "de";
  stop.stopword = true;
  EXPECT_FALSE(indexes_stem(stop));
  Token word;
  word.term = word.stem = "navo";
  EXPECT_TRUE(indexes_stem(word));
}

TEST(TermMapper, RepeatedTokensAccumulateWdfAndPositions) {
  Xapian::Document doc;
  TermMapper mapper;
  Token t;
  t.term = "irak";
  t.stem = "irak";
  for (std::uint32_t p : {2u, 9u}) {
    t.position = p;
    mapper.add(doc, t, Field::kBody);
  }
  EXPECT_EQ(testing::dump_terms(doc), "Zirak:2 irak[2,9]:2");
}

TEST(TermMapper, TitleAndLeadWordsCountTheirFieldWeight) {
  Token t;
  t.term = "irak";
  t.stem = "irak";
  t.position = 3;
  struct Case {
    Field field;
    FieldWeights weights;
    const char* terms;
  };
  const Case kCases[] = {
      {Field::kBody, {7, 3}, "Zirak:1 irak[3]:1"},
      {Field::kLead, {7, 3}, "Zirak:3 irak[3]:3"},
      {Field::kLead, {}, "Zirak:2 irak[3]:2"},  // default lead weight 2
      {Field::kTitle, {7, 3}, "Sirak[3]:1 ZSirak:1 Zirak:7 irak[3]:7"},
      {Field::kTitle, {}, "Sirak[3]:1 ZSirak:1 Zirak:5 irak[3]:5"},
      // lead_terms: the lead's stems also as a field of their own, wdf 1
      {Field::kLead, {1, 2, true}, "ZXLirak:1 Zirak:2 irak[3]:2"},
      {Field::kBody, {1, 2, true}, "Zirak:1 irak[3]:1"},
      {Field::kTitle, {5, 1, true}, "Sirak[3]:1 ZSirak:1 Zirak:5 irak[3]:5"},
  };
  for (const Case& c : kCases) {
    Xapian::Document doc;
    TermMapper mapper(c.weights);
    mapper.add(doc, t, c.field);
    EXPECT_EQ(testing::dump_terms(doc), c.terms) << static_cast<int>(c.field);
  }
  // A stop word has no stem term, so no lead term either.
  Token stop = t;
  stop.term = stop.stem = "de";
  stop.stopword = true;
  Xapian::Document doc;
  TermMapper(FieldWeights{1, 1, true}).add(doc, stop, Field::kLead);
  EXPECT_EQ(testing::dump_terms(doc), "de[3]:1");
}

}  // namespace
}  // namespace newsindex::internal
