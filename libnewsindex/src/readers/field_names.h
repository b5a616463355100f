// readers/field_names.h: which Article field a CSV column or JSON key names,
// and how a value is put into that field.
//
// One table and one set_field() for every reader, so that "kop", "bron" or
// "rubriek" mean the same in a CSV header as in a JSON Lines key, and a value
// is trimmed, split or parsed the same way whichever format it came in.
#ifndef NEWSINDEX_READERS_FIELD_NAMES_H_
#define NEWSINDEX_READERS_FIELD_NAMES_H_

#include <string>
#include <string_view>

#include "newsindex/article.h"
#include "readers/record_reader.h"

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

// Puts `value`, the text of the record's field `name`, into `article`:
//  - id, source, outlet, category, url, language: trimmed of white space
//    (one-line identifiers; "ANP " and "ANP" are one source);
//  - title, body, lead: as given (finish_article trims the title);
//  - date: parsed by set_date_field (an unparseable one becomes extra "date"
//    with a note on `issue`);
//  - authors, tags: split on ';' and '|', each part trimmed, empty parts
//    dropped; appended, so a list can be given value by value;
//  - anything else: extra (name, value) unless the value is empty.
void set_field(Article& article, ArticleField field, std::string_view name, std::string value,
               const FileContext& ctx, const std::string& where, ReadIssue& issue);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_READERS_FIELD_NAMES_H_
