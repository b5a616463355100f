// raw_xapian_eval: the raw Xapian baseline for docs/evaluation.md.
//
// What a developer gets from Xapian alone: TermGenerator + Stem(NAME) over the
// article body, default BM25, QueryParser + Stem(NAME) with STEM_SOME and OR
// (or AND); --k1/--b change BM25 (default Xapian's k1=1, b=0.5). It is
// scored by the same library code as `newsindex eval`, so the two rows of
// the table differ only in analysis and ranking.
//
//   raw_xapian_eval index  --db DIR [--stemmer dutch] CORPUS.jsonl[.gz]...
//   raw_xapian_eval search --db DIR --queries F --qrels F [--stemmer dutch]
//                          [--and] [--limit 100] [--k1 1] [--b 0.5] [--stopwords F]
//                          [--run-out F] [--per-query F] [--json]
//   raw_xapian_eval subset --qrels F --every N --out FILE CORPUS.jsonl[.gz]...
//       writes every judged document plus every Nth other one (by input order),
//       the fixed subset the ablations index (docs/evaluation.md).
//
// --stemmer takes any Xapian 1.4 name: "dutch" (Porter), "kraaij_pohlmann", "none".
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "newsindex/eval.h"
#include "newsindex/raw_xapian.h"

namespace {

namespace raw_xapian = newsindex::raw_xapian;

struct Args {
  std::string mode, db, queries, qrels, run_out, per_query, out, stemmer = "dutch";
  std::string stopwords;  // Snowball-format stop list for queries; "" = none
  std::vector<std::string> inputs;
  bool and_operator = false, json = false;
  unsigned limit = 100, every = 3;
  // Xapian's BM25Weight() defaults.
  double k1 = 1.0, b = 0.5;
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "raw_xapian_eval: " << why
            << "\nusage: raw_xapian_eval index --db DIR [--stemmer NAME] CORPUS...\n"
               "       raw_xapian_eval search --db DIR --queries F --qrels F [--stemmer NAME]"
               " [--and] [--limit N] [--k1 X] [--b Y] [--stopwords F]\n"
               "                              [--run-out F] [--per-query F] [--json]\n"
               "       raw_xapian_eval subset --qrels F --every N --out FILE CORPUS...\n";
  std::exit(2);
}

Args parse_args(int argc, char** argv) {
  Args a;
  if (argc < 2) usage("missing mode");
  a.mode = argv[1];
  for (int i = 2; i < argc; ++i) {
    std::string s = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(s + " needs a value");
      return argv[++i];
    };
    if (s == "--db") a.db = value();
    else if (s == "--queries") a.queries = value();
    else if (s == "--qrels") a.qrels = value();
    else if (s == "--run-out") a.run_out = value();
    else if (s == "--per-query") a.per_query = value();
    else if (s == "--out") a.out = value();
    else if (s == "--stemmer") a.stemmer = value();
    else if (s == "--stopwords") a.stopwords = value();
    else if (s == "--limit") a.limit = static_cast<unsigned>(std::stoul(value()));
    else if (s == "--every") a.every = static_cast<unsigned>(std::stoul(value()));
    else if (s == "--k1") a.k1 = std::stod(value());
    else if (s == "--b") a.b = std::stod(value());
    else if (s == "--and") a.and_operator = true;
    else if (s == "--json") a.json = true;
    else if (!s.empty() && s[0] == '-') usage("unknown option " + s);
    else a.inputs.push_back(s);
  }
  return a;
}

// Calls fn(line) for every line of a plain or gzip-compressed file.
template <typename Fn>
bool for_each_line(const std::string& path, Fn&& fn) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) {
    std::cerr << "raw_xapian_eval: cannot open " << path << "\n";
    return false;
  }
  gzbuffer(f, 1 << 17);
  std::string pending;
  std::vector<char> buf(1 << 16);
  int n;
  while ((n = gzread(f, buf.data(), static_cast<unsigned>(buf.size()))) > 0) {
    pending.append(buf.data(), static_cast<std::size_t>(n));
    std::size_t start = 0, nl;
    while ((nl = pending.find('\n', start)) != std::string::npos) {
      fn(std::string_view(pending).substr(start, nl - start));
      start = nl + 1;
    }
    pending.erase(0, start);
  }
  bool ok = n == 0;
  if (!ok) std::cerr << "raw_xapian_eval: read error in " << path << "\n";
  if (!pending.empty()) fn(std::string_view(pending));
  gzclose(f);
  return ok;
}

std::string json_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

