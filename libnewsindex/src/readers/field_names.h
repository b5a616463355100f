// readers/field_names.h: which Article field a CSV column or JSON key names.
//
// One table for every reader, so that "kop", "bron" or "rubriek" mean the same
// in a CSV header as in a JSON Lines key.
#ifndef NEWSINDEX_READERS_FIELD_NAMES_H_
#define NEWSINDEX_READERS_FIELD_NAMES_H_

#include <string_view>

namespace newsindex::internal {

enum class ArticleField {
  kId,
  kTitle,
  kBody,
  kLead,
  kDate,
  kSource,
  kOutlet,
  kCategory,
  kUrl,
  kLanguage,
  kAuthors,
  kTags,
  kExtra  // not a known name: kept in Article::extra
};

// The field `name` maps to; case and surrounding white space are ignored
// ("Titel " -> kTitle).
ArticleField article_field(std::string_view name);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_READERS_FIELD_NAMES_H_
