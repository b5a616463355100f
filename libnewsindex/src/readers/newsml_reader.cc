// The NewsML 1.2 / NITF reader (see newsml_reader.h).
#include "readers/newsml_reader.h"

#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <cctype>
#include <cstring>
#include <deque>
#include <vector>

#include "readers/normalize.h"
#include "readers/record_reader.h"
#include "readers/xml_item_filter.h"
#include "util/ascii.h"

namespace newsindex::internal {
namespace {

bool is(const xmlNode* n, const char* name) {
  return n != nullptr && n->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

// The bytes of text under `n` with entity references expanded, as
// xmlNodeGetContent would return them, counted without building them; stops
// once past `limit` (or past a million nodes: entities that expand to
// nothing can still nest exponentially). One 50 KB entity referenced 50,000
// times is 2.5 GB of text in a 200 KB file, and libxml2's loop check does not
// see it (no nesting).
std::uint64_t expanded_bytes(const xmlNode* n, std::uint64_t limit, std::uint64_t& nodes) {
  std::uint64_t total = 0;
  for (const xmlNode* c = n; c != nullptr && total <= limit; c = c->next) {
    if (++nodes > 1'000'000) return limit + 1;
    switch (c->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (c->content != nullptr) total += std::strlen(reinterpret_cast<const char*>(c->content));
        break;
      case XML_ENTITY_REF_NODE: {
        const xmlEntity* ent = xmlGetDocEntity(c->doc, c->name);
        if (ent == nullptr) break;
        if (ent->children != nullptr) {
          total += expanded_bytes(ent->children, limit - total, nodes);
        } else if (ent->content != nullptr) {
          total += static_cast<std::uint64_t>(ent->length);
        }
        break;
      }
      case XML_ELEMENT_NODE:
        if (c->children != nullptr) total += expanded_bytes(c->children, limit - total, nodes);
        break;
      default:
        break;
    }
  }
  return total;
}

std::string content(const xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  if (c == nullptr) return {};
  std::string s(reinterpret_cast<const char*>(c));
  xmlFree(c);
  return s;
}

std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::string lang_of(const xmlNode* n) {
  xmlChar* v = xmlNodeGetLang(n);
  if (v == nullptr) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

const xmlNode* child(const xmlNode* n, const char* name) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next)
    if (is(c, name)) return c;
  return nullptr;
}

// One whitespace-collapsed line: "a \n  b" → "a b".
std::string collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (const char c : s) {
    if (is_ascii_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

void add_unique(std::vector<std::string>& v, std::string s) {
  s = std::string(trim_ascii(s));
  if (s.empty()) return;
  for (const std::string& e : v)
    if (e == s) return;
  v.push_back(std::move(s));
}

void add_split(std::vector<std::string>& v, std::string_view s) {
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ';') {
      add_unique(v, std::string(s.substr(start, i - start)));
      start = i + 1;
    }
  }
}

// The text of one language version of an item.
struct Version {
  std::string lang;
  std::string headline;
  std::string title;
  std::string lead;
  std::vector<std::string> paragraphs;
  bool has_text() const { return !lead.empty() || !paragraphs.empty(); }
};

// What one NewsItem (or NITF document) holds.
struct Item {
  std::string item_id, provider_id, public_id, doc_id;
  std::string first_created, date_id, revision_created, nitf_date;
  std::string provider, credit, source_party;
  std::string genre, language, city, country;
  std::vector<std::string> subjects, keywords, authors;
  std::vector<Version> versions;

