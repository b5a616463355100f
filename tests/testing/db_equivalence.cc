// Two Xapian databases compared through the public read API, walking both
// side by side: every list Xapian hands out is sorted (docids, terms, keys,
// slots), so each is merged in one pass instead of looked up item by item.
#include "testing/db_equivalence.h"

#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace newsindex::testing {
namespace {

// A term, key or value as a C-like literal: bytes outside printable ASCII
// become \xNN (so a binary sort key or a torn UTF-8 sequence is visible),
// and long strings are cut.
std::string quote(const std::string& s) {
  constexpr std::size_t kMaxShown = 60;
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size() && i < kMaxShown; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  out += '"';
  if (s.size() > kMaxShown) out += "...(" + std::to_string(s.size()) + " bytes)";
  return out;
}

template <typename T>
std::string str(const T& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    return quote(v);
  } else {
    std::ostringstream os;
    if constexpr (std::is_floating_point_v<T>) os.precision(17);  // 300 vs 300.00005
    os << v;
    return os.str();
  }
}

// "name A vs B" when they differ, appended to *line (comma-separated).
template <typename T>
void field(std::string* line, const char* name, const T& a, const T& b) {
  if (a == b) return;
  if (!line->empty()) *line += ", ";
  *line += std::string(name) + " " + str(a) + " vs " + str(b);
}

// A position list as "[1 5 9]", at most a dozen entries.
std::string positions_of(Xapian::PositionIterator it, Xapian::PositionIterator end) {
  constexpr int kMaxShown = 12;
  std::string out = "[";
  int n = 0;
  for (; it != end; ++it, ++n) {
    if (n == kMaxShown) {
      out += " ...";
      break;
    }
    if (n) out += ' ';
    out += std::to_string(*it);
  }
  return out + "]";
}

// Calls on_a(ia) / on_b(ib) for items of one side only and on_both(ia, ib)
// for items in both, for two sequences sorted by key(it) that end where
// a_done(ia) / b_done(ib). Any callback returning false stops the walk.
template <typename It, typename ADone, typename BDone, typename Key, typename OnA, typename OnB,
          typename OnBoth>
void merge_until(It ia, ADone a_done, It ib, BDone b_done, Key key, OnA on_a, OnB on_b,
                 OnBoth on_both) {
  for (;;) {
    const bool end_a = a_done(ia);
    const bool end_b = b_done(ib);
    if (end_a && end_b) return;
    bool keep_going;
    if (end_b || (!end_a && key(ia) < key(ib))) {
      keep_going = on_a(ia);
      ++ia;
    } else if (end_a || key(ib) < key(ia)) {
      keep_going = on_b(ib);
      ++ib;
    } else {
      keep_going = on_both(ia, ib);
      ++ia;
      ++ib;
    }
    if (!keep_going) return;
  }
}

// merge_until() over [ia, ea) and [ib, eb).
template <typename It, typename Key, typename OnA, typename OnB, typename OnBoth>
void merge(It ia, It ea, It ib, It eb, Key key, OnA on_a, OnB on_b, OnBoth on_both) {
  merge_until(
      ia, [&ea](const It& it) { return it == ea; }, ib, [&eb](const It& it) { return it == eb; },
      key, on_a, on_b, on_both);
}

Xapian::Database open(const std::string& path, const char* which) {
  try {
    return Xapian::Database(path);
  } catch (const Xapian::Error& e) {
    throw std::runtime_error(std::string("cannot open database ") + which + " (" + path +
                             "): " + e.get_description());
  }
}

// Reading position lists dominates the time: glass opens each one with a
// fresh cursor, one block read per (term, docid), about 2 us each, so a
// 20k-article database with 6M position lists takes about 10 s per side.
// The terms are therefore compared in ranges on several threads (each with
// its own Database objects, which are not thread-safe), once there are
// enough postings to pay for the threads.
constexpr unsigned kMaxThreads = 4;

// Boundary terms splitting the postings of `db` into at most `max_parts`
// about equal ranges [lo, hi) of at least `min_postings` postings each:
// strictly increasing, none for a small database.
std::vector<std::string> split_terms(const Xapian::Database& db, unsigned max_parts,
                                     std::size_t min_postings) {
  unsigned long long total = 0;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) total += t.get_termfreq();
  const auto parts = static_cast<unsigned>(
      std::min<unsigned long long>(max_parts, total / std::max<std::size_t>(1, min_postings)));
  std::vector<std::string> bounds;
  unsigned long long seen = 0;
  for (auto t = db.allterms_begin(); t != db.allterms_end() && bounds.size() + 1 < parts; ++t) {
    if (seen >= total * (bounds.size() + 1) / parts) bounds.push_back(*t);
    seen += t.get_termfreq();
  }
  return bounds;
}

