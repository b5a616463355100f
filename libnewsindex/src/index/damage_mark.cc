// DIR.newsindex-damaged: a database known to be damaged is not written to.
#include "index/damage_mark.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace newsindex::internal {

namespace fs = std::filesystem;

std::string damage_mark_path(const std::string& db) {
  std::string dir = db;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir + ".newsindex-damaged";
}

void mark_damaged(const std::string& db, const std::string& why) {
  std::ofstream out(damage_mark_path(db), std::ios::trunc);
  out << why.substr(0, 1000) << '\n';
}

void clear_damage_mark(const std::string& db) {
  std::error_code ec;
  fs::remove(damage_mark_path(db), ec);
}

Status refuse_if_damaged(const std::string& db) {
  const std::string mark = damage_mark_path(db);
  std::error_code ec;
  if (!fs::exists(mark, ec)) return Status();
  std::ifstream in(mark);
  std::string why;
  std::getline(in, why);
  return Status::corruption(db + ": the database is known to be damaged and is not written to (" +
                    (why.empty() ? std::string("see ") + mark : why) +
                    "); restore it from a backup or rebuild it; a `newsindex check` that passes "
                    "removes " + mark);
}

}  // namespace newsindex::internal
