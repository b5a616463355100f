// newsindex/newsindex.h: the whole public API in one include.
#ifndef NEWSINDEX_NEWSINDEX_H_
#define NEWSINDEX_NEWSINDEX_H_

#include "newsindex/analyzer.h"
#include "newsindex/article.h"
#include "newsindex/headline_rates.h"
#include "newsindex/index_info.h"
#include "newsindex/reader.h"
#include "newsindex/searcher.h"
#include "newsindex/status.h"
#include "newsindex/version.h"
#include "newsindex/writer.h"

#endif  // NEWSINDEX_NEWSINDEX_H_
