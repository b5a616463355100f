// Headline translations: parsing and lookup.
#include "search/headline_translations.h"

#include <cstdlib>

#include "search/synonyms.h"

namespace newsindex::internal {

Result<HeadlineTranslations> HeadlineTranslations::parse(std::string_view text,
                                                         std::string_view origin) {
  HeadlineTranslations ht;
  Status st = for_each_list_line(text, [&](std::string_view line, std::size_t line_no) {
    std::size_t t1 = line.find('\t');
    std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    double share = 0.0;
    if (t1 != 0 && t2 != std::string_view::npos && t2 > t1 + 1) {
      std::string num(line.substr(t2 + 1));
      char* end = nullptr;
      share = std::strtod(num.c_str(), &end);
      if (num.empty() || *end != '\0') share = 0.0;
    }
    if (!(share > 0.0 && share <= 1.0)) {
      return Status::parse_error(std::string(origin) + ":" + std::to_string(line_no) +
                                 ": expected 'stem<TAB>stem<TAB>share' with a share in (0, 1], "
                                 "got '" +
                                 std::string(line) + "'");
    }
    ht.by_stem_[std::string(line.substr(0, t1))].emplace_back(
        std::string(line.substr(t1 + 1, t2 - t1 - 1)), share);
    return Status();
  });
  if (!st.ok()) return st;
  return ht;
}

Result<HeadlineTranslations> HeadlineTranslations::load(const std::string& path) {
  if (path.empty()) return HeadlineTranslations();
  Result<std::string> text = read_list_file(path, "headline translations file");
  if (!text.ok()) return text.status();
  return parse(*text, path);
}

const HeadlineTranslations::Targets* HeadlineTranslations::find(std::string_view stem) const {
  auto it = by_stem_.find(stem);
  return it == by_stem_.end() ? nullptr : &it->second;
}

}  // namespace newsindex::internal
