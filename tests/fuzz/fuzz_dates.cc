// Fuzz target: the Dutch date and time parsers the readers use
// ("12 februari 2020", "13u48", "wo 12/02/2020 13:48"), on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "readers/dutch_date.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  newsindex::internal::parse_date_time(text);
  newsindex::internal::parse_time_of_day(text);
  newsindex::internal::looks_like_date(text);
  newsindex::internal::looks_like_time(text);
  return 0;
}
