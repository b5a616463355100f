// Related word forms: parsing, analysis of every form, lookup with the
// prefix rule.
#include "search/related_forms.h"

#include <algorithm>

#include "search/synonyms.h"

namespace newsindex::internal {
namespace {

constexpr std::string_view kPrefixes = "prefixes:";
// The prefix rule needs this much word after the prefix: "aan" + "tal" is
// no verb form of the list, but "op" + "at" could be.
constexpr std::size_t kShortestRest = 3;

void add_unique(std::vector<std::string>& v, std::string s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

}  // namespace

Result<RelatedForms> RelatedForms::parse(std::string_view text, const Analyzer& analyzer,
                                         std::string_view origin) {
  RelatedForms rf;
  auto stream = analyzer.stream();
  Status st = for_each_list_line(text, [&](std::string_view line, std::size_t line_no) {
    const bool prefixes = line.substr(0, kPrefixes.size()) == kPrefixes;
    if (prefixes) line.remove_prefix(kPrefixes.size());
    std::vector<std::string> group;
    for (std::string_view item : list_items(line)) {
      std::vector<std::string> terms = synonym_form(item, *stream);
      if (terms.size() != 1) {
        return Status::parse_error(std::string(origin) + ":" + std::to_string(line_no) + ": '" +
                                   std::string(item) + "' is not one word");
      }
      if (prefixes) {
        add_unique(rf.prefixes_, terms.front());
        continue;
      }
      if (analyzer.is_stopword(terms.front())) continue;  // "was": never expanded
      add_unique(group, terms.front());
    }
    if (group.size() < 2) return Status();
    const std::size_t g = rf.groups_.size();
    for (const std::string& w : group) {
      auto& gs = rf.by_word_[w];
      if (gs.empty() || gs.back() != g) gs.push_back(g);
    }
    rf.groups_.push_back(std::move(group));
    return Status();
  });
  if (!st.ok()) return st;
  std::stable_sort(rf.prefixes_.begin(), rf.prefixes_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return rf;
}

Result<RelatedForms> RelatedForms::load(const std::string& path, const Analyzer& analyzer) {
  if (path.empty()) return parse(builtin_related_forms_text(), analyzer, "built-in related forms");
  Result<std::string> text = read_list_file(path, "related-forms file");
  if (!text.ok()) return text.status();
  return parse(*text, analyzer, path);
}

void RelatedForms::add_group_words(const std::vector<std::size_t>& groups,
                                   std::string_view prefix,
                                   const std::vector<std::string>& stems,
                                   const Analyzer& analyzer,
                                   std::vector<std::string>& out) const {
  for (std::size_t g : groups) {
    for (const std::string& form : groups_[g]) {
      std::string word = std::string(prefix) + form;
      if (std::find(stems.begin(), stems.end(), analyzer.stem(word)) != stems.end()) continue;
      add_unique(out, std::move(word));
    }
  }
}

std::vector<std::string> RelatedForms::words_for(std::string_view word,
                                                 const std::vector<std::string>& stems,
                                                 const Analyzer& analyzer) const {
  std::vector<std::string> out;
  if (groups_.empty()) return out;
  if (auto it = by_word_.find(word); it != by_word_.end()) {
    add_group_words(it->second, {}, stems, analyzer, out);
    return out;
  }
  // "aankwam": a prefix before a form of the list ("kwam"); the longest
  // prefix that leaves one wins.
  for (const std::string& p : prefixes_) {
    if (word.size() < p.size() + kShortestRest || word.substr(0, p.size()) != p) continue;
    auto it = by_word_.find(word.substr(p.size()));
    if (it == by_word_.end()) continue;
    add_group_words(it->second, p, stems, analyzer, out);
    break;
  }
  return out;
}

}  // namespace newsindex::internal
