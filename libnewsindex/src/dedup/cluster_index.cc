// Near-duplicate cluster assignment.
#include "dedup/cluster_index.h"

#include "index/schema.h"

namespace newsindex::internal::dedup {

namespace {
// Entries per band compared: a band shared by many articles is boilerplate
// (a standard disclaimer), not a story.
constexpr int kMaxPerBand = 64;
}  // namespace

ClusterIndex::ClusterIndex(const Xapian::Database* db) : db_(db) {
  if (db_ == nullptr || db_->get_doccount() == 0) return;
  Signature sig;
  for (auto v = db_->valuestream_begin(schema::kSlotMinhash);
       v != db_->valuestream_end(schema::kSlotMinhash); ++v) {
    if (!decode(*v, sig)) continue;
    add(Entry{std::string(), std::string(), v.get_docid(), sig}, band_keys(sig));
  }
}

void ClusterIndex::add(Entry entry, const BandKeys& keys) {
  auto index = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back(std::move(entry));
  for (std::uint64_t key : keys) by_band_.emplace(key, index);
}

std::string ClusterIndex::assign(std::string_view id, const Signature& sig,
                                 const BandKeys& keys) {
  // The database's own copy of this id (a re-import) must not match itself.
  Xapian::docid own = 0;
  if (db_ != nullptr) {
    std::string id_term(schema::kPrefixId);
    id_term.append(id);
    if (auto p = db_->postlist_begin(id_term); p != db_->postlist_end(id_term)) own = *p;
  }
  double best = 0;
  std::uint32_t best_index = 0;
  for (std::uint64_t key : keys) {
    auto [lo, hi] = by_band_.equal_range(key);
    int seen = 0;
    for (auto it = lo; it != hi && seen < kMaxPerBand; ++it, ++seen) {
      const Entry& e = entries_[it->second];
      if (e.id.empty() ? (own != 0 && e.docid == own) : e.id == id) continue;
      double j = estimate_jaccard(sig, e.sig);
      // Ties go to the earlier article, so keys follow the first copy.
      if (j >= kThreshold && (j > best || (j == best && it->second < best_index))) {
        best = j;
        best_index = it->second;
      }
    }
  }
  std::string cluster(id);
  if (best > 0) {
    Entry& e = entries_[best_index];
    if (e.cluster.empty() && db_ != nullptr) {
      try {
        e.cluster = db_->get_document(e.docid).get_value(schema::kSlotCollapse);
      } catch (const Xapian::DocNotFoundError&) {
        // Replaced or deleted since the writer opened: not a usable match.
      }
    }
    if (!e.cluster.empty()) cluster = e.cluster;
  }
  add(Entry{std::string(id), cluster, 0, sig}, keys);
  return cluster;
}

std::string SharedClusterIndex::assign(std::string_view id, const Signature& sig,
                                       const BandKeys& keys) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!index_) {
    Xapian::Database all;
    for (const std::string& p : paths_) all.add_database(Xapian::Database(p));
    db_ = std::move(all);
    index_ = std::make_unique<ClusterIndex>(&db_);
  }
  try {
    return index_->assign(id, sig, keys);
  } catch (const Xapian::DatabaseModifiedError&) {
    // A shard committed twice since we read: its documents keep their ids
    // (plain mode replaces in place), so read the latest revision.
    db_.reopen();
    return index_->assign(id, sig, keys);
  }
}

void SharedClusterIndex::reset() {
  std::lock_guard<std::mutex> lock(mu_);
  index_.reset();
}

}  // namespace newsindex::internal::dedup
