// The runtime version string, from the generated header.
#include "newsindex/version.h"

namespace newsindex {
std::string_view version() { return NEWSINDEX_VERSION_STRING; }
}  // namespace newsindex
