// Passage selection and highlighting through the analyzer.
#include "search/snippets.h"

#include <algorithm>

#include "analysis/token_stream.h"
#include "util/ascii.h"

namespace newsindex::internal {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
constexpr std::size_t kMaxMatches = 1000;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Appends `s` with every whitespace run turned into one space (one that
// would follow a space already in `out` is left out), the words in between
// a run at a time.
void append_squeezed(std::string& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && !is_space(s[j])) ++j;
    out.append(s.data() + i, j - i);
    if (j == s.size()) break;
    if (out.empty() || out.back() != ' ') out.push_back(' ');
    i = j + 1;
  }
}

void push(std::vector<SnippetPart>& parts, std::string_view s, bool highlight) {
  if (s.empty()) return;
  if (!parts.empty() && parts.back().highlight == highlight) {
    append_squeezed(parts.back().text, s);
    return;
  }
  SnippetPart p;
  p.highlight = highlight;
  append_squeezed(p.text, s);
  parts.push_back(std::move(p));
}

// A start at or before `pos`: a sentence start within `reach` bytes, else a
// word start about `back` bytes earlier.
std::size_t window_start(std::string_view text, std::size_t pos, std::size_t reach,
                         std::size_t back) {
  std::size_t lo = pos > reach ? pos - reach : 0;
  for (std::size_t i = pos; i > lo; --i) {
    char p = text[i - 1];
    if (p == '\n' || ((p == ' ') && i >= 2 &&
                      (text[i - 2] == '.' || text[i - 2] == '!' || text[i - 2] == '?'))) {
      return i;
    }
  }
  if (lo == 0) return 0;
  std::size_t s = pos > back ? pos - back : 0;
  while (s > 0 && !is_space(text[s - 1])) --s;
  return s;
}

// An end at or before `pos` on a word boundary (never inside a character).
std::size_t window_end(std::string_view text, std::size_t pos, std::size_t min) {
  if (pos >= text.size()) return text.size();
  std::size_t e = pos;
  while (e > min && !is_space(text[e])) --e;
  if (e <= min) {  // one very long word: cut inside it, on a character boundary
    e = pos;
    while (e > min && is_continuation(text[e])) --e;
  }
  return e;
}

}  // namespace

Snippeter::Snippeter(const Analyzer& analyzer)
    : stream_(analyzer.stream()), dutch_(dynamic_cast<analysis::DutchTokenStream*>(stream_.get())) {
  if (dutch_ != nullptr) dutch_->set_screen(&screen_);
}

void Snippeter::prepare(const HighlightTerms& q) {
  if (prepared_ && q.terms == prepared_for_.terms && q.stems == prepared_for_.stems &&
      q.prefixes == prepared_for_.prefixes) {
    return;
  }
  // The byte-search keys: the first bytes of each stem, term and prefix.
  keys_.clear();
  auto add = [&](std::string_view k) {
    std::string key(k.substr(0, std::min<std::size_t>(k.size(), 5)));
    if (key.size() >= 2 && std::find(keys_.begin(), keys_.end(), key) == keys_.end()) {
      keys_.push_back(std::move(key));
    }
  };
  for (const std::string& t : q.stems) add(t);
  for (const std::string& t : q.terms) add(t);
  for (const std::string& t : q.prefixes) add(t);
  search_.set_keys(keys_);
  if (dutch_ != nullptr) {
    screen_.clear();
    for (const std::string& t : q.terms) screen_.add_term(t);
    for (const std::string& t : q.stems) screen_.add_stem(t, dutch_->config());
    for (const std::string& t : q.prefixes) screen_.add_prefix(t);
  }
  prepared_for_ = q;
  prepared_ = true;
}

void Snippeter::find_matches(std::string_view text, const HighlightTerms& q, std::uint32_t base) {
  matches_.clear();
  stream_->reset(text);
  while (stream_->next() && matches_.size() < kMaxMatches) {
    const Token& t = stream_->token();
    std::string_view key;
    if (t.kind == TokenKind::kCompoundPart) {
      if (q.stems.contains(t.stem)) key = t.stem;
    } else if (q.terms.contains(t.term)) {
      key = t.stem.empty() ? t.term : t.stem;
    } else if (!t.stem.empty() && q.stems.contains(t.stem)) {
      key = t.stem;
    } else {
      for (const std::string& p : q.prefixes) {
        if (t.term.starts_with(p)) {
          key = p;
          break;
        }
      }
    }
    if (key.empty() || t.end <= t.start || t.end > text.size()) continue;
    std::uint32_t s = base + t.start, e = base + t.end;
    if (!matches_.empty() && s < matches_.back().end) {
      // A variant or part of the word already marked: widen, keep one.
      matches_.back().end = std::max(matches_.back().end, e);
      continue;
    }
    matches_.push_back({s, e, std::string(key)});
  }
}

