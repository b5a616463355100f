// Which files belong to a glass database directory.
#include "index/db_dir_check.h"

#include <array>
#include <system_error>
#include <vector>

namespace newsindex::internal {

namespace fs = std::filesystem;

bool is_database_file(std::string_view name) {
  // "changestmp": the changeset of the revision being written, while
  // XAPIAN_MAX_CHANGESETS is set (renamed to "changesN" at the commit).
  static constexpr std::array<std::string_view, 4> kExact = {"iamglass", "flintlock", "v.tmp",
                                                             "changestmp"};
  for (std::string_view n : kExact) {
    if (name == n) return true;
  }
  if (name.ends_with(".glass")) return name.size() > 6;
  if (name.ends_with(".tmp")) return name.size() > 4;
  // Replication changesets ("changes12") when XAPIAN_MAX_CHANGESETS is set.
  if (name.starts_with("changes") && name.size() > 7) {
    for (char c : name.substr(7)) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  }
  return false;
}

Status check_database_dir(const std::string& path) {
  std::error_code ec;
  const fs::path dir(path);
  if (!fs::is_directory(dir, ec)) return Status();  // new, or left to Xapian
  fs::directory_iterator it(dir, ec);
  if (ec) return Status();  // unreadable: Xapian reports it by name
  bool database = false;
  std::string other;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const bool is_dir = it->is_directory(ec);
    if (!is_dir && is_database_file(name)) {
      database |= name == "iamglass";
      continue;
    }
    if (other.empty()) other = name + (is_dir ? "/" : "");
  }
  if (other.empty()) return Status();
  if (database) {
    return invalid_argument(path + ": the database folder also holds " + other +
                            ", which is not part of a Xapian database; move it out first");
  }
  return invalid_argument(path + ": folder is not empty and holds no Xapian database (found " +
                          other + "); give --db a new or empty folder");
}

bool remove_database_dir(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return !fs::exists(dir, ec);
  bool left = false;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec) && is_database_file(it->path().filename().string())) {
      files.push_back(it->path());
    } else {
      left = true;
    }
  }
  for (const fs::path& f : files) {
    if (!fs::remove(f, ec) && ec) left = true;
  }
  if (!left) left = !fs::remove(dir, ec) && ec;
  return !left;
}

}  // namespace newsindex::internal
