// Format names, detection by extension and by content, binary detection.
#include "readers/format_detect.h"

#include <cctype>

#include "util/ascii.h"

namespace newsindex {
namespace {

using internal::lower_ascii;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Result<Format> parse_format(std::string_view name) {
  const std::string n = lower_ascii(name);
  if (n == "auto") return Format::kAuto;
  if (n == "text" || n == "txt") return Format::kText;
  if (n == "jsonl" || n == "json" || n == "ndjson") return Format::kJsonl;
  if (n == "csv") return Format::kCsv;
  if (n == "newsml" || n == "xml" || n == "nitf") return Format::kNewsml;
  return Status::invalid_argument("unknown format '" + std::string(name) +
                          "' (expected auto, text, jsonl, csv or newsml)");
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::kAuto:
      return "auto";
    case Format::kText:
      return "text";
    case Format::kJsonl:
      return "jsonl";
    case Format::kCsv:
      return "csv";
    case Format::kNewsml:
      return "newsml";
  }
  return "auto";
}

namespace internal {
namespace {

std::string_view base_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view strip_gz(std::string_view name) {
  if (name.size() > 3 && lower_ascii(name.substr(name.size() - 3)) == ".gz") name.remove_suffix(3);
  return name;
}

struct Extension {
  std::string_view ext;
  Format format;
};
constexpr Extension kExtensions[] = {
    {".txt", Format::kText},     {".text", Format::kText},     {".jsonl", Format::kJsonl},
    {".ndjson", Format::kJsonl}, {".json", Format::kJsonl},    {".csv", Format::kCsv},
    {".xml", Format::kNewsml},   {".newsml", Format::kNewsml}, {".nitf", Format::kNewsml},
};

std::string_view skip_bom_and_space(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && internal::is_ascii_space(s.front())) s.remove_prefix(1);
  return s;
}

// " date 2020-02 …" as the text archives write their article headers.
bool is_text_header(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  if (line.size() < 13 || line.substr(0, 5) != "date ") return false;
  const std::string_view ym = line.substr(5, 7);
  for (std::size_t i = 0; i < 7; ++i) {
    if (i == 4 ? ym[i] != '-' : !std::isdigit(static_cast<unsigned char>(ym[i]))) return false;
  }
  return true;
}

}  // namespace

Format format_from_path(std::string_view path) {
  const std::string name = lower_ascii(strip_gz(base_name(path)));
  for (const Extension& e : kExtensions)
    if (ends_with(name, e.ext)) return e.format;
  return Format::kAuto;
}

Format sniff_format(std::string_view head) {
  const std::string_view s = skip_bom_and_space(head);
  if (s.empty()) return Format::kAuto;
  if (s.front() == '<') return Format::kNewsml;
  if (s.front() == '{' || s.front() == '[') return Format::kJsonl;
  std::string_view first_line = head.substr(0, head.find('\n'));
  if (first_line.substr(0, 3) == "\xEF\xBB\xBF") first_line.remove_prefix(3);
  if (is_text_header(first_line)) return Format::kText;
  // A CSV header: separated names, one of which we know.
  const std::string l = lower_ascii(first_line);
  const bool separated = l.find(',') != std::string::npos || l.find(';') != std::string::npos ||
                         l.find('\t') != std::string::npos;
  if (separated) {
    for (std::string_view name :
         {"title", "headline", "titel", "kop", "body", "content", "text", "tekst"}) {
      const std::size_t at = l.find(name);
      if (at == std::string::npos) continue;
      const auto boundary = [&](std::size_t i) {
        return i >= l.size() || l[i] == ',' || l[i] == ';' || l[i] == '\t' || l[i] == '"' ||
               l[i] == ' ' || l[i] == '\r';
      };
      if ((at == 0 || boundary(at - 1)) && boundary(at + name.size())) return Format::kCsv;
    }
  }
  return Format::kAuto;
}

namespace {

bool is_control(unsigned char c) {
  return c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B;
}

// More than 10% NUL and control bytes in all, and at least 2% in each
// 512-byte block (a last block under 64 bytes aside): text has blocks
// without any. Counts the NUL bytes into `nul`.
bool binary_throughout(std::string_view s, std::size_t& nul) {
  constexpr std::size_t kBlock = 512, kSmallest = 64;
  if (s.empty()) return false;
  std::size_t total = 0;
  for (std::size_t at = 0; at < s.size(); at += kBlock) {
    const std::string_view block = s.substr(at, kBlock);
    std::size_t control = 0;
    for (const char ch : block) {
      const unsigned char c = static_cast<unsigned char>(ch);
      nul += c == 0;
      control += c == 0 || is_control(c);
    }
    total += control;
    const bool judged = block.size() >= kSmallest || at == 0;
    if (judged && control * 50 < block.size()) return false;
  }
  return total * 10 > s.size();
}

}  // namespace

std::string binary_reason(std::string_view head, std::string_view tail) {
  struct Magic {
    std::string_view bytes;
    std::string_view what;
  };
  static constexpr Magic kMagic[] = {
      {"%PDF", "a PDF file"},
      {"PK\x03\x04", "a ZIP archive"},
      {"\x89PNG", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF8", "a GIF image"},
      {"\x7F"
       "ELF",
       "an executable"},
      {"BZh", "a bzip2 archive"},
      {"\xFD"
       "7zXZ",
       "an xz archive"},
      {"\x28\xB5\x2F\xFD", "a zstd archive"},
      {"SQLite format 3", "an SQLite database"},
  };
  for (const Magic& m : kMagic)
    if (head.substr(0, m.bytes.size()) == m.bytes)
      return "binary file (" + std::string(m.what) + "), not text";
  if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF")
    return "UTF-16 text is not supported (convert it to UTF-8)";
  // Binary throughout, not a text file with a damaged record: a record of
  // NUL bytes among good lines is the reader's to skip, alone.
  std::size_t nul = 0;
  if (!binary_throughout(head, nul) || (!tail.empty() && !binary_throughout(tail, nul))) return {};
  return nul > 0 ? "binary file (contains NUL bytes), not text"
                 : "binary file (many control characters), not text";
}

std::string file_stem(std::string_view path) {
  if (path == "-") return "stdin";
  std::string_view name = strip_gz(base_name(path));
  const std::string l = lower_ascii(name);
  for (const Extension& e : kExtensions) {
    if (ends_with(l, e.ext)) {
      name.remove_suffix(e.ext.size());
      return std::string(name);
    }
  }
  const std::size_t dot = name.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return std::string(name);
}

}  // namespace internal
}  // namespace newsindex
