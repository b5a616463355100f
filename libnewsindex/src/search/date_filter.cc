// Date specs -> inclusive ranges on the "YYYYMMDDHHMMSS" date slot.
#include "search/date_filter.h"

#include <cctype>

#include "util/calendar.h"

namespace newsindex::internal {
namespace {

bool digits(std::string_view s, std::size_t n, int& value) {
  if (s.size() != n) return false;
  value = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

// One date of 1-3 parts -> first and last second of the period it names.
bool parse_one(std::string_view s, std::string& first, std::string& last) {
  int y = 0, m = 0, d = 0;
  std::size_t dash1 = s.find('-');
  if (!digits(s.substr(0, dash1), 4, y)) return false;
  int m_lo = 1, m_hi = 12, d_lo = 1, d_hi = 31;
  if (dash1 != std::string_view::npos) {
    std::string_view rest = s.substr(dash1 + 1);
    std::size_t dash2 = rest.find('-');
    std::string_view ms = rest.substr(0, dash2);
    if (!digits(ms, 2, m) && !digits(ms, 1, m)) return false;
    if (m < 1 || m > 12) return false;
    m_lo = m_hi = m;
    d_hi = days_in_month(y, m);
    if (dash2 != std::string_view::npos) {
      std::string_view ds = rest.substr(dash2 + 1);
      if (!digits(ds, 2, d) && !digits(ds, 1, d)) return false;
      if (d < 1 || d > days_in_month(y, m)) return false;
      d_lo = d_hi = d;
    }
  }
  first = date_slot(CivilTime{y, m_lo, d_lo, 0, 0, 0});
  last = date_slot(CivilTime{y, m_hi, d_hi, 23, 59, 59});
  return true;
}

}  // namespace

bool parse_date_range(std::string_view spec, DateRange& out) {
  out = DateRange{};
  std::size_t dots = spec.find("..");
  std::string ignored;
  if (dots == std::string_view::npos) return parse_one(spec, out.lo, out.hi);
  std::string_view a = spec.substr(0, dots), b = spec.substr(dots + 2);
  if (a.empty() && b.empty()) return false;
  if (!a.empty() && !parse_one(a, out.lo, ignored)) return false;
  if (!b.empty() && !parse_one(b, ignored, out.hi)) return false;
  return out.lo.empty() || out.hi.empty() || out.lo <= out.hi;
}

}  // namespace newsindex::internal
