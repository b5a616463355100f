// One field-name table for every reader.
#include "readers/field_names.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace newsindex::internal
