// Article -> Xapian::Document.
#include "index/document_builder.h"

#include <cstdio>

#include "index/schema.h"
#include "index/stored_data.h"
#include "util/calendar.h"
#include "util/utf8.h"

namespace newsindex::internal {

namespace {

bool blank(std::string_view s) {
  for (unsigned char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

void add_boolean(DocSink& doc, std::string_view prefix, std::string_view value) {
  if (blank(value)) return;
  std::string term = schema::boolean_term(prefix, schema::filter_value(value));
  doc.add_term(term, 0);
}

}  // namespace

bool has_usable_date(const Article& a) {
  // Years 1..9999 with a sane offset; anything else is treated as undated
  // rather than overflowing the calendar arithmetic.
  constexpr std::int64_t kMin = -62135596800LL, kMax = 253402300799LL;
  return a.timestamp != kNoTimestamp && a.timestamp >= kMin && a.timestamp <= kMax &&
         a.utc_offset_minutes >= -24 * 60 && a.utc_offset_minutes <= 24 * 60;
}

Status validate_article(const Article& article) {
  if (article.id.empty()) {
    std::string what = article.title.empty() ? std::string("(untitled)")
                                             : "\"" + article.title.substr(0, 60) + "\"";
    return Status::invalid_argument("article " + what + " has no id");
  }
  if (schema::kPrefixId.size() + article.id.size() > schema::kMaxTermBytes) {
    return Status::invalid_argument("article id \"" + article.id.substr(0, 60) + "…\" is longer than " +
                            std::to_string(schema::kMaxTermBytes - 1) + " bytes");
  }
  if (blank(article.title) && blank(article.body)) {
    return Status::invalid_argument("article \"" + article.id + "\" has neither title nor body");
  }
  return Status();
}

std::string iso_date(const Article& article) {
  if (!has_usable_date(article)) return "";
  return format_iso8601(article.timestamp, article.utc_offset_minutes, article.has_time);
}

DocumentBuilder::DocumentBuilder(std::shared_ptr<const Analyzer> analyzer, bool index_title,
                                 bool direct, FieldWeights weights)
    : analyzer_(std::move(analyzer)),
      stream_(analyzer_->stream()),
      mapper_(weights),
      index_title_(index_title),
      direct_(direct) {}

void DocumentBuilder::index_text(DocSink& doc, std::string_view text, Field field,
                                 std::uint32_t first_position, bool shingle,
                                 std::size_t lead_end) {
  stream_->reset(text, first_position);
  while (stream_->next()) {
    const Token& token = stream_->token();
    mapper_.add(doc, token, token.start < lead_end ? Field::kLead : field);
    if (shingle && token.kind == TokenKind::kWord) shingler_.add_word(token.term);
  }
}

void DocumentBuilder::build(const Article& a, BuiltDocument& out) {
  out.direct = direct_;
  // Only the sink in use is reset: a fresh Xapian::Document is a heap
  // allocation per article that direct mode never fills.
  if (direct_) {
    out.image.clear();
  } else {
    out.doc = Xapian::Document();
  }
  XapianDocSink xapian_sink(out.doc);
  ImageDocSink image_sink(out.image);
  DocSink& doc = direct_ ? static_cast<DocSink&>(image_sink) : xapian_sink;
  out.id = a.id;
  out.id_term.assign(schema::kPrefixId);
  out.id_term.append(a.id);
  out.text_bytes = a.title.size() + a.body.size();

  // Text. Shingles come from the title and the body: the body carries the
  // story, the title keeps apart teasers that share only a series intro
  // ("Onze verslaggevers volgen het Formule 1-circuit op de voet ...").
  shingler_.reset();
  const bool has_body = !blank(a.body);
  std::uint32_t pos = 1;
  if (index_title_ && !a.title.empty()) {
    index_text(doc, a.title, Field::kTitle, pos, true);
    pos = stream_->next_position() + schema::kFieldPositionGap;
    shingler_.end_title();
  }
  // A lead given apart from the body (not its first paragraph) is body text
  // too, and is stored; a lead that is the body's start is neither. Either
  // way its words count as lead words (FieldWeights::lead).
  const bool lead_apart = !a.lead.empty() && a.body.compare(0, a.lead.size(), a.lead) != 0;
  if (lead_apart) {
    index_text(doc, a.lead, Field::kLead, pos, false);
    pos = stream_->next_position() + schema::kFieldPositionGap;
    out.text_bytes += a.lead.size();
  }
  if (has_body) {
    index_text(doc, a.body, Field::kBody, pos, true, lead_apart ? 0 : a.lead.size());
  }

  out.has_signature = shingler_.signature(out.signature);
  out.signature.outlet = dedup::name_hash(a.outlet);
  if (out.has_signature) {
    out.bands = dedup::band_keys(out.signature);
    doc.add_value(schema::kSlotMinhash, dedup::encode(out.signature));
  }

  // Boolean filter terms.
  doc.add_term(out.id_term, 0);
  add_boolean(doc, schema::kPrefixSource, a.source);
  add_boolean(doc, schema::kPrefixOutlet, a.outlet);
  add_boolean(doc, schema::kPrefixCategory, a.category);
  const std::string language = blank(a.language) ? std::string("nl") : a.language;
  add_boolean(doc, schema::kPrefixLanguage, language);
  for (const auto& author : a.authors) add_boolean(doc, schema::kPrefixAuthor, author);
  for (const auto& tag : a.tags) add_boolean(doc, schema::kPrefixTag, tag);
  // No "U" + url term (Omega's convention): nothing looks an article up by
  // its url, and a unique posting list per document cost 4.5% of the index
  // (docs/index-format.md). The url is in the displayed data.

  // Dates: D/M/Y terms use the local calendar date (what a reader of the
  // article calls its date); the slots use UTC.
  if (has_usable_date(a)) {
    const std::string ymd = day_key(a.timestamp + std::int64_t{a.utc_offset_minutes} * 60);
    doc.add_term(std::string(schema::kPrefixDay) + ymd, 0);
    doc.add_term(std::string(schema::kPrefixMonth) + ymd.substr(0, 6), 0);
    doc.add_term(std::string(schema::kPrefixYear) + ymd.substr(0, 4), 0);
    doc.add_value(schema::kSlotDate, date_slot(a.timestamp));
    doc.add_value(schema::kSlotTimestamp,
                  Xapian::sortable_serialise(static_cast<double>(a.timestamp)));
  }

  // Values as written (for facets and display).
  if (!a.source.empty()) doc.add_value(schema::kSlotSource, a.source);
  if (!a.outlet.empty()) doc.add_value(schema::kSlotOutlet, a.outlet);
  if (!a.category.empty()) doc.add_value(schema::kSlotCategory, a.category);
  doc.add_value(schema::kSlotLanguage, language);
  doc.add_value(schema::kSlotCollapse, a.id);  // until set_cluster()

  // Stored data: what a hit displays (the lead only when apart, above: a
  // lead that is the body's first paragraph, the readers' default, is not
  // stored twice) and the body.
  StoredData data;
  data.id = a.id;
  data.title = a.title;
  data.date = iso_date(a);
  data.source = a.source;
  data.outlet = a.outlet;
  data.category = a.category;
  data.url = a.url;
  data.language = language;
  data.authors = a.authors;
  data.tags = a.tags;
  if (lead_apart) data.lead = a.lead;
  if (has_usable_date(a)) {
    data.dated = true;
    data.timestamp = a.timestamp;
    data.has_time = a.has_time;
    data.utc_offset_minutes = a.utc_offset_minutes;
    data.time_zone = a.time_zone;
  }
  data.extra = a.extra;
  // The body, which snippets are cut from, goes compressed into the same
  // record (index/stored_data.h): one read per hit. Invalid UTF-8 is
  // replaced as in the fields.
  std::string repaired;
  data.body = a.body;
  if (!is_valid_utf8(data.body)) {
    repaired = a.body;
    repair_utf8(repaired);
    data.body = repaired;
  }
  doc.set_data(encode_stored_data(data));
  if (direct_) out.image.finish();  // sorted on the analysis thread
}

void set_cluster(BuiltDocument& built, const std::string& cluster) {
  if (built.direct) {
    built.image.set_value(schema::kSlotCollapse, cluster);
  } else {
    built.doc.add_value(schema::kSlotCollapse, cluster);
  }
}

}  // namespace newsindex::internal
