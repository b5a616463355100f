// index/shard_layout: the routing rule and the stub file format.
#include "index/shard_layout.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "testing/test_paths.h"

namespace newsindex::internal {
namespace {

namespace fs = std::filesystem;

// The routing is part of the on-disk format: a change would send replaced
// and deleted articles to the wrong shard of every existing folder. The
// expected values are FNV-1a 64 computed independently (docs/scaling.md).
TEST(ShardLayout, RoutingIsFnv1a64OfTheIdModuloTheCount) {
  struct Case {
    const char* id;
    std::uint32_t shards, want;
  } cases[] = {
      {"a", 2, 0},  {"a", 3, 1},  {"a", 4, 0},  {"a", 7, 5},  // 0xaf63dc4c8601ec8c
      {"nl-2020-0001", 3, 0},      {"nl-2020-0001", 4, 2},      {"nl-2020-0001", 7, 0},
      {"dpg2019-10742191", 4, 0},  {"dpg2019-10742191", 7, 2},  {"", 4, 1},
      {"x", 1, 0},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(shard_of(c.id, c.shards), c.want) << c.id << " / " << c.shards;
  }
  EXPECT_EQ(shard_name(0), "shard-000");
  EXPECT_EQ(shard_name(42), "shard-042");
}

// Each stub, read back as "kind:name" entries, or the error's key phrase.
TEST(ShardLayout, StubLines) {
  const fs::path dir = testing::fresh_dir("shard_layout_stub");
  const std::string d = dir.string();
  struct Case {
    const char* text;
    std::string want;
  } cases[] = {
      {"auto shard-000\nauto shard-001\n", "L:" + d + "/shard-000 L:" + d + "/shard-001 "},
      {"# c\n\nglass /abs/db\n", "L:/abs/db "},
      {"auto ../up\n", "L:" + dir.parent_path().string() + "/up "},
      {"remote host1:7001\nremote [::1]:7002\n", "R:tcp://host1:7001 R:tcp://::1:7002 "},
      {"remote :xapian-progsrv db\n", "error: :1: \"remote :PROGRAM\""},
      {"remote host\n", "error: :1: expected \"remote HOST:PORT\""},
      {"remote host:0\n", "error: :1: bad port"},
      {"remote host:99999\n", "error: :1: bad port"},
      {"auto a\nchert b\n", "error: :2: not a stub database line"},
      {"auto\n", "error: :1: not a stub database line"},
      {"# only a comment\n", "error: lists no database"},
  };
  for (const Case& c : cases) {
    const std::string stub = (dir / "XAPIANDB").string();
    std::ofstream(stub, std::ios::trunc) << c.text;
    auto entries = read_stub(stub);
    std::string got;
    if (!entries.ok()) {
      // Errors: `want` is "error: " and a phrase the message must contain.
      const std::string& msg = entries.status().message();
      got = msg.find(c.want.substr(7)) != std::string::npos ? c.want : "error: " + msg;
    } else {
      for (const StubEntry& e : *entries) {
        got += (e.kind == StubEntry::Kind::kRemote ? "R:" : "L:") + e.name() + " ";
      }
    }
    EXPECT_EQ(got, c.want) << c.text;
  }
}

TEST(ShardLayout, WrittenStubIsReadBackAsItsCount) {
  const fs::path dir = testing::fresh_dir("shard_layout_count");
  ASSERT_TRUE(write_stub(dir.string(), 3).ok());
  auto n = sharded_count(dir.string());
  ASSERT_TRUE(n.ok()) << n.status().to_string();
  EXPECT_EQ(*n, 3u);
  EXPECT_EQ(stub_file_of(dir.string()), (dir / "XAPIANDB").string());
  // A hand-edited stub is not one the writer may route into.
  std::ofstream(dir / "XAPIANDB", std::ios::trunc) << "auto shard-000\nauto other\n";
  auto edited = sharded_count(dir.string());
  ASSERT_FALSE(edited.ok());
  EXPECT_NE(edited.status().message().find("XAPIANDB:2"), std::string::npos)
      << edited.status().to_string();
  auto none = sharded_count((dir / "missing").string());
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0u);
}

}  // namespace
}  // namespace newsindex::internal
