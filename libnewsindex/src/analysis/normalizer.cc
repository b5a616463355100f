// analysis/normalizer.cc
#include "analysis/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

namespace newsindex::internal::analysis {
namespace {

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Runs an ICU normaliser over UTF-8; on failure leaves a copy of the input.
void run(const icu::Normalizer2* n, std::string_view in, std::string& out) {
  out.clear();
  if (n != nullptr) {
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(in.size()));
    UErrorCode ec = U_ZERO_ERROR;
    n->normalizeUTF8(0, icu::StringPiece(in.data(), static_cast<int32_t>(in.size())), sink,
                     nullptr, ec);
    if (U_SUCCESS(ec)) return;
    out.clear();
  }
  out.assign(in);
}

// ’ ‘ ʼ -> '   and   ‐ (U+2010, also what NFKC makes of U+2011) -> -
void map_punctuation(std::string& s) {
  std::size_t w = 0;
  for (std::size_t r = 0; r < s.size();) {
    const auto b = static_cast<unsigned char>(s[r]);
    if (b == 0xE2 && r + 2 < s.size() && static_cast<unsigned char>(s[r + 1]) == 0x80) {
      const auto c = static_cast<unsigned char>(s[r + 2]);
      if (c == 0x98 || c == 0x99) {
        s[w++] = '\'';
        r += 3;
        continue;
      }
      if (c == 0x90 || c == 0x91) {
        s[w++] = '-';
        r += 3;
        continue;
      }
    }
    if (b == 0xCA && r + 1 < s.size() && static_cast<unsigned char>(s[r + 1]) == 0xBC) {
      s[w++] = '\'';
      r += 2;
      continue;
    }
    s[w++] = s[r++];
  }
  s.resize(w);
}

// Removes U+0300..U+036F (UTF-8 CC 80 .. CD AF); true if any was removed.
bool strip_diacritics(std::string& s) {
  std::size_t w = 0;
  bool stripped = false;
  for (std::size_t r = 0; r < s.size();) {
    const auto b = static_cast<unsigned char>(s[r]);
    if ((b == 0xCC || (b == 0xCD && r + 1 < s.size() &&
                       static_cast<unsigned char>(s[r + 1]) <= 0xAF)) &&
        r + 1 < s.size()) {
      r += 2;
      stripped = true;
      continue;
    }
    s[w++] = s[r++];
  }
  s.resize(w);
  return stripped;
}

}  // namespace

void ascii_lower(std::string_view in, std::string& out) {
  out.resize(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
}

bool Normalizer::normalize(std::string_view in, std::string& out, bool fold_accents) {
  if (is_ascii(in)) {
    ascii_lower(in, out);
    return false;
  }
  UErrorCode ec = U_ZERO_ERROR;
  run(icu::Normalizer2::getNFKCCasefoldInstance(ec), in, out);
  map_punctuation(out);
  if (!fold_accents || is_ascii(out)) return false;
  ec = U_ZERO_ERROR;
  run(icu::Normalizer2::getNFDInstance(ec), out, scratch_);
  if (!strip_diacritics(scratch_)) return false;
  ec = U_ZERO_ERROR;
  run(icu::Normalizer2::getNFCInstance(ec), scratch_, out);
  return true;
}

}  // namespace newsindex::internal::analysis
