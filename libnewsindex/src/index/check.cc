// check_database: Xapian's full consistency check, as a Status.
#include <sstream>
#include <string>

#include <xapian.h>

#include "newsindex/index_info.h"
#include "index/damage_mark.h"
#include "index/shard_layout.h"
#include "xapian/errors.h"

namespace newsindex {

namespace {
// The first lines of Xapian's findings, for the error message.
std::string first_lines(const std::string& text, int n) {
  std::string out;
  std::istringstream in(text);
  std::string line;
  while (n > 0 && std::getline(in, line)) {
    if (line.empty()) continue;
    if (!out.empty()) out += "; ";
    out += line.size() > 200 ? line.substr(0, 200) + "…" : line;
    --n;
  }
  return out;
}
}  // namespace

Status check_database(const std::string& path, std::string* report) {
  // A stub (a sharded folder, a stub file): Xapian's check takes one
  // database, so each local database the stub lists is checked in turn;
  // remote ones are the server's to check.
  if (const std::string stub = internal::stub_file_of(path); !stub.empty()) {
    auto entries = internal::read_stub(stub);
    if (!entries.ok()) return entries.status();
    std::string all;
    for (const internal::StubEntry& e : *entries) {
      if (e.kind != internal::StubEntry::Kind::kLocal) continue;
      std::string one;
      Status st = check_database(e.path, report ? &one : nullptr);
      all += one;
      if (!st.ok()) {
        if (report != nullptr) *report = all;
        return st;
      }
    }
    if (report != nullptr) *report = all;
    return Status();
  }
  std::ostringstream findings;
  std::size_t errors = 0;
  Status st = internal::guard(path, [&]() -> Status {
    Xapian::Database opened(path);  // kNotFound / kIoError before the long read
    opened.close();
    return Status();
  });
  if (!st.ok()) return st;
  const std::string advice = "; restore it from a backup or rebuild it from the archive";
  try {
    errors = Xapian::Database::check(path, 0, &findings);
  } catch (const Xapian::Error& e) {
    // The database opened, so what the check stops on (an item that ends
    // outside its block, a bad block header) is damage, not a missing file.
    if (report != nullptr) *report = findings.str();
    const std::string found = path + ": corrupt database: " + e.get_description();
    internal::mark_damaged(path, found);  // index/damage_mark.h: no more writes
    return Status::corruption(found + advice);
  }
  if (report != nullptr) *report = findings.str();
  if (errors == 0) {
    internal::clear_damage_mark(path);  // restored or rebuilt: writable again
    return Status();
  }
  const std::string found = path + ": corrupt database: " + std::to_string(errors) +
                            (errors == 1 ? " error" : " errors") + " found (" +
                            first_lines(findings.str(), 3) + ")";
  internal::mark_damaged(path, found);
  return Status::corruption(found + advice);
}

}  // namespace newsindex
