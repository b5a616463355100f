// Near-duplicate cluster assignment.
#include "dedup/cluster_index.h"

#include "index/schema.h"

namespace newsindex::internal::dedup {

namespace {
// Postings per band looked at in the committed database: a band shared by
// hundreds of documents is boilerplate, not a story.
constexpr int kMaxPostingsPerBand = 64;
}  // namespace

void ClusterIndex::look_in_session(std::string_view id, const Signature& sig,
                                   const BandKeys& keys, Best& best) const {
  for (std::uint64_t key : keys) {
    auto it = by_band_.find(key);
    if (it == by_band_.end()) continue;
    const Entry& e = entries_[it->second];
    if (e.id == id) continue;
    double j = estimate_jaccard(sig, e.sig);
    if (j >= kThreshold && j > best.jaccard) {
      best.jaccard = j;
      best.cluster = e.cluster;
    }
  }
}

void ClusterIndex::look_in_committed(std::string_view id, const Signature& sig,
                                     const BandKeys& keys, Best& best) {
  if (committed_ == nullptr) return;
  std::string id_term(schema::kPrefixId);
  id_term.append(id);
  Xapian::docid own = 0;
  if (auto p = committed_->postlist_begin(id_term); p != committed_->postlist_end(id_term)) {
    own = *p;
  }
  Signature other;
  for (int band = 0; band < kBands; ++band) {
    if (by_band_.count(keys[band])) continue;
    std::string term = band_term(band, keys[band]);
    int seen = 0;
    for (auto p = committed_->postlist_begin(term);
         p != committed_->postlist_end(term) && seen < kMaxPostingsPerBand; ++p, ++seen) {
      if (*p == own) continue;
      Xapian::Document doc = committed_->get_document(*p, Xapian::DOC_ASSUME_VALID);
      if (!decode(doc.get_value(schema::kSlotMinhash), other)) continue;
      double j = estimate_jaccard(sig, other);
      if (j >= kThreshold && j > best.jaccard) {
        best.jaccard = j;
        best.cluster = doc.get_value(schema::kSlotCollapse);
      }
    }
  }
}

std::string ClusterIndex::assign(std::string_view id, const Signature& sig,
                                 const BandKeys& keys) {
  Best best;
  look_in_session(id, sig, keys, best);
  look_in_committed(id, sig, keys, best);
  std::string cluster = best.cluster.empty() ? std::string(id) : best.cluster;
  auto index = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back(Entry{std::string(id), cluster, sig});
  for (std::uint64_t key : keys) by_band_[key] = index;
  return cluster;
}

}  // namespace newsindex::internal::dedup
