// Agency names and language tags as every reader stores them (normalize.h).
#include "readers/normalize.h"

#include "util/ascii.h"

namespace newsindex::internal {
namespace {

struct Known {
  std::string_view key;
  std::string_view name;
};
constexpr Known kKnownAgencies[] = {
    {"belga", "Belga"},
    {"anp", "ANP"},
    {"afp", "AFP"},
    {"reuters", "Reuters"},
    {"dpa", "dpa"},
    {"ap", "AP"},
    {"algemeen nederlands persbureau", "ANP"},
    {"belga news agency", "Belga"},
};

// "www.belga.be" → "belga".
std::string agency_key(std::string_view s) {
  std::string key = lower_ascii(trim_ascii(s));
  if (key.rfind("www.", 0) == 0) key.erase(0, 4);
  if (const std::size_t dot = key.find('.'); dot != std::string::npos) key.erase(dot);
  return key;
}

}  // namespace

bool is_known_agency(std::string_view raw) {
  const std::string_view s = trim_ascii(raw);
  if (const std::size_t slash = s.find('/'); slash != std::string_view::npos)
    return is_known_agency(s.substr(0, slash)) && is_known_agency(s.substr(slash + 1));
  const std::string key = agency_key(s);
  for (const Known& k : kKnownAgencies)
    if (k.key == key) return true;
  return false;
}

std::string agency_name(std::string_view raw) {
  const std::string_view s = trim_ascii(raw);
  // "ANP/BELGA": each part on its own.
  if (const std::size_t slash = s.find('/'); slash != std::string_view::npos)
    return agency_name(s.substr(0, slash)) + "/" + agency_name(s.substr(slash + 1));
  const std::string key = agency_key(s);
  for (const Known& k : kKnownAgencies)
    if (k.key == key) return std::string(k.name);
  return std::string(s);
}

std::string normalize_language(std::string_view raw) {
  std::string s(trim_ascii(raw));
  bool region = false;
  for (char& c : s) {
    if (c == '_') c = '-';
    if (c == '-') {
      region = true;
      continue;
    }
    c = region ? upper_ascii(c) : lower_ascii(c);
  }
  return s;
}

}  // namespace newsindex::internal
