// newsindex/analyzer.h: Dutch text analysis shared by indexing and querying.
//
// An Analyzer turns Dutch text into a stream of tokens (normalised term, stem,
// position, byte offsets). The index writer and the query parser use the same
// Analyzer, and the database records Analyzer::identity() so that a database
// is never searched with different analysis than it was built with.
#ifndef NEWSINDEX_ANALYZER_H_
#define NEWSINDEX_ANALYZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "newsindex/export.h"
#include "newsindex/status.h"

namespace newsindex {

struct AnalyzerOptions {
  // Snowball Dutch (Porter) stemming with the override list. Default: true.
  bool stem = true;
  // Fold accents (efficiënte = efficiente) except on accented stop words
  // (één, vóór, dé stay distinct). Default: true.
  bool fold_accents = true;
  // auto's -> auto, 's-Hertogenbosch -> hertogenbosch. Default: true.
  bool apostrophe_rules = true;
  // Split closed compounds with the Dutch word list. Default: true.
  bool split_compounds = true;
  // Word list for the compound splitter. Default: "" = the build's default
  // (/usr/share/dict/dutch from Debian's wdutch).
  std::string dictionary_path;
  // Extra stem overrides, one "word stem" pair per line. Default: none.
  std::string stem_overrides_path;
};

enum class TokenKind : std::uint8_t {
  kWord,          // a word as written (normalised): "auto's", "inf-verdrag"
  kVariant,       // another form at the same position: "auto", "infverdrag"
  kHyphenPart,    // a part of a hyphenated word, at its own position: "inf"
  kCompoundPart,  // a part of a closed compound, at the whole word's position
};

// One token. The string_views stay valid until the stream advances.
struct Token {
  std::string_view term;  // normalised (NFKC, case-folded, accents folded)
  std::string_view stem;  // Snowball stem of `term` (== term when stemming off)
  std::uint32_t position = 0;
  std::uint32_t start = 0;  // byte offsets of the source span in the input
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool stopword = false;  // in Snowball's Dutch stop list
};

// A reusable token stream. Not thread-safe: use one per thread. Reusing one
// stream for many texts avoids per-text allocation.
class NEWSINDEX_EXPORT TokenStream {
 public:
  virtual ~TokenStream() = default;
  // Starts over on `text`; the first token gets `first_position`.
  // `text` must outlive the iteration. Invalid UTF-8 is repaired.
  virtual void reset(std::string_view text, std::uint32_t first_position = 1) = 0;
  // Advances to the next token; false at the end of the text.
  virtual bool next() = 0;
  // REQUIRES: the last next() returned true.
  virtual const Token& token() const = 0;
  // The position after the last token so far (to continue in another field).
  virtual std::uint32_t next_position() const = 0;
  // Invalid UTF-8 sequences repaired to U+FFFD since the last reset().
  virtual std::size_t repaired() const = 0;
};

// Immutable after creation; thread-safe: share one Analyzer between threads,
// give each thread its own TokenStream.
//
// An interface, not a concrete class, because it is a real extension point:
// IndexWriter::open and Searcher::open accept an Analyzer, so a caller can
// index and search with analysis of its own (another language, another word
// list) and tests with a small predictable one. Analyzer::create() makes
// the Dutch analyzer. The database records identity(): a writer or a
// Searcher given other analysis than the database records is refused
// (kAnalysisMismatch), and a Searcher opened without an Analyzer makes the
// one the database records (only Analyzer::create()'s own identities can be
// made again; a database built with another Analyzer is searched by passing
// that Analyzer).
//
// An implementation's identity() must change whenever the terms of some
// text change; stream(), stem() and is_stopword() must agree with it.
class NEWSINDEX_EXPORT Analyzer {
 public:
  static Result<std::shared_ptr<const Analyzer>> create(
      const AnalyzerOptions& options = {});
  virtual ~Analyzer() = default;

  // A new token stream over this analyzer.
  virtual std::unique_ptr<TokenStream> stream() const = 0;

  // What the database records, e.g.
  // "newsindex-nl/1 stem=snowball-dutch-porter(libstemmer 2.2.0) fold=1 apos=1 compounds=1".
  virtual std::string identity() const = 0;
  // The stemmer alone, e.g. "snowball-dutch-porter(libstemmer 2.2.0)" or "none".
  virtual std::string stemmer_identity() const = 0;

  // The Snowball stem (with overrides) of one already-normalised word.
  virtual std::string stem(std::string_view term) const = 0;
  // True if `term` (normalised) is in the Dutch stop list.
  virtual bool is_stopword(std::string_view term) const = 0;

  virtual const AnalyzerOptions& options() const = 0;
};

}  // namespace newsindex

#endif  // NEWSINDEX_ANALYZER_H_
