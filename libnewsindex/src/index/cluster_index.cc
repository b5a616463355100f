// Near-duplicate cluster assignment.
#include "index/cluster_index.h"

#include <algorithm>
#include <bit>

#include "index/schema.h"

namespace newsindex::internal::dedup {

namespace {
// Entries per band compared: a band shared by many articles is boilerplate
// (a standard disclaimer), not a story.
constexpr int kMaxPerBand = 64;
}  // namespace

ClusterIndex::ClusterIndex(const Xapian::Database* db, std::uint32_t window)
    : db_(db), half_((window + 1) / 2) {
  if (db_ == nullptr || db_->get_doccount() == 0) return;
  auto v = db_->valuestream_begin(schema::kSlotMinhash);
  const Xapian::docid last = db_->get_lastdocid();
  if (window != 0 && last > window) v.skip_to(last - window + 1);
  Signature sig;
  for (; v != db_->valuestream_end(schema::kSlotMinhash); ++v) {
    if (!decode(*v, sig)) continue;
    add(Entry{std::string(), std::string(), v.get_docid(), sig}, band_keys(sig));
  }
}

void ClusterIndex::add(Entry entry, const BandKeys& keys) {
  if (half_ != 0 && newer_.entries.size() == half_) {
    // The newer generation is full: the older one goes (its memory with it).
    older_ = std::move(newer_);
    newer_ = Generation{};
    newer_.first = older_.first + older_.entries.size();
  }
  Generation& g = newer_;
  auto index = static_cast<std::uint32_t>(g.entries.size());
  g.entries.push_back(std::move(entry));
  g.by_band.insert(keys, index, [&g](std::uint32_t i, auto add) {
    for (std::uint64_t key : band_keys(g.entries[i].sig)) add(key);
  });
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
  // Candidates: the entries sharing a band (a band shared by more than
  // kMaxPerBand is boilerplate such as a disclaimer: the first kMaxPerBand
  // added only).
  candidates_.clear();
  for (std::uint64_t key : keys) {
    int seen = 0;
    for (const Generation* g : {&older_, &newer_}) {
      g->by_band.for_each(key, [&](std::uint32_t index) {
        const Entry& e = g->entries[index];
        if (!(e.id.empty() ? (own != 0 && e.docid == own) : e.id == id)) {
          candidates_.push_back(g->first + index);
        }
        return ++seen < kMaxPerBand;
      });
      if (seen >= kMaxPerBand) break;
    }
  }
  std::sort(candidates_.begin(), candidates_.end());
  candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());

  // Standing text: a hash this article shares with kStandingTitles earlier
  // articles of its outlet that have other titles (and differ among
  // themselves) comes from text the outlet prints under many headlines.
  HashMask standing;
  if (sig.outlet != 0) {
    std::array<std::array<std::uint64_t, kStandingTitles>, kHashes> titles{};
    for (std::uint64_t c : candidates_) {
      const Signature& o = entry(c).sig;
      // Titles sharing words (a live blog's successive headlines "Cavagna
      // snelste in tijdrit Vuelta", "Roglic op weg naar rode trui in tijdrit
      // Vuelta") are one story; only unrelated titles make standing text.
      if (o.outlet != sig.outlet || o.title == 0 || sig.title == 0 ||
          std::popcount(o.title & sig.title) >= 2) {
        continue;
      }
      for (int i = 0; i < kHashes; ++i) {
        if (o.mins[i] != sig.mins[i] || standing[i]) continue;
        auto& t = titles[i];
        int k = 0;
        while (k < kStandingTitles && t[k] != 0 && t[k] != o.title) ++k;
        if (k == kStandingTitles || t[k] == o.title) continue;
        t[k] = o.title;
        if (k + 1 == kStandingTitles) standing.set(i);
      }
    }
  }

  double best = 0;
  std::uint64_t best_index = 0;
  bool found = false;
  for (std::uint64_t c : candidates_) {
    // The most similar copy (containment, then Jaccard) wins; ties go to
    // the earlier article, so keys follow the first copy.
    const double score = match_score(sig, entry(c).sig, standing);
    if (score < 0) continue;
    if (!found || score > best) {  // candidates_ is in input order
      found = true;
      best = score;
      best_index = c;
    }
  }
  std::string cluster(id);
  if (found) {
    Entry& e = entry(best_index);
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
    index_ = std::make_unique<ClusterIndex>(&db_, window_);
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
