// search/key_search.h: every occurrence of a few short keys in a text, in
// one pass (the snippeter's pre-screen, search/snippets.h).
//
// The snippeter chooses its window from where the first bytes of the query's
// terms and stems occur in the lower-cased body ("missi" in
// "trainingsmissie"). One memmem() pass per key read the body once per key;
// this reads it once for all keys: 16 positions at a time, each compared
// with every key's first two bytes (SSE2), then the keys whose two bytes
// matched are compared whole.
#ifndef NEWSINDEX_SEARCH_KEY_SEARCH_H_
#define NEWSINDEX_SEARCH_KEY_SEARCH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsindex::internal {

// Not thread-safe (reuses its buffers).
class KeySearch {
 public:
  // The keys to find from now on. REQUIRES: each key is 2 bytes or longer.
  void set_keys(const std::vector<std::string>& keys);

  // Finds in `text` every occurrence of each key, overlapping ones included,
  // at most `limit` per key: positions(k) then lists key k's starts in
  // increasing order. Bytes are compared as they are (no case folding).
  void find(std::string_view text, std::size_t limit);

  const std::vector<std::uint32_t>& positions(std::size_t key) const { return found_[key]; }

 private:
  // Checks the keys whose first two bytes are text[at, at + 2).
  void check(std::string_view text, std::size_t at, std::size_t limit);

  std::vector<std::string> keys_;
  // The distinct first-two-byte pairs of the keys, and for each the keys
  // that start with it.
  std::vector<std::uint16_t> pairs_;
  std::vector<std::vector<std::size_t>> keys_of_pair_;
  std::vector<std::vector<std::uint32_t>> found_;
};

}  // namespace newsindex::internal

#endif  // NEWSINDEX_SEARCH_KEY_SEARCH_H_
