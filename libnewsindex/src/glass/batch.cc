// In-memory inversion and the direct glass write (glass/batch.h).
#include "glass/batch.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "glass/encoding.h"
#include "glass/output_dir.h"
#include "glass/positions.h"
#include "glass/run_file.h"
#include "glass/run_merge.h"
#include "glass/table_builder.h"

namespace newsindex::glass {
namespace {

// Xapian's limit on a term's length in glass.
constexpr std::size_t kMaxTermLength = 245;
constexpr std::uint32_t kRevision = 1;

std::string doc_key(std::uint32_t did) {
  std::string k;
  put_sortable_uint(k, did);
  return k;
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

// One posting list (a term's, or the document lengths' when `dummy_counts`),
// cut into chunks: the first chunk's key is `first_key` and it starts with
// the term frequency, collection frequency and first document id less one;
// each later chunk's key is `more_key` and its first document id. Every
// chunk then says whether it is the last and how far its last id is from
// its first, and holds wdf, (gap less one, wdf)...
Status add_posting_list(EntrySink& table, const std::string& first_key,
                        const std::string& more_key, std::uint64_t termfreq,
                        std::uint64_t collfreq, const std::vector<Posting>& list,
                        std::string& body, std::string& tag, std::string& key) {
  const std::size_t n = list.size();
  std::size_t i = 0;
  bool first_chunk = true;
  while (i < n) {
    body.clear();
    const std::uint32_t first = list[i].did;
    std::uint32_t last = first;
    put_uint(body, list[i].wdf);
    ++i;
    while (i < n && body.size() < kChunkBytes) {
      put_uint(body, list[i].did - last - 1);
      put_uint(body, list[i].wdf);
      last = list[i].did;
      ++i;
    }
    tag.clear();
    if (first_chunk) {
      put_uint(tag, termfreq);
      put_uint(tag, collfreq);
      put_uint(tag, first - 1);
    }
    put_bool(tag, i == n);
    put_uint(tag, last - first);
    tag += body;
    if (first_chunk) {
      key = first_key;
    } else {
      key = more_key;
      put_sortable_uint(key, first);
    }
    Status st = table.add(key, tag);
    if (!st.ok()) return st;
    first_chunk = false;
  }
  return Status();
}


}  // namespace

bool linked_xapian_supported() { return Xapian::major_version() == 1 && Xapian::minor_version() == 4; }

GlassBatch::GlassBatch(BatchOptions options)
    : options_(options), compressor_(options.compress_level) {}

GlassBatch::~GlassBatch() = default;

void GlassBatch::set_metadata(const std::string& key, const std::string& value) {
  if (value.empty()) {
    metadata_.erase(key);
  } else {
    metadata_[key] = value;
  }
}

Status GlassBatch::add(const Xapian::Document& doc) {
  DocImage image;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    image.add_term(term, t.get_wdf());
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      image.add_posting(term, *p, 0);
    }
  }
  for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
    image.set_value(v.get_valueno(), *v);
  }
  image.set_data(doc.get_data());
  image.finish();
  return add(image);
}

