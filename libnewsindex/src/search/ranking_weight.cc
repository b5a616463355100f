// BM25 with the known-item bonuses (coordination, BM25+ floor).
#include "search/ranking_weight.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace newsindex::internal {

double bm25_idf(double docs, double termfreq) {
  double ratio = (docs - termfreq + 0.5) / (termfreq + 0.5);
  if (ratio < 2.0) ratio = ratio * 0.5 + 1.0;
  return std::log(ratio);
}

BonusBM25Weight::BonusBM25Weight(const Bm25Params& p) : p_(p) {
  p_.k1 = std::max(0.0, p_.k1);
  p_.k3 = std::max(0.0, p_.k3);
  p_.b = std::clamp(p_.b, 0.0, 1.0);
  need_stat(COLLECTION_SIZE);
  need_stat(TERMFREQ);
  need_stat(WDF);
  need_stat(WDF_MAX);
  need_stat(WQF);
  need_stat(AVERAGE_LENGTH);
  need_stat(DOC_LENGTH);
  need_stat(DOC_LENGTH_MIN);
}

BonusBM25Weight* BonusBM25Weight::clone() const { return new BonusBM25Weight(p_); }

std::string BonusBM25Weight::serialise() const {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%a %a %a %a %a %a", p_.k1, p_.k3, p_.b, p_.min_normlen,
                p_.coord_bonus, p_.tf_floor);
  return buf;
}

BonusBM25Weight* BonusBM25Weight::unserialise(const std::string& serialised) const {
  Bm25Params p;
  std::istringstream in(serialised);
  std::string field[6];
  for (std::string& f : field) {
    if (!(in >> f)) throw Xapian::SerialisationError("newsindex.BonusBM25Weight: short data");
  }
  double* out[] = {&p.k1, &p.k3, &p.b, &p.min_normlen, &p.coord_bonus, &p.tf_floor};
  for (int i = 0; i < 6; ++i) *out[i] = std::strtod(field[i].c_str(), nullptr);
  return new BonusBM25Weight(p);
}

void BonusBM25Weight::init(double factor) {
  // factor 0: the term-independent part (get_sumextra), which is 0 here.
  if (factor == 0.0) {
    idf_weight_ = bonus_ = 0.0;
    return;
  }
  const double avlen = get_average_length();
  inv_avlen_ = avlen > 0.0 ? 1.0 / avlen : 0.0;
  double w = bm25_idf(get_collection_size(), get_termfreq()) * factor;
  if (p_.k3 != 0.0) {
    const double wqf = get_wqf();
    w *= (p_.k3 + 1.0) * wqf / (p_.k3 + wqf);
  }
  idf_weight_ = w;
  bonus_ = p_.coord_bonus * factor + p_.tf_floor * w;
}

double BonusBM25Weight::tf_part(double wdf, double doclen) const {
  if (p_.k1 == 0.0) return 1.0;
  const double normlen = std::max(doclen * inv_avlen_, p_.min_normlen);
  return (p_.k1 + 1.0) * wdf / (p_.k1 * (normlen * p_.b + (1.0 - p_.b)) + wdf);
}

double BonusBM25Weight::get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen,
                                    Xapian::termcount) const {
  if (wdf == 0) return 0.0;  // no occurrence of this term (e.g. an OR's other branch)
  return idf_weight_ * tf_part(wdf, doclen) + bonus_;
}

double BonusBM25Weight::get_maxpart() const {
  // The tf part grows with wdf and falls with the document length.
  return idf_weight_ * tf_part(get_wdf_upper_bound(), get_doclength_lower_bound()) + bonus_;
}

QueryLikelihoodWeight::QueryLikelihoodWeight(double mu) : mu_(mu > 0.0 ? mu : 1000.0) {
  need_stat(COLLECTION_FREQ);
  need_stat(TOTAL_LENGTH);
  need_stat(WDF);
  need_stat(WDF_MAX);
  need_stat(WQF);
  need_stat(QUERY_LENGTH);
  need_stat(DOC_LENGTH);
  need_stat(DOC_LENGTH_MIN);
  need_stat(DOC_LENGTH_MAX);
}

std::string QueryLikelihoodWeight::serialise() const {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", mu_);
  return buf;
}

QueryLikelihoodWeight* QueryLikelihoodWeight::unserialise(const std::string& serialised) const {
  char* end = nullptr;
  const double mu = std::strtod(serialised.c_str(), &end);
  if (serialised.empty() || *end != '\0') {
    throw Xapian::SerialisationError("newsindex.QueryLikelihoodWeight: bad data");
  }
  return new QueryLikelihoodWeight(mu);
}

