// index/stored_text.h: a compressed text: the body snippets are cut from,
// and the displayed fields' JSON object.
//
// Both are parts of the document data record (index/stored_data.h; schema
// 2 kept the body in value slot schema::kSlotText), compressed on the
// analysis threads at level 1 rather than by Xapian's zlib pass on the
// writer's thread.
//
// Format: 'z', the text's length as 4 bytes little-endian, then the text as
// a zlib stream (RFC 1950: what zlib's compress2() writes and uncompress()
// reads; written and read here with libdeflate). An empty
// text is not stored.
#ifndef NEWSINDEX_INDEX_STORED_TEXT_H_
#define NEWSINDEX_INDEX_STORED_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

struct libdeflate_compressor;
struct libdeflate_decompressor;

namespace newsindex::internal {

// The calling thread's libdeflate compressor (level 1) and decompressor,
// for the stored text and the document record (index/stored_data.h). A
// member is null when libdeflate could not allocate it.
struct DeflateCodec {
  libdeflate_compressor* c = nullptr;
  libdeflate_decompressor* d = nullptr;
};
DeflateCodec& deflate_codec();

// The slot value for `text` ("" for an empty text).
std::string encode_stored_text(std::string_view text);

// Whether `size` bytes can inflate from `compressed` bytes of deflate: at
// most 1,032 to 1, the format's limit, and 256 MiB. A damaged length must
// not make a reader allocate (and clear) more than its input can hold.
bool plausible_inflated_size(std::uint64_t size, std::size_t compressed);

// Decodes a slot value into *out. False (and *out empty) when the value is
// empty or damaged: a damaged value must not stop a search.
bool decode_stored_text(std::string_view value, std::string* out);

}  // namespace newsindex::internal

#endif  // NEWSINDEX_INDEX_STORED_TEXT_H_
