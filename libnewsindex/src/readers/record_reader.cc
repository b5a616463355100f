// Helpers shared by the format readers.
#include "readers/record_reader.h"

#include "readers/normalize.h"
#include "util/ascii.h"
#include "util/utf8.h"

namespace newsindex::internal {

std::string FileContext::where(std::uint64_t line) const {
  if (line == 0) return display;
  return display + ":" + std::to_string(line);
}

void add_note(ReadIssue& issue, const std::string& where, std::string_view message) {
  if (issue.message.empty()) {
    issue.where = where;
    issue.message = std::string(message);
  } else {
    issue.message += "; ";
    issue.message += message;
  }
  issue.skipped = false;
}

void set_skipped(ReadIssue& issue, const std::string& where, std::string message) {
  issue.where = where;
  issue.message = std::move(message);
  issue.skipped = true;
}

void set_too_big(ReadIssue& issue, const FileContext& ctx, std::uint64_t line,
                 std::string_view what) {
  set_skipped(issue, ctx.where(line),
              std::string(what) + " larger than the record limit of " +
                  std::to_string(ctx.max_record_bytes) + " bytes");
}

std::string shorten(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";
}

void set_date_field(std::string_view raw, const FileContext& ctx, const std::string& where,
                    Article& article, ReadIssue& issue) {
  const std::string_view text = trim_ascii(raw);
  if (text.empty()) return;
  if (const auto parts = parse_date_time(text)) {
    apply_date_time(*parts, ctx.zone_rule, ctx.zone_name, article);
    return;
  }
  article.extra.emplace_back("date", std::string(text));
  add_note(issue, where, "unparseable date '" + shorten(text) + "' (article kept without a date)");
}

std::string first_paragraph(std::string_view body, std::size_t max_bytes) {
  body = trim_ascii(body);
  std::string_view p = trim_ascii(body.substr(0, body.find("\n\n")));
  if (p.size() <= max_bytes) return std::string(p);
  // Too long for a lead (a body without paragraph breaks): cut after the
  // last sentence that fits, else at the last space.
  const std::string_view head = p.substr(0, max_bytes + 1);
  std::size_t cut = std::string_view::npos;
  for (std::size_t i = head.size() - 1; i > max_bytes / 3; --i) {
    const char c = head[i - 1];
    if ((c == '.' || c == '!' || c == '?') && (head[i] == ' ' || head[i] == '\n')) {
      cut = i;
      break;
    }
  }
  if (cut == std::string_view::npos) {
    const std::size_t space = head.find_last_of(" \n");
    cut = space != std::string_view::npos && space > 0 ? space : max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(p[cut]) & 0xC0) == 0x80) --cut;
  }
  return std::string(trim_ascii(p.substr(0, cut)));
}

bool finish_article(Article& a, const std::string& where, ReadIssue& issue) {
  std::size_t replaced = 0;
  for (std::string* s : {&a.id, &a.title, &a.lead, &a.body, &a.source, &a.outlet, &a.category,
                         &a.url, &a.language, &a.time_zone})
    replaced += repair_utf8(*s);
  for (std::string& s : a.authors) replaced += repair_utf8(s);
  for (std::string& s : a.tags) replaced += repair_utf8(s);
  for (auto& [k, v] : a.extra) replaced += repair_utf8(k) + repair_utf8(v);
  if (replaced > 0)
    add_note(issue, where,
             "invalid UTF-8: " + std::to_string(replaced) + " byte sequence(s) replaced by U+FFFD");

  // Titles are one line.
  std::string title(trim_ascii(a.title));
  for (char& c : title)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  a.title = std::move(title);
  if (trim_ascii(a.body).empty()) a.body.clear();
  if (a.body.empty() && !trim_ascii(a.lead).empty()) a.body = a.lead;
  if (a.title.empty() && a.body.empty()) {
    set_skipped(issue, where, "record has neither title nor body");
    return false;
  }
  if (trim_ascii(a.lead).empty()) a.lead = first_paragraph(a.body, kMaxDerivedLead);
  // One spelling of agencies and language tags whatever the format:
  // "belga.be" and "BELGA" are both source "Belga"; "NL" is "nl".
  if (!a.source.empty()) a.source = agency_name(a.source);
  a.language = a.language.empty() ? std::string("nl") : normalize_language(a.language);
  // Where the article came from, so that a writer that refuses it (an id too
  // long for a term) can name the file and line too.
  if (issue.where.empty()) issue.where = where;
  return true;
}

}  // namespace newsindex::internal
