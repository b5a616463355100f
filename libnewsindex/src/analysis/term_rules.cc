// analysis/term_rules.cc
#include "analysis/term_rules.h"

#include "analysis/apostrophes.h"
#include "analysis/stopwords.h"

namespace newsindex::internal::analysis {
namespace {

bool letters_only(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x80 && !(c >= 'a' && c <= 'z')) return false;
  }
  return true;
}

bool has_digit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

void stem_into(std::string_view word, const AnalysisConfig& config, Stemmer* stemmer,
               std::string& out) {
  if (config.options.stem && stemmer != nullptr && !has_digit(word)) {
    out.assign(stemmer->stem(word));
  } else {
    out.assign(word);
  }
}

void split_into(std::string_view word, const AnalysisConfig& config, Stemmer* stemmer,
                TermFacts& facts) {
  facts.part_terms.clear();
  facts.part_stems.clear();
  if (!config.splitter || !letters_only(word) || is_dutch_stopword(word)) return;
  std::vector<std::string> parts, sub;
  if (!config.splitter->split(word, parts)) return;
  // A part that is itself a compound adds its own parts once:
  // kernwapenverdrag -> kernwapen (kern, wapen), verdrag, so that wapen finds it.
  for (std::string& p : parts) {
    const bool again = p.size() >= 8 && config.splitter->split(p, sub);
    facts.part_terms.push_back(std::move(p));
    if (again) facts.part_terms.insert(facts.part_terms.end(), sub.begin(), sub.end());
  }
  facts.part_stems.resize(facts.part_terms.size());
  for (std::size_t i = 0; i < facts.part_terms.size(); ++i)
    stem_into(facts.part_terms[i], config, stemmer, facts.part_stems[i]);
}

}  // namespace

void analyse_term(std::string_view term, const AnalysisConfig& config, Stemmer* stemmer,
                  TermFacts& facts, bool split) {
  facts.variant.clear();
  facts.variant_stopword = false;
  facts.part_terms.clear();
  facts.part_stems.clear();
  facts.stopword = is_dutch_stopword(term);
  if (has_apostrophe(term)) {
    const std::string_view base =
        config.options.apostrophe_rules ? apostrophe_s_base(term) : std::string_view();
    if (!base.empty()) {  // auto's
      facts.variant.assign(base);
      facts.variant_stopword = is_dutch_stopword(base);
      if (config.options.stem) {
        stem_into(base, config, stemmer, facts.stem);
      } else {
        facts.stem.assign(term);
      }
      if (split) split_into(base, config, stemmer, facts);
    } else if (config.options.apostrophe_rules) {  // zo'n, m'n, 's
      facts.stem.assign(term);
    } else {  // what a generic engine does: Snowball on "auto's"
      stem_into(term, config, stemmer, facts.stem);
    }
    return;
  }
  stem_into(term, config, stemmer, facts.stem);
  // één, vóór, dé keep their accents (the normalizer's exception), and must
  // not get the stem of een, voor, de either: Snowball drops the accents.
  if (is_accented_dutch_stopword(term)) facts.stem.assign(term);
  if (split) split_into(term, config, stemmer, facts);
}

}  // namespace newsindex::internal::analysis
