#include "search_json.h"

#include <utility>

namespace newsindex::tools {

namespace {

nlohmann::json hits_json(const std::vector<Hit>& hits, bool snippets) {
  nlohmann::json list = nlohmann::json::array();
  for (const Hit& h : hits) {
    nlohmann::json o = {{"rank", h.rank},     {"id", h.id},
                        {"score", h.score},   {"title", h.title},
                        {"date", h.date},     {"source", h.source},
                        {"outlet", h.outlet}, {"category", h.category},
                        {"url", h.url},       {"duplicates", h.duplicates}};
    if (snippets) o["snippet"] = render_snippet_html(h.snippet);
    list.push_back(std::move(o));
  }
  return list;
}

}  // namespace

nlohmann::json search_results_json(const SearchResults& r, const SearchRequest& req) {
  nlohmann::json j;
  j["query"] = r.query;
  j["total"] = {
      {"estimate", r.estimate}, {"lower_bound", r.lower_bound}, {"upper_bound", r.upper_bound}};
  j["hits"] = hits_json(r.hits, req.snippets);
  nlohmann::json facets = nlohmann::json::object();
  for (const auto& [name, values] : r.facets) {
    nlohmann::json list = nlohmann::json::array();
    for (const FacetValue& v : values) list.push_back({{"value", v.value}, {"count", v.count}});
    facets[name] = std::move(list);
  }
  j["facets"] = std::move(facets);
  j["suggestion"] = r.suggestion;
  j["warnings"] = r.warnings;
  // Shards left out under --allow-partial (docs/scaling.md); [] when all answered.
  j["missing_shards"] = r.missing_shards;
  if (req.explain) j["explain"] = r.explanation;
  return j;
}

nlohmann::json similar_results_json(std::string_view id, const SearchResults& r) {
  return {{"id", id},
          {"total", {{"estimate", r.estimate}}},
          {"hits", hits_json(r.hits, true)},
          {"missing_shards", r.missing_shards}};
}

nlohmann::json copies_results_json(std::string_view id, const SearchResults& r) {
  nlohmann::json list = hits_json(r.hits, false);
  for (nlohmann::json& h : list) {
    h.erase("score");
    h.erase("duplicates");
  }
  return {{"id", id}, {"total", {{"estimate", r.estimate}}}, {"copies", std::move(list)}};
}

nlohmann::json stored_article_json(const StoredArticle& a) {
  const Hit& h = a.fields;
  return {{"id", h.id},         {"title", h.title},   {"date", h.date},
          {"source", h.source}, {"outlet", h.outlet}, {"category", h.category},
          {"url", h.url},       {"text", a.text}};
}

}  // namespace newsindex::tools
