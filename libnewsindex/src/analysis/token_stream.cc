// analysis/token_stream.cc
#include "analysis/token_stream.h"

#include "analysis/apostrophes.h"
#include "analysis/hyphens.h"
#include "analysis/stopwords.h"

namespace newsindex::internal::analysis {
namespace {

// The cache is dropped when it holds this many terms: memory stays bounded
// (about 25 MB per stream) and a stream that indexes a whole archive refills
// it with the words that are frequent now.
constexpr std::size_t kMaxCachedTerms = 1u << 18;
// URL and e-mail parts beyond this many are not indexed.
constexpr std::size_t kMaxLinkParts = 16;

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

}  // namespace

DutchTokenStream::DutchTokenStream(std::shared_ptr<const AnalysisConfig> config)
    : config_(std::move(config)) {
  if (config_->options.stem)
    stemmer_ = std::make_unique<Stemmer>(config_->stem_algorithm, &config_->overrides);
  queue_.reserve(32);
}

void DutchTokenStream::reset(std::string_view text, std::uint32_t first_position) {
  text_ = text;
  scanner_.reset(text, config_->options.apostrophe_rules);
  next_position_ = first_position;
  queue_.clear();
  head_ = 0;
}

bool DutchTokenStream::next() {
  while (head_ >= queue_.size()) {
    queue_.clear();
    head_ = 0;
    RawSpan span;
    if (!scanner_.next(span)) return false;
    if (cache_.size() >= kMaxCachedTerms) cache_.clear();
    process(span);
  }
  current_ = queue_[head_++];
  return true;
}

void DutchTokenStream::push(std::string_view term, std::string_view stem, std::uint32_t pos,
                            std::uint32_t start, std::uint32_t end, TokenKind kind,
                            bool stopword) {
  if (term.empty() || term.size() > kMaxTermBytes) return;
  Token& t = queue_.emplace_back();
  t.term = term;
  t.stem = stem.size() > kMaxTermBytes ? term : stem;
  t.position = pos;
  t.start = start;
  t.end = end;
  t.kind = kind;
  t.stopword = stopword;
}

std::string_view DutchTokenStream::normalize(std::uint32_t start, std::uint32_t end,
                                             bool non_ascii, bool has_upper, std::string& buf,
                                             bool stopword_accents) {
  const std::string_view src = text_.substr(start, end - start);
  if (!non_ascii) {
    if (!has_upper) return src;
    ascii_lower(src, buf);
    return buf;
  }
  const bool fold = config_->options.fold_accents;
  if (normalizer_.normalize(src, buf, fold) && stopword_accents && is_dutch_stopword(buf)) {
    // één, vóór, dé: the accent carries meaning; keep it.
    normalizer_.normalize(src, buf, /*fold_accents=*/false);
  }
  return buf;
}

const CachedTerm* DutchTokenStream::lookup(std::string_view term) {
  if (const CachedTerm* e = cache_.find(term)) return e;
  analyse_term(term, *config_, stemmer_.get(), facts_);
  CachedTerm e;
  e.term = term;
  e.stem = facts_.stem;
  e.variant = facts_.variant;
  e.stopword = facts_.stopword;
  e.variant_stopword = facts_.variant_stopword;
  parts_scratch_.clear();
  for (std::size_t i = 0; i < facts_.part_terms.size(); ++i)
    parts_scratch_.push_back({facts_.part_terms[i], facts_.part_stems[i]});
  return cache_.insert(e, parts_scratch_);
}

void DutchTokenStream::push_word(const CachedTerm& e, std::uint32_t pos, std::uint32_t start,
                                 std::uint32_t end, TokenKind kind) {
  push(e.term, e.stem, pos, start, end, kind, e.stopword);
  if (!e.variant.empty())
    push(e.variant, config_->options.stem ? e.stem : e.variant, pos, start, end,
         TokenKind::kVariant, e.variant_stopword);
  const CachedPart* parts = cache_.parts(e);
  for (std::uint32_t i = 0; i < e.parts_count; ++i)
    push(parts[i].term, parts[i].stem, pos, start, end, TokenKind::kCompoundPart, false);
}

void DutchTokenStream::process(const RawSpan& span) {
  switch (span.type) {
    case SpanType::kNumber:
    case SpanType::kClitic: {
      const std::string_view term =
          normalize(span.start, span.end, span.non_ascii, span.has_upper, norm_, false);
      push(term, term, next_position_++, span.start, span.end, TokenKind::kWord, false);
      return;
    }
    case SpanType::kWord:
      if (span.hyphens > 0 || span.dots > 0) return process_joined(span);
      return process_simple(span);
    case SpanType::kCliticWord:
    case SpanType::kHashtag:
    case SpanType::kHandle:
      return process_prefixed(span);
    case SpanType::kUrl:
    case SpanType::kEmail:
      return process_link(span);
    case SpanType::kComplex:
      return process_complex(span);
  }
}

void DutchTokenStream::process_simple(const RawSpan& span) {
  const std::string_view term =
      normalize(span.start, span.end, span.non_ascii, span.has_upper, norm_, true);
  if (screen_ != nullptr && !screen_->may_match(term)) {
    ++next_position_;
    return;
  }
  const CachedTerm* e = lookup(term);
  push_word(*e, next_position_++, span.start, span.end, TokenKind::kWord);
}

// INF-verdrag: inf-verdrag[p] infverdrag[p] inf[p] verdrag[p+1].
void DutchTokenStream::process_joined(const RawSpan& span) {
  const std::string_view whole =
      normalize(span.start, span.end, span.non_ascii, span.has_upper, whole_, false);
  split_joined(whole, pieces_, closed_);
  const std::uint32_t pos = next_position_;
  push(whole, whole, pos, span.start, span.end, TokenKind::kWord, false);
  if (pieces_.size() > 1) {
    const CachedTerm* c = lookup(closed_);
    push(c->term, c->stem, pos, span.start, span.end, TokenKind::kVariant, c->stopword);
  }
  // Lower-case ASCII keeps byte lengths, so the parts' source spans are exact.
  const bool exact = !span.non_ascii;
  for (std::size_t k = 0; k < pieces_.size(); ++k) {
    const auto [b, e] = pieces_[k];
    const CachedTerm* part = lookup(whole.substr(b, e - b));
    push_word(*part, pos + static_cast<std::uint32_t>(k), exact ? span.start + b : span.start,
              exact ? span.start + e : span.end, TokenKind::kHyphenPart);
  }
  next_position_ = pos + static_cast<std::uint32_t>(pieces_.empty() ? 1 : pieces_.size());
}

// 's-Hertogenbosch -> 's-hertogenbosch + hertogenbosch; #MeToo -> #metoo + metoo;
// @NOS -> @nos + nos.
void DutchTokenStream::process_prefixed(const RawSpan& span) {
  const std::string_view whole =
      normalize(span.start, span.end, span.non_ascii, span.has_upper, whole_, false);
  const std::uint32_t pos = next_position_++;
  push(whole, whole, pos, span.start, span.end, TokenKind::kWord, false);
  const std::string_view rest =
      span.type == SpanType::kCliticWord ? clitic_word_rest(whole) : whole.substr(1);
  if (rest.empty()) return;
  const CachedTerm* e = lookup(rest);
  push_word(*e, pos, span.start, span.end, TokenKind::kVariant);
}

// https://www.nu.nl/politiek/x.html -> the whole URL, then nu, nl, politiek,
// x, html at consecutive positions (scheme and www left out).
void DutchTokenStream::process_link(const RawSpan& span) {
  const std::string_view whole =
      normalize(span.start, span.end, span.non_ascii, span.has_upper, whole_, false);
  const std::uint32_t pos = next_position_;
  push(whole, whole, pos, span.start, span.end, TokenKind::kWord, false);
  std::uint32_t k = 0;
  for (std::size_t i = 0; i < whole.size() && k < kMaxLinkParts;) {
    if (!ascii_alnum(whole[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < whole.size() && ascii_alnum(whole[j])) ++j;
    const std::string_view part = whole.substr(i, j - i);
    if (!(span.type == SpanType::kUrl && (part == "http" || part == "https" || part == "www"))) {
      const CachedTerm* e = lookup(part);
      push(e->term, e->stem, pos + k, span.start + static_cast<std::uint32_t>(i),
           span.start + static_cast<std::uint32_t>(j), TokenKind::kHyphenPart, e->stopword);
      ++k;
    }
    i = j;
  }
  next_position_ = pos + (k == 0 ? 1 : k);
}

void DutchTokenStream::process_complex(const RawSpan& span) {
  breaker_.split(text_.substr(span.start, span.end - span.start), pieces_);
  for (const auto& [b, e] : pieces_) {
    const std::uint32_t s = span.start + b, t = span.start + e;
    normalizer_.normalize(text_.substr(s, t - s), norm_, config_->options.fold_accents);
    const CachedTerm* c = lookup(norm_);
    push(c->term, c->term, next_position_++, s, t, TokenKind::kWord, false);
  }
}

}  // namespace newsindex::internal::analysis
