// Fuzz target: the Dutch analyzer over arbitrary bytes as document text.
// Invariants: every term and stem is non-empty and fits in a Xapian term
// with the longest prefix the index puts on analysed text
// (analysis::kMaxTermBytes); offsets lie inside the input; positions never
// go back; and the analyzer is deterministic (a second run on the same text,
// with a stream that has seen other text, gives the same tokens).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/token_stream.h"
#include "newsindex/analyzer.h"

namespace {

struct Seen {
  std::string term, stem;
  std::uint32_t position, start, end;
  int kind;
  bool stopword;
  bool operator==(const Seen&) const = default;
};

std::vector<Seen> analyse(newsindex::TokenStream& stream, std::string_view text) {
  std::vector<Seen> out;
  stream.reset(text);
  std::uint32_t last = 0;
  while (stream.next()) {
    const newsindex::Token& t = stream.token();
    if (t.term.empty() || t.stem.empty()) __builtin_trap();
    if (t.term.size() > newsindex::internal::analysis::kMaxTermBytes ||
        t.stem.size() > newsindex::internal::analysis::kMaxTermBytes) {
      __builtin_trap();
    }
    if (t.start > t.end || t.end > text.size()) __builtin_trap();
    if (t.position < last) __builtin_trap();
    last = t.position;
    out.push_back({std::string(t.term), std::string(t.stem), t.position, t.start, t.end,
                   static_cast<int>(t.kind), t.stopword});
    if (out.size() > 4 * text.size() + 16) __builtin_trap();  // more tokens than bytes
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  static const std::shared_ptr<const newsindex::Analyzer> analyzer = [] {
    auto a = newsindex::Analyzer::create();
    if (!a.ok()) __builtin_trap();
    return *a;
  }();
  static const std::unique_ptr<newsindex::TokenStream> used = analyzer->stream();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<Seen> first = analyse(*used, text);  // a stream with a warm cache
  const std::unique_ptr<newsindex::TokenStream> fresh = analyzer->stream();
  if (analyse(*fresh, text) != first) __builtin_trap();  // not deterministic
  return 0;
}