Status GlassBatch::add(const DocImage& doc) {
  // Check first, so a refused document leaves the batch as it was.
  for (std::size_t i = 0; i < doc.term_count(); ++i) {
    if (doc.term(i).size() > kMaxTermLength) {
      return Status::invalid_argument("Term too long (> 245): " + std::string(doc.term(i).substr(0, 60)) +
                              "...");
    }
  }
  const auto did = static_cast<std::uint32_t>(docs_.size() + 1);
  Doc d;
  std::string& tl = scratch_;
  tl.clear();
  std::uint64_t doclen = 0;
  const auto count = static_cast<std::uint32_t>(doc.term_count());
  // The document's terms are scattered over a table of hundreds of
  // thousands: each lookup is a few cache misses. They are resolved in
  // three passes so that the misses overlap instead of following one
  // another: the hashes (prefetching each one's slot), the entries
  // (prefetching an entry a few terms ahead), then the postings (prefetching
  // the ends of the lists a few terms ahead).
  reserve_terms(count);
  hashes_.resize(count);
  entries_.resize(count);
  const std::size_t mask = table_.size() - 1;
  constexpr std::size_t kAhead = 4;
  for (std::size_t i = 0; i < count; ++i) {
    hashes_[i] = std::hash<std::string_view>()(doc.term(i));
    __builtin_prefetch(&table_[hashes_[i] & mask]);
  }
  for (std::size_t i = 0; i < count; ++i) {
    if (i + kAhead < count) {
      const Slot& ahead = table_[hashes_[i + kAhead] & mask];
      if (ahead.index != 0) __builtin_prefetch(&terms_[ahead.index - 1]);
    }
    entries_[i] = find_or_add(doc.term(i), hashes_[i]);
  }
  std::string_view prev;
  for (std::size_t i = 0; i < count; ++i) {
    if (i + kAhead < count) {
      const Postings& ahead = terms_[entries_[i + kAhead]];
      __builtin_prefetch(ahead.postings.data() + ahead.postings.size());
      __builtin_prefetch(ahead.positions.data() + ahead.positions.size());
    }
    const std::string_view term = doc.term(i);
    const std::uint32_t wdf = doc.wdf(i);
    doclen += wdf;
    stats_.wdf_upper = std::max<std::uint64_t>(stats_.wdf_upper, wdf);
    // The term list: the first term whole, then each term as the length of
    // the prefix it shares with the one before and the rest; when the wdf
    // is small, prefix length and wdf share one byte.
    if (i == 0) {
      tl += static_cast<char>(term.size());
      tl += term;
      put_uint(tl, wdf);
    } else {
      const std::size_t reuse = common_prefix(prev, term);
      std::size_t packed = 0;
      if (wdf < 127) packed = (wdf + 1) * (prev.size() + 1) + reuse;
      if (packed != 0 && packed < 256) {
        tl += static_cast<char>(packed);
        tl += static_cast<char>(term.size() - reuse);
        tl.append(term.substr(reuse));
      } else {
        tl += static_cast<char>(reuse);
        tl += static_cast<char>(term.size() - reuse);
        tl.append(term.substr(reuse));
        put_uint(tl, wdf);
      }
    }

    Postings& p = terms_[entries_[i]];
    p.collection_freq += wdf;
    if (const std::size_t n = doc.position_count(i); n != 0) {
      const std::size_t before = p.positions.size();
      encode_positions(p.positions, doc.positions(i), n);
      bytes_ += p.positions.size() - before;
    }
    p.postings.push_back({did, wdf, static_cast<std::uint32_t>(p.positions.size())});
    bytes_ += 12;
    ++postings_;
    prev = term;
  }
  if (count != 0) {
    std::string head;
    put_uint(head, doclen);
    put_uint(head, count);
    d.termlist = head + tl;
  }
  d.length = static_cast<std::uint32_t>(doclen);
  if (d.termlist.size() > default_compress_min(kTermlist) &&
      compressor_.compress(d.termlist, tl)) {
    d.termlist.swap(tl);
    d.termlist_compressed = true;
  }

  d.data = doc.data();
  if (options_.compress_data && d.data.size() > default_compress_min(kDocdata) &&
      compressor_.compress(d.data, tl)) {
    d.data.swap(tl);
    d.data_compressed = true;
  }

  std::int64_t prev_slot = -1;
  for (const auto& [slot, value] : doc.values()) {
    put_uint(d.slots, static_cast<std::uint64_t>(slot - prev_slot - 1));
    prev_slot = slot;
    SlotValues& s = slots_[slot];
    if (s.docs.empty()) {
      s.lower = value;
      s.upper = value;
    } else if (value < s.lower) {
      s.lower = value;
    } else if (value > s.upper) {
      s.upper = value;
    }
    s.docs.push_back(did);
    s.bytes += value;
    s.ends.push_back(static_cast<std::uint32_t>(s.bytes.size()));
    bytes_ += value.size() + 8;
  }

  ++stats_.doccount;
  stats_.last_docid = did;
  if (doclen != 0 && (stats_.doclen_lower == 0 || doclen < stats_.doclen_lower)) {
    stats_.doclen_lower = doclen;
  }
  stats_.doclen_upper = std::max(stats_.doclen_upper, doclen);
  stats_.total_doclen += doclen;
  bytes_ += d.termlist.size() + d.data.size() + d.slots.size() + sizeof(Doc);
  docs_.push_back(std::move(d));
  return Status();
}

void GlassBatch::reserve_terms(std::size_t more) {
  // Grow (and rehash) at half full: probes stay short.
  if ((terms_.size() + more) * 2 < table_.size()) return;
  std::size_t n = table_.empty() ? 1024 : table_.size() * 2;
  while ((terms_.size() + more) * 2 >= n) n *= 2;
  std::vector<Slot> bigger(n);
  const std::size_t mask = n - 1;
  for (const Slot& s : table_) {
    if (s.index == 0) continue;
    std::size_t i = s.hash & mask;
    while (bigger[i].index != 0) i = (i + 1) & mask;
    bigger[i] = s;
  }
  bytes_ += (bigger.size() - table_.size()) * sizeof(Slot);
  table_.swap(bigger);
}