  Version& version(const std::string& lang) {
    for (Version& v : versions)
      if (v.lang == lang) return v;
    versions.push_back(Version{});
    versions.back().lang = lang;
    return versions.back();
  }
};

void set_once(std::string& field, std::string value) {
  if (field.empty()) field = std::string(trim_ascii(value));
}

void walk_nitf(const xmlNode* n, Item& item, Version& v) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is(c, "title")) {
      set_once(v.title, collapse(content(c)));
    } else if (is(c, "hl1")) {
      // hl1 is the story's own headline; it wins over head/title.
      const std::string h = collapse(content(c));
      if (!h.empty()) v.title = h;
    } else if (is(c, "p")) {
      const std::string p = clean_wire_text(collapse(content(c)));
      if (!p.empty()) v.paragraphs.push_back(p);
    } else if (is(c, "byline")) {
      add_unique(item.authors, collapse(content(c)));
    } else if (is(c, "date.issue")) {
      set_once(item.nitf_date, attr(c, "norm"));
    } else if (is(c, "keyword")) {
      add_unique(item.keywords, attr(c, "key"));
    } else if (is(c, "doc-id")) {
      set_once(item.doc_id, attr(c, "id-string"));
    } else {
      walk_nitf(c, item, v);
    }
  }
}

void add_text(Version& v, const std::string& role, const std::string& text) {
  const std::string r = lower_ascii(role);
  if (r == "title") {
    set_once(v.title, collapse(text));
    return;
  }
  if (r == "lead") {
    const std::string lead = clean_wire_text(collapse(text));
    if (!lead.empty()) v.lead = lead;
    return;
  }
  if (!r.empty() && r != "body" && r != "main" && r != "original" && r != "text")
    return;  // captions, images, shorts without text …
  // One paragraph per non-empty line, as Belga delivers body text.
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      const std::string p =
          clean_wire_text(collapse(std::string_view(text).substr(start, i - start)));
      if (!p.empty()) v.paragraphs.push_back(p);
      start = i + 1;
    }
  }
}

bool is_media_role(const std::string& role) {
  static constexpr std::string_view kMedia[] = {
      "picture", "image", "photo", "caption", "graphic", "video", "audio", "thumbnail", "preview"};
  const std::string r = lower_ascii(role);
  for (std::string_view m : kMedia)
    if (r == m) return true;
  return false;
}

void walk(const xmlNode* n, const std::string& role, Item& item) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const char* name = reinterpret_cast<const char*>(c->name);
    if (std::strcmp(name, "NewsItemId") == 0) {
      set_once(item.item_id, content(c));
    } else if (std::strcmp(name, "ProviderId") == 0) {
      set_once(item.provider_id, content(c));
    } else if (std::strcmp(name, "PublicIdentifier") == 0) {
      set_once(item.public_id, content(c));
    } else if (std::strcmp(name, "DateId") == 0) {
      set_once(item.date_id, content(c));
    } else if (std::strcmp(name, "FirstCreated") == 0) {
      set_once(item.first_created, content(c));
    } else if (std::strcmp(name, "ThisRevisionCreated") == 0) {
      set_once(item.revision_created, content(c));
    } else if (std::strcmp(name, "HeadLine") == 0) {
      set_once(item.version(lang_of(c)).headline, collapse(content(c)));
    } else if (std::strcmp(name, "KeywordLine") == 0) {
      add_split(item.keywords, content(c));
    } else if (std::strcmp(name, "CreditLine") == 0) {
      set_once(item.credit, content(c));
    } else if (std::strcmp(name, "ByLine") == 0) {
      add_unique(item.authors, collapse(content(c)));
    } else if (std::strcmp(name, "Provider") == 0) {
      if (const xmlNode* p = child(c, "Party")) set_once(item.provider, attr(p, "FormalName"));
    } else if (std::strcmp(name, "Source") == 0) {
      if (const xmlNode* p = child(c, "Party")) set_once(item.source_party, attr(p, "FormalName"));
    } else if (std::strcmp(name, "Language") == 0) {
      set_once(item.language, attr(c, "FormalName"));
    } else if (std::strcmp(name, "Genre") == 0) {
      set_once(item.genre, attr(c, "FormalName"));
    } else if (std::strcmp(name, "Subject") == 0) {
      add_unique(item.subjects, attr(c, "FormalName"));
    } else if (std::strcmp(name, "Property") == 0) {
      const std::string formal = attr(c, "FormalName");
      if (formal == "Keyword")
        add_split(item.keywords, attr(c, "Value"));
      else if (formal == "City")
        set_once(item.city, attr(c, "Value"));
      else if (formal == "Country")
        set_once(item.country, attr(c, "Value"));
      walk(c, role, item);
    } else if (std::strcmp(name, "NewsComponent") == 0) {
      std::string r = role;
      if (const xmlNode* role_node = child(c, "Role")) r = attr(role_node, "FormalName");
      // A picture's headline and keywords describe the picture, not the story.
      if (is_media_role(r)) continue;
      walk(c, r, item);
    } else if (std::strcmp(name, "DataContent") == 0) {
      if (const xmlNode* nitf = child(c, "nitf")) {
        walk_nitf(nitf, item, item.version(lang_of(nitf)));
      } else {
        add_text(item.version(lang_of(c)), role, content(c));
      }
    } else if (std::strcmp(name, "nitf") == 0) {
      walk_nitf(c, item, item.version(lang_of(c)));
    } else {
      walk(c, role, item);
    }
  }
}

