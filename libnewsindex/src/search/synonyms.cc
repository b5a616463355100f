// Synonym groups: parsing, analysis of every form, longest-match lookup.
#include "search/synonyms.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "util/ascii.h"

namespace newsindex::internal {
namespace {

// The words of `text` as the index spells them: one term per position (the
// kWord form, or the hyphen parts of a hyphenated word, as a phrase would).
}  // namespace

std::vector<std::string> synonym_form(std::string_view text, TokenStream& stream) {
  Synonyms::Form form;
  std::vector<std::pair<std::uint32_t, std::string>> by_pos;
  stream.reset(text);
  while (stream.next()) {
    const Token& t = stream.token();
    if (t.kind == TokenKind::kCompoundPart || t.kind == TokenKind::kVariant) continue;
    if (!by_pos.empty() && by_pos.back().first == t.position) {
      // A hyphen part at the whole word's position replaces it.
      if (t.kind == TokenKind::kHyphenPart) by_pos.back().second = std::string(t.term);
      continue;
    }
    by_pos.emplace_back(t.position, std::string(t.term));
  }
  for (auto& [pos, term] : by_pos) form.push_back(std::move(term));
  return form;
}

Result<Synonyms> Synonyms::parse(std::string_view text, const Analyzer& analyzer,
                                 std::string_view origin) {
  Synonyms syn;
  auto stream = analyzer.stream();
  Status st = for_each_list_line(text, [&](std::string_view line, std::size_t line_no) {
    std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
      return Status::parse_error(std::string(origin) + ":" + std::to_string(line_no) +
                         ": expected \"term = alias, alias\"");
    }
    std::vector<Form> group;
    auto add = [&](std::string_view f) {
      Form form = synonym_form(trim_ascii(f), *stream);
      if (form.empty()) return;
      if (std::find(group.begin(), group.end(), form) == group.end()) {
        group.push_back(std::move(form));
      }
    };
    add(line.substr(0, eq));
    for (std::string_view alias : list_items(line.substr(eq + 1))) add(alias);
    if (group.size() < 2) return Status();
    std::size_t g = syn.groups_.size();
    for (const Form& f : group) syn.index_[f.front()].emplace_back(f, g);
    syn.groups_.push_back(std::move(group));
    return Status();
  });
  if (!st.ok()) return st;
  for (auto& [first, entries] : syn.index_) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }
  return syn;
}

Status for_each_list_line(std::string_view text,
                          const std::function<Status(std::string_view, std::size_t)>& f) {
  std::size_t line_no = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    const std::string_view line = trim_ascii(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    if (Status st = f(line, line_no); !st.ok()) return st;
  }
  return Status();
}

std::vector<std::string_view> list_items(std::string_view list) {
  std::vector<std::string_view> out;
  while (true) {
    const std::size_t comma = list.find(',');
    const std::string_view item = trim_ascii(list.substr(0, comma));
    if (!item.empty()) out.push_back(item);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

Result<std::string> read_list_file(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found(path + ": cannot open " + std::string(what));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::io_error(path + ": cannot read " + std::string(what));
  return ss.str();
}

Result<Synonyms> Synonyms::load(const std::string& path, const Analyzer& analyzer) {
  if (path.empty()) return parse(builtin_synonyms_text(), analyzer, "built-in synonyms");
  Result<std::string> text = read_list_file(path, "synonym file");
  if (!text.ok()) return text.status();
  return parse(*text, analyzer, path);
}

std::size_t Synonyms::match(const std::vector<std::string>& terms, std::size_t start,
                            std::size_t& group) const {
  if (start >= terms.size()) return 0;
  auto it = index_.find(terms[start]);
  if (it == index_.end()) return 0;
  for (const auto& [form, g] : it->second) {
    if (start + form.size() > terms.size()) continue;
    if (std::equal(form.begin(), form.end(), terms.begin() + static_cast<std::ptrdiff_t>(start))) {
      group = g;
      return form.size();
    }
  }
  return 0;
}

}  // namespace newsindex::internal
