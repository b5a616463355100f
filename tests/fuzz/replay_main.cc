// The driver that runs a fuzz target without libFuzzer (normal builds, CTest):
//
//   fuzz_X [--mutations N] [--seed S] SEED_FILE_OR_DIR...   [--lines FILE]...
//
// Each seed file (every regular file of a directory; every line of a --lines
// file) is run as it is, then N deterministic mutations of the seeds (byte
// flips, insertions of bytes that matter to parsers, deletions, truncations,
// splices of two seeds) are run. A crash or a sanitizer report fails the test
// (the input that caused it is written to ./fuzz-crash-input, and its number
// printed: `--only N` runs just that one again).
// scripts/fuzz.sh builds the same targets with clang's libFuzzer instead.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string* g_input = nullptr;
long g_number = -1;

// On a crash (a signal, or a sanitizer's report): save the input, say which.
void save_input() {
  if (g_input == nullptr) return;
  const int fd = ::open("fuzz-crash-input", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    [[maybe_unused]] ssize_t n = ::write(fd, g_input->data(), g_input->size());
    ::close(fd);
  }
  char msg[128];
  const int len = std::snprintf(msg, sizeof msg,
                                "\nfuzz: input %ld crashed; saved as fuzz-crash-input "
                                "(--only %ld runs it again)\n",
                                g_number, g_number);
  [[maybe_unused]] ssize_t n = ::write(2, msg, static_cast<std::size_t>(len));
  g_input = nullptr;
}

void on_signal(int sig) {
  save_input();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void run(const std::string& input, long number) {
  g_input = &input;
  g_number = number;
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
  g_input = nullptr;
}

constexpr const char* kInteresting[] = {
    "\0", "\xff", "\xc3", "\xe2\x80", "\"", "\\", "{", "}", "[", "]", ",", ":", "\n", "\r\n",
    "<", ">", "&", "&amp;", "&#0;", "<![CDATA[", "]]>", "<!--", "'", "(", ")", "*", "-", "+",
    "AND ", "NOT ", "NEAR/", "titel:", "datum:", "..", "date ", "Bron: ", "13u48", "\t",
    "\xef\xbb\xbf", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x1f\x8b"};

std::string mutate(const std::vector<std::string>& seeds, std::mt19937_64& rng) {
  std::string s = seeds[rng() % seeds.size()];
  const int edits = 1 + static_cast<int>(rng() % 8);
  for (int e = 0; e < edits; ++e) {
    const std::size_t at = s.empty() ? 0 : rng() % (s.size() + 1);
    switch (rng() % 6) {
      case 0:  // flip a byte
        if (!s.empty()) s[at % s.size()] = static_cast<char>(rng());
        break;
      case 1: {  // insert an interesting token
        const char* t = kInteresting[rng() % std::size(kInteresting)];
        s.insert(at, t, std::max<std::size_t>(1, std::strlen(t)));
        break;
      }
      case 2:  // delete a run
        if (!s.empty()) s.erase(at % s.size(), 1 + rng() % 16);
        break;
      case 3:  // truncate
        s.resize(at);
        break;
      case 4: {  // splice in part of another seed
        const std::string& o = seeds[rng() % seeds.size()];
        if (!o.empty()) {
          const std::size_t from = rng() % o.size();
          s.insert(at, o.substr(from, 1 + rng() % 256));
        }
        break;
      }
      default:  // repeat a run
        if (!s.empty()) {
          const std::size_t from = at % s.size();
          const std::string run = s.substr(from, 1 + rng() % 32);
          for (int k = static_cast<int>(rng() % 64); k > 0; --k) s.insert(from, run);
        }
    }
  }
  return s;
}

}  // namespace

// Present only when a sanitizer runtime is linked (the asan preset).
extern "C" void __sanitizer_set_death_callback(void (*callback)()) __attribute__((weak));

int main(int argc, char** argv) {
  for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTRAP}) std::signal(sig, on_signal);
  if (__sanitizer_set_death_callback != nullptr) __sanitizer_set_death_callback(save_input);
  long mutations = 0;
  long only = -1;
  std::uint64_t seed = 20261204;
  std::vector<std::string> seeds;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--mutations" && i + 1 < argc) {
      mutations = std::stol(argv[++i]);
    } else if (a == "--only" && i + 1 < argc) {
      only = std::stol(argv[++i]);
    } else if (a == "--seed" && i + 1 < argc) {
      seed = std::stoull(argv[++i]);
    } else if (a == "--lines" && i + 1 < argc) {
      std::istringstream lines(read_file(argv[++i]));
      for (std::string line; std::getline(lines, line);) seeds.push_back(line);
    } else if (std::filesystem::is_directory(a)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(a)) {
        if (e.is_regular_file()) seeds.push_back(read_file(e.path()));
      }
    } else if (std::filesystem::exists(a)) {
      seeds.push_back(read_file(a));
    } else {
      std::cerr << a << ": no such seed file\n";
      return 2;
    }
  }
  if (seeds.empty()) seeds.emplace_back();
  long number = 0;
  for (const std::string& s : seeds) {
    if (only < 0 || only == number) run(s, number);
    ++number;
  }
  std::mt19937_64 rng(seed);
  for (long i = 0; i < mutations; ++i, ++number) {
    const std::string input = mutate(seeds, rng);  // always drawn: --only N sees the same
    if (only < 0 || only == number) run(input, number);
  }
  std::cout << seeds.size() << " seeds and " << mutations << " mutations ran without a crash\n";
  return 0;
}
