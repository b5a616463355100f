// newsindex/export.h: symbol visibility for the public API.
//
// The library is compiled with -fvisibility=hidden; only declarations marked
// NEWSINDEX_EXPORT belong to its ABI.
#ifndef NEWSINDEX_EXPORT_H_
#define NEWSINDEX_EXPORT_H_

// A standard attribute, so that it may follow [[nodiscard]] on a class.
#define NEWSINDEX_EXPORT [[gnu::visibility("default")]]

#endif  // NEWSINDEX_EXPORT_H_
