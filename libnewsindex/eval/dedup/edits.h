// dedup/edits.h: controlled edits of real articles, for evaluating wire-story
// collapse (corpora/duplicates/controlled-edits.tsv, docs/evaluation.md
// "Duplicate detection").
//
// Outlets rewrite agency copy in predictable ways. A recipe names an article
// of ../shared/corpora and the edits that turn it into a copy; the copy is
// made at evaluation time, so no corpus text is stored in the repository.
// Edits, separated by ';' and applied in order:
//
//   dateline=ANTWERPEN   body starts "ANTWERPEN - "
//   undateline           a leading dateline removed: a place in capitals,
//                        an optional agency tag, a dash ("DEN HAAG (ANP) - ")
//   byline=Door X        a first paragraph "Door X" added
//   title                the headline rewritten: its words in reverse order
//   word=N:NEW           the N-th word of the body (1-based) replaced by NEW
//   append=TEXT          TEXT appended as a last sentence
//   cut=N                the last N sentences removed
//   lead                 the first sentence rewritten: its words in reverse
//                        order (every shingle in it changes, as in a rewrite)
//   truncate=N           only the first N paragraphs kept
//
// Sentences end at '.', '!' or '?' followed by a space and a capital, digit
// or quote, or at a paragraph break ("\n\n" or "\n").
#ifndef NEWSINDEX_EVAL_DEDUP_EDITS_H_
#define NEWSINDEX_EVAL_DEDUP_EDITS_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsindex/article.h"
#include "newsindex/status.h"

namespace newsindex::internal::dedup {

struct EditRecipe {
  std::string id;       // the original article
  std::string copy_id;  // the id the edited copy is indexed under
  std::string edits;    // "dateline=ANTWERPEN;word=12:dinsdag"
};

// TSV with a header line: id, copy_id, edits[, note...]; '#' comments.
// kNotFound / kParseError naming the file and line.
Result<std::vector<EditRecipe>> read_edit_recipes(const std::string& path);

// Applies `edits` to `article` (title and body; lead cleared, id unchanged).
// kInvalidArgument when an edit is unknown or does not fit the article (too
// few sentences, words or paragraphs, no dateline to remove).
Status apply_edits(std::string_view edits, Article& article);

// The sentence spans [begin, end) of `text` by the rule above (for tests).
std::vector<std::pair<std::size_t, std::size_t>> sentence_spans(std::string_view text);

}  // namespace newsindex::internal::dedup

#endif  // NEWSINDEX_EVAL_DEDUP_EDITS_H_
