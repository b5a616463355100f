// index/doc_sink.h: where the document builder puts a document's terms,
// values and data: a Xapian::Document (plain mode, and bulk mode through
// Xapian's writer) or a glass::DocImage (bulk mode's direct writer).
//
// Both take the calls with Xapian::Document's meaning, so the documents
// are the same whichever writer stores them.
#ifndef NEWSINDEX_INDEX_DOC_SINK_H_
#define NEWSINDEX_INDEX_DOC_SINK_H_

#include <cstdint>
#include <string>
#include <string_view>

#include <xapian.h>

#include "glass/doc_image.h"

namespace newsindex::internal {

class DocSink {
 public:
  virtual ~DocSink() = default;
  virtual void add_posting(std::string_view term, std::uint32_t pos, std::uint32_t wdf) = 0;
  virtual void add_term(std::string_view term, std::uint32_t wdf) = 0;  // wdf 0: boolean
  virtual void add_value(std::uint32_t slot, std::string value) = 0;
  virtual void set_data(std::string data) = 0;
};

class XapianDocSink final : public DocSink {
 public:
  explicit XapianDocSink(Xapian::Document& doc) : doc_(doc) {}
  void add_posting(std::string_view term, std::uint32_t pos, std::uint32_t wdf) override {
    doc_.add_posting(std::string(term), pos, wdf);
  }
  void add_term(std::string_view term, std::uint32_t wdf) override {
    if (wdf == 0) {
      doc_.add_boolean_term(std::string(term));
    } else {
      doc_.add_term(std::string(term), wdf);
    }
  }
  void add_value(std::uint32_t slot, std::string value) override { doc_.add_value(slot, value); }
  void set_data(std::string data) override { doc_.set_data(data); }

 private:
  Xapian::Document& doc_;
};

class ImageDocSink final : public DocSink {
 public:
  explicit ImageDocSink(glass::DocImage& image) : image_(image) {}
  void add_posting(std::string_view term, std::uint32_t pos, std::uint32_t wdf) override {
    image_.add_posting(term, pos, wdf);
  }
  void add_term(std::string_view term, std::uint32_t wdf) override { image_.add_term(term, wdf); }
  void add_value(std::uint32_t slot, std::string value) override {
    image_.set_value(slot, std::move(value));
  }
  void set_data(std::string data) override { image_.set_data(std::move(data)); }

 private:
  glass::DocImage& image_;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_DOC_SINK_H_
