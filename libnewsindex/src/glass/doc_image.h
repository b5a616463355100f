// glass/doc_image.h: one document as the direct writer takes it.
//
// A flat stand-in for Xapian::Document with the same meaning for the calls
// the document builder makes (add_posting, add_term, set_value, set_data):
// terms are deduplicated in a small per-document hash table and sorted
// once by finish(); positions are kept as (term, position) pairs and
// sorted with them, so building a document allocates per distinct term at
// most, where Xapian::Document keeps a std::map node and a position vector
// per term.
//
// Thread-safety: none; one DocImage is built by one thread, then moved.
#ifndef NEWSINDEX_GLASS_DOC_IMAGE_H_
#define NEWSINDEX_GLASS_DOC_IMAGE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsindex::glass {

class DocImage {
 public:
  // As Xapian::Document::add_posting: the term gains the position (kept
  // once) and `wdf_inc` to its wdf.
  void add_posting(std::string_view term, std::uint32_t position, std::uint32_t wdf_inc = 1);
  // As Xapian::Document::add_term (a wdf_inc of 0 is add_boolean_term).
  void add_term(std::string_view term, std::uint32_t wdf_inc = 1);
  // As Xapian::Document::add_value: an empty value removes the slot.
  void set_value(std::uint32_t slot, std::string value);
  void set_data(std::string data) { data_ = std::move(data); }

  // Sorts the terms and their positions. REQUIRES: before the accessors;
  // no add_posting or add_term after it (until clear()).
  void finish();
  bool finished() const { return finished_; }

  std::size_t term_count() const { return order_.size(); }
  // The i-th term in byte order, its wdf and its positions (ascending).
  std::string_view term(std::size_t i) const { return entries_[order_[i]].term; }
  std::uint32_t wdf(std::size_t i) const { return entries_[order_[i]].wdf; }
  const std::uint32_t* positions(std::size_t i) const { return positions_.data() + pos_begin_[i]; }
  std::size_t position_count(std::size_t i) const { return pos_begin_[i + 1] - pos_begin_[i]; }

  // Non-empty values by ascending slot.
  const std::vector<std::pair<std::uint32_t, std::string>>& values() const { return values_; }
  const std::string& data() const { return data_; }

  void clear();

 private:
  struct Entry {
    std::string term;
    std::uint32_t wdf = 0;
  };
  std::uint32_t entry_for(std::string_view term);

  std::vector<Entry> entries_;
  std::size_t used_ = 0;              // entries_ in use (the rest keep their buffers)
  std::vector<std::uint32_t> table_;  // entry index + 1, open addressing; 0 = empty
  std::vector<std::pair<std::uint32_t, std::uint32_t>> occurrences_;  // (entry, position)
  std::vector<std::uint32_t> order_;      // entries by term, after finish()
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed_;  // finish()'s scratch
  std::vector<std::uint32_t> positions_;  // by order_, after finish()
  std::vector<std::uint32_t> pos_begin_;  // term_count() + 1 offsets into positions_
  std::vector<std::pair<std::uint32_t, std::string>> values_;
  std::string data_;
  bool finished_ = false;
};

}  // namespace newsindex::glass

#endif  // NEWSINDEX_GLASS_DOC_IMAGE_H_
