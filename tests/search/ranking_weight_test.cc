// BonusBM25Weight: BM25 exactly (both extras 0), plus a flat bonus per
// matched query term (coord_bonus) and a share of the term's idf weight
// (tf_floor); make_weight picks the scheme.
#include "search/ranking_weight.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace newsindex::internal {
namespace {

// Documents of different lengths with some of the words a, b, c.
Xapian::Database small_db() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::vector<std::vector<std::pair<std::string, unsigned>>> docs = {
      {{"a", 1}, {"b", 1}, {"c", 1}, {"x", 5}},
      {{"a", 3}, {"x", 1}},
      {{"a", 1}, {"b", 2}, {"x", 30}},
      {{"b", 1}, {"c", 4}},
      {{"x", 2}, {"y", 2}},
      {{"a", 1}, {"y", 40}},
  };
  for (const auto& terms : docs) {
    Xapian::Document doc;
    for (const auto& [t, wdf] : terms) doc.add_term(t, wdf);
    db.add_document(doc);
  }
  return db;
}

Xapian::Query join(Xapian::Query::op op, std::vector<Xapian::Query> qs) {
  return Xapian::Query(op, qs.begin(), qs.end());
}

std::map<Xapian::docid, double> scores(const Xapian::Database& db, const Xapian::Query& q,
                                       const Xapian::Weight& w) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_weighting_scheme(w);
  std::map<Xapian::docid, double> out;
  Xapian::MSet mset = enquire.get_mset(0, 100);
  for (auto it = mset.begin(); it != mset.end(); ++it) out[*it] = it.get_weight();
  return out;
}

std::map<Xapian::docid, int> matched_terms(const Xapian::Database& db,
                                           const std::vector<std::string>& terms) {
  std::map<Xapian::docid, int> out;
  for (const std::string& t : terms) {
    for (auto p = db.postlist_begin(t); p != db.postlist_end(t); ++p) ++out[*p];
  }
  return out;
}

TEST(BonusBM25Weight, ExtrasOffScoresAsXapianBM25) {
  Xapian::Database db = small_db();
  const Xapian::Query queries[] = {
      join(Xapian::Query::OP_OR, {Xapian::Query("a"), Xapian::Query("b")}),
      join(Xapian::Query::OP_OR,
                    {Xapian::Query("a"), Xapian::Query("c"), Xapian::Query("x")}),
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("b"), 0.5),
      join(Xapian::Query::OP_SYNONYM, {Xapian::Query("a"), Xapian::Query("y")}),
  };
  const double params[][3] = {{0.9, 0.1, 0.5}, {1.2, 0.75, 0.5}, {0.0, 0.5, 0.5}, {2.0, 1.0, 0.2}};
  for (const auto& [k1, b, minlen] : params) {
    Bm25Params p;
    p.k1 = k1;
    p.b = b;
    p.min_normlen = minlen;
    for (const Xapian::Query& q : queries) {
      auto want = scores(db, q, Xapian::BM25Weight(k1, 0, 1, b, minlen));
      auto got = scores(db, q, BonusBM25Weight(p));
      ASSERT_EQ(got.size(), want.size()) << q.get_description();
      for (const auto& [id, w] : want) {
        EXPECT_NEAR(got[id], w, 1e-9) << "k1 " << k1 << " b " << b << " doc " << id << " "
                                      << q.get_description();
      }
    }
  }
}

TEST(BonusBM25Weight, CoordBonusAddsPerMatchedTermTimesItsQueryFactor) {
  Xapian::Database db = small_db();
  Bm25Params p;
  const double kBonus = 0.75;
  Bm25Params with = p;
  with.coord_bonus = kBonus;
  struct Case {
    double scale_c;  // OP_SCALE_WEIGHT on "c"
  };
  for (const Case& c : {Case{1.0}, Case{0.5}, Case{2.0}}) {
    Xapian::Query q = join(Xapian::Query::OP_OR,
                    {Xapian::Query("a"), Xapian::Query("b"),
                     Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("c"), c.scale_c)});
    auto base = scores(db, q, BonusBM25Weight(p));
    auto bonus = scores(db, q, BonusBM25Weight(with));
    auto ab = matched_terms(db, {"a", "b"});
    auto cc = matched_terms(db, {"c"});
    ASSERT_EQ(bonus.size(), base.size());
    for (const auto& [id, w] : base) {
      double want = w + kBonus * (ab[id] + c.scale_c * cc[id]);
      EXPECT_NEAR(bonus[id], want, 1e-9) << "doc " << id << " scale " << c.scale_c;
    }
  }
}

TEST(BonusBM25Weight, TfFloorAddsAShareOfTheIdfWeight) {
  Xapian::Database db = small_db();
  Bm25Params p;
  p.k1 = 0.0;  // the tf part is 1: a match scores its idf weight
  Bm25Params with = p;
  with.tf_floor = 0.25;
  Xapian::Query q = join(Xapian::Query::OP_OR, {Xapian::Query("a"), Xapian::Query("c")});
  auto base = scores(db, q, BonusBM25Weight(p));
  auto floor = scores(db, q, BonusBM25Weight(with));
  for (const auto& [id, w] : base) EXPECT_NEAR(floor[id], 1.25 * w, 1e-9) << "doc " << id;
}

