// Recorded analyzer identity -> AnalyzerOptions -> Analyzer.
#include "analysis/analyzer_identity.h"

#include <string>

namespace newsindex::internal {
namespace {

Status not_ours(std::string_view identity, std::string_view why) {
  return Status::analysis_mismatch("recorded analyzer '" + std::string(identity) +
                                   "' is not one this library makes (" + std::string(why) +
                                   "); open the Searcher with the Analyzer it was built with");
}

// The value of " key=" in `s` up to the next space ("" and false when absent).
bool field(std::string_view s, std::string_view key, std::string_view& value) {
  const std::string needle = " " + std::string(key) + "=";
  const std::size_t at = s.find(needle);
  if (at == std::string_view::npos) return false;
  value = s.substr(at + needle.size());
  value = value.substr(0, value.find(' '));
  return true;
}

bool flag(std::string_view s, std::string_view key, bool& out) {
  std::string_view v;
  if (!field(s, key, v) || (v != "0" && v != "1")) return false;
  out = v == "1";
  return true;
}

}  // namespace

Result<AnalyzerOptions> options_from_identity(std::string_view identity) {
  const std::string prefix = std::string(kAnalysisVersion) + " stem=";
  if (!identity.starts_with(prefix)) return not_ours(identity, "not " + prefix + "...");
  // The stemmer identity may hold spaces ("...(libstemmer 2.2.0)"): it ends
  // where " fold=" begins.
  const std::size_t fold_at = identity.find(" fold=");
  if (fold_at == std::string_view::npos) return not_ours(identity, "no fold=");
  AnalyzerOptions options;
  options.stem = identity.substr(prefix.size(), fold_at - prefix.size()) != "none";
  const std::string_view rest = identity.substr(fold_at);
  if (!flag(rest, "fold", options.fold_accents) ||
      !flag(rest, "apos", options.apostrophe_rules) ||
      !flag(rest, "compounds", options.split_compounds)) {
    return not_ours(identity, "fold=, apos= and compounds= must each be 0 or 1");
  }
  return options;
}

Result<std::shared_ptr<const Analyzer>> analyzer_for_identity(std::string_view identity) {
  Result<AnalyzerOptions> options = options_from_identity(identity);
  if (!options.ok()) return options.status();
  std::string_view overrides;
  if (field(identity.substr(identity.find(" fold=")), "overrides", overrides)) {
    return Status::analysis_mismatch(
        "recorded analyzer '" + std::string(identity) +
        "' used a stem-override file; open the Searcher with the Analyzer it was built with "
        "(AnalyzerOptions::stem_overrides_path)");
  }
  Result<std::shared_ptr<const Analyzer>> made = Analyzer::create(*options);
  if (!made.ok()) return made.status();
  if ((*made)->identity() != identity) {
    return Status::analysis_mismatch(
        "recorded analyzer '" + std::string(identity) + "' differs from what this build makes ('" +
        (*made)->identity() +
        "': another stemmer or word list); open the Searcher with the Analyzer it was built "
        "with, or rebuild the index");
  }
  return made;
}

}  // namespace newsindex::internal
