// glass/batch.h: inverts a batch of documents in memory and writes them as a
// complete glass database, without Xapian's writer.
//
// The documents get ids 1, 2, ... in the order added. write() emits every
// table in key order through TableBuilder: the postlist table (user
// metadata, value statistics, value streams, document lengths, then each
// term's posting list in chunks of about 2,000 bytes), the termlist table
// (each document's terms and its used value slots), the position table and
// the docdata table, then the version file with the statistics. The result
// is an ordinary Xapian 1.4 database: Xapian opens, searches, updates and
// compacts it (tests/index/glass_writer_test.cc checks it against
// Xapian's own writer). docs/index-format.md, "The direct writer".
//
// Memory: per buffered posting its document id and wdf (8 bytes) plus
// where its positions end (4 bytes) and the encoded positions; per document
// its encoded term list, data and value slots.
//
// Thread-safety: none; one GlassBatch per thread.
#ifndef NEWSINDEX_GLASS_BATCH_H_
#define NEWSINDEX_GLASS_BATCH_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "glass/compressor.h"
#include "glass/doc_image.h"
#include "glass/entry_sink.h"
#include "glass/version_file.h"
#include "newsindex/status.h"

namespace newsindex::glass {

struct BatchOptions {
  // Block size of every table: 2048 .. 65536, a power of two. Default: 8192.
  std::uint32_t block_size = 8192;
  // zlib level for term lists and document data (Xapian compresses both).
  // Default: 6, zlib's default, which Xapian's writer uses.
  int compress_level = 6;
  // Whether to try compressing document data. Off when the caller's data
  // is compressed already (the record then stays as it is, as Xapian keeps
  // a tag that deflate does not shrink). Default: true.
  bool compress_data = true;
  // fsync each file and the directory before write() returns. Default: false.
  bool sync = false;
};

// True when the linked Xapian reads and writes glass as this writer
// writes it (the 1.4 series).
bool linked_xapian_supported();

// One buffered posting: its document, wdf and where its positions end in
// the term's encoded positions.
struct Posting {
  std::uint32_t did;
  std::uint32_t wdf;
  std::uint32_t pos_end;
};

class GlassBatch {
 public:
  explicit GlassBatch(BatchOptions options = {});
  ~GlassBatch();
  GlassBatch(const GlassBatch&) = delete;
  GlassBatch& operator=(const GlassBatch&) = delete;

  // Adds `doc` as document size() + 1. REQUIRES: doc.finished(). kInvalidArgument for a term longer
  // than Xapian allows (245 bytes), as Xapian's writer refuses it; the
  // batch is then unchanged. May throw std::bad_alloc or Xapian::Error
  // (from reading `doc`).
  Status add(const DocImage& doc);
  // The same from a Xapian::Document (tests compare with Xapian's writer).
  Status add(const Xapian::Document& doc);

  void set_metadata(const std::string& key, const std::string& value);

  std::size_t size() const { return docs_.size(); }
  std::uint64_t postings() const { return postings_; }
  // Bytes held for the batch (an estimate of the buffers' sizes).
  std::uint64_t buffered_bytes() const { return bytes_; }

  // Writes the database into `dir`, which must not exist or be empty.
  Status write(const std::string& dir);
  // Writes the batch as runs into `dir` (which must not exist or be empty),
  // for glass::merge_runs() to merge with other batches' runs.
  Status write_runs(const std::string& dir);

  // Empties the batch for reuse.
  void clear();

 private:
  struct Postings {
    std::string term;
    // One array, not three: a posting touches one cache line, not three.
    std::vector<Posting> postings;
    std::string positions;
    std::uint64_t collection_freq = 0;
  };
  struct SlotValues {
    std::vector<std::uint32_t> docs;
    std::vector<std::uint32_t> ends;  // end of each value in `bytes`
    std::string bytes;
    std::string lower, upper;
  };
  struct Doc {
    std::uint32_t length = 0;
    bool termlist_compressed = false;
    bool data_compressed = false;
    std::string termlist;
    std::string data;
    std::string slots;  // the used-slots entry ("" when none)
  };

  // Each table's entries in key order; `terms`: sorted_terms(), computed
  // once for both tables that need it.
  Status emit(Table table, EntrySink& sink, const std::vector<const Postings*>& terms);
  Status emit_postlist(EntrySink& table, const std::vector<const Postings*>& terms);
  Status emit_termlist(EntrySink& table);
  Status emit_positions(EntrySink& table, const std::vector<const Postings*>& terms);
  Status emit_docdata(EntrySink& table);
  // The term table: open addressing over (hash, index) pairs into terms_,
  // one cache line probed per lookup, where std::unordered_map chases a
  // bucket and a node. reserve_terms() makes room for `more` new terms
  // (no rehash until then); find_or_add() returns the index of `term`
  // (hash `h`) in terms_, adding it when new.
  void reserve_terms(std::size_t more);
  std::uint32_t find_or_add(std::string_view term, std::uint64_t h);
  std::vector<const Postings*> sorted_terms() const;

  BatchOptions options_;
  Compressor compressor_;
  std::vector<Postings> terms_;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t index = 0;  // into terms_, plus one; 0 = empty
  };
  // clear() keeps its size: the next batch of a chunk writer needs about as
  // many slots, without growing and rehashing its way there again.
  std::vector<Slot> table_;
  std::map<std::uint32_t, SlotValues> slots_;
  std::vector<Doc> docs_;
  std::map<std::string, std::string> metadata_;
  DatabaseStats stats_;
  std::uint64_t postings_ = 0;
  std::uint64_t bytes_ = 0;

  // Scratch, reused per document.
  std::string scratch_;
  std::vector<std::uint64_t> hashes_;   // of the document's terms
  std::vector<std::uint32_t> entries_;  // their indexes in terms_
};

}  // namespace newsindex::glass

#endif  // NEWSINDEX_GLASS_BATCH_H_
