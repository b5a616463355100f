// analysis/analysis_config.h: what an Analyzer shares with its streams.
#ifndef NEWSINDEX_ANALYSIS_ANALYSIS_CONFIG_H_
#define NEWSINDEX_ANALYSIS_ANALYSIS_CONFIG_H_

#include <memory>
#include <string>

#include "analysis/compound_splitter.h"
#include "analysis/dictionary.h"
#include "analysis/stem_overrides.h"
#include "newsindex/analyzer.h"

namespace newsindex::internal::analysis {

// Immutable after Analyzer::create; shared (read-only) by all streams.
struct AnalysisConfig {
  AnalyzerOptions options;
  std::string stem_algorithm;  // libstemmer's name for Dutch Porter
  StemOverrides overrides;
  std::shared_ptr<const Dictionary> dictionary;  // null when not splitting
  std::unique_ptr<CompoundSplitter> splitter;    // null when not splitting
};

}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_ANALYSIS_CONFIG_H_
