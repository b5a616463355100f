// IndexWriter::open: the public factory (creates the Analyzer from options).
#include "index/xapian_writer.h"

namespace newsindex {

Result<std::unique_ptr<IndexWriter>> IndexWriter::open(const std::string& path,
                                                       const WriterOptions& options) {
  auto analyzer = Analyzer::create(options.analysis);
  if (!analyzer.ok()) return analyzer.status();
  return internal::XapianIndexWriter::open(path, options, std::move(analyzer).value());
}

}  // namespace newsindex
