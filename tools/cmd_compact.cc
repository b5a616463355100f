// newsindex compact: rewrite a database compactly (xapian-compact) in place.
//
//   newsindex compact --db DIR
#include <cstdio>
#include <memory>
#include <string>

#include "cli_common.h"
#include "commands.h"
#include "newsindex/index_info.h"
#include "newsindex/writer.h"

namespace newsindex::tools {

namespace {

int run_compact(const std::string& db) {
  auto before = read_index_info(db);
  if (!before.ok()) return report_error("compact", before.status());
  Status st = compact_database(db);
  if (!st.ok()) return report_error("compact", st);
  auto after = read_index_info(db);
  if (!after.ok()) return report_error("compact", after.status());
  std::printf("compacted %s: %llu documents, %.1f MB -> %.1f MB\n", db.c_str(),
              static_cast<unsigned long long>(after->documents),
              static_cast<double>(before->bytes_on_disk) / 1e6,
              static_cast<double>(after->bytes_on_disk) / 1e6);
  return kExitOk;
}

}  // namespace

void add_compact_command(CLI::App& app, int& exit_code) {
  auto db = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("compact", "Compact a database in place");
  cmd->add_option("--db", *db, "Database directory")->required();
  cmd->callback([db, &exit_code] { exit_code = run_compact(*db); });
}

}  // namespace newsindex::tools
