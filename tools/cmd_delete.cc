// newsindex delete: remove articles by id.
//
//   newsindex delete --db DIR ID...
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli_common.h"
#include "commands.h"
#include "newsindex/writer.h"

namespace newsindex::tools {

namespace {

struct DeleteArgs {
  std::string db;
  std::vector<std::string> ids;
};

int run_delete(const DeleteArgs& args) {
  WriterOptions wo;
  wo.batch_size = 0;
  wo.override_analysis = true;  // deleting analyses nothing
  auto writer = IndexWriter::open(args.db, wo);
  if (!writer.ok()) return report_error("delete", writer.status());
  int missing = 0;
  for (const auto& id : args.ids) {
    Status st = (*writer)->remove(id);
    if (st.code() == StatusCode::kNotFound) {
      std::cerr << "newsindex delete: " << st.message() << '\n';
      ++missing;
    } else if (!st.ok()) {
      return report_error("delete", st);
    }
  }
  Status st = (*writer)->commit();
  if (!st.ok()) return report_error("delete", st);
  std::cout << "deleted " << (*writer)->stats().deleted << " of " << args.ids.size()
            << " documents from " << args.db << '\n';
  return missing > 0 ? kExitFailure : kExitOk;
}

}  // namespace

void add_delete_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<DeleteArgs>();
  auto* cmd = app.add_subcommand("delete", "Delete articles by id");
  cmd->add_option("--db", args->db, "Database directory")->required();
  cmd->add_option("ids", args->ids, "Article ids")->required();
  cmd->callback([args, &exit_code] { exit_code = run_delete(*args); });
}

}  // namespace newsindex::tools
