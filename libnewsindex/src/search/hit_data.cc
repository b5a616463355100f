// Stored JSON -> Hit fields.
#include "search/hit_data.h"

#include <nlohmann/json.hpp>

namespace newsindex::internal {
namespace {

std::string str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

}  // namespace

std::string fill_hit(std::string_view data, Hit& hit) {
  nlohmann::json j = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return "";
  hit.id = str(j, "id");
  hit.title = str(j, "title");
  hit.date = str(j, "date");
  hit.source = str(j, "source");
  hit.outlet = str(j, "outlet");
  hit.category = str(j, "category");
  hit.url = str(j, "url");
  std::string text = str(j, "body");
  if (text.empty()) text = str(j, "lead");
  if (text.empty()) text = hit.title;
  return text;
}

}  // namespace newsindex::internal
