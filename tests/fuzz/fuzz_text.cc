// Fuzz target: the text reader (Format::kText) over arbitrary bytes; see
// reader_target.h for the invariants.
#include "reader_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  newsindex::fuzz::read_all({reinterpret_cast<const char*>(data), size},
                            newsindex::Format::kText);
  return 0;
}
