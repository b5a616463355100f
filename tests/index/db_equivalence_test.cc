// compare_databases(): equal databases compare equal however they were
// committed, and each one-difference variant of a small database is
// reported, naming what differs (a checker that cannot fail proves nothing).
#include "testing/db_equivalence.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "testing/test_paths.h"

namespace newsindex::testing {
namespace {

// Three small Dutch news documents: positional terms, a term without
// positions (the unique id), two value slots and data.
Xapian::Document make_doc(int i) {
  static const char* const kWords[][4] = {
      {"navo", "breidt", "missie", "uit"},
      {"kabinet", "navo", "overleg", "brussel"},
      {"storm", "knmi", "waarschuwt", "navo"},
      {"trein", "rijdt", "minder", "vaak"},
  };
  Xapian::Document doc;
  Xapian::termpos pos = 1;
  for (const char* w : kWords[(i - 1) % 4]) doc.add_posting(w, pos++);
  doc.add_posting("navo", pos++);  // a second position, so wdf 2 for most docs
  doc.add_boolean_term("Qart" + std::to_string(i));
  doc.add_value(0, "2024010" + std::to_string(i));
  static const char* const kSlot1[] = {"a", "m", "z", "q"};
  doc.add_value(1, kSlot1[(i - 1) % 4]);
  doc.set_data("artikel " + std::to_string(i));
  return doc;
}

using Tweak = std::function<void(Xapian::WritableDatabase&)>;

// Builds the base database at `path`, applies `tweak` (when given) before
// the commit. With commit_each, commits after every document instead.
std::string build(const std::string& name, const Tweak& tweak = nullptr,
                  bool commit_each = false) {
  std::string path = (fresh_dir("db_equivalence_" + name) / "db").string();
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
  for (int i = 1; i <= 3; ++i) {
    db.add_document(make_doc(i));
    if (commit_each) db.commit();
  }
  db.set_metadata("newsindex.schema", "3");
  db.set_metadata("newsindex.stemmer", "dutch");
  db.add_spelling("navo", 3);
  db.add_spelling("brussel");
  db.add_synonym("kabinet", "regering");
  if (tweak) tweak(db);
  db.commit();
  db.close();
  return path;
}

// Replaces document `did` by make_doc(did) after `edit`.
Tweak edit_doc(Xapian::docid did, std::function<void(Xapian::Document&)> edit) {
  return [did, edit](Xapian::WritableDatabase& db) {
    Xapian::Document doc = make_doc(static_cast<int>(did));
    edit(doc);
    db.replace_document(did, doc);
  };
}

// The terms split into ranges on three threads, even for a small database.
const CompareOptions kThreaded{.threads = 3, .min_postings_per_thread = 1};

TEST(DbEquivalence, IdenticallyBuiltDatabasesAreEqual) {
  std::string a = build("same_a");
  std::string b = build("same_b");
  EXPECT_EQ(compare_databases(a, b), "");
  EXPECT_EQ(compare_databases(a, a), "");
  EXPECT_EQ(compare_databases(a, b, kThreaded), "");
}

TEST(DbEquivalence, CommitPatternDoesNotMatter) {
  // Different bytes on disk (revisions, block layout), same content.
  std::string a = build("commits_a");
  std::string b = build("commits_b", nullptr, /*commit_each=*/true);
  EXPECT_EQ(compare_databases(a, b), "");
}

struct Variant {
  const char* name;
  Tweak tweak;
  // Each must appear in the report.
  std::vector<std::string> expected;
};

TEST(DbEquivalence, EachDifferenceIsReported) {
  const std::vector<Variant> variants = {
      {"wdf", edit_doc(2, [](Xapian::Document& d) { d.add_term("overleg"); }),
       {"term \"overleg\" docid 2: wdf 1 vs 2", "docid 2 termlist term \"overleg\": wdf 1 vs 2"}},
      {"missing_position",
       // Same wdf, one position fewer: only the position list differs.
       edit_doc(2,
                [](Xapian::Document& d) {
                  d.remove_posting("brussel", 4);
                  d.add_term("brussel");
                }),
       {"term \"brussel\" docid 2: positions [4] vs []"}},
      {"extra_term", edit_doc(2, [](Xapian::Document& d) { d.add_term("extra"); }),
       {"term \"extra\": only in B", "docid 2 termlist: term \"extra\" only in B"}},
      {"value",
       // "m" -> "n" keeps slot 1's bounds ("a".."z"): only the value differs.
       edit_doc(2, [](Xapian::Document& d) { d.add_value(1, "n"); }),
       {"docid 2 slot 1: value \"m\" vs \"n\"", "slot 1 valuestream docid 2: value \"m\" vs \"n\""}},
      {"value_bounds", edit_doc(3, [](Xapian::Document& d) { d.add_value(1, "zz"); }),
       {"docid 3 slot 1: value \"z\" vs \"zz\"", "slot 1: value_upper_bound \"z\" vs \"zz\""}},
      {"data", edit_doc(1, [](Xapian::Document& d) { d.set_data("artikel 1 bis"); }),
       {"docid 1: data \"artikel 1\" vs \"artikel 1 bis\""}},
      {"metadata",
       [](Xapian::WritableDatabase& db) { db.set_metadata("newsindex.schema", "4"); },
       {"metadata key \"newsindex.schema\": value \"3\" vs \"4\""}},
      {"extra_metadata_key",
       [](Xapian::WritableDatabase& db) { db.set_metadata("newsindex.extra", "x"); },
       {"metadata key \"newsindex.extra\": only in B"}},
      {"extra_document", [](Xapian::WritableDatabase& db) { db.add_document(make_doc(4)); },
       {"doccount 3 vs 4", "docid 4: only in B", "term \"trein\": only in B"}},
      {"different_docid",
       // The same document 3, stored as docid 5.
       [](Xapian::WritableDatabase& db) {
         db.delete_document(3);
         db.replace_document(5, make_doc(3));
       },
       {"lastdocid 3 vs 5", "docid 3: only in A", "docid 5: only in B"}},
      {"spelling", [](Xapian::WritableDatabase& db) { db.add_spelling("navo"); },
       {"spelling \"navo\": frequency 3 vs 4"}},
      {"synonym", [](Xapian::WritableDatabase& db) { db.add_synonym("kabinet", "regeringsploeg"); },
       {"synonym key \"kabinet\": synonym \"regeringsploeg\" only in B"}},
      {"synonym_key", [](Xapian::WritableDatabase& db) { db.add_synonym("knmi", "weerdienst"); },
       {"synonym key \"knmi\": only in B"}},
  };
  std::string base = build("base");
  for (const Variant& v : variants) {
    SCOPED_TRACE(v.name);
    std::string other = build(v.name, v.tweak);
    std::string report = compare_databases(base, other);
    ASSERT_NE(report, "");
    for (const std::string& e : v.expected) {
      EXPECT_NE(report.find(e), std::string::npos) << "missing: " << e << "\nreport:\n"
                                                   << report;
    }
    // Either way round, and the same report when the terms are split
    // between threads.
    EXPECT_NE(compare_databases(other, base), "");
    EXPECT_EQ(compare_databases(base, other, kThreaded), report);
  }
}

TEST(DbEquivalence, ReportStopsAfterTheFirstDifferences) {
  std::string a = build("many_a");
  std::string b = build("many_b", [](Xapian::WritableDatabase& db) {
    for (int i = 0; i < 100; ++i) {
      Xapian::Document doc = make_doc(4);
      doc.add_boolean_term("Xextra" + std::to_string(i));  // 100 terms only in B
      db.add_document(doc);
    }
  });
  std::string report = compare_databases(a, b);
  // A run of documents on one side is one line; then the terms fill the report.
  EXPECT_NE(report.find("docids 4..103: only in B (100 documents)"), std::string::npos)
      << report;
  std::size_t lines = 0;
  for (char c : report) lines += c == '\n';
  EXPECT_EQ(lines, kMaxReportedDifferences + 1) << report;
  EXPECT_NE(report.find("(stopped after 20 differences)"), std::string::npos) << report;
  EXPECT_EQ(compare_databases(a, b, kThreaded), report);
}

TEST(DbEquivalence, UnopenableDatabaseThrows) {
  std::string a = build("open_a");
  std::string missing = (fresh_dir("db_equivalence_missing") / "nothing").string();
  EXPECT_THROW(compare_databases(a, missing), std::runtime_error);
  EXPECT_THROW(compare_databases(missing, a), std::runtime_error);
}

}  // namespace
}  // namespace newsindex::testing
