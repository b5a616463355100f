// testing/child_process.h: a server or command run by a test as a child
// process in its own process group (xapian-tcpsrv, xapian-replicate-server,
// the newsindex command), bounded in time and stopped by the destructor.
#ifndef NEWSINDEX_TESTS_CHILD_PROCESS_H_
#define NEWSINDEX_TESTS_CHILD_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace newsindex::testing {

// A free TCP port on 127.0.0.1 (free when asked; a server should take it soon).
int free_port();
// True when something accepts connections on 127.0.0.1:port.
bool port_answers(int port);
// Polls port_answers() until it is true or `limit` has passed.
bool wait_for_port(int port, std::chrono::milliseconds limit);
// True when `program` is found on PATH.
bool on_path(const std::string& program);

// Not thread-safe: one thread starts, waits for and stops it.
class ChildProcess {
 public:
  using Env = std::vector<std::pair<std::string, std::string>>;
  // Runs argv[0] (searched on PATH) with `env` added to the environment, in
  // its own process group (xapian-tcpsrv and xapian-replicate-server fork a
  // child per connection); stdout and stderr are appended to `log` (or go
  // to /dev/null when it is empty).
  explicit ChildProcess(std::vector<std::string> argv, const std::filesystem::path& log = {},
                        const Env& env = {});
  ~ChildProcess() { stop(); }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Waits at most `limit` for the exit: its exit status (128 + signal when
  // killed by one), or -1 when it was still running (it is then killed).
  int wait(std::chrono::milliseconds limit);
  // SIGTERM to the group, a short wait, then SIGKILL to the group (a
  // per-connection child can outlive its server and hold the test's output
  // open). Does nothing once stopped or waited for.
  void stop();

 private:
  pid_t pid_ = -1;
};

// Starts `argv` (argv[0] a path) with standard output and error to
// /dev/null, for a test that kills it (SIGKILL) or waits for it itself: its
// pid, -1 when fork failed.
pid_t spawn_quiet(std::vector<std::string> argv);

// Runs a command to its end (killed after `limit`): the exit status as
// ChildProcess::wait gives it; stdout and stderr are appended to `log`.
int run_command(std::vector<std::string> argv, const std::filesystem::path& log,
                std::chrono::milliseconds limit, const ChildProcess::Env& env = {});

}  // namespace newsindex::testing

#endif  // NEWSINDEX_TESTS_CHILD_PROCESS_H_
