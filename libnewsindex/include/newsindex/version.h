// newsindex/version.h: the library's version.
#ifndef NEWSINDEX_VERSION_H_
#define NEWSINDEX_VERSION_H_

#include <string_view>

#include "newsindex/export.h"

#define NEWSINDEX_VERSION_MAJOR 0
#define NEWSINDEX_VERSION_MINOR 1
#define NEWSINDEX_VERSION_PATCH 0

namespace newsindex {
// The runtime library's version, "0.1.0".
NEWSINDEX_EXPORT std::string_view version();
}  // namespace newsindex

#endif  // NEWSINDEX_VERSION_H_
