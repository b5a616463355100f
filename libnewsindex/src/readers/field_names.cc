// Field names of news exports (corpus keys first, then English and Dutch
// synonyms).
#include "readers/field_names.h"

#include <cctype>
#include <string>

namespace newsindex::internal {
namespace {

struct FieldName {
  std::string_view name;
  ArticleField field;
};

constexpr FieldName kNames[] = {
    {"id", ArticleField::kId},
    {"guid", ArticleField::kId},
    {"title", ArticleField::kTitle},
    {"headline", ArticleField::kTitle},
    {"kop", ArticleField::kTitle},
    {"titel", ArticleField::kTitle},
    {"body", ArticleField::kBody},
    {"content", ArticleField::kBody},
    {"text", ArticleField::kBody},
    {"tekst", ArticleField::kBody},
    {"lead", ArticleField::kLead},
    {"intro", ArticleField::kLead},
    {"description", ArticleField::kLead},
    {"summary", ArticleField::kLead},
    {"date", ArticleField::kDate},
    {"datetime", ArticleField::kDate},
    {"published", ArticleField::kDate},
    {"published_at", ArticleField::kDate},
    {"pubdate", ArticleField::kDate},
    {"datum", ArticleField::kDate},
    {"source", ArticleField::kSource},
    {"bron", ArticleField::kSource},
    {"agency", ArticleField::kSource},
    {"outlet", ArticleField::kOutlet},
    {"medium", ArticleField::kOutlet},
    {"publisher", ArticleField::kOutlet},
    {"category", ArticleField::kCategory},
    {"rubriek", ArticleField::kCategory},
    {"section", ArticleField::kCategory},
    {"sectie", ArticleField::kCategory},
    {"url", ArticleField::kUrl},
    {"link", ArticleField::kUrl},
    {"lang", ArticleField::kLanguage},
    {"language", ArticleField::kLanguage},
    {"taal", ArticleField::kLanguage},
    {"author", ArticleField::kAuthors},
    {"authors", ArticleField::kAuthors},
    {"auteur", ArticleField::kAuthors},
    {"auteurs", ArticleField::kAuthors},
    {"tags", ArticleField::kTags},
    {"keywords", ArticleField::kTags},
    {"trefwoorden", ArticleField::kTags},
};

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

}  // namespace

ArticleField article_field(std::string_view name) {
  while (!name.empty() && is_space(name.front())) name.remove_prefix(1);
  while (!name.empty() && is_space(name.back())) name.remove_suffix(1);
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const FieldName& f : kNames)
    if (f.name == lower) return f.field;
  return ArticleField::kExtra;
}

}  // namespace newsindex::internal
