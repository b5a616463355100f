// analysis/dictionary.cc
#include "analysis/dictionary.h"

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "analysis/normalizer.h"

namespace newsindex::internal::analysis {
namespace {

inline std::uint64_t hash_word(std::string_view w) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : w) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h ^ (h >> 29);
}

constexpr std::uint64_t kOffsetMask = 0xFFFFFFFFULL;

// A usable entry: lower-case start, letters only (after normalisation).
bool usable_raw(std::string_view line) {
  if (line.empty()) return false;
  const auto first = static_cast<unsigned char>(line[0]);
  if (first >= 'A' && first <= 'Z') return false;
  for (unsigned char c : line) {
    if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

}  // namespace

void Dictionary::add(std::string_view word) {
  if (word.empty() || word.size() > 255 || words_.size() + word.size() > kOffsetMask) return;
  offsets_.push_back(static_cast<std::uint32_t>(words_.size()));
  words_.append(word);
  words_.push_back('\0');
}

void Dictionary::build_table() {
  std::size_t cap = 16;
  while (cap < offsets_.size() * 2) cap <<= 1;
  slots_.assign(cap, 0);
  mask_ = cap - 1;
  count_ = 0;
  for (std::uint32_t off : offsets_) {
    const std::string_view w(words_.data() + off);
    if (contains(w)) continue;  // duplicate after normalisation
    const std::uint64_t h = hash_word(w);
    std::uint64_t i = h & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = off | (static_cast<std::uint64_t>(w.size()) << 32) | ((h >> 40) << 40);
    ++count_;
  }
  offsets_.clear();
  offsets_.shrink_to_fit();
  // A blocked Bloom filter (two bits in one 64-bit word, ~10 bits per word):
  // most lookups are of substrings that are no word, and the filter answers
  // them from a table small enough to stay in cache.
  std::size_t words = 1;
  while (words * 64 < count_ * 10) words <<= 1;
  bloom_.assign(words, 0);
  bloom_mask_ = words - 1;
  for (std::uint64_t s : slots_) {
    if (s == 0) continue;
    const std::string_view w(words_.data() + (s & kOffsetMask), (s >> 32) & 0xFF);
    const std::uint64_t h = hash_word(w);
    bloom_[(h >> 6) & bloom_mask_] |= (1ULL << (h & 63)) | (1ULL << ((h >> 32) & 63));
  }
}

bool Dictionary::contains(std::string_view word) const {
  if (slots_.empty() || word.empty() || word.size() > 255) return false;
  const std::uint64_t h = hash_word(word);
  if (!bloom_.empty()) {
    const std::uint64_t bits = (1ULL << (h & 63)) | (1ULL << ((h >> 32) & 63));
    if ((bloom_[(h >> 6) & bloom_mask_] & bits) != bits) return false;
  }
  const std::uint64_t tag = (h >> 40) << 40;
  for (std::uint64_t i = h & mask_;; i = (i + 1) & mask_) {
    const std::uint64_t s = slots_[i];
    if (s == 0) return false;
    if ((s & ~((1ULL << 40) - 1)) != tag) continue;
    if (((s >> 32) & 0xFF) != word.size()) continue;
    if (std::string_view(words_.data() + (s & kOffsetMask), word.size()) == word) return true;
  }
}

std::shared_ptr<const Dictionary> Dictionary::from_words(const std::vector<std::string>& words) {
  auto d = std::make_shared<Dictionary>();
  for (const auto& w : words) d->add(w);
  d->build_table();
  return d;
}

Result<std::shared_ptr<const Dictionary>> Dictionary::load(const std::string& path) {
  static std::mutex mu;
  // Kept for the life of the process: analyzers come and go (one per
  // writer or searcher), the 12 MB list is loaded once.
  static std::map<std::string, std::shared_ptr<const Dictionary>> cache;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache.find(path); it != cache.end()) {
    return it->second;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Status::not_found("compound dictionary " + path +
                     ": cannot open (install Debian's wdutch, set "
                     "AnalyzerOptions::dictionary_path, or turn split_compounds off)");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::io_error("compound dictionary " + path + ": read failed");
  const std::string text = buf.str();

  auto d = std::make_shared<Dictionary>();
  std::uint32_t fp = 2166136261u;
  for (unsigned char c : text) {
    fp ^= c;
    fp *= 16777619u;
  }
  d->fingerprint_ = fp;
  d->words_.reserve(text.size() + text.size() / 8);
  Normalizer norm;
  std::string folded;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!usable_raw(line)) continue;
    norm.normalize(line, folded, /*fold_accents=*/true);
    d->add(folded);
  }
  if (d->offsets_.empty())
    return Status::corruption("compound dictionary " + path + ": no usable words");
  d->build_table();
  cache[path] = d;
  return std::shared_ptr<const Dictionary>(d);
}

}  // namespace newsindex::internal::analysis
