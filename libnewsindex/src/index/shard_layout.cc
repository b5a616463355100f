// The sharded folder: shard names, routing, the stub file.
#include "index/shard_layout.h"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "dedup/minhash.h"

namespace newsindex::internal {

namespace fs = std::filesystem;

std::string StubEntry::name() const {
  if (kind == Kind::kRemote) return "tcp://" + host + ":" + std::to_string(port);
  return path;
}

std::string shard_name(std::uint32_t index) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "shard-%03u", index);
  return buf;
}

std::uint32_t shard_of(std::string_view id, std::uint32_t shards) {
  return static_cast<std::uint32_t>(dedup::fnv1a(id) % shards);
}

std::string stub_file_of(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return "";
  if (S_ISREG(st.st_mode)) return path;
  if (!S_ISDIR(st.st_mode)) return "";
  const std::string stub = (fs::path(path) / kStubName).string();
  if (::stat((fs::path(path) / "iamglass").c_str(), &st) == 0) return "";
  if (::stat(stub.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return stub;
  return "";
}

Result<std::vector<StubEntry>> read_stub(const std::string& stub_file) {
  std::ifstream in(stub_file);
  if (!in) return Status::not_found(stub_file + ": cannot read the stub database file");
  const fs::path base = fs::path(stub_file).parent_path();
  std::vector<StubEntry> out;
  std::string line;
  unsigned line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const std::string where = stub_file + ":" + std::to_string(line_no);
    std::size_t space = line.find(' ');
    std::string type = line.substr(0, space);
    std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    StubEntry e;
    e.line = line_no;
    if ((type == "auto" || type == "glass") && !rest.empty()) {
      fs::path p(rest);
      e.path = (p.is_absolute() ? p : base / p).lexically_normal().string();
    } else if (type == "remote" && !rest.empty() && rest[0] != ':') {
      std::size_t colon = rest.rfind(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 >= rest.size()) {
        return Status::corruption(where + ": expected \"remote HOST:PORT\"");
      }
      unsigned port = 0;
      for (char c : rest.substr(colon + 1)) {
        if (c < '0' || c > '9' || port > 65535) {
          return Status::corruption(where + ": bad port in \"remote HOST:PORT\"");
        }
        port = port * 10 + static_cast<unsigned>(c - '0');
      }
      if (port == 0 || port > 65535) return Status::corruption(where + ": bad port");
      e.kind = StubEntry::Kind::kRemote;
      e.host = rest.substr(0, colon);
      if (e.host.size() > 2 && e.host.front() == '[' && e.host.back() == ']') {
        e.host = e.host.substr(1, e.host.size() - 2);
      }
      e.port = port;
    } else if (type == "remote") {
      return Status::corruption(where +
                        ": \"remote :PROGRAM\" shards are not supported; serve the shard "
                        "with xapian-tcpsrv and write \"remote HOST:PORT\"");
    } else {
      return Status::corruption(where + ": not a stub database line (expected \"auto PATH\", "
                                "\"glass PATH\" or \"remote HOST:PORT\")");
    }
    out.push_back(std::move(e));
  }
  if (out.empty()) return Status::corruption(stub_file + ": the stub database file lists no database");
  return out;
}

Result<std::uint32_t> sharded_count(const std::string& dir) {
  const std::string stub = (fs::path(dir) / kStubName).string();
  std::error_code ec;
  if (!fs::is_directory(dir, ec) || !fs::exists(stub, ec)) return std::uint32_t{0};
  auto entries = read_stub(stub);
  if (!entries.ok()) return entries.status();
  const fs::path base = fs::path(stub).parent_path();
  for (std::size_t i = 0; i < entries->size(); ++i) {
    const StubEntry& e = (*entries)[i];
    const std::string want = (base / shard_name(static_cast<std::uint32_t>(i))).lexically_normal();
    if (e.kind != StubEntry::Kind::kLocal || e.path != want) {
      return Status::corruption(stub + ":" + std::to_string(e.line) + ": expected \"auto " +
                        shard_name(static_cast<std::uint32_t>(i)) +
                        "\" (a folder written by newsindex index --shards lists its shards "
                        "in order; write to another stub by hand instead)");
    }
  }
  if (entries->size() > kMaxShards) {
    return Status::corruption(stub + ": more than " + std::to_string(kMaxShards) + " shards");
  }
  return static_cast<std::uint32_t>(entries->size());
}

Status write_stub(const std::string& dir, std::uint32_t shards) {
  const fs::path stub = fs::path(dir) / kStubName;
  const fs::path tmp = fs::path(dir) / (std::string(kStubName) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "# Xapian stub database: " << shards
        << " shards written by newsindex index --shards; articles are routed by "
           "FNV-1a 64 of their id modulo the shard count (docs/scaling.md)\n";
    for (std::uint32_t i = 0; i < shards; ++i) out << "auto " << shard_name(i) << '\n';
    out.flush();
    if (!out) return Status::io_error(tmp.string() + ": cannot write the stub database file");
  }
  std::error_code ec;
  fs::rename(tmp, stub, ec);
  if (ec) return Status::io_error(stub.string() + ": " + ec.message());
  return Status();
}

}  // namespace newsindex::internal
