// analysis/word_breaker.cc: character classes and ICU's BreakIterator.
#include "analysis/word_breaker.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include <array>

namespace newsindex::internal::analysis {
namespace {

constexpr std::array<CharClass, 128> make_ascii_table() {
  std::array<CharClass, 128> t{};
  for (auto& c : t) c = CharClass::kSeparator;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = CharClass::kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = CharClass::kLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = CharClass::kDigit;
  t['\''] = CharClass::kApostrophe;
  t['-'] = CharClass::kHyphen;
  t['.'] = CharClass::kDot;
  t[','] = CharClass::kComma;
  t['@'] = CharClass::kAt;
  t['#'] = CharClass::kHash;
  t['_'] = CharClass::kUnderscore;
  return t;
}

constexpr std::array<CharClass, 128> kAsciiTable = make_ascii_table();

bool is_complex_script(UScriptCode s) {
  switch (s) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

}  // namespace

CharClass classify_ascii(unsigned char c) { return kAsciiTable[c]; }

CharClass classify(char32_t cp) {
  if (cp < 0x80) return kAsciiTable[cp];
  switch (cp) {
    case 0x2019:
    case 0x2018:
    case 0x02BC:
      return CharClass::kApostrophe;
    case 0x2010:
    case 0x2011:
      return CharClass::kHyphen;
    case 0x00AD:
    case 0x200C:
    case 0x200D:
      return CharClass::kIgnorable;
    case 0xFFFD:
      return CharClass::kSeparator;
    default:
      break;
  }
  const auto c = static_cast<UChar32>(cp);
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: {
      UErrorCode ec = U_ZERO_ERROR;
      if (cp >= 0x0E00 && is_complex_script(uscript_getScript(c, &ec)))
        return CharClass::kComplex;
      return CharClass::kLetter;
    }
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
      return CharClass::kMark;
    default:
      return CharClass::kSeparator;
  }
}

struct ComplexScriptBreaker::Icu {
  std::unique_ptr<icu::BreakIterator> iter;
  UText* text = nullptr;
  ~Icu() {
    if (text != nullptr) utext_close(text);
  }
};

ComplexScriptBreaker::ComplexScriptBreaker() = default;
ComplexScriptBreaker::~ComplexScriptBreaker() = default;

void ComplexScriptBreaker::split(std::string_view run,
                                 std::vector<std::pair<std::uint32_t, std::uint32_t>>& words) {
  words.clear();
  const auto whole = [&] { words.emplace_back(0, static_cast<std::uint32_t>(run.size())); };
  if (!icu_) {
    icu_ = std::make_unique<Icu>();
    UErrorCode ec = U_ZERO_ERROR;
    icu_->iter.reset(icu::BreakIterator::createWordInstance(icu::Locale("nl"), ec));
    if (U_FAILURE(ec)) icu_->iter.reset();
  }
  if (!icu_->iter) return whole();
  UErrorCode ec = U_ZERO_ERROR;
  // UTF-8 UText: native indexes are byte offsets into `run`, nothing is copied.
  icu_->text = utext_openUTF8(icu_->text, run.data(), static_cast<int64_t>(run.size()), &ec);
  if (U_FAILURE(ec)) return whole();
  icu_->iter->setText(icu_->text, ec);
  if (U_FAILURE(ec)) return whole();
  int32_t start = icu_->iter->first();
  for (int32_t end = icu_->iter->next(); end != icu::BreakIterator::DONE;
       start = end, end = icu_->iter->next()) {
    if (icu_->iter->getRuleStatus() == UBRK_WORD_NONE) continue;
    words.emplace_back(static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end));
  }
}

}  // namespace newsindex::internal::analysis