class Comparer {
 public:
  Comparer(const std::string& path_a, const std::string& path_b, const CompareOptions& options)
      : path_a_(path_a),
        path_b_(path_b),
        options_(options),
        a_(open(path_a, "A")),
        b_(open(path_b, "B")) {}

  std::string run() {
    section_ = "statistics";
    compare_statistics();
    section_ = "documents";
    if (!full()) compare_documents();
    section_ = "terms";
    if (!full()) compare_all_terms();
    section_ = "values";
    if (!full()) compare_values();
    section_ = "metadata";
    if (!full()) compare_metadata();
    section_ = "spellings";
    if (!full()) compare_spellings();
    section_ = "synonyms";
    if (!full()) compare_synonyms();
    std::string out;
    for (const auto& line : lines_) out += line + "\n";
    if (full()) {
      out += "(stopped after " + std::to_string(kMaxReportedDifferences) + " differences)\n";
    }
    return out;
  }

  // Where the walk was, for an error thrown part-way.
  std::string where() const {
    std::string w = section_;
    if (!where_.empty()) w += " at " + where_;
    return w;
  }

  // An exception thrown while reading, as an error that says where.
  std::runtime_error reading_error(const Xapian::Error& e) const {
    return std::runtime_error("reading " + where() + " of " + path_a_ + " and " + path_b_ + ": " +
                              e.get_description());
  }

 private:
  bool full() const { return lines_.size() >= kMaxReportedDifferences; }
  void add(std::string line) {
    if (!full()) lines_.push_back(std::move(line));
  }
  // Reports "<what>: <fields>" when any field differed.
  void add_fields(const std::string& what, const std::string& fields) {
    if (!fields.empty()) add(what + ": " + fields + " (A vs B)");
  }

  void compare_statistics() {
    std::string f;
    field(&f, "doccount", a_.get_doccount(), b_.get_doccount());
    field(&f, "lastdocid", a_.get_lastdocid(), b_.get_lastdocid());
    field(&f, "total_length", a_.get_total_length(), b_.get_total_length());
    field(&f, "avlength", a_.get_avlength(), b_.get_avlength());
    add_fields("database", f);
    f.clear();
    field(&f, "doclength_lower_bound", a_.get_doclength_lower_bound(),
          b_.get_doclength_lower_bound());
    field(&f, "doclength_upper_bound", a_.get_doclength_upper_bound(),
          b_.get_doclength_upper_bound());
    field(&f, "has_positions", a_.has_positions(), b_.has_positions());
    add_fields("database", f);
  }

  void compare_documents() {
    // A run of documents on one side only (say 20k extra ones) is one line.
    struct Run {
      char side = 0;  // 'A', 'B', or 0 for none
      Xapian::docid first = 0, last = 0;
      Xapian::doccount count = 0;
    } run;
    auto flush = [&] {
      if (run.count == 1) {
        add("docid " + std::to_string(run.first) + ": only in " + run.side);
      } else if (run.count > 1) {
        add("docids " + std::to_string(run.first) + ".." + std::to_string(run.last) +
            ": only in " + run.side + " (" + std::to_string(run.count) + " documents)");
      }
      run = Run{};
    };
    auto only = [&](char side, Xapian::docid did) {
      if (run.side != side) flush();
      if (run.count == 0) run.first = did;
      run.side = side;
      run.last = did;
      ++run.count;
      return !full();
    };
    merge(
        a_.postlist_begin(""), a_.postlist_end(""), b_.postlist_begin(""), b_.postlist_end(""),
        [](const Xapian::PostingIterator& it) { return *it; },
        [&](const Xapian::PostingIterator& it) { return only('A', *it); },
        [&](const Xapian::PostingIterator& it) { return only('B', *it); },
        [&](const Xapian::PostingIterator& it, const Xapian::PostingIterator&) {
          flush();
          compare_document(*it);
          return !full();
        });
    flush();
    where_.clear();
  }