void QueryLikelihoodWeight::init(double factor) {
  query_length_ = get_query_length();
  longest_ = get_doclength_upper_bound();
  if (factor == 0.0) return;  // the object for get_sumextra
  factor_ = factor * get_wqf();
  const double total = static_cast<double>(get_total_length());
  const double cf = static_cast<double>(get_collection_freq());
  // A term no document holds here (a shard) still gets a finite weight.
  const double pc = total > 0.0 ? std::max(cf, 0.5) / total : 1.0;
  inv_mu_pc_ = 1.0 / (mu_ * pc);
}

double QueryLikelihoodWeight::get_sumpart(Xapian::termcount wdf, Xapian::termcount,
                                          Xapian::termcount) const {
  if (wdf == 0) return 0.0;
  return factor_ * std::log1p(wdf * inv_mu_pc_);
}

double QueryLikelihoodWeight::get_maxpart() const {
  return factor_ * std::log1p(get_wdf_upper_bound() * inv_mu_pc_);
}

double QueryLikelihoodWeight::get_sumextra(Xapian::termcount doclen, Xapian::termcount) const {
  return query_length_ * std::log((longest_ + mu_) / (std::min<double>(doclen, longest_) + mu_));
}

double QueryLikelihoodWeight::get_maxextra() const {
  return query_length_ * std::log((longest_ + mu_) / (get_doclength_lower_bound() + mu_));
}

namespace {

// The schemes other than BM25, each from its parameter (<= 0: the scheme's
// default): "lm" Dirichlet mu (2000), "lm2" two-stage mu (2000, lambda
// 0.7), "lmjm" Jelinek-Mercer lambda (0.7), the DFR schemes c (1).
std::unique_ptr<Xapian::Weight> other_weight(const std::string& name, double param) {
  const bool given = param > 0.0;
  if (name == "lm") {
    return std::make_unique<Xapian::LMWeight>(0.0, Xapian::Weight::DIRICHLET_SMOOTHING,
                                              given ? param : 2000.0, 0.0);
  }
  if (name == "lm2") {
    return std::make_unique<Xapian::LMWeight>(0.0, Xapian::Weight::TWO_STAGE_SMOOTHING, 0.7,
                                              given ? param : 2000.0);
  }
  if (name == "lmjm") {
    return std::make_unique<Xapian::LMWeight>(0.0, Xapian::Weight::JELINEK_MERCER_SMOOTHING,
                                              given ? std::min(param, 1.0) : 0.7, 0.0);
  }
  if (name == "qlm") return std::make_unique<QueryLikelihoodWeight>(given ? param : 1000.0);
  if (name == "dph") return std::make_unique<Xapian::DPHWeight>();
  if (name == "dlh") return std::make_unique<Xapian::DLHWeight>();
  const double c = given ? param : 1.0;
  if (name == "pl2") return std::make_unique<Xapian::PL2Weight>(c);
  if (name == "inl2") return std::make_unique<Xapian::InL2Weight>(c);
  if (name == "bb2") return std::make_unique<Xapian::BB2Weight>(c);
  if (name == "ifb2") return std::make_unique<Xapian::IfB2Weight>(c);
  if (name == "ineb2") return std::make_unique<Xapian::IneB2Weight>(c);
  return nullptr;
}

}  // namespace

bool known_weighting(const std::string& name) {
  return name == "bm25" || other_weight(name, 0.0) != nullptr;
}

std::unique_ptr<Xapian::Weight> make_weight(const SearcherOptions& o) {
  if (o.weighting != "bm25") {
    if (std::unique_ptr<Xapian::Weight> w = other_weight(o.weighting, o.weighting_param)) return w;
  }
  if (o.coord_bonus > 0.0 || o.tf_floor > 0.0) {
    Bm25Params p;
    p.k1 = o.k1;
    p.k3 = o.k3;
    p.b = o.b;
    p.min_normlen = o.min_normlen;
    p.coord_bonus = o.coord_bonus;
    p.tf_floor = o.tf_floor;
    return std::make_unique<BonusBM25Weight>(p);
  }
  return std::make_unique<Xapian::BM25Weight>(o.k1, o.k2, o.k3, o.b, o.min_normlen);
}

}  // namespace newsindex::internal