std::uint32_t GlassBatch::find_or_add(std::string_view term, std::uint64_t h) {
  const std::size_t mask = table_.size() - 1;
  std::size_t i = h & mask;
  for (;;) {
    Slot& s = table_[i];
    if (s.index == 0) {
      terms_.emplace_back();
      terms_.back().term.assign(term);
      s.hash = h;
      s.index = static_cast<std::uint32_t>(terms_.size());
      bytes_ += term.size() + sizeof(Postings);
      return s.index - 1;
    }
    if (s.hash == h && terms_[s.index - 1].term == term) return s.index - 1;
    i = (i + 1) & mask;
  }
}

std::vector<const GlassBatch::Postings*> GlassBatch::sorted_terms() const {
  // Sorted by sort_head() (glass/encoding.h), then by the whole term only
  // when the heads are equal: most comparisons then touch neither the
  // Postings nor the term's bytes (a chunk holds hundreds of thousands of
  // terms).
  struct Keyed {
    std::uint64_t head;
    const Postings* p;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(terms_.size());
  for (const Postings& e : terms_) {
    keyed.push_back({sort_head(e.term), &e});
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    if (a.head != b.head) return a.head < b.head;
    return a.p->term < b.p->term;
  });
  std::vector<const Postings*> v;
  v.reserve(keyed.size());
  for (const Keyed& k : keyed) v.push_back(k.p);
  return v;
}

Status GlassBatch::emit_postlist(EntrySink& table, const std::vector<const Postings*>& terms) {
  std::string key, tag, body;
  // User metadata: "\0\xc0" + key.
  for (const auto& [k, v] : metadata_) {
    key.assign("\0\xc0", 2);
    key += k;
    Status st = table.add(key, v);
    if (!st.ok()) return st;
  }
  // Value statistics: "\0\xd0" + slot (little-endian, no length), in key order.
  std::vector<std::pair<std::string, const SlotValues*>> order;
  for (const auto& [slot, s] : slots_) {
    key.assign("\0\xd0", 2);
    put_uint_last(key, slot);
    order.emplace_back(key, &s);
  }
  std::sort(order.begin(), order.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [k, s] : order) {
    tag.clear();
    put_uint(tag, s->docs.size());
    put_string(tag, s->lower);
    if (s->lower != s->upper) tag += s->upper;
    Status st = table.add(k, tag);
    if (!st.ok()) return st;
  }
  // Value streams: "\0\xd8" + slot + first document id; each chunk holds
  // value, (gap less one, value)...
  order.clear();
  for (const auto& [slot, s] : slots_) {
    key.assign("\0\xd8", 2);
    put_uint(key, slot);
    order.emplace_back(key, &s);
  }
  std::sort(order.begin(), order.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [prefix, s] : order) {
    std::size_t i = 0;
    const std::size_t n = s->docs.size();
    while (i < n) {
      tag.clear();
      const std::uint32_t first = s->docs[i];
      std::uint32_t last = first;
      for (;;) {
        const std::uint32_t start = i == 0 ? 0 : s->ends[i - 1];
        const std::string_view value(s->bytes.data() + start, s->ends[i] - start);
        if (s->docs[i] != first) put_uint(tag, s->docs[i] - last - 1);
        put_string(tag, value);
        last = s->docs[i];
        ++i;
        if (i == n || tag.size() >= kChunkBytes) break;
      }
      key = prefix;
      put_sortable_uint(key, first);
      Status st = table.add(key, tag);
      if (!st.ok()) return st;
    }
  }
  // Document lengths: "\0\xe0", then "\0\xe0" + first id; the first chunk's
  // two counts are dummies (0).
  {
    std::vector<Posting> lengths(docs_.size());
    for (std::size_t i = 0; i < docs_.size(); ++i) {
      lengths[i] = {static_cast<std::uint32_t>(i + 1), docs_[i].length, 0};
    }
    const std::string prefix("\0\xe0", 2);
    Status st = add_posting_list(table, prefix, prefix, 0, 0, lengths, body, tag, key);
    if (!st.ok()) return st;
  }
  // Terms: the term (sort-preserving, unterminated), then term + NUL + id.
  std::string first_key, more_key;
  for (const auto* e : terms) {
    first_key.clear();
    put_sortable_string(first_key, e->term, true);
    more_key.clear();
    put_sortable_string(more_key, e->term, false);
    const Postings& p = *e;
    Status st = add_posting_list(table, first_key, more_key, p.postings.size(),
                                 p.collection_freq, p.postings, body, tag, key);
    if (!st.ok()) return st;
  }
  return Status();
}