TEST(BonusBM25Weight, SerialisesItsParameters) {
  Bm25Params p;
  p.k1 = 0.7;
  p.b = 0.3;
  p.coord_bonus = 0.4;
  p.tf_floor = 0.1;
  BonusBM25Weight w(p);
  std::unique_ptr<Xapian::Weight> back(w.unserialise(w.serialise()));
  EXPECT_EQ(back->serialise(), w.serialise());
  EXPECT_EQ(back->name(), "newsindex.BonusBM25Weight");
  EXPECT_THROW(w.unserialise("0x1p+0 0x1p+0"), Xapian::SerialisationError);
}

// min_normlen: a document shorter than this share of the average length
// counts as that long. The default (1, docs/evaluation.md "Other levers") gives
// a teaser under the average length no edge over an article of average length
// with the same matches; 0.5 (Xapian's default) favours it down to half.
TEST(MakeWeight, MinNormlenTable) {
  // One match of "a" each; lengths 2, 8, 12, 18 (average 10).
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (unsigned len : {2u, 8u, 12u, 18u}) {
    Xapian::Document doc;
    doc.add_term("a", 1);
    doc.add_term("x", len - 1);
    db.add_document(doc);
  }
  struct Row {
    const char* name;
    double min_normlen;
    const char* order;  // documents by score, "=" for equal scores
  } const kRows[] = {
      {"the default", SearcherOptions().min_normlen, "1=2>3>4"},
      {"1", 1.0, "1=2>3>4"},
      {"0.5 (Xapian's)", 0.5, "1>2>3>4"},
      {"0.1", 0.1, "1>2>3>4"},
      {"2: all shorter than twice the average alike", 2.0, "1=2=3=4"},
  };
  for (const Row& row : kRows) {
    SearcherOptions o;
    o.min_normlen = row.min_normlen;
    auto got = scores(db, Xapian::Query("a"), *make_weight(o));
    std::string order = "1";
    for (Xapian::docid id = 2; id <= 4; ++id) {
      order += std::abs(got[id] - got[id - 1]) < 1e-12 ? "=" : got[id] < got[id - 1] ? ">" : "<";
      order += std::to_string(id);
    }
    EXPECT_EQ(order, row.order) << row.name;
  }
}

TEST(MakeWeight, PicksTheSchemeByTheExtras) {
  SearcherOptions o;
  EXPECT_EQ(make_weight(o)->name(), "Xapian::BM25Weight");
  o.coord_bonus = 0.5;
  EXPECT_EQ(make_weight(o)->name(), "newsindex.BonusBM25Weight");
  o.coord_bonus = 0.0;
  o.tf_floor = 0.1;
  EXPECT_EQ(make_weight(o)->name(), "newsindex.BonusBM25Weight");
}

}  // namespace
}  // namespace newsindex::internal

namespace newsindex::internal {
namespace {

// Query likelihood, Dirichlet: a document's score differs from the model's
// log-likelihood sum over the query's terms of log((wdf + mu p(t)) / (doclen +
// mu)) by the same constant for every document (matched or not).
TEST(QueryLikelihoodWeight, RanksAsTheDirichletLogLikelihood) {
  Xapian::Database db = small_db();
  const double total = db.get_avlength() * db.get_doccount();
  for (double mu : {1.0, 10.0, 1000.0}) {
    for (const std::vector<std::string>& terms :
         {std::vector<std::string>{"a", "b"}, {"a", "c", "y"}, {"x"}}) {
      std::vector<Xapian::Query> leaves(terms.begin(), terms.end());
      auto got = scores(db, join(Xapian::Query::OP_OR, leaves), QueryLikelihoodWeight(mu));
      double offset = 0;
      bool first = true;
      for (const auto& [id, w] : got) {
        const double len = db.get_doclength(id);
        double loglik = 0;
        for (const std::string& t : terms) {
          const double pc = db.get_collection_freq(t) / total;
          Xapian::termcount wdf = 0;
          auto p = db.postlist_begin(t);
          p.skip_to(id);
          if (p != db.postlist_end(t) && *p == id) wdf = p.get_wdf();
          loglik += std::log((wdf + mu * pc) / (len + mu));
        }
        if (first) offset = w - loglik, first = false;
        EXPECT_NEAR(w - loglik, offset, 1e-9) << "mu " << mu << " doc " << id;
        EXPECT_GE(w, 0.0);
      }
    }
  }
  EXPECT_TRUE(known_weighting("qlm"));
  SearcherOptions o;
  o.weighting = "qlm";
  o.weighting_param = 500;
  std::unique_ptr<Xapian::Weight> w = make_weight(o);
  EXPECT_EQ(w->name(), "newsindex.QueryLikelihoodWeight");
  std::unique_ptr<Xapian::Weight> back(w->unserialise(w->serialise()));
  EXPECT_EQ(back->serialise(), w->serialise());
  EXPECT_THROW(w->unserialise("x"), Xapian::SerialisationError);
}

}  // namespace
}  // namespace newsindex::internal
