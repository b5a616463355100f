// Recency boost posting source over the timestamp slot.
#include "search/recency_source.h"

#include <cmath>

#include "index/schema.h"

namespace newsindex::internal {

RecencySource::RecencySource(double reference, double half_life, double max_weight)
    : Xapian::ValuePostingSource(schema::kSlotTimestamp),
      reference_(reference),
      half_life_(half_life),
      max_weight_(max_weight) {}

double RecencySource::boost(double age) const {
  if (age < 0) age = 0;
  return max_weight_ * std::exp2(-age / half_life_);
}

double RecencySource::get_weight() const {
  return boost(reference_ - Xapian::sortable_unserialise(get_value()));
}

Xapian::PostingSource* RecencySource::clone() const {
  return new RecencySource(reference_, half_life_, max_weight_);
}

void RecencySource::init(const Xapian::Database& db) {
  Xapian::ValuePostingSource::init(db);
  set_maxweight(max_weight_);
}

}  // namespace newsindex::internal
