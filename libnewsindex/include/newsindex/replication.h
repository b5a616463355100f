// newsindex/replication.h: what the writer needs to know about Xapian's
// replication (docs/scaling.md, "Replicas").
#ifndef NEWSINDEX_REPLICATION_H_
#define NEWSINDEX_REPLICATION_H_

#include "newsindex/export.h"

namespace newsindex {

// True when XAPIAN_MAX_CHANGESETS is set above 0 in the environment (read as
// Xapian reads it, with atoi): Xapian then writes a changeset file at each
// commit of a database, which xapian-replicate-server sends to replicas.
//
// A replicated master is written in plain mode (WriterOptions::bulk false):
// a bulk commit puts a new database (with a new UUID) in place of the old
// one, so each replica gets a full copy after it, never a changeset;
// IndexWriter::open says so in WriteStats::notice when bulk is asked for
// while this is true.
NEWSINDEX_EXPORT bool changesets_enabled();

}  // namespace newsindex

#endif  // NEWSINDEX_REPLICATION_H_
