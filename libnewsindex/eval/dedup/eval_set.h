// dedup/eval_set.h: the articles and labelled pairs of a duplicate-detection
// evaluation (dedup_eval, PairEval.*; docs/evaluation.md "Duplicate
// detection").
//
// The articles are those of the corpora whose id is listed (in an id file,
// a labels file or as a recipe's original; every article when no id file is
// given), in input order, followed by the
// edited copies the recipes make (dedup/edits.h), in recipe order, so each
// copy is compared with every article. Labels: those of the files, plus for
// each recipe "dup" between the copy and its original and between copies of
// one original; a copy also inherits every label of its original.
#ifndef NEWSINDEX_EVAL_DEDUP_EVAL_SET_H_
#define NEWSINDEX_EVAL_DEDUP_EVAL_SET_H_

#include <string>
#include <vector>

#include "dedup/pair_eval.h"
#include "newsindex/article.h"
#include "newsindex/status.h"

namespace newsindex::internal::dedup {

struct EvalInputs {
  std::vector<std::string> corpora;       // files or directories (ArticleSource)
  std::vector<std::string> id_files;      // read_id_list()
  std::vector<std::string> label_files;   // read_pair_labels()
  std::vector<std::string> recipe_files;  // read_edit_recipes()
};

struct EvalSet {
  std::vector<Article> articles;
  std::vector<LabelledPair> labels;
  std::size_t wanted = 0;  // ids asked for (articles found: see missing)
  std::vector<std::string> missing;  // listed ids not in the corpora
};

// Errors: unreadable files, a recipe whose edits do not fit its article
// (kInvalidArgument naming both).
Result<EvalSet> load_eval_set(const EvalInputs& inputs);

// The edit kind of a recipe, for reporting: "dateline+word+append".
std::string edit_kinds(const std::string& edits);

}  // namespace newsindex::internal::dedup

#endif  // NEWSINDEX_EVAL_DEDUP_EVAL_SET_H_
