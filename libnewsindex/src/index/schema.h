// index/schema.h: the Xapian schema, in one place (docs/index-format.md).
//
// Term prefixes follow Xapian Omega's conventions; value slots and metadata
// keys are named here and nowhere else. The writer and the searcher both map
// analyzer tokens to terms through the functions below, so they cannot drift.
#ifndef NEWSINDEX_INDEX_SCHEMA_H_
#define NEWSINDEX_INDEX_SCHEMA_H_

#include <string>
#include <string_view>

#include <xapian.h>

namespace newsindex::schema {

// 2: the body moved from the document data to kSlotText; no kSlotDisplay.
// 3: the body moved from kSlotText into the document data record, after the
//    displayed fields (index/stored_data.h): one read per hit.
// 4: the displayed fields in binary, one compressed stream with the body.
inline constexpr std::string_view kSchemaVersion = "4";

// Whether the writer adds to a database of schema `v`: a schema-3 record
// differs only in its encoding, which the searcher reads per record, so a
// schema-3 database takes schema-4 records (and is then recorded as 4).
// Schemas 1 and 2 kept the body elsewhere: such a database is rebuilt.
inline bool can_add_to(std::string_view v) { return v == kSchemaVersion || v == "3"; }

// --- Term prefixes -------------------------------------------------------
// Unprefixed: normalised words (and variants, hyphen parts) with positions.
inline constexpr std::string_view kPrefixId = "Q";          // unique id (boolean)
inline constexpr std::string_view kPrefixTitle = "S";       // title words, positions
inline constexpr std::string_view kPrefixStem = "Z";        // stems, no positions
inline constexpr std::string_view kPrefixTitleStem = "ZS";  // title stems
// lead stems (WriterOptions::lead_terms), no positions: the lead as a field of
// its own, searched at SearcherOptions::lead_weight (Omega style: Z + prefix XL)
inline constexpr std::string_view kPrefixLeadStem = "ZXL";
inline constexpr std::string_view kPrefixAuthor = "A";      // author, boolean
inline constexpr std::string_view kPrefixTag = "K";         // tags, boolean
inline constexpr std::string_view kPrefixDay = "D";         // YYYYMMDD, boolean
inline constexpr std::string_view kPrefixMonth = "M";       // YYYYMM, boolean
inline constexpr std::string_view kPrefixYear = "Y";        // YYYY, boolean
inline constexpr std::string_view kPrefixSource = "XSRC";   // source, boolean
inline constexpr std::string_view kPrefixOutlet = "XOUT";   // outlet, boolean
inline constexpr std::string_view kPrefixCategory = "XCAT"; // category, boolean
inline constexpr std::string_view kPrefixLanguage = "XLANG";// language, boolean
// Stems of closed-compound parts ("missi" from "trainingsmissie"), with the
// whole word's position; weighted below exact and stem matches at query time.
inline constexpr std::string_view kPrefixCompoundPart = "XP";

// --- Value slots ----------------------------------------------------------
enum Slot : Xapian::valueno {
  kSlotDate = 0,        // "YYYYMMDDHHMMSS" UTC, sortable as a string
  kSlotSource = 1,      // source as written ("Belga")
  kSlotOutlet = 2,      // outlet as written
  kSlotCategory = 3,    // category as written
  kSlotCollapse = 4,    // near-duplicate cluster key (wire-story collapse)
  kSlotTimestamp = 5,   // Xapian::sortable_serialise(seconds since epoch)
  kSlotLanguage = 6,
  kSlotMinhash = 7,     // near-duplicate signature (dedup/minhash.h)
  // Schema 1 only (no longer written): the fields a hit shows, as JSON, when
  // the document data still held the body. Readers ignore it.
  kSlotDisplay = 8,
  // Schema 2 only (no longer written): the body snippets are cut from,
  // compressed (index/stored_text.h). The searcher still reads it.
  kSlotText = 9,
};

// --- Indexing constants -------------------------------------------------------
// wdf added per occurrence of an unprefixed (and Z) title term, so that a word
// in the title counts like several in the body (Omega uses the same idea).
// The default of WriterOptions::title_wdf (docs/evaluation.md, "Index-time
// weights").
inline constexpr Xapian::termcount kTitleWdfBoost = 5;
// The same for a word of the lead (the body's first paragraph, or a lead
// given apart): the default of WriterOptions::lead_wdf.
inline constexpr Xapian::termcount kLeadWdfBoost = 2;
// Gap between the title's last position and the body's first, so that a
// phrase never matches across the title/body boundary.
inline constexpr Xapian::termpos kFieldPositionGap = 100;

// --- Metadata keys ----------------------------------------------------------
inline constexpr std::string_view kMetaSchema = "newsindex.schema";
inline constexpr std::string_view kMetaAnalyzer = "newsindex.analyzer";
inline constexpr std::string_view kMetaStemmer = "newsindex.stemmer";
// The near-duplicate parameters the collapse keys were computed with.
inline constexpr std::string_view kMetaDedup = "newsindex.dedup";

// Lower-cased, space-normalised value for a boolean filter term
// ("De Standaard" -> "de standaard").
std::string filter_value(std::string_view value);

// Prefix + value; Omega inserts ':' when the value starts with an upper-case
// letter and the prefix is longer than one character.
std::string boolean_term(std::string_view prefix, std::string_view value);

// Xapian's term length limit (245 bytes); longer terms are skipped.
inline constexpr std::size_t kMaxTermBytes = 245;

}  // namespace newsindex::schema

#endif  // NEWSINDEX_INDEX_SCHEMA_H_
