// dedup/cluster_index.h: assigns each new article its wire-story cluster key.
//
// The key is the cluster key of the most similar earlier article (estimated
// Jaccard >= kThreshold, found through a shared LSH band), else the article's
// own id. Earlier articles are those of this writing session (an in-memory
// band table, so it also covers uncommitted and bulk-mode documents) and those
// already in the database when the writer opened (through XMH band terms).
#ifndef NEWSINDEX_DEDUP_CLUSTER_INDEX_H_
#define NEWSINDEX_DEDUP_CLUSTER_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "dedup/minhash.h"

namespace newsindex::internal::dedup {

// Not thread-safe: the writer's serial stage owns it. May throw Xapian::Error
// (the writer guards it).
class ClusterIndex {
 public:
  // `committed`: the writer's own database handle when it held documents
  // at open, else nullptr. Band keys already seen in this session are not
  // looked up there (the session table answers them, and reading a posting
  // list with pending changes would be slow).
  explicit ClusterIndex(const Xapian::Database* committed) : committed_(committed) {}

  // Returns the cluster key for article `id` with signature `sig` and records
  // the article so later copies find it.
  std::string assign(std::string_view id, const Signature& sig, const BandKeys& keys);

  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string id;
    std::string cluster;
    Signature sig;
  };
  struct Best {
    double jaccard = 0;
    std::string cluster;
  };
  void look_in_session(std::string_view id, const Signature& sig, const BandKeys& keys,
                       Best& best) const;
  void look_in_committed(std::string_view id, const Signature& sig, const BandKeys& keys,
                         Best& best);

  const Xapian::Database* committed_;
  std::vector<Entry> entries_;
  // band key (band number mixed in) -> latest entry with that band.
  std::unordered_map<std::uint64_t, std::uint32_t> by_band_;
};

}  // namespace newsindex::internal::dedup

#endif  // NEWSINDEX_DEDUP_CLUSTER_INDEX_H_
