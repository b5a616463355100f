// analysis/scanner.cc
#include "analysis/scanner.h"

#include "util/ascii.h"
#include "util/utf8.h"

namespace newsindex::internal::analysis {
namespace {

inline bool is_alnum_class(CharClass c) {
  return c == CharClass::kLetter || c == CharClass::kDigit;
}

inline bool ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

inline bool email_local_char(unsigned char c) {
  return ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

// Characters that end a URL; trailing sentence punctuation is trimmed after.
inline bool url_char(unsigned char c) {
  return c > 0x20 && c < 0x7F && c != '<' && c != '>' && c != '"' && c != '\'' &&
         c != '`' && c != '{' && c != '}' && c != '|' && c != '\\' && c != '^';
}

inline bool url_trailing_punct(unsigned char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']';
}

}  // namespace

void Scanner::reset(std::string_view text, bool clitics) {
  p_ = reinterpret_cast<const unsigned char*>(text.data());
  n_ = text.size();
  pos_ = 0;
  repaired_ = 0;
  clitics_ = clitics;
}

Scanner::Peek Scanner::peek(std::size_t i) const {
  const unsigned char b = p_[i];
  if (b < 0x80) return {classify_ascii(b), 1, true, false};
  const Decoded d = decode_utf8(p_ + i, p_ + n_);
  if (!d.valid) return {CharClass::kSeparator, d.length, false, true};
  return {classify(d.cp), d.length, true, true};
}

bool Scanner::next(RawSpan& span) {
  while (pos_ < n_) {
    const Peek c = peek(pos_);
    switch (c.cls) {
      case CharClass::kLetter:
      case CharClass::kDigit:
        return scan_word(span);
      case CharClass::kApostrophe:
        if (clitics_ && try_clitic(span)) return true;
        break;
      case CharClass::kHash:
        if (try_tag(SpanType::kHashtag, span)) return true;
        break;
      case CharClass::kAt:
        if (try_tag(SpanType::kHandle, span)) return true;
        break;
      case CharClass::kComplex: {
        span = RawSpan{};
        span.start = static_cast<std::uint32_t>(pos_);
        span.type = SpanType::kComplex;
        span.non_ascii = span.has_alpha = true;
        std::size_t i = pos_;
        while (i < n_) {
          const Peek d = peek(i);
          if (d.cls != CharClass::kComplex && d.cls != CharClass::kMark) break;
          i += d.len;
        }
        span.end = static_cast<std::uint32_t>(i);
        pos_ = i;
        return true;
      }
      default:
        if (!c.valid) ++repaired_;
        break;
    }
    pos_ += c.len;
  }
  return false;
}

// Scans letters, digits, marks and the joiners between them from i; fills
// the flags of `span` and returns the end.
std::size_t Scanner::scan_word_body(std::size_t i, RawSpan& span, bool allow_dots) const {
  CharClass prev = CharClass::kSeparator;
  while (i < n_) {
    const unsigned char b = p_[i];
    // ASCII letters and digits: the hot loop.
    if (b < 0x80 && ascii_alnum(b)) {
      if (b <= '9') {
        span.has_digit = true;
        prev = CharClass::kDigit;
      } else {
        span.has_alpha = true;
        span.has_upper |= b <= 'Z';
        prev = CharClass::kLetter;
      }
      ++i;
      continue;
    }
    const Peek c = peek(i);
    if (is_word_class(c.cls)) {
      if (c.cls == CharClass::kLetter) span.has_alpha = true;
      if (c.cls == CharClass::kDigit) span.has_digit = true;
      span.non_ascii |= c.non_ascii;
      // A mark or ignorable keeps the class of the letter before it.
      if (c.cls == CharClass::kLetter || c.cls == CharClass::kDigit) prev = c.cls;
      i += c.len;
      continue;
    }
    if (c.cls != CharClass::kApostrophe && c.cls != CharClass::kHyphen &&
        c.cls != CharClass::kDot && c.cls != CharClass::kComma)
      break;
    const std::size_t j = i + c.len;
    if (j >= n_) break;
    const Peek d = peek(j);
    bool join = false;
    switch (c.cls) {
      case CharClass::kApostrophe:  // auto's, zo'n, d'r (not 'quoted' words)
        join = d.cls == CharClass::kLetter && is_alnum_class(prev);
        break;
      case CharClass::kHyphen:  // INF-verdrag, COVID-19 (not "land- en")
        join = is_alnum_class(d.cls) && is_alnum_class(prev);
        break;
      case CharClass::kDot:  // 1.250, nos.nl, o.a (not "einde. Begin")
        join = allow_dots && is_alnum_class(d.cls) && is_alnum_class(prev);
        break;
      default:  // comma: 3,5 only between digits
        join = prev == CharClass::kDigit && d.cls == CharClass::kDigit;
        break;
    }
    if (!join) break;
    span.non_ascii |= c.non_ascii;
    if (c.cls == CharClass::kApostrophe) span.apostrophe = true;
    if (c.cls == CharClass::kHyphen) ++span.hyphens;
    if (c.cls == CharClass::kDot) ++span.dots;
    prev = c.cls;
    i = j;
  }
  return i;
}

bool Scanner::scan_word(RawSpan& span) {
  const std::size_t s = pos_;
  if (try_url(s, span)) return true;
  span = RawSpan{};
  span.start = static_cast<std::uint32_t>(s);
  span.type = SpanType::kWord;
  const std::size_t e = scan_word_body(s, span, /*allow_dots=*/true);
  if (e < n_ && (p_[e] == '@' || email_local_char(p_[e])) && try_email(s, e, span)) return true;
  span.end = static_cast<std::uint32_t>(e);
  if (!span.has_alpha && span.hyphens == 0 && !span.apostrophe) {
    span.type = SpanType::kNumber;
    span.dots = 0;
  }
  pos_ = e;
  return true;
}

bool Scanner::try_url(std::size_t s, RawSpan& span) {
  const unsigned char first = static_cast<unsigned char>(lower_ascii(static_cast<char>(p_[s])));
  if (first != 'h' && first != 'w') return false;
  auto starts = [&](std::string_view prefix) {
    if (n_ - s < prefix.size()) return false;
    for (std::size_t k = 0; k < prefix.size(); ++k)
      if (lower_ascii(static_cast<char>(p_[s + k])) != prefix[k]) return false;
    return true;
  };
  std::size_t body;
  if (starts("https://")) {
    body = s + 8;
  } else if (starts("http://")) {
    body = s + 7;
  } else if (starts("www.")) {
    body = s + 4;
  } else {
    return false;
  }
  if (body >= n_ || !ascii_alnum(p_[body])) return false;
  std::size_t e = body;
  while (e < n_ && url_char(p_[e])) ++e;
  while (e > body && url_trailing_punct(p_[e - 1])) --e;
  span = RawSpan{};
  span.start = static_cast<std::uint32_t>(s);
  span.end = static_cast<std::uint32_t>(e);
  span.type = SpanType::kUrl;
  span.has_alpha = true;
  for (std::size_t k = s; k < e; ++k) span.has_upper |= (p_[k] >= 'A' && p_[k] <= 'Z');
  pos_ = e;
  return true;
}

// A domain after '@': labels of [A-Za-z0-9-] separated by dots, at least two
// labels, the last one of letters. Returns the end, or 0 when there is none.
std::size_t Scanner::scan_domain(std::size_t i) const {
  std::size_t labels = 0, last_label_start = i, e = i;
  while (e < n_) {
    const std::size_t label_start = e;
    while (e < n_ && (ascii_alnum(p_[e]) || p_[e] == '-')) ++e;
    if (e == label_start) break;
    ++labels;
    last_label_start = label_start;
    if (e + 1 < n_ && p_[e] == '.' && ascii_alnum(p_[e + 1])) {
      ++e;
      continue;
    }
    break;
  }
  if (labels < 2) return 0;
  for (std::size_t k = last_label_start; k < e; ++k)
    if (!((p_[k] >= 'a' && p_[k] <= 'z') || (p_[k] >= 'A' && p_[k] <= 'Z'))) return 0;
  return e;
}

bool Scanner::try_email(std::size_t s, std::size_t word_end, RawSpan& span) {
  std::size_t i = word_end;
  while (i < n_ && email_local_char(p_[i])) ++i;
  if (i >= n_ || p_[i] != '@' || i == s) return false;
  for (std::size_t k = s; k < i; ++k)
    if (p_[k] >= 0x80) return false;
  const std::size_t e = scan_domain(i + 1);
  if (e == 0) return false;
  span = RawSpan{};
  span.start = static_cast<std::uint32_t>(s);
  span.end = static_cast<std::uint32_t>(e);
  span.type = SpanType::kEmail;
  span.has_alpha = true;
  for (std::size_t k = s; k < e; ++k) span.has_upper |= (p_[k] >= 'A' && p_[k] <= 'Z');
  pos_ = e;
  return true;
}

// 's avonds, ’t is, 's-Hertogenbosch. Called with pos_ on the apostrophe.
bool Scanner::try_clitic(RawSpan& span) {
  const std::size_t s = pos_;
  const Peek apos = peek(s);
  const std::size_t l = s + apos.len;
  if (l >= n_) return false;
  const unsigned char c = static_cast<unsigned char>(lower_ascii(static_cast<char>(p_[l])));
  if (c != 's' && c != 't' && c != 'n' && c != 'k' && c != 'm') return false;
  const std::size_t after = l + 1;
  span = RawSpan{};
  span.start = static_cast<std::uint32_t>(s);
  span.non_ascii = apos.non_ascii;
  span.has_alpha = true;
  span.has_upper = p_[l] != c;
  span.apostrophe = true;
  if (after >= n_) {
    span.type = SpanType::kClitic;
    span.end = static_cast<std::uint32_t>(after);
    pos_ = after;
    return true;
  }
  const Peek next = peek(after);
  if (next.cls == CharClass::kHyphen) {
    const std::size_t w = after + next.len;
    if (w < n_ && peek(w).cls == CharClass::kLetter) {
      span.type = SpanType::kCliticWord;
      span.hyphens = 1;
      span.non_ascii |= next.non_ascii;
      const std::size_t e = scan_word_body(w, span, /*allow_dots=*/false);
      span.end = static_cast<std::uint32_t>(e);
      pos_ = e;
      return true;
    }
  }
  if (is_word_class(next.cls) || next.cls == CharClass::kApostrophe) return false;
  span.type = SpanType::kClitic;
  span.end = static_cast<std::uint32_t>(after);
  pos_ = after;
  return true;
}

// #klimaat and @NOS: the sign must start a word and be followed by a letter,
// digit or underscore.
bool Scanner::try_tag(SpanType type, RawSpan& span) {
  const std::size_t s = pos_;
  if (s > 0 && (ascii_alnum(p_[s - 1]) || p_[s - 1] == '_')) return false;
  std::size_t i = s + 1;
  span = RawSpan{};
  while (i < n_) {
    const Peek c = peek(i);
    if (!is_word_class(c.cls) && c.cls != CharClass::kUnderscore) break;
    if (c.cls == CharClass::kLetter) span.has_alpha = true;
    if (c.cls == CharClass::kDigit) span.has_digit = true;
    span.non_ascii |= c.non_ascii;
    if (c.len == 1 && p_[i] >= 'A' && p_[i] <= 'Z') span.has_upper = true;
    i += c.len;
  }
  if (i == s + 1 || !(span.has_alpha || span.has_digit)) return false;
  span.start = static_cast<std::uint32_t>(s);
  span.end = static_cast<std::uint32_t>(i);
  span.type = type;
  pos_ = i;
  return true;
}

}  // namespace newsindex::internal::analysis
