// index/cluster_index.h: assigns each new article its wire-story cluster key.
//
// The writer's side of near-duplicate detection: it reads and fills the
// database's signature slot, so it lives in index/ and uses dedup/minhash.h
// (which knows nothing of the index).
//
// The key is the cluster key of the most similar earlier article (found
// through a shared LSH band, accepted by match_score(): estimated
// containment at or above the length-aware threshold), else the article's
// own id. The band table lives in memory: it is filled from the signatures
// (value slot kSlotMinhash) of the documents already in the database when the
// writer opens, and from every article the writer adds, so it also covers
// uncommitted and bulk-mode documents. No band terms are written: they cost
// one unique posting list per band and document.
//
// Window: the table remembers the last `window` articles at most (about
// 1.1 KB each), so the writer's memory does not grow with the archive. It
// keeps two generations of window / 2 articles; when the newer one is full,
// the older is dropped. An article is compared with the window / 2 to
// window articles before it in input order (and, when the writer opens,
// with the documents of the highest ids), which in an archive read in date
// order is months of news: wire copies appear within days.
//
// Standing text: hashes that an article shares with kStandingTitles (3)
// earlier articles of its outlet whose titles are unrelated to its own (no
// two title-word bits in common) are left out of its comparisons. A series
// intro (the one-sentence intro of De Telegraaf's showbizz updates, AD's
// Showbytes) then stops joining teasers once the outlet has printed it under
// three other headlines; over 105k RSS articles that turns clusters of 76 and
// 120 teasers into at most 15 articles. Copies across outlets, an outlet's
// copies under one title (AD's regional editions) and a live blog's
// successive headlines that share words do not count. Signatures of older
// databases carry no outlet or title and never count.
#ifndef NEWSINDEX_INDEX_CLUSTER_INDEX_H_
#define NEWSINDEX_INDEX_CLUSTER_INDEX_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "dedup/minhash.h"
#include "index/band_table.h"
#include "newsindex/writer.h"

namespace newsindex::internal::dedup {

// Not thread-safe: the writer's serial stage owns it. May throw Xapian::Error
// (the writer guards it).
class ClusterIndex {
 public:
  // `db`: the writer's database (may be nullptr); the signatures of its last
  // `window` documents are loaded now, cluster keys of matches are read from
  // it lazily. `window` 0: every article is remembered.
  explicit ClusterIndex(const Xapian::Database* db, std::uint32_t window = WriterOptions{}.dedup_window);

  // Returns the cluster key for article `id` with signature `sig` and records
  // the article so later copies find it.
  std::string assign(std::string_view id, const Signature& sig, const BandKeys& keys);

  // Articles remembered now (at most the window).
  std::size_t size() const { return older_.entries.size() + newer_.entries.size(); }

 private:
  struct Entry {
    std::string id;       // empty for documents loaded from the database
    std::string cluster;  // empty until read from the database
    Xapian::docid docid = 0;
    Signature sig;
  };
  // Entries with global numbers first .. first + entries.size() - 1 (in
  // input order), and their band keys (band number mixed in) -> local
  // index, in the order added.
  struct Generation {
    std::uint64_t first = 0;
    std::vector<Entry> entries;
    BandTable by_band;
  };
  void add(Entry entry, const BandKeys& keys);
  Entry& entry(std::uint64_t number) {
    Generation& g = number >= newer_.first ? newer_ : older_;
    return g.entries[number - g.first];
  }

  const Xapian::Database* db_;
  std::size_t half_;  // entries per generation; 0: one unbounded generation
  Generation older_, newer_;
  std::vector<std::uint64_t> candidates_;  // scratch for assign()
};

// One ClusterIndex for all shards of a sharded folder, so that a wire copy
// routed to another shard than the first copy still gets its cluster key
// (collapse then folds the same copies as in one database). It reads the
// committed documents of all shards through one read-only view, opened
// when first needed and again after reset().
//
// Thread-safe: the shards' writers call assign() from their own threads;
// the order of their calls is the order in which the shards reach their
// articles, not the input order, so which copy names a cluster may differ
// from one database (the clusters themselves do not, for copies that
// resemble each other all alike). May throw Xapian::Error.
class SharedClusterIndex {
 public:
  SharedClusterIndex(std::vector<std::string> shard_paths, std::uint32_t window)
      : paths_(std::move(shard_paths)), window_(window) {}
  std::string assign(std::string_view id, const Signature& sig, const BandKeys& keys);
  // After the shards committed: their document ids may have moved (a bulk
  // commit), so the committed documents are read afresh on the next assign().
  void reset();

 private:
  std::mutex mu_;
  std::vector<std::string> paths_;
  std::uint32_t window_;
  Xapian::Database db_;
  std::unique_ptr<ClusterIndex> index_;  // null: (re)load on next assign()
};

}  // namespace newsindex::internal::dedup

#endif  // NEWSINDEX_INDEX_CLUSTER_INDEX_H_
