// search/docid_source.h: a filter that matches a fixed list of documents.
//
// A Xapian::PostingSource over sorted document ids, weighing 0: under
// OP_FILTER it restricts a query to those documents at the cost of one
// comparison per id, where an OR of their id terms opens a posting list per
// document. For one local database: over several, Xapian hands each
// sub-database its own copy and the ids are the combined database's.
#ifndef NEWSINDEX_SEARCH_DOCID_SOURCE_H_
#define NEWSINDEX_SEARCH_DOCID_SOURCE_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace newsindex::internal {

class DocidSource : public Xapian::PostingSource {
 public:
  // `ids` in any order, duplicates allowed.
  explicit DocidSource(std::vector<Xapian::docid> ids);

  Xapian::doccount get_termfreq_min() const override { return size(); }
  Xapian::doccount get_termfreq_est() const override { return size(); }
  Xapian::doccount get_termfreq_max() const override { return size(); }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return started_ && at_ >= ids_.size(); }
  Xapian::docid get_docid() const override { return ids_[at_]; }
  void init(const Xapian::Database& db) override;
  DocidSource* clone() const override { return new DocidSource(ids_); }
  std::string name() const override { return "newsindex.DocidSource"; }

 private:
  Xapian::doccount size() const { return static_cast<Xapian::doccount>(ids_.size()); }

  std::vector<Xapian::docid> ids_;  // sorted, distinct, each <= the database's last id
  std::size_t at_ = 0;
  bool started_ = false;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_DOCID_SOURCE_H_
