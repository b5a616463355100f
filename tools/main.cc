// newsindex: index Dutch news archives and run ranked queries.
//
//   newsindex index  --db DIR PATH...     build or update an index
//   newsindex search --db DIR QUERY...    ranked search
//   newsindex --help                      everything else
#include <iostream>

#include "commands.h"
#include "newsindex/version.h"

int main(int argc, char** argv) {
  CLI::App app{"newsindex: full-text search for Dutch news"};
  app.set_version_flag("--version", std::string(newsindex::version()));
  app.require_subcommand(1);
  int exit_code = newsindex::tools::kExitOk;
  newsindex::tools::add_index_command(app, exit_code);
  newsindex::tools::add_search_command(app, exit_code);
  newsindex::tools::add_similar_command(app, exit_code);
  newsindex::tools::add_stats_command(app, exit_code);
  newsindex::tools::add_delete_command(app, exit_code);
  newsindex::tools::add_compact_command(app, exit_code);
  newsindex::tools::add_check_command(app, exit_code);
  newsindex::tools::add_eval_command(app, exit_code);
  newsindex::tools::add_serve_command(app, exit_code);
  newsindex::tools::add_learn_headlines_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : newsindex::tools::kExitUsage;
  }
  return exit_code;
}
