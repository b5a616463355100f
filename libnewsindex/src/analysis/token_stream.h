// analysis/token_stream.h: the pipeline, composed in one place.
//
//   scanner (utf8 repair, word spans, Dutch rules; ICU for complex scripts)
//     -> normalizer (NFKC_CF, accent fold; accented stop words keep accents)
//     -> term cache / term rules (stem + overrides, stop flag, 's variant,
//        compound parts)
//     -> tokens (kWord, kVariant, kHyphenPart, kCompoundPart)
// One reused token queue; the strings of tokens live in the term cache's
// arena or in per-stream buffers, so nothing is allocated per token once the
// cache is warm.
#ifndef NEWSINDEX_ANALYSIS_TOKEN_STREAM_H_
#define NEWSINDEX_ANALYSIS_TOKEN_STREAM_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "analysis/analysis_config.h"
#include "analysis/match_screen.h"
#include "analysis/normalizer.h"
#include "analysis/scanner.h"
#include "analysis/stemmer.h"
#include "analysis/term_cache.h"
#include "analysis/term_rules.h"
#include "analysis/word_breaker.h"
#include "newsindex/analyzer.h"

namespace newsindex::internal::analysis {

// Terms longer than this are dropped: Xapian's limit (245 bytes) less the
// longest prefix the index puts on analysed text ("ZS", "XP"; checked in
// index/term_mapper.cc), so a word is indexed in every field or in none.
inline constexpr std::size_t kMaxTermBytes = 243;

class DutchTokenStream final : public TokenStream {
 public:
  explicit DutchTokenStream(std::shared_ptr<const AnalysisConfig> config);

  void reset(std::string_view text, std::uint32_t first_position = 1) override;
  bool next() override;
  const Token& token() const override { return current_; }
  std::uint32_t next_position() const override { return next_position_; }
  std::size_t repaired() const override { return scanner_.repaired(); }

  // While `screen` is set (it must outlive its use), a plain word it rules
  // out (analysis/match_screen.h) gives no tokens and is not analysed; its
  // position still counts. For callers that keep only tokens that match
  // (the snippeter). nullptr: every word gives its tokens. Default: nullptr.
  void set_screen(const MatchScreen* screen) { screen_ = screen; }
  const AnalysisConfig& config() const { return *config_; }

 private:
  void process(const RawSpan& span);
  // The normalised form of source bytes [start, end) (a view of the input
  // when it is already lower-case ASCII, else of `buf`).
  std::string_view normalize(std::uint32_t start, std::uint32_t end, bool non_ascii,
                             bool has_upper, std::string& buf, bool stopword_accents);
  const CachedTerm* lookup(std::string_view term);
  void push(std::string_view term, std::string_view stem, std::uint32_t pos, std::uint32_t start,
            std::uint32_t end, TokenKind kind, bool stopword);
  // A word with its variant and compound parts, all at `pos`.
  void push_word(const CachedTerm& e, std::uint32_t pos, std::uint32_t start, std::uint32_t end,
                 TokenKind kind);
  void process_simple(const RawSpan& span);
  void process_joined(const RawSpan& span);
  void process_prefixed(const RawSpan& span);
  void process_link(const RawSpan& span);
  void process_complex(const RawSpan& span);

  std::shared_ptr<const AnalysisConfig> config_;
  const MatchScreen* screen_ = nullptr;
  Scanner scanner_;
  Normalizer normalizer_;
  std::unique_ptr<Stemmer> stemmer_;
  ComplexScriptBreaker breaker_;
  TermCache cache_;
  TermFacts facts_;
  std::vector<CachedPart> parts_scratch_;

  std::string_view text_;
  std::uint32_t next_position_ = 1;
  std::vector<Token> queue_;
  std::size_t head_ = 0;
  Token current_;

  std::string norm_, whole_, closed_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pieces_;
};

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_TOKEN_STREAM_H_
