// The merge of runs into one glass database (glass/run_merge.h).
#include "glass/run_merge.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <queue>
#include <sstream>
#include <thread>

#include "glass/encoding.h"
#include "glass/output_dir.h"
#include "glass/run_file.h"
#include "glass/table_builder.h"

namespace newsindex::glass {
namespace {

constexpr std::uint32_t kRevision = 1;
constexpr std::string_view kStatsMagic = "newsindex-run-stats 1";
constexpr const char* kStatsFile = "/stats";

// One run of one table, read in order; `offset` is added to its document ids.
struct Source {
  std::unique_ptr<RunReader> reader;
  std::uint64_t offset = 0;
  bool live = false;
};

Status corrupt(const Source& s, const char* what) {
  return Status::corruption(s.reader->path() + ": " + what);
}

Status step(Source& s) {
  s.live = s.reader->next();
  return s.reader->status();
}

Result<std::vector<Source>> open_sources(const std::vector<std::string>& runs,
                                         const std::vector<std::uint64_t>& offsets,
                                         const char* table) {
  // The read buffers of one table's runs share 16 MiB (1 MiB each at most,
  // 64 KiB at least): a merge of a million articles' runs does not hold a
  // megabyte per run and table.
  const std::size_t buffer = std::clamp<std::size_t>(
      (std::size_t{16} << 20) / std::max<std::size_t>(runs.size(), 1), 64 << 10, 1 << 20);
  std::vector<Source> sources(runs.size());
  for (std::size_t i = 0; i < runs.size(); ++i) {
    auto r = RunReader::open(runs[i] + "/" + table + ".run", buffer);
    if (!r.ok()) return r.status();
    sources[i].reader = std::move(*r);
    sources[i].offset = offsets[i];
    Status st = step(sources[i]);
    if (!st.ok()) return st;
  }
  return sources;
}

// Tables keyed by document id (term lists, document data): run after run,
// each key's id renumbered and the rest of the key kept.
Status merge_by_document(std::vector<Source>& sources, EntrySink& out) {
  std::string key;
  for (Source& s : sources) {
    while (s.live) {
      std::string_view k = s.reader->key();
      std::uint64_t did = 0;
      if (!get_sortable_uint(k, did)) return corrupt(s, "a key without a document id");
      key.clear();
      put_sortable_uint(key, did + s.offset);
      key.append(k);
      Status st = out.add(key, s.reader->tag(), s.reader->compressed());
      if (st.ok()) st = step(s);
      if (!st.ok()) return st;
    }
  }
  return Status();
}

// The smallest current entity first, and among equal ones the earlier run:
// a min-heap of source indexes.
template <class EntityOf>
class SourceHeap {
 public:
  SourceHeap(std::vector<Source>& sources, EntityOf entity_of)
      : sources_(sources), entity_of_(entity_of), heap_(Less{this}) {
    for (std::size_t i = 0; i < sources.size(); ++i) push(i);
  }
  bool empty() const { return heap_.empty(); }
  std::size_t top() const { return heap_.top(); }
  std::size_t pop() {
    const std::size_t i = heap_.top();
    heap_.pop();
    return i;
  }
  void push(std::size_t i) {
    if (sources_[i].live) heap_.push(i);
  }
  std::string_view entity(std::size_t i) const { return entity_of_(sources_[i].reader->key()); }

