// tools/serve_process.h: runs `newsindex serve` as a child process on a free
// loopback port for the duration of a test, bounded in time; a raw loopback
// connection for requests no HTTP client would send.
#ifndef NEWSINDEX_TESTS_TOOLS_SERVE_PROCESS_H_
#define NEWSINDEX_TESTS_TOOLS_SERVE_PROCESS_H_

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "testing/test_paths.h"

namespace newsindex::testing {

class ServeProcess {
 public:
  // Starts `newsindex serve --listen 127.0.0.1:0 ARGS...`; stderr goes to
  // `err_file`. started() is false when it exits or stays silent for 30 s.
  ServeProcess(std::vector<std::string> args, std::filesystem::path err_file)
      : err_file_(std::move(err_file)) {
    std::vector<std::string> argv = {cli_path().string(), "serve", "--listen", "127.0.0.1:0"};
    argv.insert(argv.end(), args.begin(), args.end());
    int out[2];
    if (::pipe(out) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      const int err = ::open(err_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(err, 2);
      ::close(out[0]);
      std::vector<char*> cargv;
      for (auto& a : argv) cargv.push_back(a.data());
      cargv.push_back(nullptr);
      ::execv(cargv[0], cargv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    out_fd_ = out[0];
    // "newsindex serve: listening on http://127.0.0.1:PORT/"
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{out_fd_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      char buf[256];
      const ssize_t n = ::read(out_fd_, buf, sizeof buf);
      if (n <= 0) break;  // exited
      stdout_.append(buf, static_cast<std::size_t>(n));
      const auto at = stdout_.find("127.0.0.1:");
      const auto slash = at == std::string::npos ? at : stdout_.find('/', at);
      if (slash != std::string::npos) {
        port_ = std::stoi(stdout_.substr(at + 10, slash - at - 10));
        return;
      }
    }
  }

  ~ServeProcess() {
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (out_fd_ >= 0) ::close(out_fd_);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  bool started() const { return port_ > 0; }
  int port() const { return port_; }
  const std::string& stdout_text() const { return stdout_; }

  // Sends `sig` without waiting for the exit.
  void send_signal(int sig) {
    if (pid_ > 0 && !reaped_) ::kill(pid_, sig);
  }

  // Sends `sig` and waits (at most 20 s) for the exit; returns the exit code,
  // or -1 when killed by a signal or too slow.
  int stop(int sig = SIGTERM) {
    if (pid_ <= 0) return -1;
    if (!reaped_) ::kill(pid_, sig);
    return wait_exit();
  }

  // Waits (at most 20 s) for the process to exit by itself.
  int wait_exit() {
    if (reaped_) return exit_code_;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        reaped_ = true;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return exit_code_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

  std::string stderr_text() const {
    std::ifstream in(err_file_);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

 private:
  std::filesystem::path err_file_;
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int port_ = 0;
  bool reaped_ = false;
  int exit_code_ = -1;
  std::string stdout_;
};

// One TCP connection to 127.0.0.1:PORT that sends exactly the bytes it is
// given (a path no HTTP client would normalise, a request cut in two). Every
// read gives up after 20 s.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) return;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(fd_);
      fd_ = -1;
      return;
    }
    timeval tv{20, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return fd_ >= 0; }

  bool send(std::string_view bytes) {
    return fd_ >= 0 && ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
                           static_cast<ssize_t>(bytes.size());
  }

  // Reads until `marker` has arrived, the peer closes or a read times out;
  // returns all that was read so far.
  std::string read_until(std::string_view marker) {
    while (fd_ >= 0 && received_.find(marker) == std::string::npos && !closed_) read_some();
    return received_;
  }

  // Reads until the peer closes the connection; false when a read timed out
  // first (the peer kept it open for 20 s).
  bool read_to_close() {
    while (fd_ >= 0 && !closed_) {
      if (!read_some()) return closed_;
    }
    return closed_;
  }

  const std::string& received() const { return received_; }

 private:
  bool read_some() {
    char buf[4096];
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n > 0) {
      received_.append(buf, static_cast<std::size_t>(n));
      return true;
    }
    if (n == 0 || errno == ECONNRESET) closed_ = true;
    return false;  // closed, or timed out
  }

  int fd_ = -1;
  bool closed_ = false;
  std::string received_;
};

// True when something accepts connections on 127.0.0.1:PORT.
inline bool accepting(int port) { return RawConnection(port).connected(); }

}  // namespace newsindex::testing

#endif  // NEWSINDEX_TESTS_TOOLS_SERVE_PROCESS_H_