int run_index(const Args& a) {
  if (a.db.empty() || a.inputs.empty()) usage("index needs --db and corpora");
  Xapian::WritableDatabase db(a.db, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg = raw_xapian::term_generator(a.stemmer);
  std::size_t added = 0, skipped = 0;
  auto start = std::chrono::steady_clock::now();
  for (const std::string& path : a.inputs) {
    bool ok = for_each_line(path, [&](std::string_view line) {
      auto j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
      if (j.is_discarded() || !j.is_object()) {
        ++skipped;
        return;
      }
      std::string id = json_string(j, "id");
      std::string body = json_string(j, "body");
      if (id.empty() || body.empty()) {
        ++skipped;
        return;
      }
      Xapian::Document doc;
      raw_xapian::index_article_text(tg, doc, "", body);
      doc.set_data(id);
      std::string idterm = "Q" + id;
      if (idterm.size() > 245) {
        ++skipped;
        return;
      }
      doc.add_boolean_term(idterm);
      db.replace_document(idterm, doc);
      ++added;
    });
    if (!ok) return 1;
  }
  db.commit();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "raw_xapian_eval: indexed " << added << " articles (" << skipped
            << " skipped) with Stem(\"" << a.stemmer << "\") in " << s << " s\n";
  return 0;
}

int run_search(const Args& a) {
  if (a.db.empty() || a.queries.empty() || a.qrels.empty()) {
    usage("search needs --db, --queries and --qrels");
  }
  auto queries = newsindex::read_queries(a.queries);
  if (!queries.ok()) {
    std::cerr << "raw_xapian_eval: " << queries.status().to_string() << "\n";
    return 1;
  }
  auto qrels = newsindex::read_qrels(a.qrels);
  if (!qrels.ok()) {
    std::cerr << "raw_xapian_eval: " << qrels.status().to_string() << "\n";
    return 1;
  }
  Xapian::Database db(a.db);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(a.k1, 0, 1, a.b, 0.5));
  Xapian::QueryParser qp = raw_xapian::query_parser(db, a.stemmer);
  qp.set_default_op(a.and_operator ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
  // Optional: drop stop words from queries, as newsindex does (an experiment
  // for docs/evaluation.md; the baseline row has no stopper).
  Xapian::SimpleStopper stopper;
  if (!a.stopwords.empty()) {
    std::ifstream in(a.stopwords);
    if (!in) {
      std::cerr << "raw_xapian_eval: cannot read " << a.stopwords << "\n";
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      std::string word = line.substr(0, line.find('|'));
      word.erase(0, word.find_first_not_of(" \t"));
      word.erase(word.find_last_not_of(" \t\r") + 1);
      if (!word.empty()) stopper.add(word);
    }
    qp.set_stopper(&stopper);
  }

  std::vector<newsindex::RankedList> runs;
  std::size_t failed = 0;
  for (const auto& q : *queries) {
    newsindex::RankedList run;
    run.qid = q.qid;
    try {
      enquire.set_query(qp.parse_query(q.query));
      Xapian::MSet mset = enquire.get_mset(0, a.limit);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        run.doc_ids.push_back(it.get_document().get_data());
        run.scores.push_back(it.get_weight());
      }
    } catch (const Xapian::QueryParserError&) {
      ++failed;  // scored as an empty ranking, like newsindex eval does
    }
    runs.push_back(std::move(run));
  }
  auto summary = newsindex::evaluate_runs(*queries, runs, *qrels);
  if (!a.run_out.empty()) {
    auto s = newsindex::write_trec_run(a.run_out, runs, "raw-xapian-" + a.stemmer);
    if (!s.ok()) {
      std::cerr << "raw_xapian_eval: " << s.to_string() << "\n";
      return 1;
    }
  }
  if (!a.per_query.empty()) {
    std::ofstream out(a.per_query, std::ios::binary | std::ios::trunc);
    out << newsindex::format_per_query(summary, *queries);
    if (!out) {
      std::cerr << "raw_xapian_eval: cannot write " << a.per_query << "\n";
      return 1;
    }
  }
  std::cout << (a.json ? newsindex::format_summary_json(summary) + "\n"
                       : newsindex::format_summary_table(summary));
  if (failed > 0) std::cerr << "raw_xapian_eval: " << failed << " queries failed to parse\n";
  return 0;
}

int run_subset(const Args& a) {
  if (a.qrels.empty() || a.out.empty() || a.inputs.empty() || a.every == 0) {
    usage("subset needs --qrels, --out, --every N > 0 and corpora");
  }
  auto qrels = newsindex::read_qrels(a.qrels);
  if (!qrels.ok()) {
    std::cerr << "raw_xapian_eval: " << qrels.status().to_string() << "\n";
    return 1;
  }
  std::set<std::string, std::less<>> judged;
  for (const auto& [qid, docs] : *qrels) {
    for (const auto& [doc, grade] : docs) judged.insert(doc);
  }
  std::ofstream out(a.out, std::ios::binary | std::ios::trunc);
  std::size_t seen = 0, kept = 0, kept_judged = 0;
  for (const std::string& path : a.inputs) {
    bool ok = for_each_line(path, [&](std::string_view line) {
      auto j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
      if (j.is_discarded() || !j.is_object()) return;
      bool is_judged = judged.count(json_string(j, "id")) > 0;
      if (is_judged || seen++ % a.every == 0) {
        out << line << '\n';
        ++kept;
        kept_judged += is_judged ? 1 : 0;
      }
    });
    if (!ok) return 1;
  }
  out.flush();
  if (!out) {
    std::cerr << "raw_xapian_eval: cannot write " << a.out << "\n";
    return 1;
  }
  std::cerr << "raw_xapian_eval: subset of " << kept << " articles (" << kept_judged
            << " judged) written to " << a.out << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Args a = parse_args(argc, argv);
    if (a.mode == "index") return run_index(a);
    if (a.mode == "search") return run_search(a);
    if (a.mode == "subset") return run_subset(a);
    usage("unknown mode " + a.mode);
  } catch (const Xapian::Error& e) {
    std::cerr << "raw_xapian_eval: " << e.get_description() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "raw_xapian_eval: " << e.what() << "\n";
    return 1;
  }
}