// The line of the last node in `n`'s subtree.
std::uint64_t last_line(const xmlNode* n) {
  while (n->last != nullptr) n = n->last;
  const long line = xmlGetLineNo(n);
  return line > 0 ? static_cast<std::uint64_t>(line) : 0;
}

class NewsmlReader final : public RecordReader {
 public:
  NewsmlReader(std::unique_ptr<InputStream> in, FileContext ctx)
      : in_(std::move(in)), ctx_(std::move(ctx)), filter_(*in_, ctx_.max_record_bytes) {}
  ~NewsmlReader() override {
    if (reader_ != nullptr) xmlFreeTextReader(reader_);
  }

  ArticleSource::Next next(Article& article, ReadIssue& issue) override;

 private:
  struct Pending {
    Article article;
    ReadIssue issue;
    bool ok = false;
  };

  static int read_cb(void* self, char* buffer, int len) {
    auto* r = static_cast<NewsmlReader*>(self);
    const long n = r->filter_.read(buffer, static_cast<std::size_t>(len));
    return n < 0 ? -1 : static_cast<int>(n);
  }
  static int close_cb(void*) { return 0; }
  static void error_cb(void* self, xmlErrorPtr error) {
    auto* r = static_cast<NewsmlReader*>(self);
    if (error == nullptr || error->level == XML_ERR_WARNING) return;
    if (!r->error_.empty()) return;  // the first error explains best
    r->error_ = error->message != nullptr ? collapse(error->message) : "unknown error";
    r->error_line_ = error->line > 0 ? static_cast<std::uint64_t>(error->line) : 0;
  }

  bool start();
  void convert(const xmlNode* root, std::uint64_t line);

  std::unique_ptr<InputStream> in_;
  FileContext ctx_;
  XmlItemFilter filter_;  // between in_ and libxml2
  xmlTextReaderPtr reader_ = nullptr;
  int ret_ = 0;  // last xmlTextReaderRead/Next result
  bool started_ = false;
  bool done_ = false;
  int items_ = 0;
  std::string error_;
  std::uint64_t error_line_ = 0;
  std::deque<Pending> pending_;
  std::uint64_t controls_noted_ = 0;  // filter_.replaced_controls() already reported
};

bool NewsmlReader::start() {
  started_ = true;
  xmlInitParser();
  reader_ = xmlReaderForIO(
      &NewsmlReader::read_cb, &NewsmlReader::close_cb, this, ctx_.display.c_str(), nullptr,
      XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES);
  if (reader_ == nullptr) return false;
  xmlTextReaderSetStructuredErrorHandler(reader_, &NewsmlReader::error_cb, this);
  ret_ = xmlTextReaderRead(reader_);
  return true;
}

