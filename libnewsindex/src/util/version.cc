// The runtime version string.
#include "newsindex/version.h"

namespace newsindex {
std::string_view version() { return "0.1.0"; }
}  // namespace newsindex
