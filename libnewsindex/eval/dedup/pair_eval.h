// dedup/pair_eval.h: precision and recall of cluster keys against labelled
// article pairs (corpora/duplicates/, docs/evaluation.md "Duplicate detection").
//
// Labels file: TSV with a header line, columns id_a, id_b, label[, note...];
// label is "dup" (the same wire story with small edits), "partial" (the
// same wire text, but one copy is an excerpt or a much longer update of the
// other) or "no". Lines starting with '#' are comments.
//
// A pair is predicted when both ids have the same cluster key. Strict scoring
// counts only "dup" as positive; lenient scoring also "partial"; "partial
// ignored" leaves partial pairs out of both precision and recall. Predicted
// pairs that carry no label are counted as false (the labels are meant to
// cover every pair a permissive candidate test found) and reported apart.
#ifndef NEWSINDEX_EVAL_DEDUP_PAIR_EVAL_H_
#define NEWSINDEX_EVAL_DEDUP_PAIR_EVAL_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "newsindex/status.h"

namespace newsindex::internal::dedup {

enum class PairLabel { kDuplicate, kPartial, kDifferent };

struct LabelledPair {
  std::string a, b;
  PairLabel label = PairLabel::kDifferent;
  std::string origin;  // what the pair is for: a file name, "edit:dateline"
};

// How "partial" pairs are scored.
enum class PartialAs { kNegative, kPositive, kIgnored };

// kNotFound / kParseError naming the file and line. `origin` of each pair:
// the file's name without directories.
Result<std::vector<LabelledPair>> read_pair_labels(const std::string& path);
// One id per line; blank lines and '#' comments skipped.
Result<std::vector<std::string>> read_id_list(const std::string& path);

struct PairScore {
  std::uint64_t predicted = 0;   // predicted pairs among the scored ids
  std::uint64_t tp = 0;          // predicted and positive
  std::uint64_t fp = 0;          // predicted, labelled negative
  std::uint64_t unlabelled = 0;  // predicted, no label (also counted in fp)
  std::uint64_t fn = 0;          // positive, not predicted
  std::vector<std::pair<std::string, std::string>> false_pairs, missed_pairs;
  double precision() const { return predicted ? static_cast<double>(tp) / predicted : 1.0; }
  double recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0; }
};

// Scores `cluster_of` (id -> cluster key, every id of the sample) against
// `labels`; labelled pairs with an id outside `cluster_of` are skipped.
PairScore score_pairs(const std::unordered_map<std::string, std::string>& cluster_of,
                      const std::vector<LabelledPair>& labels, PartialAs partial);

// Per origin: positive pairs found and negative pairs joined (partial pairs
// counted as `partial` says; ignored ones in neither).
struct OriginCount {
  std::string origin;
  std::uint64_t positives = 0, found = 0, negatives = 0, joined = 0;
};
std::vector<OriginCount> count_by_origin(
    const std::unordered_map<std::string, std::string>& cluster_of,
    const std::vector<LabelledPair>& labels, PartialAs partial);

}  // namespace newsindex::internal::dedup

#endif  // NEWSINDEX_EVAL_DEDUP_PAIR_EVAL_H_
