#include "search/feedback.h"

#include <string>
#include <string_view>

#include "index/schema.h"

namespace newsindex::internal {
namespace {

// Accepts stems (Z + a lower-case letter: not ZS title or ZXL lead stems)
// of 3+ bytes that hold a letter and are not stop words.
class StemDecider : public Xapian::ExpandDecider {
 public:
  explicit StemDecider(const Analyzer& a) : analyzer_(a) {}
  bool operator()(const std::string& term) const override {
    const std::string_view z = schema::kPrefixStem;
    if (term.compare(0, z.size(), z) != 0) return false;
    return expansion_word(std::string_view(term).substr(z.size()), analyzer_);
  }

 private:
  const Analyzer& analyzer_;
};

}  // namespace

bool expansion_word(std::string_view word, const Analyzer& analyzer) {
  if (word.size() < 3) return false;
  const unsigned char first = static_cast<unsigned char>(word[0]);
  if (first >= 'A' && first <= 'Z') return false;  // prefixed
  bool letter = false;
  for (unsigned char ch : word) {
    if (!(ch >= '0' && ch <= '9') && ch != '.' && ch != ',') letter = true;
  }
  return letter && !analyzer.is_stopword(word);
}

std::vector<std::pair<std::string, double>> feedback_terms(Xapian::Enquire& enquire,
                                                           const Xapian::Query& query,
                                                           const FeedbackOptions& options,
                                                           const Analyzer& analyzer) {
  std::vector<std::pair<std::string, double>> out;
  if (options.docs == 0 || options.terms == 0 || !(options.weight > 0.0)) return out;
  enquire.set_query(query);
  Xapian::MSet top = enquire.get_mset(0, options.docs);
  if (top.empty()) return out;
  Xapian::RSet rset;
  for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);
  StemDecider decider(analyzer);
  // Exact term frequencies: over shards Xapian would otherwise scale one
  // shard's, and expand differently from one database.
  Xapian::ESet eset = enquire.get_eset(options.terms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ,
                                       &decider);
  if (eset.empty()) return out;
  const double best = eset.begin().get_weight();
  if (!(best > 0.0)) return out;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    out.emplace_back(*it, options.weight * it.get_weight() / best);
  }
  return out;
}

Xapian::Query expand_by_feedback(Xapian::Enquire& enquire, const Xapian::Query& query,
                                 const FeedbackOptions& options, const Analyzer& analyzer) {
  std::vector<std::pair<std::string, double>> terms =
      feedback_terms(enquire, query, options, analyzer);
  if (terms.empty()) return query;
  std::vector<Xapian::Query> scaled;
  scaled.reserve(terms.size());
  for (const auto& [term, w] : terms) {
    scaled.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), w);
  }
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, scaled.begin(), scaled.end()));
}

}  // namespace newsindex::internal
