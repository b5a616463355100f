#include "serve/document_writer.h"

#include <fstream>
#include <utility>

#include "newsindex/reader.h"

namespace newsindex::tools {

bool token_matches(std::string_view given, std::string_view expected) {
  unsigned diff = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const unsigned char g = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    diff |= g ^ static_cast<unsigned char>(expected[i]);
  }
  return diff == 0 && !expected.empty();
}

Result<std::string> read_token_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::not_found(path + ": cannot open the token file");
  std::string line;
  std::getline(in, line);
  const auto first = line.find_first_not_of(" \t\r\n");
  const auto last = line.find_last_not_of(" \t\r\n");
  std::string token = first == std::string::npos ? "" : line.substr(first, last - first + 1);
  if (token.size() < 16) {
    return Status::invalid_argument(path + ": the token must be at least 16 characters on the first line");
  }
  return token;
}

Result<std::unique_ptr<DocumentWriter>> DocumentWriter::open(const std::string& db,
                                                             const WriterOptions& options) {
  auto w = IndexWriter::open(db, options);
  if (!w.ok()) return w.status();
  return std::unique_ptr<DocumentWriter>(new DocumentWriter(std::move(*w)));
}

Result<nlohmann::json> DocumentWriter::add_jsonl(std::string_view body) {
  ReaderOptions ro;
  ro.format = Format::kJsonl;
  auto source = ArticleSource::open_buffer(body, "request", ro);
  if (!source.ok()) return source.status();
  std::lock_guard<std::mutex> lock(mu_);
  const WriteStats before = writer_->stats();
  nlohmann::json skipped = nlohmann::json::array();
  nlohmann::json notes = nlohmann::json::array();
  std::uint64_t articles = 0;
  Article article;
  ReadIssue issue;
  for (;;) {
    const ArticleSource::Next got = (*source)->next(article, issue);
    if (got == ArticleSource::Next::kEnd) break;
    if (got == ArticleSource::Next::kIssue) {
      skipped.push_back({{"where", issue.where}, {"message", issue.message}});
      continue;
    }
    if (!issue.message.empty()) notes.push_back({{"where", issue.where}, {"message", issue.message}});
    ++articles;
    if (Status st = writer_->add(article); !st.ok()) {
      if (st.code() == StatusCode::kInvalidArgument) {
        skipped.push_back({{"where", "request: article '" + article.id + "'"},
                           {"message", st.message()}});
        continue;
      }
      return st;
    }
  }
  if (articles == 0 && skipped.empty()) {
    return Status::invalid_argument("the body holds no article (JSON Lines, one article per line)");
  }
  if (Status st = writer_->commit(); !st.ok()) return st;
  const WriteStats& after = writer_->stats();
  return nlohmann::json{{"added", after.committed_added - before.committed_added},
                        {"replaced", after.committed_replaced - before.committed_replaced},
                        {"skipped", std::move(skipped)},
                        {"notes", std::move(notes)}};
}

Result<nlohmann::json> DocumentWriter::remove(std::string_view id) {
  std::lock_guard<std::mutex> lock(mu_);
  if (Status st = writer_->remove(id); !st.ok()) return st;
  if (Status st = writer_->commit(); !st.ok()) return st;
  return nlohmann::json{{"deleted", std::string(id)}};
}

}  // namespace newsindex::tools