ArticleSource::Next NewsmlReader::next(Article& article, ReadIssue& issue) {
  for (;;) {
    if (!pending_.empty()) {
      Pending p = std::move(pending_.front());
      pending_.pop_front();
      issue = std::move(p.issue);
      if (!p.ok) return ArticleSource::Next::kIssue;
      article = std::move(p.article);
      return ArticleSource::Next::kArticle;
    }
    if (done_) return ArticleSource::Next::kEnd;
    if (!started_ && !start()) {
      done_ = true;
      set_skipped(issue, ctx_.where(0), "cannot start the XML parser");
      return ArticleSource::Next::kIssue;
    }
    // Advance to the next NewsItem or bare nitf element.
    while (ret_ == 1) {
      const int type = xmlTextReaderNodeType(reader_);
      const xmlChar* local = xmlTextReaderConstLocalName(reader_);
      const char* name = reinterpret_cast<const char*>(local);
      if (type == XML_READER_TYPE_ELEMENT && name != nullptr &&
          (std::strcmp(name, "NewsItem") == 0 || std::strcmp(name, "nitf") == 0)) {
        const std::uint64_t line =
            static_cast<std::uint64_t>(xmlTextReaderGetParserLineNumber(reader_));
        const xmlNode* node = xmlTextReaderExpand(reader_);
        if (node == nullptr) {
          // Expanding needs the parser to reach past the item's end; when it
          // hit an error there, the item itself may still be whole: it is
          // when the tree already holds something after it.
          const xmlNode* current = xmlTextReaderCurrentNode(reader_);
          if (current != nullptr && current->next != nullptr && !error_.empty())
            convert(current, line);
          ret_ = -1;
          break;
        }
        // The parser runs ahead of the reader (libxml2 parses 512-byte
        // chunks, and stops at the first error), so an error may already be
        // known: an item that ends before the error's line is intact;
        // anything from the error on is dropped.
        if (!error_.empty() && (error_line_ == 0 || error_line_ <= last_line(node))) {
          ret_ = -1;
          break;
        }
        convert(node, line);
        ret_ = error_.empty() ? xmlTextReaderNext(reader_) : -1;
        break;
      }
      ret_ = xmlTextReaderRead(reader_);
    }
    if (ret_ != 1 && pending_.empty()) {
      done_ = true;
      if (ret_ < 0 || !error_.empty()) {
        set_skipped(issue, ctx_.where(error_line_),
                    "broken XML: " + (error_.empty() ? std::string("parse error") : error_) +
                        (items_ > 0 ? " (items before it were read)" : ""));
        return ArticleSource::Next::kIssue;
      }
      if (items_ == 0) {
        set_skipped(issue, ctx_.where(0), "no NewsML NewsItem or NITF document in this XML file");
        return ArticleSource::Next::kIssue;
      }
      return ArticleSource::Next::kEnd;
    }
  }
}

