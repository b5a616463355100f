// The document-id filter of the rerank's second match (search/docid_source.*):
// under OP_FILTER it leaves exactly the listed documents that match.
#include "search/docid_source.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

namespace newsindex::internal {
namespace {

// Ten documents; "even" in 2, 4, ..., 10, "all" in every one.
Xapian::WritableDatabase ten() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 1; i <= 10; ++i) {
    Xapian::Document d;
    d.add_term("all");
    if (i % 2 == 0) d.add_term("even", static_cast<Xapian::termcount>(i));
    db.add_document(d);
  }
  return db;
}

std::vector<Xapian::docid> matches(const Xapian::Database& db, const std::string& term,
                                   std::vector<Xapian::docid> ids) {
  DocidSource only(std::move(ids));
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term),
                                  Xapian::Query(&only)));
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::MSet m = enquire.get_mset(0, 100);
  std::vector<Xapian::docid> out;
  for (Xapian::MSetIterator it = m.begin(); it != m.end(); ++it) out.push_back(*it);
  return out;
}

TEST(DocidSource, FiltersToTheListedDocumentsTable) {
  const Xapian::WritableDatabase db = ten();
  struct Row {
    const char* term;
    std::vector<Xapian::docid> ids, want;
  };
  const Row rows[] = {
      {"all", {3, 7, 1}, {1, 3, 7}},          // any order
      {"all", {5, 5, 5}, {5}},                // duplicates once
      {"even", {1, 2, 3, 4, 9, 10}, {2, 4, 10}},
      {"even", {1, 3}, {}},                   // none matches
      {"all", {10, 11, 500}, {10}},           // past the last document
      {"all", {}, {}},
      {"nowhere", {1, 2}, {}},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(matches(db, r.term, r.ids), r.want) << r.term << " " << r.ids.size();
  }
}

// A weighted query keeps its weights: the filter adds nothing.
TEST(DocidSource, WeighsNothing) {
  const Xapian::WritableDatabase db = ten();
  Xapian::Enquire all(db);
  all.set_query(Xapian::Query("even"));
  Xapian::MSet full = all.get_mset(0, 10);
  DocidSource only({4, 8});
  Xapian::Enquire some(db);
  some.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("even"),
                               Xapian::Query(&only)));
  Xapian::MSet part = some.get_mset(0, 10);
  ASSERT_EQ(part.size(), 2u);
  for (Xapian::MSetIterator it = part.begin(); it != part.end(); ++it) {
    for (Xapian::MSetIterator f = full.begin(); f != full.end(); ++f) {
      if (*f == *it) EXPECT_DOUBLE_EQ(it.get_weight(), f.get_weight()) << *it;
    }
  }
}

}  // namespace
}  // namespace newsindex::internal
