// One way to run a command from a test: stdout through a pipe, stderr
// through a file of its own.
#include "testing/cli_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "testing/test_paths.h"

namespace newsindex::testing {

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

CliRun run_shell(const std::string& command) {
  static std::atomic<int> counter{0};
  const std::filesystem::path err_file =
      std::filesystem::temp_directory_path() /
      ("newsindex_cli_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".err");
  const std::string cmd = "{ " + command + " ; } 2>" + shell_quote(err_file.string());
  CliRun r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream e(err_file, std::ios::binary);
  std::ostringstream s;
  s << e.rdbuf();
  r.err = s.str();
  std::error_code ec;
  std::filesystem::remove(err_file, ec);
  return r;
}

CliRun run_newsindex(const std::string& args) {
  return run_shell(shell_quote(cli_path().string()) + " " + args);
}

}  // namespace newsindex::testing