void NewsmlReader::convert(const xmlNode* root, std::uint64_t line) {
  ++items_;
  const std::string where = ctx_.where(line);
  if (xmlHasProp(root, reinterpret_cast<const xmlChar*>(kOversizedAttribute)) != nullptr) {
    Pending p;
    set_too_big(p.issue, ctx_, line, "item");
    pending_.push_back(std::move(p));
    return;
  }
  std::uint64_t nodes = 0;
  if (root->children != nullptr &&
      expanded_bytes(root->children, ctx_.max_record_bytes, nodes) > ctx_.max_record_bytes) {
    Pending p;
    set_too_big(p.issue, ctx_, line, "item (with its entities expanded)");
    pending_.push_back(std::move(p));
    return;
  }
  Item item;
  if (is(root, "nitf")) {
    walk_nitf(root, item, item.version(lang_of(root)));
  } else {
    walk(root, "", item);
  }

  // Unlabelled text belongs to the first labelled version.
  if (item.versions.size() > 1) {
    for (std::size_t i = 0; i < item.versions.size(); ++i) {
      if (!item.versions[i].lang.empty()) continue;
      Version unlabelled = std::move(item.versions[i]);
      item.versions.erase(item.versions.begin() + static_cast<long>(i));
      Version& into = item.versions.front();
      if (into.headline.empty()) into.headline = unlabelled.headline;
      if (into.title.empty()) into.title = unlabelled.title;
      if (into.lead.empty()) into.lead = unlabelled.lead;
      for (std::string& p : unlabelled.paragraphs) into.paragraphs.push_back(std::move(p));
      break;
    }
  }
  std::vector<const Version*> chosen;
  for (const Version& v : item.versions)
    if (v.has_text()) chosen.push_back(&v);
  if (chosen.empty() && !item.versions.empty()) chosen.push_back(&item.versions.front());
  if (chosen.empty()) {
    Pending p;
    set_skipped(p.issue, where, "record has neither title nor body");
    pending_.push_back(std::move(p));
    return;
  }

  std::string id = trim_ascii(item.item_id) == "0" ? std::string() : item.item_id;
  if (id.empty()) id = item.doc_id;
  if (id.empty()) {
    std::size_t colons = 0;
    for (const char c : item.public_id) colons += c == ':';
    if (colons >= 4) id = item.public_id;
  }
  if (id.empty()) id = items_ == 1 ? ctx_.stem : ctx_.stem + "-" + std::to_string(items_);

  std::string headline;
  for (const Version& v : item.versions)
    if (headline.empty()) headline = v.headline;

  for (std::size_t k = 0; k < chosen.size(); ++k) {
    const Version& v = *chosen[k];
    Pending p;
    Article& a = p.article;
    a.id = k == 0 ? id : id + "-" + lower_ascii(v.lang);
    a.title = !v.title.empty() ? v.title : !v.headline.empty() ? v.headline : headline;
    a.lead = v.lead;
    std::string body = v.lead;
    for (const std::string& para : v.paragraphs) {
      if (!body.empty()) body += "\n\n";
      body += para;
    }
    a.body = std::move(body);
    for (const std::string* raw :
         {&item.first_created, &item.date_id, &item.revision_created, &item.nitf_date}) {
      if (raw->empty()) continue;
      set_date_field(*raw, ctx_, where, a, p.issue);
      break;
    }
    // The first name that is a known agency, else the first name given:
    // Belga's ProviderId "belga.be" or CreditLine "BELGA" both give "Belga"
    // (finish_article spells it).
    for (const std::string* raw :
         {&item.provider, &item.provider_id, &item.credit, &item.source_party}) {
      if (raw->empty()) continue;
      if (a.source.empty()) a.source = *raw;
      if (is_known_agency(*raw)) {
        a.source = *raw;
        break;
      }
    }
    a.category = item.genre;
    if (a.category.empty() && !item.subjects.empty()) a.category = item.subjects.front();
    a.tags = item.keywords;
    a.authors = item.authors;
    a.language = !v.lang.empty() ? v.lang : item.language;
    if (!item.public_id.empty() && item.public_id != a.id)
      a.extra.emplace_back("public_id", item.public_id);
    if (!item.source_party.empty()) a.extra.emplace_back("source_party", item.source_party);
    if (!item.credit.empty()) a.extra.emplace_back("credit", item.credit);
    if (!item.city.empty()) a.extra.emplace_back("city", item.city);
    if (!item.country.empty()) a.extra.emplace_back("country", item.country);
    if (filter_.replaced_controls() > controls_noted_) {
      // The parser reads ahead, so the bytes were in this item or just after it.
      add_note(p.issue, where,
               std::to_string(filter_.replaced_controls() - controls_noted_) +
                   " control byte(s) (such as NUL) replaced by spaces in or after this item");
      controls_noted_ = filter_.replaced_controls();
    }
    p.ok = finish_article(a, where, p.issue);
    pending_.push_back(std::move(p));
  }
}

}  // namespace

std::string clean_wire_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<') {
      // A short tag such as <b>, </i>, <br/>: dropped.
      const std::size_t close = text.find('>', i);
      if (close != std::string_view::npos && close - i <= 40) {
        const char first = i + 1 < text.size() ? text[i + 1] : '\0';
        if (std::isalpha(static_cast<unsigned char>(first)) || first == '/') {
          i = close;
          continue;
        }
      }
    }
    out += c;
  }
  return collapse(out);
}

std::unique_ptr<RecordReader> make_newsml_reader(std::unique_ptr<InputStream> in, FileContext ctx) {
  return std::make_unique<NewsmlReader>(std::move(in), std::move(ctx));
}

}  // namespace newsindex::internal