std::size_t Snippeter::best_start(std::string_view text, std::size_t length) const {
  // The window [match i, +3/4 length) with the most distinct keys, then the
  // most matches, then the earliest. Window i holds matches i.. up to the
  // first whose end passes its limit; that bound never moves back as i
  // grows (starts are sorted), so one pass with key counts finds it.
  std::size_t best = 0, best_distinct = 0, best_count = 0;
  std::vector<std::pair<std::string_view, std::size_t>> counts;  // key -> matches in window
  std::size_t distinct = 0;
  auto add = [&](std::string_view key, bool in) {
    auto it =
        std::find_if(counts.begin(), counts.end(), [&](const auto& kc) { return kc.first == key; });
    if (it == counts.end()) it = counts.insert(counts.end(), {key, 0});
    if (in) {
      if (it->second++ == 0) ++distinct;
    } else if (--it->second == 0) {
      --distinct;
    }
  };
  std::size_t j = 0;  // window i is [i, j)
  for (std::size_t i = 0; i < matches_.size(); ++i) {
    if (j < i) j = i;  // (an empty window: the match alone is too long)
    std::size_t limit = matches_[i].start + length * 3 / 4;
    while (j < matches_.size() && matches_[j].end <= limit) add(matches_[j++].key, true);
    std::size_t count = j - i;
    if (distinct > best_distinct || (distinct == best_distinct && count > best_count)) {
      best = i;
      best_distinct = distinct;
      best_count = count;
    }
    if (j > i) add(matches_[i].key, false);
  }
  return window_start(text, matches_[best].start, length / 3, length / 6);
}

void Snippeter::find_candidates(std::string_view text) {
  // Cheap pre-screen: where the first bytes of a query term or stem occur
  // (ASCII case-insensitively; compounds included, "missi" in
  // "trainingsmissie"). Only the chosen window is then analysed.
  matches_.clear();
  lower_.resize(text.size());
  lower_ascii_into(text, lower_.data());
  // Each key's occurrences in turn, the keys in order, up to kMaxMatches in
  // all (one pass finds them all: search/key_search.h).
  search_.find(lower_, kMaxMatches);
  for (std::size_t k = 0; k < keys_.size() && matches_.size() < kMaxMatches; ++k) {
    const std::uint32_t n = static_cast<std::uint32_t>(keys_[k].size());
    for (std::uint32_t p : search_.positions(k)) {
      if (matches_.size() >= kMaxMatches) break;
      matches_.push_back({p, p + n, keys_[k]});
    }
  }
  std::sort(matches_.begin(), matches_.end(),
            [](const Match& a, const Match& b) { return a.start < b.start; });
}

std::vector<SnippetPart> Snippeter::make(std::string_view text, const HighlightTerms& query,
                                         std::size_t length) {
  std::vector<SnippetPart> parts;
  if (text.empty()) return parts;
  length = std::max<std::size_t>(length, 20);
  matches_.clear();
  std::size_t start = 0;
  if (!query.empty()) {
    prepare(query);
    find_candidates(text);
    if (!matches_.empty()) {
      start = best_start(text, length);
      std::size_t end = window_end(text, start + length, start);
      find_matches(text.substr(start, end - start), query, static_cast<std::uint32_t>(start));
      if (matches_.empty()) {
        // The pre-screen was fooled ("missi" in "commissie"): analyse it all.
        find_matches(text, query, 0);
        start = matches_.empty() ? 0 : best_start(text, length);
      }
    }
  }
  std::size_t end = window_end(text, start + length, start);
  // Skip leading whitespace.
  while (start < end && is_space(text[start])) ++start;

  if (start > 0) push(parts, kEllipsis, false);
  std::size_t at = start;
  for (const Match& m : matches_) {
    if (m.start < start) continue;
    if (m.end > end) break;
    push(parts, text.substr(at, m.start - at), false);
    push(parts, text.substr(m.start, m.end - m.start), true);
    at = m.end;
  }
  push(parts, text.substr(at, end - at), false);
  if (end < text.size()) {
    if (!parts.empty() && !parts.back().highlight) {
      while (!parts.back().text.empty() && parts.back().text.back() == ' ') {
        parts.back().text.pop_back();
      }
    }
    push(parts, kEllipsis, false);
  }
  return parts;
}

}  // namespace newsindex::internal

namespace newsindex {

std::string render_snippet(const std::vector<SnippetPart>& parts, std::string_view open,
                           std::string_view close) {
  std::string out;
  for (const SnippetPart& p : parts) {
    if (p.highlight) out += open;
    out += p.text;
    if (p.highlight) out += close;
  }
  return out;
}

std::string render_snippet_html(const std::vector<SnippetPart>& parts) {
  std::string out;
  for (const SnippetPart& p : parts) {
    if (p.highlight) out += "<b>";
    for (char c : p.text) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&#39;";
          break;
        default:
          out.push_back(c);
      }
    }
    if (p.highlight) out += "</b>";
  }
  return out;
}

}  // namespace newsindex
