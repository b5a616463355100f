// analysis/utf8_decode.h: the decoder now lives in util/utf8.h, shared with
// the readers. This forwarding header only keeps search/hit_data.cc building
// unchanged; delete it once that file includes util/utf8.h and calls
// internal::append_utf8.
#ifndef NEWSINDEX_ANALYSIS_UTF8_DECODE_H_
#define NEWSINDEX_ANALYSIS_UTF8_DECODE_H_

#include "util/utf8.h"

namespace newsindex::internal::analysis {
using internal::append_utf8;
}  // namespace newsindex::internal::analysis

#endif  // NEWSINDEX_ANALYSIS_UTF8_DECODE_H_
