// Sequential glass B-tree writer (glass/table_builder.h).
//
// Block layout (all integers big-endian): revision (4 bytes), level (1),
// largest contiguous free space (2), total free space (2), end of the item
// directory (2); the directory, 2 bytes an item, from offset 11 in key
// order; the items, packed from the end of the block down.
//
// A leaf item: its size less 3 (2 bytes, whose top 3 bits flag compressed,
// last component, first component), the key length (1), the key, the
// component number (2; left out for the first component), then the tag's
// bytes. A branch item: the child's block number (4), key length (1), key,
// component number (2). The first item of a branch block has an empty key:
// lookups never compare it.
#include "glass/table_builder.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace newsindex::glass {
namespace {

constexpr std::size_t kHeader = 11;  // the directory starts here
constexpr std::size_t kDirEntry = 2;
constexpr std::size_t kMaxKey = 255;
constexpr std::size_t kItemSizeLimit = 0x1fff + 3;  // 13 bits of size, plus 3
constexpr unsigned kCompressedBit = 0x80, kLastBit = 0x40, kFirstBit = 0x20;
// A tag that must be split anyway starts in the open block only when at least
// this much of it fits there.
constexpr std::size_t kMinFirstPiece = 64;

void put2(unsigned char* p, std::size_t v) {
  p[0] = static_cast<unsigned char>((v >> 8) & 0xff);
  p[1] = static_cast<unsigned char>(v & 0xff);
}

void put4(unsigned char* p, std::uint32_t v) {
  p[0] = static_cast<unsigned char>(v >> 24);
  p[1] = static_cast<unsigned char>((v >> 16) & 0xff);
  p[2] = static_cast<unsigned char>((v >> 8) & 0xff);
  p[3] = static_cast<unsigned char>(v & 0xff);
}

void put_header(unsigned char* b, std::uint32_t revision, int level, std::size_t free_bytes,
                std::size_t dir_end) {
  put4(b, revision);
  b[4] = static_cast<unsigned char>(level);
  put2(b + 5, free_bytes);
  put2(b + 7, free_bytes);
  put2(b + 9, dir_end);
}

}  // namespace

TableBuilder::TableBuilder(std::string path, std::uint32_t block_size, std::uint32_t revision,
                           std::uint32_t compress_min)
    : path_(std::move(path)),
      block_size_(block_size),
      revision_(revision),
      compress_min_(compress_min),
      // Xapian's rule: at least four items of the largest size fit a block.
      max_item_(std::min<std::size_t>((block_size - kHeader - 4 * kDirEntry) / 4, kItemSizeLimit)),
      leaf_(block_size) {}

TableBuilder::~TableBuilder() {
  if (fd_ >= 0) ::close(fd_);
}

Status TableBuilder::open_file() {
  fd_ = ::open(path_.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0666);
  if (fd_ < 0) return Status::io_error(path_ + ": " + std::strerror(errno));
  return Status();
}

Status TableBuilder::write_block(std::uint32_t n, const unsigned char* block) {
  if (fd_ < 0) {
    Status st = open_file();
    if (!st.ok()) return st;
  }
  const off_t at = static_cast<off_t>(n) * block_size_;
  std::size_t done = 0;
  while (done < block_size_) {
    ssize_t w = ::pwrite(fd_, block + done, block_size_ - done, at + static_cast<off_t>(done));
    if (w < 0) {
      if (errno == EINTR) continue;
      return Status::io_error(path_ + ": " + std::strerror(errno));
    }
    done += static_cast<std::size_t>(w);
  }
  return Status();
}

std::size_t TableBuilder::leaf_room() const {
  if (!leaf_open_) return 0;
  const std::size_t gap = low_ - dir_end_;
  return gap > kDirEntry ? gap - kDirEntry : 0;
}

Status TableBuilder::flush_leaf() {
  if (!leaf_open_) return Status();
  put_header(leaf_.data(), revision_, 0, low_ - dir_end_, dir_end_);
  leaf_open_ = false;
  return write_block(leaf_no_, leaf_.data());
}

Status TableBuilder::next_leaf(std::string_view first_key, std::uint16_t component) {
  Status st = flush_leaf();
  if (!st.ok()) return st;
  std::fill(leaf_.begin(), leaf_.end(), 0);
  leaf_open_ = true;
  leaf_no_ = next_block_++;
  dir_end_ = kHeader;
  low_ = block_size_;
  Child child{std::string(), component, leaf_no_};
  if (have_last_) {
    // The shortest prefix of the new block's first key that sorts after the
    // previous block's last key.
    const std::size_t common = std::min(first_key.size(), last_key_.size());
    std::size_t i = 0;
    while (i < common && first_key[i] == last_key_[i]) ++i;
    if (i < first_key.size()) ++i;
    child.key.assign(first_key.substr(0, i));
  }
  leaves_.push_back(std::move(child));
  return Status();
}

