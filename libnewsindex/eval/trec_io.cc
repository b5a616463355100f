// eval/trec_io.cc: query sets, qrels and TREC run files, read and written.
//
// Everything parses from a string so the formats are table-tested without
// files; read_* only add the file reading. No exception leaves this file:
// nlohmann is used in its non-throwing mode.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "newsindex/eval.h"

namespace newsindex {
namespace {

// Calls `fn(line_number, line)` for every line without its "\n" / "\r\n".
template <typename Fn>
Status for_each_line(std::string_view text, Fn&& fn) {
  std::size_t line_no = 0;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    Status s = fn(line_no, line);
    if (!s.ok()) return s;
  }
  return Status();
}

bool is_blank_or_comment(std::string_view line) {
  std::size_t first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#';
}

std::vector<std::string_view> split_ws(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
  return fields;
}

std::string at(std::string_view where, std::size_t line_no) {
  return std::string(where) + ":" + std::to_string(line_no) + ": ";
}

Result<std::string> read_whole_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::not_found(path + ": no such file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error(path + ": cannot open for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::io_error(path + ": read failed");
  return buffer.str();
}

// A JSON value usable as a qid: a string, or an integer written as digits.
bool json_to_id(const nlohmann::json& v, std::string& out) {
  if (v.is_string()) {
    out = v.get<std::string>();
    return !out.empty();
  }
  if (v.is_number_integer()) {
    out = std::to_string(v.get<long long>());
    return true;
  }
  return false;
}

}  // namespace

Result<std::vector<EvalQuery>> parse_queries(std::string_view text, std::string_view where) {
  std::vector<EvalQuery> queries;
  std::set<std::string, std::less<>> seen;
  Status s = for_each_line(text, [&](std::size_t line_no, std::string_view line) -> Status {
    if (is_blank_or_comment(line)) return Status();
    EvalQuery q;
    std::size_t first = line.find_first_not_of(" \t");
    if (line[first] == '{') {
      auto j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
      if (j.is_discarded() || !j.is_object()) {
        return Status::parse_error(at(where, line_no) + "invalid JSON object");
      }
      auto qid = j.find("qid");
      auto query = j.find("query");
      if (qid == j.end() || !json_to_id(*qid, q.qid)) {
        return Status::parse_error(at(where, line_no) + "missing or empty \"qid\"");
      }
      if (query == j.end() || !query->is_string()) {
        return Status::parse_error(at(where, line_no) + "missing string \"query\"");
      }
      q.query = query->get<std::string>();
    } else {
      std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos || tab == 0) {
        return Status::parse_error(at(where, line_no) +
                           "expected a JSON object or \"qid<TAB>query\"");
      }
      q.qid = std::string(line.substr(0, tab));
      q.query = std::string(line.substr(tab + 1));
    }
    if (!seen.insert(q.qid).second) {
      return Status::invalid_argument(at(where, line_no) + "duplicate qid \"" + q.qid + "\"");
    }
    queries.push_back(std::move(q));
    return Status();
  });
  if (!s.ok()) return s;
  return queries;
}

Result<std::vector<EvalQuery>> read_queries(const std::string& path) {
  auto text = read_whole_file(path);
  if (!text.ok()) return text.status();
  return parse_queries(*text, path);
}

Result<Qrels> parse_qrels(std::string_view text, std::string_view where) {
  Qrels qrels;
  Status s = for_each_line(text, [&](std::size_t line_no, std::string_view line) -> Status {
    if (is_blank_or_comment(line)) return Status();
    auto f = split_ws(line);
    if (f.size() != 4) {
      return Status::parse_error(at(where, line_no) +
                         "expected \"qid iteration doc_id relevance\", got " +
                         std::to_string(f.size()) + " fields");
    }
    int grade = 0;
    auto [ptr, ec] = std::from_chars(f[3].data(), f[3].data() + f[3].size(), grade);
    if (ec != std::errc() || ptr != f[3].data() + f[3].size()) {
      return Status::parse_error(at(where, line_no) + "relevance \"" + std::string(f[3]) +
                         "\" is not an integer");
    }
    qrels[std::string(f[0])][std::string(f[2])] = grade;
    return Status();
  });
  if (!s.ok()) return s;
  return qrels;
}

Result<Qrels> read_qrels(const std::string& path) {
  auto text = read_whole_file(path);
  if (!text.ok()) return text.status();
  return parse_qrels(*text, path);
}

std::string format_trec_run(const std::vector<RankedList>& runs, std::string_view tag) {
  std::string out;
  char score[64];
  for (const RankedList& run : runs) {
    for (std::size_t i = 0; i < run.doc_ids.size(); ++i) {
      double value = i < run.scores.size() ? run.scores[i] : 0.0;
      std::snprintf(score, sizeof score, "%.6f", value);
      out += run.qid;
      out += " Q0 ";
      out += run.doc_ids[i];
      out += ' ';
      out += std::to_string(i + 1);
      out += ' ';
      out += score;
      out += ' ';
      out += tag;
      out += '\n';
    }
  }
  return out;
}

Status write_trec_run(const std::string& path, const std::vector<RankedList>& runs,
                      std::string_view tag) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::io_error(path + ": cannot open for writing");
  out << format_trec_run(runs, tag);
  out.flush();
  if (!out) return Status::io_error(path + ": write failed");
  return Status();
}

Result<std::vector<RankedList>> parse_trec_run(std::string_view text, std::string_view where) {
  struct Entry {
    long rank;
    std::string doc;
    double score;
  };
  std::vector<std::string> order;
  std::unordered_map<std::string, std::vector<Entry>> entries;
  Status s = for_each_line(text, [&](std::size_t line_no, std::string_view line) -> Status {
    if (is_blank_or_comment(line)) return Status();
    auto f = split_ws(line);
    if (f.size() != 6) {
      return Status::parse_error(at(where, line_no) +
                         "expected \"qid Q0 doc_id rank score tag\", got " +
                         std::to_string(f.size()) + " fields");
    }
    Entry e{0, std::string(f[2]), 0.0};
    auto [p1, e1] = std::from_chars(f[3].data(), f[3].data() + f[3].size(), e.rank);
    if (e1 != std::errc() || p1 != f[3].data() + f[3].size()) {
      return Status::parse_error(at(where, line_no) + "rank \"" + std::string(f[3]) +
                         "\" is not an integer");
    }
    std::string score_text(f[4]);
    char* end = nullptr;
    e.score = std::strtod(score_text.c_str(), &end);
    if (end == score_text.c_str() || *end != '\0') {
      return Status::parse_error(at(where, line_no) + "score \"" + score_text +
                         "\" is not a number");
    }
    std::string qid(f[0]);
    auto [it, inserted] = entries.try_emplace(qid);
    if (inserted) order.push_back(qid);
    it->second.push_back(std::move(e));
    return Status();
  });
  if (!s.ok()) return s;
  std::vector<RankedList> runs;
  for (const std::string& qid : order) {
    auto& list = entries[qid];
    std::stable_sort(list.begin(), list.end(),
                     [](const Entry& a, const Entry& b) { return a.rank < b.rank; });
    RankedList run;
    run.qid = qid;
    for (auto& e : list) {
      run.doc_ids.push_back(std::move(e.doc));
      run.scores.push_back(e.score);
    }
    runs.push_back(std::move(run));
  }
  return runs;
}

}  // namespace newsindex
