// Controlled edits of articles for the duplicate-detection evaluation.
#include "dedup/edits.h"

#include <algorithm>
#include <fstream>

#include "util/ascii.h"

namespace newsindex::internal::dedup {

namespace {

std::string trim(std::string_view s) { return std::string(trim_ascii(s)); }

// A sentence may start here: an ASCII capital or digit, a quote, or any
// non-ASCII byte (É, ‘, “).
bool sentence_start(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == '\'' ||
         c >= 0x80;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    std::size_t b = i;
    while (i < s.size() && !is_ascii_space(s[i])) ++i;
    if (i > b) out.emplace_back(s.substr(b, i - b));
  }
  return out;
}

std::string join_reversed(const std::vector<std::string>& words) {
  std::string out;
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    if (!out.empty()) out += ' ';
    out += *it;
  }
  return out;
}

// Paragraphs: non-blank runs between newlines.
std::vector<std::string> paragraphs(std::string_view body) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b <= body.size()) {
    std::size_t e = body.find('\n', b);
    if (e == std::string_view::npos) e = body.size();
    std::string p = trim(body.substr(b, e - b));
    if (!p.empty()) out.push_back(std::move(p));
    b = e + 1;
  }
  return out;
}

Status unfit(std::string_view edit, const Article& a, const std::string& why) {
  return Status::invalid_argument("edit \"" + std::string(edit) + "\" does not fit article \"" + a.id +
                          "\": " + why);
}

// Parses "N" of "cut=N" (1..1000).
bool count_of(std::string_view s, int& n) {
  if (s.empty() || s.size() > 4) return false;
  n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  return n >= 1;
}

Status apply_one(std::string_view edit, Article& a) {
  const std::size_t eq = edit.find('=');
  const std::string_view name = edit.substr(0, eq);
  const std::string_view arg = eq == std::string_view::npos ? "" : edit.substr(eq + 1);
  if (name == "dateline" && !arg.empty()) {
    a.body = std::string(arg) + " - " + a.body;
  } else if (name == "undateline") {
    // "DEN HAAG - ", "AMSTERDAM (ANP) - ": a place in capitals, an optional
    // agency tag in parentheses, a dash.
    std::size_t at = std::string::npos, len = 0;
    for (std::string_view d : {" - ", " \u2013 ", " \u2014 "}) {
      std::size_t f = a.body.find(d);
      if (f != std::string::npos && f < at) {
        at = f;
        len = d.size();
      }
    }
    std::string_view place;
    if (at != std::string::npos && at <= 40) {
      place = std::string_view(a.body).substr(0, at);
      if (std::size_t paren = place.find(" ("); paren != std::string_view::npos) {
        place = place.substr(0, paren);
      }
    }
    const bool capitals =
        place.size() >= 3 && place[0] >= 'A' && place[0] <= 'Z' &&
        std::none_of(place.begin(), place.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!capitals) return unfit(edit, a, "no leading dateline");
    a.body = trim(std::string_view(a.body).substr(at + len));
  } else if (name == "byline" && !arg.empty()) {
    a.body = std::string(arg) + "\n\n" + a.body;
  } else if (name == "title") {
    auto words = split_words(a.title);
    if (words.size() < 3) return unfit(edit, a, "title under 3 words");
    a.title = join_reversed(words);
  } else if (name == "word") {
    const std::size_t colon = arg.find(':');
    int n = 0;
    if (colon == std::string_view::npos || colon + 1 == arg.size() ||
        !count_of(arg.substr(0, colon), n)) {
      return Status::invalid_argument("edit \"" + std::string(edit) + "\": want word=N:NEW");
    }
    // Find the n-th whitespace-separated word and replace it in place.
    std::size_t i = 0;
    int seen = 0;
    while (i < a.body.size()) {
      while (i < a.body.size() && is_ascii_space(a.body[i])) ++i;
      std::size_t b = i;
      while (i < a.body.size() && !is_ascii_space(a.body[i])) ++i;
      if (i > b && ++seen == n) {
        a.body.replace(b, i - b, arg.substr(colon + 1));
        break;
      }
    }
    if (seen < n) return unfit(edit, a, "fewer words");
  } else if (name == "append" && !arg.empty()) {
    a.body = trim(a.body) + " " + std::string(arg);
  } else if (name == "cut" || name == "lead") {
    int n = 1;
    if (name == "cut" && !count_of(arg, n)) {
      return Status::invalid_argument("edit \"" + std::string(edit) + "\": want cut=N");
    }
    auto spans = sentence_spans(a.body);
    // Keep at least two sentences of the story.
    if (spans.size() < static_cast<std::size_t>(n) + 2) return unfit(edit, a, "too few sentences");
    if (name == "cut") {
      a.body = trim(std::string_view(a.body).substr(0, spans[spans.size() - n].first));
    } else {
      auto [b, e] = spans[0];
      a.body.replace(b, e - b, join_reversed(split_words(std::string_view(a.body).substr(b, e - b))));
    }
  } else if (name == "truncate") {
    int n = 0;
    if (!count_of(arg, n)) return Status::invalid_argument("edit \"" + std::string(edit) + "\": want truncate=N");
    auto paras = paragraphs(a.body);
    if (paras.size() <= static_cast<std::size_t>(n)) return unfit(edit, a, "too few paragraphs");
    std::string out;
    for (int i = 0; i < n; ++i) {
      if (i) out += "\n\n";
      out += paras[i];
    }
    a.body = std::move(out);
  } else {
    return Status::invalid_argument("unknown edit \"" + std::string(edit) + "\"");
  }
  return Status();
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> sentence_spans(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  auto emit = [&](std::size_t b, std::size_t e) {
    while (b < e && is_ascii_space(text[b])) ++b;
    while (e > b && is_ascii_space(text[e - 1])) --e;
    if (e > b) out.emplace_back(b, e);
  };
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      emit(begin, i);
      begin = i + 1;
    } else if ((c == '.' || c == '!' || c == '?') && i + 2 < text.size() && text[i + 1] == ' ' &&
               sentence_start(static_cast<unsigned char>(text[i + 2]))) {
      emit(begin, i + 1);
      begin = i + 1;
    }
  }
  emit(begin, text.size());
  return out;
}

Status apply_edits(std::string_view edits, Article& article) {
  std::size_t b = 0;
  while (b <= edits.size()) {
    std::size_t e = edits.find(';', b);
    if (e == std::string_view::npos) e = edits.size();
    std::string one = trim(edits.substr(b, e - b));
    if (!one.empty()) {
      Status st = apply_one(one, article);
      if (!st.ok()) return st;
    }
    b = e + 1;
  }
  article.lead.clear();
  return Status();
}

Result<std::vector<EditRecipe>> read_edit_recipes(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::not_found("cannot open edit recipes " + path);
  std::vector<EditRecipe> out;
  std::string line;
  int number = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++number;
    while (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (header) {  // id, copy_id, edits, ...
      header = false;
      continue;
    }
    std::vector<std::string> cols;
    std::size_t s = 0;
    while (true) {
      std::size_t t = line.find('\t', s);
      cols.push_back(line.substr(s, t == std::string::npos ? std::string::npos : t - s));
      if (t == std::string::npos) break;
      s = t + 1;
    }
    if (cols.size() < 3 || cols[0].empty() || cols[1].empty() || cols[2].empty() ||
        cols[0] == cols[1]) {
      return Status::parse_error(path + ":" + std::to_string(number) + ": want id, copy_id, edits");
    }
    out.push_back({cols[0], cols[1], cols[2]});
  }
  return out;
}

}  // namespace newsindex::internal::dedup