Status TableBuilder::put_item(std::string_view key, std::uint16_t component, bool last,
                              bool compressed, const char* data, std::size_t len) {
  const std::size_t size = 3 + key.size() + (component > 1 ? 2 : 0) + len;
  if (!leaf_open_ || leaf_room() < size) {
    Status st = next_leaf(key, component);
    if (!st.ok()) return st;
  }
  low_ -= size;
  unsigned char* p = leaf_.data() + low_;
  put2(p, size - 3);
  unsigned flags = 0;
  if (compressed) flags |= kCompressedBit;
  if (last) flags |= kLastBit;
  if (component == 1) flags |= kFirstBit;
  p[0] = static_cast<unsigned char>(p[0] | flags);
  p[2] = static_cast<unsigned char>(key.size());
  if (!key.empty()) std::memcpy(p + 3, key.data(), key.size());
  std::size_t o = 3 + key.size();
  if (component > 1) {
    put2(p + o, component);
    o += 2;
  }
  if (len != 0) std::memcpy(p + o, data, len);
  put2(leaf_.data() + dir_end_, low_);
  dir_end_ += kDirEntry;
  last_key_.assign(key);
  last_component_ = component;
  have_last_ = true;
  return Status();
}

Status TableBuilder::add(std::string_view key, std::string_view tag, bool compressed) {
  if (key.size() > kMaxKey) {
    return Status::invalid_argument(path_ + ": key of " + std::to_string(key.size()) +
                            " bytes, the limit is 255");
  }
  if (entries_ != 0 && !(std::string_view(last_key_) < key)) {
    return Status(StatusCode::kInternal, path_ + ": keys out of order");
  }
  if (!leaf_open_ && leaves_.empty()) {
    // A glass table starts with an item of empty key and tag, before every
    // entry (Xapian's cursors step over it; it is not counted as an entry).
    Status st = put_item(std::string_view(), 1, true, false, nullptr, 0);
    if (!st.ok()) return st;
  }
  ++entries_;
  const std::size_t first_overhead = 3 + key.size();
  const std::size_t overhead = first_overhead + 2;
  std::size_t offset = 0;
  std::uint32_t component = 1;
  for (;;) {
    const std::size_t rest = tag.size() - offset;
    const std::size_t head = component == 1 ? first_overhead : overhead;
    const std::size_t cap = max_item_ - head;
    std::size_t take;
    if (rest <= cap) {
      take = rest;  // the last piece: put_item starts a block if need be
    } else {
      const std::size_t room = leaf_room();
      if (room >= head + kMinFirstPiece) {
        take = std::min(cap, room - head);
      } else {
        take = cap;
      }
    }
    if (component > 0xffff) return Status::invalid_argument(path_ + ": tag too large");
    Status st = put_item(key, static_cast<std::uint16_t>(component), take == rest, compressed,
                         tag.data() + offset, take);
    if (!st.ok()) return st;
    offset += take;
    if (offset == tag.size()) return Status();
    ++component;
  }
}

Result<std::vector<TableBuilder::Child>> TableBuilder::build_branch_level(
    const std::vector<Child>& children, int level) {
  std::vector<Child> parents;
  std::vector<unsigned char> block(block_size_);
  std::size_t dir_end = kHeader, low = block_size_;
  bool open = false;
  std::uint32_t number = 0;
  auto flush = [&]() -> Status {
    if (!open) return Status();
    put_header(block.data(), revision_, level, low - dir_end, dir_end);
    open = false;
    return write_block(number, block.data());
  };
  for (const Child& c : children) {
    std::size_t size = 4 + 1 + c.key.size() + 2;
    if (!open || low - dir_end < size + kDirEntry) {
      Status st = flush();
      if (!st.ok()) return st;
      std::fill(block.begin(), block.end(), 0);
      open = true;
      number = next_block_++;
      dir_end = kHeader;
      low = block_size_;
      parents.push_back(Child{c.key, c.component, number});
      size = 4 + 1 + 2;  // the first item's key is left empty
    }
    low -= size;
    unsigned char* p = block.data() + low;
    put4(p, c.block);
    const bool first = dir_end == kHeader;
    const std::size_t key_len = first ? 0 : c.key.size();
    p[4] = static_cast<unsigned char>(key_len);
    if (key_len != 0) std::memcpy(p + 5, c.key.data(), key_len);
    put2(p + 5 + key_len, first ? 0 : c.component);
    put2(block.data() + dir_end, low);
    dir_end += kDirEntry;
  }
  Status st = flush();
  if (!st.ok()) return st;
  return parents;
}

Result<RootInfo> TableBuilder::finish(bool always_create) {
  RootInfo info;
  info.block_size = block_size_;
  info.compress_min = compress_min_;
  if (entries_ == 0) {
    if (always_create && fd_ < 0) {
      Status st = open_file();
      if (!st.ok()) return st;
    }
  } else {
    Status st = flush_leaf();
    if (!st.ok()) return st;
    std::vector<Child> level = std::move(leaves_);
    int height = 0;
    while (level.size() > 1) {
      auto up = build_branch_level(level, ++height);
      if (!up.ok()) return up.status();
      level = std::move(*up);
    }
    info.root = level.front().block;
    info.level = static_cast<std::uint32_t>(height);
    info.entries = entries_;
    info.root_is_fake = false;
    info.has_free_list = true;
    info.free_list_revision = revision_;
    info.first_unused = next_block_;
  }
  if (fd_ >= 0) {
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return Status::io_error(path_ + ": " + std::strerror(errno));
  }
  return info;
}

}  // namespace newsindex::glass
