// Loading a duplicate-detection evaluation set.
#include "dedup/eval_set.h"

#include <map>
#include <unordered_map>
#include <unordered_set>

#include "dedup/edits.h"
#include "index/document_builder.h"
#include "newsindex/reader.h"

namespace newsindex::internal::dedup {

std::string edit_kinds(const std::string& edits) {
  std::string out;
  std::size_t b = 0;
  while (b <= edits.size()) {
    std::size_t e = edits.find(';', b);
    if (e == std::string::npos) e = edits.size();
    std::string one = edits.substr(b, e - b);
    one = one.substr(0, one.find('='));
    if (!one.empty()) {
      if (!out.empty()) out += '+';
      out += one;
    }
    b = e + 1;
  }
  return out;
}

Result<EvalSet> load_eval_set(const EvalInputs& in) {
  EvalSet set;
  std::unordered_set<std::string> wanted;
  for (const auto& f : in.id_files) {
    auto ids = read_id_list(f);
    if (!ids.ok()) return ids.status();
    wanted.insert(ids->begin(), ids->end());
  }
  for (const auto& f : in.label_files) {
    auto labels = read_pair_labels(f);
    if (!labels.ok()) return labels.status();
    for (auto& p : *labels) {
      wanted.insert(p.a);
      wanted.insert(p.b);
      set.labels.push_back(std::move(p));
    }
  }
  std::vector<EditRecipe> recipes;
  for (const auto& f : in.recipe_files) {
    auto r = read_edit_recipes(f);
    if (!r.ok()) return r.status();
    for (auto& x : *r) {
      wanted.insert(x.id);
      recipes.push_back(std::move(x));
    }
  }
  set.wanted = wanted.size();
  const bool all = in.id_files.empty();

  auto source = ArticleSource::open(in.corpora);
  if (!source.ok()) return source.status();
  std::unordered_map<std::string, std::size_t> index;
  Article article;
  ReadIssue issue;
  for (;;) {
    auto next = (*source)->next(article, issue);
    if (next == ArticleSource::Next::kEnd) break;
    if (next == ArticleSource::Next::kArticle && (all || wanted.count(article.id)) &&
        !index.count(article.id) && validate_article(article).ok()) {
      index.emplace(article.id, set.articles.size());
      set.articles.push_back(std::move(article));
    }
    article = Article{};
  }
  for (const auto& id : wanted) {
    if (!index.count(id)) set.missing.push_back(id);
  }

  // The copies, and their labels.
  std::map<std::string, std::vector<std::string>> copies;  // original -> copies
  for (const auto& r : recipes) {
    auto it = index.find(r.id);
    if (it == index.end()) continue;  // reported as missing
    if (index.count(r.copy_id)) {
      return Status::invalid_argument("recipe copy id \"" + r.copy_id + "\" is already an article");
    }
    Article copy = set.articles[it->second];
    copy.id = r.copy_id;
    Status st = apply_edits(r.edits, copy);
    if (!st.ok()) return st;
    const std::string origin = "edit:" + edit_kinds(r.edits);
    for (const auto& other : copies[r.id]) {
      set.labels.push_back({other, r.copy_id, PairLabel::kDuplicate, "edit:copy-with-copy"});
    }
    set.labels.push_back({r.id, r.copy_id, PairLabel::kDuplicate, origin});
    copies[r.id].push_back(r.copy_id);
    index.emplace(copy.id, set.articles.size());
    set.articles.push_back(std::move(copy));
  }
  // A copy inherits its original's labels (against the other article and
  // against that article's copies).
  const std::size_t n = set.labels.size();
  for (std::size_t i = 0; i < n; ++i) {
    const LabelledPair p = set.labels[i];
    if (p.origin.rfind("edit:", 0) == 0) continue;
    std::vector<std::string> as{p.a}, bs{p.b};
    if (auto c = copies.find(p.a); c != copies.end()) as.insert(as.end(), c->second.begin(), c->second.end());
    if (auto c = copies.find(p.b); c != copies.end()) bs.insert(bs.end(), c->second.begin(), c->second.end());
    for (const auto& a : as) {
      for (const auto& b : bs) {
        if (a != p.a || b != p.b) set.labels.push_back({a, b, p.label, p.origin + " (copies)"});
      }
    }
  }
  return set;
}

}  // namespace newsindex::internal::dedup