  void compare_document(Xapian::docid did) {
    const std::string what = "docid " + std::to_string(did);
    where_ = what;
    std::string f;
    field(&f, "doclength", a_.get_doclength(did), b_.get_doclength(did));
    field(&f, "unique_terms", a_.get_unique_terms(did), b_.get_unique_terms(did));
    add_fields(what, f);

    Xapian::Document da = a_.get_document(did);
    Xapian::Document db = b_.get_document(did);
    f.clear();
    field(&f, "data", da.get_data(), db.get_data());
    add_fields(what, f);

    // Termlist: the first term or wdf that differs.
    merge(
        da.termlist_begin(), da.termlist_end(), db.termlist_begin(), db.termlist_end(),
        [](const Xapian::TermIterator& it) { return *it; },
        [&](const Xapian::TermIterator& it) {
          add(what + " termlist: term " + quote(*it) + " only in A");
          return false;
        },
        [&](const Xapian::TermIterator& it) {
          add(what + " termlist: term " + quote(*it) + " only in B");
          return false;
        },
        [&](const Xapian::TermIterator& ia, const Xapian::TermIterator& ib) {
          if (ia.get_wdf() == ib.get_wdf()) return true;
          add(what + " termlist term " + quote(*ia) + ": wdf " + std::to_string(ia.get_wdf()) +
              " vs " + std::to_string(ib.get_wdf()) + " (A vs B)");
          return false;
        });

    // Values: the first slot whose presence or value differs.
    auto slot = [](const Xapian::ValueIterator& it) { return it.get_valueno(); };
    merge(
        da.values_begin(), da.values_end(), db.values_begin(), db.values_end(), slot,
        [&](const Xapian::ValueIterator& it) {
          slots_.insert(it.get_valueno());
          add(what + " slot " + std::to_string(it.get_valueno()) + ": value " + quote(*it) +
              " only in A");
          return false;
        },
        [&](const Xapian::ValueIterator& it) {
          slots_.insert(it.get_valueno());
          add(what + " slot " + std::to_string(it.get_valueno()) + ": value " + quote(*it) +
              " only in B");
          return false;
        },
        [&](const Xapian::ValueIterator& ia, const Xapian::ValueIterator& ib) {
          slots_.insert(ia.get_valueno());
          if (*ia == *ib) return true;
          add(what + " slot " + std::to_string(ia.get_valueno()) + ": value " + quote(*ia) +
              " vs " + quote(*ib) + " (A vs B)");
          return false;
        });
  }

