// Fuzz target: format sniffing and every reader. The first byte picks the
// format (auto, text, jsonl, csv, newsml); the rest is the file. See
// reader_target.h for the invariants; fuzz_text, fuzz_jsonl, fuzz_csv and
// fuzz_newsml fuzz each reader alone.
#include "reader_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr newsindex::Format kFormats[] = {
      newsindex::Format::kAuto, newsindex::Format::kText, newsindex::Format::kJsonl,
      newsindex::Format::kCsv, newsindex::Format::kNewsml};
  newsindex::fuzz::read_all({reinterpret_cast<const char*>(data) + 1, size - 1},
                            kFormats[data[0] % 5]);
  return 0;
}
