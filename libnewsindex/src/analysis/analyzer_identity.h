// analysis/analyzer_identity.h: the analyzer identity a database records,
// read back into the analysis that wrote it.
//
// Analyzer::identity() is "newsindex-nl/1 stem=S fold=F apos=A compounds=C",
// then " dict=HEX" (the word list's fingerprint) with compounds, and
// " overrides=HEX" with a stem-override file. A Searcher opened without an
// Analyzer follows what its databases record: the switches are read back
// and the analyzer made again; the fingerprints and the stemmer identity
// must then come out the same, since the files and the stemmer are this
// build's.
#ifndef NEWSINDEX_ANALYSIS_ANALYZER_IDENTITY_H_
#define NEWSINDEX_ANALYSIS_ANALYZER_IDENTITY_H_

#include <memory>
#include <string_view>

#include "newsindex/analyzer.h"
#include "newsindex/status.h"

namespace newsindex::internal {

// The first word of every identity this version of the analysis writes.
// Bump when a change to the analysis changes the terms of some text.
inline constexpr std::string_view kAnalysisVersion = "newsindex-nl/1";

// The options that made `identity` (dictionary and override paths empty).
// kAnalysisMismatch when `identity` is not one this library writes (another
// analysis version, a custom Analyzer's identity, a malformed record).
Result<AnalyzerOptions> options_from_identity(std::string_view identity);

// The analyzer that records `identity`, made with this build's stemmer and
// word list; kAnalysisMismatch naming the difference when this build cannot
// make it (another stemmer or word list, a stem-override file).
Result<std::shared_ptr<const Analyzer>> analyzer_for_identity(std::string_view identity);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_ANALYSIS_ANALYZER_IDENTITY_H_
