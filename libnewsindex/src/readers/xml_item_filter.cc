// Holds back XML items and drops oversized ones (see xml_item_filter.h).
#include "readers/xml_item_filter.h"

#include <algorithm>
#include <cstring>

namespace newsindex::internal {
namespace {

constexpr std::size_t kChunk = 1 << 16;

constexpr std::uint32_t tail_code(std::string_view s) {
  std::uint32_t w = 0;
  for (const char c : s) w = (w << 8) | static_cast<unsigned char>(c);
  return w;
}

bool is_item_name(std::string_view local) { return local == "NewsItem" || local == "nitf"; }

}  // namespace

long XmlItemFilter::read(char* out, std::size_t n) {
  while (out_pos_ == out_.size()) {
    out_.clear();
    out_pos_ = 0;
    if (pending_newlines_ > 0) {
      const std::uint64_t k = std::min<std::uint64_t>(pending_newlines_, kChunk);
      out_.append(static_cast<std::size_t>(k), '\n');
      pending_newlines_ -= k;
      break;
    }
    if (in_pos_ == in_buf_.size()) {
      if (eof_) return 0;
      in_buf_.resize(kChunk);
      const long got = in_.read(in_buf_.data(), in_buf_.size());
      if (got < 0) return -1;
      in_buf_.resize(static_cast<std::size_t>(got));
      if (first_read_ && got >= 2) {
        // UTF-16 and UTF-32 (a byte-order mark, or "<" next to a zero byte)
        // are full of zero bytes that are not NULs: leave them alone.
        const auto b0 = static_cast<unsigned char>(in_buf_[0]);
        const auto b1 = static_cast<unsigned char>(in_buf_[1]);
        wide_ = (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF) || b0 == 0 || b1 == 0;
      }
      first_read_ = false;
      if (!wide_) {
        for (char& c : in_buf_) {
          const auto u = static_cast<unsigned char>(c);
          if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') {
            c = ' ';
            ++replaced_controls_;
          }
        }
      }
      in_pos_ = 0;
      if (got == 0) {
        eof_ = true;
        flush_at_end();
        continue;
      }
    }
    in_pos_ += scan(in_buf_.data() + in_pos_, in_buf_.size() - in_pos_);
  }
  const std::size_t k = std::min(n, out_.size() - out_pos_);
  std::memcpy(out, out_.data() + out_pos_, k);
  out_pos_ += k;
  return static_cast<long>(k);
}

void XmlItemFilter::emit(std::string_view s) {
  if (item_name_.empty()) {
    out_ += s;
    return;
  }
  item_newlines_ += static_cast<std::uint64_t>(std::count(s.begin(), s.end(), '\n'));
  item_bytes_ += s.size();
  if (oversized_) return;
  if (item_bytes_ > max_item_bytes_) {
    oversized_ = true;
    item_.clear();
    item_.shrink_to_fit();
  } else {
    item_ += s;
  }
}