 private:
  struct Less {
    const SourceHeap* h;
    // priority_queue keeps the greatest on top: invert.
    bool operator()(std::size_t a, std::size_t b) const {
      const int c = h->entity(a).compare(h->entity(b));
      return c != 0 ? c > 0 : a > b;
    }
  };
  std::vector<Source>& sources_;
  EntityOf entity_of_;
  std::priority_queue<std::size_t, std::vector<std::size_t>, Less> heap_;
};

// Position table: term (sort-preserving, terminated) + document id.
Status merge_positions(std::vector<Source>& sources, EntrySink& out) {
  auto entity_of = [](std::string_view key) {
    const std::size_t end = sortable_string_end(key);
    return end == std::string_view::npos ? key : key.substr(0, end + 1);
  };
  SourceHeap heap(sources, entity_of);
  std::string key;
  while (!heap.empty()) {
    const std::size_t i = heap.pop();
    Source& s = sources[i];
    std::string_view k = s.reader->key();
    const std::string_view term = entity_of(k);
    k.remove_prefix(term.size());
    std::uint64_t did = 0;
    if (term.size() == s.reader->key().size() || !get_sortable_uint(k, did) || !k.empty()) {
      return corrupt(s, "a position key without a document id");
    }
    key.assign(term);
    put_sortable_uint(key, did + s.offset);
    Status st = out.add(key, s.reader->tag(), s.reader->compressed());
    if (st.ok()) st = step(s);
    if (!st.ok()) return st;
    heap.push(i);
  }
  return Status();
}

// What a postlist key belongs to: user metadata and value statistics are
// one entry each; a value stream is "\0\xd8" + slot; the document lengths
// "\0\xe0"; a term its sort-preserving form, unterminated.
std::string_view postlist_entity(std::string_view key) {
  if (key.size() >= 2 && key[0] == '\0' && key[1] != '\xff') {
    switch (static_cast<unsigned char>(key[1])) {
      case 0xd8: {
        std::string_view rest = key.substr(2);
        std::uint64_t slot = 0;
        if (!get_uint(rest, slot)) return key;
        return key.substr(0, key.size() - rest.size());
      }
      case 0xe0:
        return key.substr(0, 2);
      default:
        return key;
    }
  }
  const std::size_t end = sortable_string_end(key);
  return end == std::string_view::npos ? key : key.substr(0, end);
}

// One posting list (a term's, or the document lengths') joined from the
// runs in `group`, in run order.
class ListJoiner {
 public:
  ListJoiner(EntrySink& out, std::string_view entity, bool lengths)
      : out_(out), entity_(entity), lengths_(lengths) {}

  // The counts of the whole list, from the first chunk of each run.
  Status count(const Source& s) {
    std::string_view tag = s.reader->tag();
    std::uint64_t tf = 0, cf = 0;
    if (s.reader->key().size() != entity_.size() || !get_uint(tag, tf) || !get_uint(tag, cf)) {
      return corrupt(s, "a posting list without its first chunk");
    }
    termfreq_ += tf;
    collfreq_ += cf;
    return Status();
  }

  // Every chunk of the list in `s`, then steps past them.
  Status take(Source& s) {
    bool first = true;
    while (s.live && postlist_entity(s.reader->key()) == entity_) {
      std::string_view key = s.reader->key();
      std::string_view tag = s.reader->tag();
      std::uint64_t start = 0, span = 0, skip = 0;
      bool last = false;
      if (first) {
        if (!get_uint(tag, skip) || !get_uint(tag, skip) || !get_uint(tag, start)) {
          return corrupt(s, "a damaged first posting-list chunk");
        }
        ++start;
      } else {
        key.remove_prefix(entity_.size() + (lengths_ ? 0 : 1));
        if (!get_sortable_uint(key, start) || !key.empty()) {
          return corrupt(s, "a posting-list chunk key without a document id");
        }
      }
      if (!get_bool(tag, last) || !get_uint(tag, span)) {
        return corrupt(s, "a damaged posting-list chunk");
      }
      start += s.offset;
      Status st = add_chunk(start, start + span, tag);
      if (st.ok()) st = step(s);
      if (!st.ok()) return st;
      first = false;
    }
    return Status();
  }

  Status finish() { return have_ ? emit(true) : Status(); }

 private:
  Status add_chunk(std::uint64_t first, std::uint64_t last, std::string_view body) {
    if (have_ && body_.size() + body.size() <= kChunkBytes && first > last_) {
      put_uint(body_, first - last_ - 1);
      body_.append(body);
      last_ = last;
      return Status();
    }
    if (have_) {
      Status st = emit(false);
      if (!st.ok()) return st;
    }
    have_ = true;
    first_ = first;
    last_ = last;
    body_.assign(body);
    return Status();
  }

  Status emit(bool last_chunk) {
    tag_.clear();
    key_.assign(entity_);
    if (!emitted_) {
      put_uint(tag_, termfreq_);
      put_uint(tag_, collfreq_);
      put_uint(tag_, first_ - 1);
    } else {
      if (!lengths_) key_ += '\0';
      put_sortable_uint(key_, first_);
    }
    put_bool(tag_, last_chunk);
    put_uint(tag_, last_ - first_);
    tag_ += body_;
    emitted_ = true;
    return out_.add(key_, tag_);
  }

