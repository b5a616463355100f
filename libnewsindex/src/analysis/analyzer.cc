// analysis/analyzer.cc: Analyzer::create and the Dutch analyzer.
#include "newsindex/analyzer.h"

#include <cstdio>
#include <fstream>
#include <mutex>
#include <sstream>

#include "analysis/analysis_config.h"
#include "analysis/analyzer_identity.h"
#include "analysis/stemmer.h"
#include "analysis/stopwords.h"
#include "analysis/term_rules.h"
#include "analysis/token_stream.h"

#ifndef NEWSINDEX_DEFAULT_DICTIONARY
#define NEWSINDEX_DEFAULT_DICTIONARY "/usr/share/dict/dutch"
#endif

namespace newsindex {
namespace {

using internal::analysis::AnalysisConfig;
using internal::analysis::CompoundSplitter;
using internal::analysis::Dictionary;
using internal::analysis::DutchTokenStream;
using internal::analysis::PinnedStemmer;
using internal::analysis::StemOverrides;
using internal::analysis::Stemmer;
using internal::analysis::TermFacts;

std::string hex32(std::uint32_t v) {
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", v);
  return buf;
}

Result<std::uint32_t> file_fingerprint(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found("stem overrides file " + path + ": cannot open");
  std::uint32_t fp = 2166136261u;
  char buf[4096];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    for (std::streamsize i = 0; i < in.gcount(); ++i) {
      fp ^= static_cast<unsigned char>(buf[i]);
      fp *= 16777619u;
    }
  }
  return fp;
}

class DutchAnalyzer final : public Analyzer {
 public:
  DutchAnalyzer(std::shared_ptr<const AnalysisConfig> config, std::string stemmer_identity,
                std::string identity)
      : config_(std::move(config)),
        stemmer_identity_(std::move(stemmer_identity)),
        identity_(std::move(identity)) {}

  std::unique_ptr<TokenStream> stream() const override {
    return std::make_unique<DutchTokenStream>(config_);
  }
  std::string identity() const override { return identity_; }
  std::string stemmer_identity() const override { return stemmer_identity_; }

  std::string stem(std::string_view term) const override {
    if (!config_->options.stem) return std::string(term);
    std::lock_guard<std::mutex> lock(mu_);
    if (!stemmer_)
      stemmer_ = std::make_unique<Stemmer>(config_->stem_algorithm, &config_->overrides);
    // The stem the token stream gives the word (auto's -> stem of auto),
    // without splitting it.
    TermFacts facts;
    internal::analysis::analyse_term(term, *config_, stemmer_.get(), facts, /*split=*/false);
    return facts.stem;
  }

  bool is_stopword(std::string_view term) const override {
    return internal::analysis::is_dutch_stopword(term);
  }

  const AnalyzerOptions& options() const override { return config_->options; }

 private:
  std::shared_ptr<const AnalysisConfig> config_;
  std::string stemmer_identity_;
  std::string identity_;
  mutable std::mutex mu_;
  mutable std::unique_ptr<Stemmer> stemmer_;
};

}  // namespace

Result<std::shared_ptr<const Analyzer>> Analyzer::create(const AnalyzerOptions& options) {
  try {
    auto config = std::make_shared<AnalysisConfig>();
    config->options = options;
    std::string stemmer_identity = "none";
    if (options.stem) {
      auto pinned = internal::analysis::pin_dutch_porter();
      if (!pinned.ok()) return pinned.status();
      config->stem_algorithm = pinned->algorithm;
      stemmer_identity = pinned->identity;
      config->overrides = StemOverrides::builtin();
    }
    std::string identity = std::string(internal::kAnalysisVersion) + " stem=" + stemmer_identity +
                           " fold=" + (options.fold_accents ? "1" : "0") +
                           " apos=" + (options.apostrophe_rules ? "1" : "0") +
                           " compounds=" + (options.split_compounds ? "1" : "0");
    if (options.split_compounds) {
      const std::string path = options.dictionary_path.empty() ? NEWSINDEX_DEFAULT_DICTIONARY
                                                               : options.dictionary_path;
      auto dict = Dictionary::load(path);
      if (!dict.ok()) return dict.status();
      config->dictionary = *dict;
      config->splitter = std::make_unique<CompoundSplitter>(config->dictionary);
      identity += " dict=" + hex32(config->dictionary->fingerprint());
    }
    if (!options.stem_overrides_path.empty()) {
      if (options.stem) {
        Status s = config->overrides.load_file(options.stem_overrides_path);
        if (!s.ok()) return s;
      }
      auto fp = file_fingerprint(options.stem_overrides_path);
      if (!fp.ok()) return fp.status();
      identity += " overrides=" + hex32(*fp);
    }
    std::shared_ptr<const Analyzer> a = std::make_shared<DutchAnalyzer>(
        std::move(config), std::move(stemmer_identity), std::move(identity));
    return a;
  } catch (const std::bad_alloc&) {
    return Status::internal_error("Analyzer::create: out of memory");
  } catch (const std::exception& e) {
    return Status::internal_error(std::string("Analyzer::create: ") + e.what());
  }
}

}  // namespace newsindex