  // compare_terms() over all terms, in ranges on several threads when the
  // databases are large; the report keeps the terms' order.
  void compare_all_terms() {
    const unsigned threads_wanted =
        options_.threads ? options_.threads
                         : std::min(kMaxThreads, std::max(1u, std::thread::hardware_concurrency()));
    const std::vector<std::string> bounds =
        split_terms(a_, threads_wanted, options_.min_postings_per_thread);
    const std::size_t n = bounds.size() + 1;
    auto lo = [&](std::size_t i) { return i == 0 ? std::string() : bounds[i - 1]; };
    auto hi = [&](std::size_t i) { return i + 1 == n ? std::string() : bounds[i]; };
    std::vector<std::unique_ptr<Comparer>> workers(n);
    std::vector<std::exception_ptr> errors(n);
    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < n; ++i) {
      threads.emplace_back([&, i] {
        try {
          workers[i] = std::make_unique<Comparer>(path_a_, path_b_, options_);
          workers[i]->section_ = "terms";
          try {
            workers[i]->compare_terms(lo(i), hi(i));
          } catch (const Xapian::Error& e) {
            throw workers[i]->reading_error(e);
          }
        } catch (...) {
          errors[i] = std::current_exception();
        }
      });
    }
    try {
      compare_terms(lo(0), hi(0));
    } catch (const Xapian::Error& e) {
      errors[0] = std::make_exception_ptr(reading_error(e));
    } catch (...) {
      errors[0] = std::current_exception();
    }
    for (auto& t : threads) t.join();
    for (const auto& e : errors) {
      if (e) std::rethrow_exception(e);
    }
    for (std::size_t i = 1; i < n; ++i) {
      for (auto& line : workers[i]->lines_) add(std::move(line));
    }
  }

  // Terms in [lo, hi), hi "" for no upper limit.
  void compare_terms(const std::string& lo, const std::string& hi) {
    Xapian::TermIterator ta = a_.allterms_begin();
    Xapian::TermIterator tb = b_.allterms_begin();
    if (!lo.empty()) {
      ta.skip_to(lo);
      tb.skip_to(lo);
    }
    const Xapian::TermIterator ea = a_.allterms_end();
    const Xapian::TermIterator eb = b_.allterms_end();
    merge_until(
        ta, [&](const Xapian::TermIterator& it) { return it == ea || (!hi.empty() && *it >= hi); },
        tb, [&](const Xapian::TermIterator& it) { return it == eb || (!hi.empty() && *it >= hi); },
        [](const Xapian::TermIterator& it) { return *it; },
        [&](const Xapian::TermIterator& it) {
          add("term " + quote(*it) + ": only in A (termfreq " + std::to_string(it.get_termfreq()) +
              ")");
          return !full();
        },
        [&](const Xapian::TermIterator& it) {
          add("term " + quote(*it) + ": only in B (termfreq " + std::to_string(it.get_termfreq()) +
              ")");
          return !full();
        },
        [&](const Xapian::TermIterator& it, const Xapian::TermIterator&) {
          compare_term(*it);
          return !full();
        });
    where_.clear();
  }

  void compare_term(const std::string& term) {
    const std::string what = "term " + quote(term);
    where_ = what;
    std::string f;
    field(&f, "termfreq", a_.get_termfreq(term), b_.get_termfreq(term));
    field(&f, "collection_freq", a_.get_collection_freq(term), b_.get_collection_freq(term));
    field(&f, "wdf_upper_bound", a_.get_wdf_upper_bound(term), b_.get_wdf_upper_bound(term));
    add_fields(what, f);

    // Postings and their positions: the first that differs.
    merge(
        a_.postlist_begin(term), a_.postlist_end(term), b_.postlist_begin(term),
        b_.postlist_end(term), [](const Xapian::PostingIterator& it) { return *it; },
        [&](const Xapian::PostingIterator& it) {
          add(what + " postlist: docid " + std::to_string(*it) + " only in A");
          return false;
        },
        [&](const Xapian::PostingIterator& it) {
          add(what + " postlist: docid " + std::to_string(*it) + " only in B");
          return false;
        },
        [&](const Xapian::PostingIterator& ia, const Xapian::PostingIterator& ib) {
          if (ia.get_wdf() != ib.get_wdf()) {
            add(what + " docid " + std::to_string(*ia) + ": wdf " + std::to_string(ia.get_wdf()) +
                " vs " + std::to_string(ib.get_wdf()) + " (A vs B)");
            return false;
          }
          return same_positions(what, ia, ib);
        });
  }

  // Compares the position lists of one posting (what positionlist_begin(did,
  // term) returns, read through the posting iterators); reports and returns
  // false when they differ.
  bool same_positions(const std::string& what, const Xapian::PostingIterator& ia,
                      const Xapian::PostingIterator& ib) {
    Xapian::PositionIterator pa = ia.positionlist_begin();
    Xapian::PositionIterator pb = ib.positionlist_begin();
    const Xapian::PositionIterator ea = ia.positionlist_end();
    const Xapian::PositionIterator eb = ib.positionlist_end();
    for (; pa != ea && pb != eb; ++pa, ++pb) {
      if (*pa != *pb) break;
    }
    if (pa == ea && pb == eb) return true;
    add(what + " docid " + std::to_string(*ia) + ": positions " + positions_of(ia.positionlist_begin(), ea) + " vs " +
        positions_of(ib.positionlist_begin(), eb) + " (A vs B)");
    return false;
  }

  void compare_values() {
    // Slots seen in any document, plus 0..max+1 so that statistics kept for
    // a slot no document uses still show.
    Xapian::valueno max_slot = slots_.empty() ? 0 : *slots_.rbegin();
    for (Xapian::valueno s = 0; s <= max_slot + 1; ++s) slots_.insert(s);
    for (Xapian::valueno s : slots_) {
      if (full()) return;
      const std::string what = "slot " + std::to_string(s);
      where_ = what;
      std::string f;
      field(&f, "value_freq", a_.get_value_freq(s), b_.get_value_freq(s));
      field(&f, "value_lower_bound", a_.get_value_lower_bound(s), b_.get_value_lower_bound(s));
      field(&f, "value_upper_bound", a_.get_value_upper_bound(s), b_.get_value_upper_bound(s));
      add_fields(what, f);
      merge(
          a_.valuestream_begin(s), a_.valuestream_end(s), b_.valuestream_begin(s),
          b_.valuestream_end(s), [](const Xapian::ValueIterator& it) { return it.get_docid(); },
          [&](const Xapian::ValueIterator& it) {
            add(what + " valuestream: docid " + std::to_string(it.get_docid()) + " only in A");
            return false;
          },
          [&](const Xapian::ValueIterator& it) {
            add(what + " valuestream: docid " + std::to_string(it.get_docid()) + " only in B");
            return false;
          },
          [&](const Xapian::ValueIterator& ia, const Xapian::ValueIterator& ib) {
            if (*ia == *ib) return true;
            add(what + " valuestream docid " + std::to_string(ia.get_docid()) + ": value " +
                quote(*ia) + " vs " + quote(*ib) + " (A vs B)");
            return false;
          });
    }
    where_.clear();
  }

  void compare_metadata() {
    merge(
        a_.metadata_keys_begin(), a_.metadata_keys_end(), b_.metadata_keys_begin(),
        b_.metadata_keys_end(), [](const Xapian::TermIterator& it) { return *it; },
        [&](const Xapian::TermIterator& it) {
          add("metadata key " + quote(*it) + ": only in A");
          return !full();
        },
        [&](const Xapian::TermIterator& it) {
          add("metadata key " + quote(*it) + ": only in B");
          return !full();
        },
        [&](const Xapian::TermIterator& it, const Xapian::TermIterator&) {
          std::string va = a_.get_metadata(*it);
          std::string vb = b_.get_metadata(*it);
          if (va != vb) {
            add("metadata key " + quote(*it) + ": value " + quote(va) + " vs " + quote(vb) +
                " (A vs B)");
          }
          return !full();
        });
  }

  void compare_spellings() {
    merge(
        a_.spellings_begin(), a_.spellings_end(), b_.spellings_begin(), b_.spellings_end(),
        [](const Xapian::TermIterator& it) { return *it; },
        [&](const Xapian::TermIterator& it) {
          add("spelling " + quote(*it) + ": only in A");
          return !full();
        },
        [&](const Xapian::TermIterator& it) {
          add("spelling " + quote(*it) + ": only in B");
          return !full();
        },
        [&](const Xapian::TermIterator& ia, const Xapian::TermIterator& ib) {
          if (ia.get_termfreq() != ib.get_termfreq()) {
            add("spelling " + quote(*ia) + ": frequency " + std::to_string(ia.get_termfreq()) +
                " vs " + std::to_string(ib.get_termfreq()) + " (A vs B)");
          }
          return !full();
        });
  }

  void compare_synonyms() {
    auto name = [](const Xapian::TermIterator& it) { return *it; };
    merge(
        a_.synonym_keys_begin(), a_.synonym_keys_end(), b_.synonym_keys_begin(),
        b_.synonym_keys_end(), name,
        [&](const Xapian::TermIterator& it) {
          add("synonym key " + quote(*it) + ": only in A");
          return !full();
        },
        [&](const Xapian::TermIterator& it) {
          add("synonym key " + quote(*it) + ": only in B");
          return !full();
        },
        [&](const Xapian::TermIterator& it, const Xapian::TermIterator&) {
          const std::string key = *it;
          const std::string what = "synonym key " + quote(key);
          merge(
              a_.synonyms_begin(key), a_.synonyms_end(key), b_.synonyms_begin(key),
              b_.synonyms_end(key), name,
              [&](const Xapian::TermIterator& s) {
                add(what + ": synonym " + quote(*s) + " only in A");
                return false;
              },
              [&](const Xapian::TermIterator& s) {
                add(what + ": synonym " + quote(*s) + " only in B");
                return false;
              },
              [](const Xapian::TermIterator&, const Xapian::TermIterator&) { return true; });
          return !full();
        });
  }

  const std::string path_a_;
  const std::string path_b_;
  const CompareOptions options_;
  const Xapian::Database a_;
  const Xapian::Database b_;
  std::vector<std::string> lines_;
  std::set<Xapian::valueno> slots_;  // slots seen in any document
  const char* section_ = "";
  std::string where_;
};

}  // namespace

std::string compare_databases(const std::string& path_a, const std::string& path_b) {
  return compare_databases(path_a, path_b, CompareOptions{});
}

std::string compare_databases(const std::string& path_a, const std::string& path_b,
                              const CompareOptions& options) {
  Comparer comparer(path_a, path_b, options);
  try {
    return comparer.run();
  } catch (const Xapian::Error& e) {
    throw comparer.reading_error(e);
  }
}

}  // namespace newsindex::testing
