// testing/db_equivalence.h: are two Xapian databases the same through
// Xapian's public read API?
//
// Built for checking a writer that produces glass databases without going
// through Xapian::WritableDatabase: whatever bytes it writes, a reader must
// not be able to tell its database from the one Xapian itself builds.
//
// Compared, exhaustively and in lockstep (both databases walked side by
// side, so a 20k-document database takes seconds, not minutes):
//  - statistics: doccount, lastdocid, total length, average length,
//    document length lower and upper bounds, has_positions();
//  - the document-id set (postlist_begin("")), and for every document its
//    length, unique-term count, data, termlist (term, wdf) and values
//    (slot, value);
//  - every term of allterms_begin(): termfreq, collection freq, wdf upper
//    bound, every posting (docid, wdf) and every posting's position list;
//  - every value slot used by any document, and slots 0..max+1: value freq,
//    lower and upper bound, and the value stream (docid, value);
//  - all metadata (key, value), spellings (word, frequency), synonym keys
//    and each key's synonyms.
// Not compared, because two equivalent databases differ in them by design:
// get_uuid() and get_revision(). Xapian 1.4 exposes no database-wide wdf
// upper bound; it shows only through get_wdf_upper_bound(term) (which glass
// caps at it), so it is covered term by term.
//
// Cost: reading the position lists dominates (glass opens each with a fresh
// cursor, one block read per (term, docid) of each database, about 2 us):
// a 20k-document database of 300-word documents, 6M position lists, takes
// about 20 s on one core, so the terms are compared on several threads.
//
// Thread-safety: compare_databases() shares no state between calls and may
// be called from several threads at once.
#ifndef NEWSINDEX_TESTS_DB_EQUIVALENCE_H_
#define NEWSINDEX_TESTS_DB_EQUIVALENCE_H_

#include <cstddef>
#include <string>

namespace newsindex::testing {

// The most differences compare_databases() describes before it stops.
inline constexpr std::size_t kMaxReportedDifferences = 20;

// "" when the databases at path_a and path_b are identical through Xapian's
// public read API; otherwise one line per difference ("A" is path_a, "B" is
// path_b), naming the term, docid, slot or key, for the first
// kMaxReportedDifferences differences (and a last line saying it stopped).
// At most one difference is reported per property of a term, document or
// value slot (its first differing posting, say), and a run of documents on
// one side only is one line, so the report spreads over distinct causes.
// Throws std::runtime_error when either database cannot be opened or read
// (a corrupt database is an error, not a difference).
std::string compare_databases(const std::string& path_a, const std::string& path_b);

struct CompareOptions {
  // Threads comparing the terms, in ranges of about equal postings.
  // Default: 0, meaning std::thread::hardware_concurrency(), at most 4.
  unsigned threads = 0;
  // Fewer threads are used when each would get fewer postings than this
  // (a small database is compared on the calling thread alone).
  // Default: 200000.
  std::size_t min_postings_per_thread = 200000;
};

// As above, with options; the report is the same whatever the threads.
std::string compare_databases(const std::string& path_a, const std::string& path_b,
                              const CompareOptions& options);

}  // namespace newsindex::testing

#endif  // NEWSINDEX_TESTS_DB_EQUIVALENCE_H_