Status GlassBatch::emit_termlist(EntrySink& table) {
  std::string key;
  for (std::size_t i = 0; i < docs_.size(); ++i) {
    const Doc& d = docs_[i];
    key = doc_key(static_cast<std::uint32_t>(i + 1));
    Status st = table.add(key, d.termlist, d.termlist_compressed);
    if (!st.ok()) return st;
    if (!d.slots.empty()) {
      key += '\0';  // the used-slots entry sorts right after the term list
      st = table.add(key, d.slots);
      if (!st.ok()) return st;
    }
  }
  return Status();
}

Status GlassBatch::emit_positions(EntrySink& table, const std::vector<const Postings*>& terms) {
  std::string key, prefix;
  for (const auto* e : terms) {
    const Postings& p = *e;
    if (p.positions.empty()) continue;
    prefix.clear();
    put_sortable_string(prefix, e->term, false);
    std::uint32_t start = 0;
    for (const Posting& posting : p.postings) {
      const std::uint32_t end = posting.pos_end;
      if (end != start) {
        key = prefix;
        put_sortable_uint(key, posting.did);
        Status st = table.add(key, std::string_view(p.positions.data() + start, end - start));
        if (!st.ok()) return st;
      }
      start = end;
    }
  }
  return Status();
}

Status GlassBatch::emit_docdata(EntrySink& table) {
  for (std::size_t i = 0; i < docs_.size(); ++i) {
    const Doc& d = docs_[i];
    if (d.data.empty()) continue;
    Status st = table.add(doc_key(static_cast<std::uint32_t>(i + 1)), d.data, d.data_compressed);
    if (!st.ok()) return st;
  }
  return Status();
}

Status GlassBatch::emit(Table t, EntrySink& sink, const std::vector<const Postings*>& terms) {
  switch (t) {
    case kPostlist:
      return emit_postlist(sink, terms);
    case kTermlist:
      return emit_termlist(sink);
    case kPosition:
      return emit_positions(sink, terms);
    case kDocdata:
      return emit_docdata(sink);
    default:
      return Status();
  }
}

namespace {

constexpr std::array<std::pair<Table, const char*>, 4> kWritten = {
    {{kPostlist, "postlist"}, {kTermlist, "termlist"}, {kPosition, "position"},
     {kDocdata, "docdata"}}};

}  // namespace

Status GlassBatch::write(const std::string& dir) {
  const std::uint32_t bs = options_.block_size;
  Status st = prepare_output_dir(dir, bs);
  if (!st.ok()) return st;
  std::array<RootInfo, kTableCount> roots;
  for (int t = 0; t < kTableCount; ++t) {
    roots[t].block_size = bs;
    roots[t].compress_min = default_compress_min(static_cast<Table>(t));
  }
  const std::vector<const Postings*> terms = sorted_terms();
  for (const auto& [table, name] : kWritten) {
    const std::string path = dir + "/" + name + ".glass";
    TableBuilder builder(path, bs, kRevision, default_compress_min(table));
    st = emit(table, builder, terms);
    if (!st.ok()) return st;
    // Xapian creates the position and docdata tables on their first write.
    auto info = builder.finish(table == kPostlist || table == kTermlist);
    if (!info.ok()) return info.status();
    roots[table] = *info;
    if (options_.sync) {
      st = sync_path(path);
      if (!st.ok()) return st;
    }
  }
  st = write_version_file(dir, kRevision, roots, stats_, options_.sync);
  if (st.ok() && options_.sync) st = sync_path(dir);
  return st;
}

Status GlassBatch::write_runs(const std::string& dir) {
  Status st = prepare_output_dir(dir, options_.block_size);
  if (!st.ok()) return st;
  const std::vector<const Postings*> terms = sorted_terms();
  for (const auto& [table, name] : kWritten) {
    auto run = RunWriter::create(dir + "/" + name + ".run");
    if (!run.ok()) return run.status();
    st = emit(table, **run, terms);
    if (st.ok()) st = (*run)->finish(options_.sync);
    if (!st.ok()) return st;
  }
  // Last: a run directory with its statistics is complete.
  st = write_run_stats(dir, stats_, options_.sync);
  if (st.ok() && options_.sync) st = sync_path(dir);
  return st;
}

void GlassBatch::clear() {
  terms_.clear();
  std::fill(table_.begin(), table_.end(), Slot{});
  slots_.clear();
  docs_.clear();
  metadata_.clear();
  stats_ = DatabaseStats();
  postings_ = 0;
  bytes_ = table_.size() * sizeof(Slot);
}

}  // namespace newsindex::glass
