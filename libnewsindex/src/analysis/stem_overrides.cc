// analysis/stem_overrides.cc
#include "analysis/stem_overrides.h"

#include <fstream>
#include <sstream>

#include "util/ascii.h"

namespace newsindex::internal::analysis {
namespace {

struct Pair {
  const char* word;
  const char* stem;
};

// Porter's stems otherwise: boom, bomen -> "bom" (= bom, bommen: bomb);
// fiets -> "fiet"; ei -> "ei" but eieren -> "eier"; kind -> "kind" but
// kinderen -> "kinder".
constexpr Pair kBuiltin[] = {
    {"boom", "boom"},           {"bomen", "boom"},   {"boompje", "boom"},
    {"boompjes", "boom"},       {"fiets", "fiets"},  {"bromfiets", "bromfiets"},
    {"ei", "eier"},             {"kind", "kinder"},
};

}  // namespace

StemOverrides StemOverrides::builtin() {
  StemOverrides o;
  for (const Pair& p : kBuiltin) o.map_[p.word] = p.stem;
  return o;
}

Status StemOverrides::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found("stem overrides file " + path + ": cannot open");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::io_error("stem overrides file " + path + ": read failed");
  return parse(buf.str(), path);
}

Status StemOverrides::parse(std::string_view text, std::string_view origin) {
  std::size_t line_no = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    std::string fields[3];
    int count = 0;
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && is_ascii_space(line[i])) ++i;
      if (i >= line.size()) break;
      const std::size_t s = i;
      while (i < line.size() && !is_ascii_space(line[i])) ++i;
      if (count < 3) fields[count] = std::string(line.substr(s, i - s));
      ++count;
    }
    if (count == 0) continue;
    if (count != 2)
      return Status::parse_error(std::string(origin) + ":" + std::to_string(line_no) +
                         ": expected 'word stem', got " + std::to_string(count) + " fields");
    for (auto& f : fields)
      for (char& c : f)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    map_[fields[0]] = fields[1];
  }
  return Status();
}

const std::string* StemOverrides::find(std::string_view term) const {
  const auto it = map_.find(term);
  return it == map_.end() ? nullptr : &it->second;
}

std::vector<std::string> StemOverrides::words_with_stem(std::string_view stem) const {
  std::vector<std::string> out;
  for (const auto& [word, s] : map_) {
    if (s == stem) out.push_back(word);
  }
  return out;
}

}  // namespace newsindex::internal::analysis
