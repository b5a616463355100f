// serve/document_writer.h: writing over HTTP (POST and DELETE
// /api/documents), off unless the service is given a token.
//
// One IndexWriter for the process, held from start-up (so a second service
// writing to the same database is refused with "locked"); each request is one
// batch, committed before the answer says what it did.
#ifndef NEWSINDEX_TOOLS_SERVE_DOCUMENT_WRITER_H_
#define NEWSINDEX_TOOLS_SERVE_DOCUMENT_WRITER_H_

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "newsindex/status.h"
#include "newsindex/writer.h"

namespace newsindex::tools {

// True when `given` equals `expected`; the time taken depends only on the
// length of `expected`, not on where the two differ.
bool token_matches(std::string_view given, std::string_view expected);

// The token in `path`: its first line, trimmed. kInvalidArgument when the
// file is empty or the token shorter than 16 characters.
Result<std::string> read_token_file(const std::string& path);

class DocumentWriter {
 public:
  static Result<std::unique_ptr<DocumentWriter>> open(const std::string& db,
                                                      const WriterOptions& options);

  // Adds the articles of a JSON Lines body (the reader's keys) and commits:
  // {"added", "replaced", "skipped": [{"where", "message"}], "notes": [...]}.
  // kInvalidArgument when the body holds no article at all.
  Result<nlohmann::json> add_jsonl(std::string_view body);

  // Deletes the article `id` and commits; kNotFound when there is none.
  Result<nlohmann::json> remove(std::string_view id);

 private:
  explicit DocumentWriter(std::unique_ptr<IndexWriter> w) : writer_(std::move(w)) {}

  std::mutex mu_;
  std::unique_ptr<IndexWriter> writer_;
};

}  // namespace newsindex::tools

#endif  // NEWSINDEX_TOOLS_SERVE_DOCUMENT_WRITER_H_
