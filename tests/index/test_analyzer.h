// tests/index/test_analyzer.h: a tiny, predictable Analyzer for index tests.
//
// Words are runs of ASCII letters/digits (bytes >= 0x80 count as letters),
// lower-cased; the "stem" drops a final "en" or "s"; a small stop list; words
// ending in "missie" longer than it also yield the compound part "missi".
// It lets the index tests state exact expected terms independent of the real
// Dutch analysis (which has its own tests in tests/analysis).
#ifndef NEWSINDEX_TESTS_INDEX_TEST_ANALYZER_H_
#define NEWSINDEX_TESTS_INDEX_TEST_ANALYZER_H_

#include <memory>
#include <string>
#include <vector>

#include "newsindex/analyzer.h"

namespace newsindex::testing {

class TestTokenStream final : public TokenStream {
 public:
  void reset(std::string_view text, std::uint32_t first_position) override {
    text_ = text;
    at_ = 0;
    pos_ = first_position;
    pending_compound_ = false;
  }
  bool next() override {
    if (pending_compound_) {
      pending_compound_ = false;
      tok_.kind = TokenKind::kCompoundPart;
      tok_.term = "missie";
      tok_.stem = "missi";
      tok_.stopword = false;
      return true;
    }
    while (at_ < text_.size() && !is_word(text_[at_])) ++at_;
    if (at_ >= text_.size()) return false;
    std::size_t start = at_;
    while (at_ < text_.size() && is_word(text_[at_])) ++at_;
    term_.clear();
    for (std::size_t i = start; i < at_; ++i) {
      char c = text_[i];
      term_.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    stem_ = term_;
    if (stem_.size() > 4 && stem_.ends_with("en")) {
      stem_.resize(stem_.size() - 2);
    } else if (stem_.size() > 3 && stem_.ends_with("s")) {
      stem_.pop_back();
    }
    tok_.term = term_;
    tok_.stem = stem_;
    tok_.position = pos_++;
    tok_.start = static_cast<std::uint32_t>(start);
    tok_.end = static_cast<std::uint32_t>(at_);
    tok_.kind = TokenKind::kWord;
    tok_.stopword = term_ == "de" || term_ == "het" || term_ == "een" || term_ == "en" ||
                    term_ == "van" || term_ == "in";
    pending_compound_ = term_.size() > 6 && term_.ends_with("missie");
    return true;
  }
  const Token& token() const override { return tok_; }
  std::uint32_t next_position() const override { return pos_; }
  std::size_t repaired() const override { return 0; }

 private:
  static bool is_word(char c) {
    auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
           u >= 0x80;
  }
  std::string_view text_;
  std::size_t at_ = 0;
  std::uint32_t pos_ = 1;
  std::string term_, stem_;
  Token tok_;
  bool pending_compound_ = false;
};

class TestAnalyzer final : public Analyzer {
 public:
  explicit TestAnalyzer(std::string identity = "test-analyzer/1")
      : identity_(std::move(identity)) {}
  std::unique_ptr<TokenStream> stream() const override {
    return std::make_unique<TestTokenStream>();
  }
  std::string identity() const override { return identity_; }
  std::string stemmer_identity() const override { return "test-stemmer"; }
  std::string stem(std::string_view term) const override { return std::string(term); }
  bool is_stopword(std::string_view) const override { return false; }
  const AnalyzerOptions& options() const override { return options_; }

 private:
  std::string identity_;
  AnalyzerOptions options_;
};

inline std::shared_ptr<const Analyzer> test_analyzer(std::string identity = "test-analyzer/1") {
  return std::make_shared<TestAnalyzer>(std::move(identity));
}

}  // namespace newsindex::testing

#endif  // NEWSINDEX_TESTS_INDEX_TEST_ANALYZER_H_
