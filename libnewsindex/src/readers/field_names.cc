// Field names of news exports (corpus keys first, then English and Dutch
// synonyms).
#include "readers/field_names.h"

#include <string>
#include <vector>

#include "util/ascii.h"

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

}  // namespace

ArticleField article_field(std::string_view name) {
  const std::string lower = lower_ascii(trim_ascii(name));
  for (const FieldName& f : kNames)
    if (f.name == lower) return f.field;
  return ArticleField::kExtra;
}

namespace {

// "a; b | c" → {"a", "b", "c"}.
void add_split(std::string_view value, std::vector<std::string>& out) {
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i == value.size() || value[i] == ';' || value[i] == '|') {
      const std::string_view part = trim_ascii(value.substr(start, i - start));
      if (!part.empty()) out.emplace_back(part);
      start = i + 1;
    }
  }
}

}  // namespace

void set_field(Article& a, ArticleField field, std::string_view name, std::string value,
               const FileContext& ctx, const std::string& where, ReadIssue& issue) {
  switch (field) {
    case ArticleField::kId:
      a.id = trim_ascii(value);
      break;
    case ArticleField::kTitle:
      a.title = std::move(value);
      break;
    case ArticleField::kBody:
      a.body = std::move(value);
      break;
    case ArticleField::kLead:
      a.lead = std::move(value);
      break;
    case ArticleField::kDate:
      set_date_field(value, ctx, where, a, issue);
      break;
    case ArticleField::kSource:
      a.source = trim_ascii(value);
      break;
    case ArticleField::kOutlet:
      a.outlet = trim_ascii(value);
      break;
    case ArticleField::kCategory:
      a.category = trim_ascii(value);
      break;
    case ArticleField::kUrl:
      a.url = trim_ascii(value);
      break;
    case ArticleField::kLanguage:
      a.language = trim_ascii(value);
      break;
    case ArticleField::kAuthors:
      add_split(value, a.authors);
      break;
    case ArticleField::kTags:
      add_split(value, a.tags);
      break;
    case ArticleField::kExtra:
      if (!value.empty()) a.extra.emplace_back(name, std::move(value));
      break;
  }
}

}  // namespace newsindex::internal
