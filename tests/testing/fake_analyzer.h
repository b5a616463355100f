// tests/testing/fake_analyzer.h: the one tiny, fully predictable Analyzer of
// the tests (index, search, dedup), so that they state exact expected terms
// independent of the real Dutch analysis (tested in tests/analysis/).
//
// Words are ASCII letter/digit runs (plus UTF-8 bytes; "ë" folds to "e"),
// lower-cased; the stem drops a final "en" or "s", then a final "e"; a hyphenated word
// gives the whole form, the closed form and the parts like the real
// analyzer; "trainingsmissie" has the compound parts "training" and "missi".
#ifndef NEWSINDEX_TESTS_TESTING_FAKE_ANALYZER_H_
#define NEWSINDEX_TESTS_TESTING_FAKE_ANALYZER_H_

#include <cctype>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "newsindex/analyzer.h"

namespace newsindex::testing {

class FakeStream : public TokenStream {
 public:
  void reset(std::string_view text, std::uint32_t first_position) override {
    toks_.clear();
    store_.clear();
    i_ = 0;
    std::uint32_t pos = first_position;
    std::size_t at = 0;
    while (at < text.size()) {
      auto is_word = [&](std::size_t k) {
        unsigned char c = static_cast<unsigned char>(text[k]);
        return std::isalnum(c) || c >= 0x80 || c == '\'' ||
               (c == '-' && k + 1 < text.size() && k > 0 &&
                std::isalnum(static_cast<unsigned char>(text[k + 1])));
      };
      if (!is_word(at) || text[at] == '-' || text[at] == '\'') {
        ++at;
        continue;
      }
      std::size_t end = at;
      while (end < text.size() && is_word(end)) ++end;
      std::string word = fold(text.substr(at, end - at));
      auto s = static_cast<std::uint32_t>(at), e = static_cast<std::uint32_t>(end);
      std::size_t dash = word.find('-');
      add(word, TokenKind::kWord, pos, s, e);
      if (dash != std::string::npos) {
        std::string closed;
        for (char c : word) {
          if (c != '-') closed += c;
        }
        add(closed, TokenKind::kVariant, pos, s, e);
        std::size_t from = 0;
        std::uint32_t p = pos;
        while (true) {
          std::size_t d = word.find('-', from);
          add(word.substr(from, d - from), TokenKind::kHyphenPart, p++, s, e);
          if (d == std::string::npos) break;
          from = d + 1;
        }
        pos = p;
      } else {
        if (word == "trainingsmissie") {
          add_part("training", pos, s, e);
          add_part("missi", pos, s, e);
        }
        ++pos;
      }
      at = end;
    }
    next_ = pos;
  }
  bool next() override {
    if (i_ >= toks_.size()) return false;
    cur_ = toks_[i_];
    cur_.term = store_[2 * i_];
    cur_.stem = store_[2 * i_ + 1];
    ++i_;
    return true;
  }
  const Token& token() const override { return cur_; }
  std::uint32_t next_position() const override { return next_; }
  std::size_t repaired() const override { return 0; }

  static std::string fold(std::string_view w) {
    std::string out;
    for (std::size_t i = 0; i < w.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(w[i]);
      if (c == 0xC3 && i + 1 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0xAB) {
        out += 'e';  // ë
        ++i;
      } else {
        out += static_cast<char>(std::tolower(c));
      }
    }
    return out;
  }
  static std::string stem(std::string_view t) {
    std::string s(t);
    if (s.size() > 4 && s.ends_with("en")) {
      s.resize(s.size() - 2);
    } else if (s.size() > 3 && s.ends_with("s")) {
      s.pop_back();
    }
    if (s.size() > 3 && s.ends_with("e")) s.pop_back();
    return s;
  }
  static bool stop(std::string_view t) {
    static const std::set<std::string, std::less<>> kStop = {"de", "het", "een", "en",
                                                             "of", "van", "om",  "in"};
    return kStop.count(t) > 0;
  }

 private:
  void add(const std::string& term, TokenKind kind, std::uint32_t pos, std::uint32_t s,
           std::uint32_t e) {
    Token t;
    t.kind = kind;
    t.position = pos;
    t.start = s;
    t.end = e;
    t.stopword = stop(term);
    toks_.push_back(t);
    store_.push_back(term);
    store_.push_back(stem(term));
  }
  void add_part(const std::string& stem_text, std::uint32_t pos, std::uint32_t s, std::uint32_t e) {
    Token t;
    t.kind = TokenKind::kCompoundPart;
    t.position = pos;
    t.start = s;
    t.end = e;
    toks_.push_back(t);
    store_.push_back(stem_text);
    store_.push_back(stem_text);
  }

  std::vector<Token> toks_;
  std::vector<std::string> store_;
  std::size_t i_ = 0;
  std::uint32_t next_ = 1;
  Token cur_;
};

class FakeAnalyzer : public Analyzer {
 public:
  // `identity`: what a database built with it records (another one stands
  // for other analysis in the mismatch tests).
  explicit FakeAnalyzer(std::string identity = "fake/1") : identity_(std::move(identity)) {}
  std::unique_ptr<TokenStream> stream() const override { return std::make_unique<FakeStream>(); }
  std::string identity() const override { return identity_; }
  std::string stemmer_identity() const override { return "fake-stem"; }
  std::string stem(std::string_view term) const override { return FakeStream::stem(term); }
  bool is_stopword(std::string_view term) const override { return FakeStream::stop(term); }
  const AnalyzerOptions& options() const override { return options_; }

  static std::shared_ptr<const Analyzer> make(std::string identity = "fake/1") {
    return std::make_shared<FakeAnalyzer>(std::move(identity));
  }

 private:
  std::string identity_;
  AnalyzerOptions options_;
};

}  // namespace newsindex::testing

#endif  // NEWSINDEX_TESTS_TESTING_FAKE_ANALYZER_H_