  EntrySink& out_;
  std::string_view entity_;
  const bool lengths_;
  std::uint64_t termfreq_ = 0, collfreq_ = 0;
  bool have_ = false, emitted_ = false;
  std::uint64_t first_ = 0, last_ = 0;
  std::string body_, key_, tag_;
};

// Value statistics: frequency, lower bound (length-prefixed) and upper bound
// (the rest, absent when equal to the lower).
Status combine_value_stats(std::vector<Source>& sources, const std::vector<std::size_t>& group,
                           EntrySink& out) {
  std::uint64_t freq = 0;
  std::string lower, upper, key(sources[group.front()].reader->key());
  for (std::size_t n = 0; n < group.size(); ++n) {
    Source& s = sources[group[n]];
    std::string_view tag = s.reader->tag();
    std::uint64_t f = 0, len = 0;
    if (!get_uint(tag, f) || !get_uint(tag, len) || len > tag.size()) {
      return corrupt(s, "damaged value statistics");
    }
    const std::string_view lo = tag.substr(0, len);
    tag.remove_prefix(len);
    const std::string_view hi = tag.empty() ? lo : tag;
    if (n == 0 || lo < lower) lower.assign(lo);
    if (n == 0 || hi > upper) upper.assign(hi);
    freq += f;
    Status st = step(s);
    if (!st.ok()) return st;
  }
  std::string tag;
  put_uint(tag, freq);
  put_string(tag, lower);
  if (lower != upper) tag += upper;
  return out.add(key, tag);
}

Status merge_postlist(std::vector<Source>& sources,
                      const std::map<std::string, std::string>& metadata, EntrySink& out) {
  std::string key;
  for (const auto& [k, v] : metadata) {
    key.assign("\0\xc0", 2);
    key += k;
    Status st = out.add(key, v);
    if (!st.ok()) return st;
  }
  SourceHeap heap(sources, postlist_entity);
  std::vector<std::size_t> group;
  std::string entity;
  while (!heap.empty()) {
    group.clear();
    entity.assign(heap.entity(heap.top()));
    while (!heap.empty() && heap.entity(heap.top()) == entity) group.push_back(heap.pop());
    std::sort(group.begin(), group.end());
    Status st;
    const bool special = entity.size() >= 2 && entity[0] == '\0' && entity[1] != '\xff';
    const auto kind = special ? static_cast<unsigned char>(entity[1]) : 0u;
    if (kind == 0xc0) {
      // The runs' own metadata: replaced by `metadata`.
      for (std::size_t i : group) {
        st = step(sources[i]);
        if (!st.ok()) return st;
      }
    } else if (kind == 0xd0) {
      st = combine_value_stats(sources, group, out);
    } else if (kind == 0xd8) {
      // Value-stream chunks: renumbered, each kept as it is.
      for (std::size_t i : group) {
        Source& s = sources[i];
        while (st.ok() && s.live && postlist_entity(s.reader->key()) == entity) {
          std::string_view k = s.reader->key().substr(entity.size());
          std::uint64_t did = 0;
          if (!get_sortable_uint(k, did) || !k.empty()) {
            return corrupt(s, "a value-stream key without a document id");
          }
          key = entity;
          put_sortable_uint(key, did + s.offset);
          st = out.add(key, s.reader->tag(), s.reader->compressed());
          if (st.ok()) st = step(s);
        }
      }
    } else if (special && kind != 0xe0) {
      return corrupt(sources[group.front()], "an unknown postlist key");
    } else {
      ListJoiner list(out, entity, kind == 0xe0);
      for (std::size_t i : group) {
        st = list.count(sources[i]);
        if (!st.ok()) return st;
      }
      for (std::size_t i : group) {
        st = list.take(sources[i]);
        if (!st.ok()) return st;
      }
      st = list.finish();
    }
    if (!st.ok()) return st;
    for (std::size_t i : group) heap.push(i);
  }
  return Status();
}


std::uint32_t table_block_size(const MergeOptions& options, Table table) {
  return table == kDocdata && options.docdata_block_size != 0 ? options.docdata_block_size
                                                              : options.block_size;
}

// Merges one table of every run into DIR/NAME.glass.
template <class Merge>
Status merge_table(const std::vector<std::string>& runs, const std::vector<std::uint64_t>& offsets,
                   const std::string& dir, const char* name, Table table,
                   const MergeOptions& options, bool always_create, RootInfo& root,
                   Merge merge) {
  auto sources = open_sources(runs, offsets, name);
  if (!sources.ok()) return sources.status();
  TableBuilder builder(dir + "/" + name + ".glass", table_block_size(options, table), kRevision,
                       default_compress_min(table));
  Status st = merge(*sources, builder);
  if (!st.ok()) return st;
  auto info = builder.finish(always_create);
  if (!info.ok()) return info.status();
  root = *info;
  // Synced by the thread that wrote it, while the others still merge.
  return options.sync ? sync_path(dir + "/" + name + ".glass") : Status();
}

}  // namespace

Status write_run_stats(const std::string& run_dir, const DatabaseStats& s, bool sync) {
  const std::string path = run_dir + kStatsFile;
  {
    std::ofstream out(path, std::ios::trunc);
    out << kStatsMagic << '\n'
        << s.doccount << ' ' << s.last_docid << ' ' << s.doclen_lower << ' ' << s.doclen_upper
        << ' ' << s.wdf_upper << ' ' << s.total_doclen << '\n';
    out.flush();
    if (!out) return Status::io_error(path + ": cannot write: " + std::strerror(errno));
  }
  return sync ? sync_path(path) : Status();
}

Result<DatabaseStats> read_run_stats(const std::string& run_dir) {
  const std::string path = run_dir + kStatsFile;
  std::ifstream in(path);
  if (!in) return Status::io_error(path + ": cannot open: " + std::strerror(errno));
  std::string magic;
  std::getline(in, magic);
  DatabaseStats s;
  if (magic != kStatsMagic ||
      !(in >> s.doccount >> s.last_docid >> s.doclen_lower >> s.doclen_upper >> s.wdf_upper >>
        s.total_doclen)) {
    return Status::corruption(path + ": not the statistics of a newsindex run");
  }
  return s;
}

Status merge_runs(const std::vector<std::string>& runs,
                  const std::map<std::string, std::string>& metadata, const std::string& dir,
                  const MergeOptions& options) {
  const std::uint32_t bs = options.block_size;
  Status ready = prepare_output_dir(dir, bs);
  if (!ready.ok()) return ready;
  if (options.docdata_block_size != 0) {
    ready = check_block_size(options.docdata_block_size);
    if (!ready.ok()) return ready;
  }
  DatabaseStats total;
  std::vector<std::uint64_t> offsets;
  for (const std::string& run : runs) {
    auto s = read_run_stats(run);
    if (!s.ok()) return s.status();
    offsets.push_back(total.last_docid);
    total.doccount += s->doccount;
    total.last_docid += s->last_docid;
    if (s->doclen_lower != 0 && (total.doclen_lower == 0 || s->doclen_lower < total.doclen_lower)) {
      total.doclen_lower = s->doclen_lower;
    }
    total.doclen_upper = std::max(total.doclen_upper, s->doclen_upper);
    total.wdf_upper = std::max(total.wdf_upper, s->wdf_upper);
    total.total_doclen += s->total_doclen;
  }
  std::array<RootInfo, kTableCount> roots;
  for (int t = 0; t < kTableCount; ++t) {
    roots[t].block_size = table_block_size(options, static_cast<Table>(t));
    roots[t].compress_min = default_compress_min(static_cast<Table>(t));
  }
  // Three streams, so that both cores stay busy to the end: the postlist
  // and the position table (the two largest) each on a thread of its own,
  // the term lists and then the document data here.
  Status postlist_st, position_st;
  std::thread postlist([&] {
    postlist_st = merge_table(runs, offsets, dir, "postlist", kPostlist, options, true,
                              roots[kPostlist], [&](std::vector<Source>& s, EntrySink& out) {
                                return merge_postlist(s, metadata, out);
                              });
  });
  std::thread position([&] {
    position_st = merge_table(runs, offsets, dir, "position", kPosition, options, false,
                              roots[kPosition], merge_positions);
  });
  Status st = merge_table(runs, offsets, dir, "termlist", kTermlist, options, true,
                          roots[kTermlist], merge_by_document);
  if (st.ok()) {
    st = merge_table(runs, offsets, dir, "docdata", kDocdata, options, false, roots[kDocdata],
                     merge_by_document);
  }
  postlist.join();
  position.join();
  if (st.ok()) st = postlist_st;
  if (st.ok()) st = position_st;
  if (st.ok()) st = write_version_file(dir, kRevision, roots, total, options.sync);
  if (st.ok() && options.sync) st = sync_path(dir);
  return st;
}

}  // namespace newsindex::glass