std::size_t XmlItemFilter::scan(const char* p, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const char c = p[i];
    switch (state_) {
      case State::kText: {
        const void* lt = std::memchr(p + i, '<', n - i);
        const std::size_t end = lt != nullptr ? static_cast<std::size_t>(
                                                    static_cast<const char*>(lt) - p)
                                              : n;
        emit(std::string_view(p + i, end - i));
        i = end;
        if (i < n) {
          markup_ = "<";
          markup_overflow_ = false;
          state_ = State::kMarkup;
        }
        break;
      }
      case State::kMarkup: {
        markup_ += c;
        State next = State::kTag;
        if (markup_ == "<?") {
          next = State::kPI;
        } else if (markup_ == "<!--") {
          next = State::kComment;
        } else if (markup_ == "<![CDATA[") {
          next = State::kCData;
        } else if (markup_[1] == '!') {
          const bool maybe = std::string_view("<!--").starts_with(markup_) ||
                             std::string_view("<![CDATA[").starts_with(markup_);
          if (maybe) break;
          next = State::kDecl;
          brackets_ = 0;
        }
        if (next != State::kTag) {
          emit(markup_);
          markup_.clear();
          window_ = 0;
          state_ = next;
          break;
        }
        markup_.pop_back();  // the tag branch takes c
        state_ = State::kTag;
        [[fallthrough]];
      }
      case State::kTag:
      case State::kTagQuote:
        if (markup_overflow_) {
          emit(std::string_view(&c, 1));
        } else {
          markup_ += c;
        }
        if (state_ == State::kTagQuote) {
          if (c == quote_) state_ = State::kTag;
        } else if (c == '"' || c == '\'') {
          quote_ = c;
          state_ = State::kTagQuote;
        } else if (c == '>') {
          state_ = State::kText;
          if (!markup_overflow_) {
            end_tag();
            if (pending_newlines_ > 0) return i + 1;
          }
        }
        if (!markup_overflow_ && markup_.size() > max_item_bytes_) {
          // A tag this long is broken input: pass it on for libxml2 to report.
          emit(markup_);
          markup_.clear();
          markup_overflow_ = true;
        }
        break;
      case State::kComment:
      case State::kCData:
      case State::kPI: {
        emit(std::string_view(&c, 1));
        window_ = (window_ << 8) | static_cast<unsigned char>(c);
        const bool end = state_ == State::kPI ? (window_ & 0xFFFF) == tail_code("?>")
                         : state_ == State::kComment
                             ? (window_ & 0xFFFFFF) == tail_code("-->")
                             : (window_ & 0xFFFFFF) == tail_code("]]>");
        if (end) state_ = State::kText;
        break;
      }
      case State::kDecl:
        emit(std::string_view(&c, 1));
        if (c == '"' || c == '\'') {
          quote_ = c;
          state_ = State::kDeclQuote;
        } else if (c == '[') {
          ++brackets_;
        } else if (c == ']') {
          --brackets_;
        } else if (c == '>' && brackets_ <= 0) {
          state_ = State::kText;
        }
        break;
      case State::kDeclQuote:
        emit(std::string_view(&c, 1));
        if (c == quote_) state_ = State::kDecl;
        break;
    }
  }
  return n;
}

void XmlItemFilter::end_tag() {
  const std::string_view tag = markup_;
  const bool closing = tag.size() > 1 && tag[1] == '/';
  const bool empty = !closing && tag.size() > 2 && tag[tag.size() - 2] == '/';
  const std::size_t start = closing ? 2 : 1;
  const std::size_t end = std::min(tag.find_first_of(" \t\r\n/>", start), tag.size());
  const std::string_view name = tag.substr(start, end - start);
  const std::size_t colon = name.rfind(':');
  const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
  if (item_name_.empty()) {
    if (closing || empty || !is_item_name(local)) {
      out_ += tag;
    } else {
      item_name_ = std::string(name);
      start_tag_ = markup_;
      item_.clear();
      item_bytes_ = 0;
      item_newlines_ = 0;
      depth_ = 1;
      oversized_ = false;
      emit(tag);
      item_newlines_ = 0;
    }
  } else {
    emit(tag);
    if (name == item_name_ && !empty) {
      depth_ += closing ? -1 : 1;
      if (depth_ == 0) end_item();
    }
  }
  markup_.clear();
}

void XmlItemFilter::end_item() {
  if (!oversized_) {
    out_ += item_;
  } else {
    out_.append(start_tag_, 0, start_tag_.size() - 1);
    out_ += ' ';
    out_ += kOversizedAttribute;
    out_ += "=\"1\"/>";
    pending_newlines_ = item_newlines_;
  }
  item_name_.clear();
  item_.clear();
  start_tag_.clear();
}

void XmlItemFilter::flush_at_end() {
  if (!markup_.empty()) emit(markup_);
  markup_.clear();
  if (item_name_.empty()) return;
  // A cut-off item: hand on what there is, for libxml2 to report.
  out_ += oversized_ ? start_tag_ : item_;
  item_name_.clear();
  item_.clear();
}

}  // namespace newsindex::internal
