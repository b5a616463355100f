// One field-name table for every reader.
#include "readers/field_names.h"

#include <gtest/gtest.h>

#include "readers/reader_test_util.h"
#include "testing/test_paths.h"

namespace newsindex::internal {
namespace {

TEST(FieldNames, EnglishDutchAndCorpusNamesMapAlike) {
  const struct {
    const char* name;
    ArticleField field;
  } cases[] = {
      {"title", ArticleField::kTitle},     {"Kop", ArticleField::kTitle},
      {" titel ", ArticleField::kTitle},   {"content", ArticleField::kBody},
      {"datetime", ArticleField::kDate},   {"bron", ArticleField::kSource},
      {"rubriek", ArticleField::kCategory}, {"lang", ArticleField::kLanguage},
      {"auteurs", ArticleField::kAuthors}, {"trefwoorden", ArticleField::kTags},
      {"word_count", ArticleField::kExtra}, {"", ArticleField::kExtra},
  };
  for (const auto& c : cases) EXPECT_EQ(article_field(c.name), c.field) << c.name;
}

// One set_field() for CSV and JSONL: the same record gives the same article
// in both formats (JSONL kept " ANP " and did not split "a; b" before), and
// agency and language spelling is done for every reader, not only NewsML.
TEST(FieldNames, CsvAndJsonlFillAnArticleAlike) {
  const auto dir = testing::fresh_dir("FieldNamesCsvJsonl");
  testing::write_file(dir / "a.csv",
                      "id,titel,tekst,bron,medium,rubriek,url,taal,auteurs,trefwoorden,datum,oplage,leeg\n"
                      "\" 7 \",NAVO breidt missie uit,De NAVO wil ...,\" belga.be \",\" De Standaard \","
                      "\" Buitenland \",\" https://example.org/a \",\" NL_be \",\"Jan Peeters; An Smet \","
                      "\" navo | irak\",2020-02-12 13:48,120,\n");
  testing::write_file(dir / "b.jsonl",
                      "{\"id\":\" 7 \",\"titel\":\"NAVO breidt missie uit\",\"tekst\":\"De NAVO wil "
                      "...\",\"bron\":\" belga.be \",\"medium\":\" De Standaard \",\"rubriek\":\" Buitenland "
                      "\",\"url\":\" https://example.org/a \",\"taal\":\" NL_be \",\"auteurs\":\"Jan Peeters; "
                      "An Smet \",\"trefwoorden\":[\" navo \",\"irak\"],\"datum\":\"2020-02-12 "
                      "13:48\",\"oplage\":\"120\",\"leeg\":\"\"}\n");
  const auto describe = [](const Article& a) {
    std::string s = "id=" + a.id + "|title=" + a.title + "|source=" + a.source +
                    "|outlet=" + a.outlet + "|category=" + a.category + "|url=" + a.url +
                    "|lang=" + a.language + "|date=" + testing::iso_date(a) + "|authors=";
    for (const auto& x : a.authors) s += x + ";";
    s += "|tags=";
    for (const auto& x : a.tags) s += x + ";";
    s += "|extra=";
    for (const auto& [k, v] : a.extra) s += k + ":" + v + ";";
    return s;
  };
  const std::string expected =
      "id=7|title=NAVO breidt missie uit|source=Belga|outlet=De Standaard|category=Buitenland"
      "|url=https://example.org/a|lang=nl-BE|date=2020-02-12T13:48:00+01:00"
      "|authors=Jan Peeters;An Smet;|tags=navo;irak;|extra=oplage:120;";
  for (const char* file : {"a.csv", "b.jsonl"}) {
    const auto r = testing::read_all({(dir / file).string()});
    ASSERT_TRUE(r.status.ok()) << file;
    ASSERT_EQ(r.articles.size(), 1u) << file;
    EXPECT_EQ(describe(r.articles[0]), expected) << file;
  }
}

}  // namespace
}  // namespace newsindex::internal
