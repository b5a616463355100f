// Option helpers shared by the subcommands.
#include "cli_common.h"

#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <iostream>

#include "commands.h"

namespace newsindex::tools {
namespace {

bool read_int(std::string_view& s, std::size_t n, int& out) {
  if (s.size() < n) return false;
  out = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
  s.remove_prefix(n);
  return true;
}

bool eat(std::string_view& s, char c) {
  if (s.empty() || s.front() != c) return false;
  s.remove_prefix(1);
  return true;
}

}  // namespace

bool parse_duration(std::string_view text, double& seconds) {
  if (text.empty()) return false;
  std::size_t i = 0;
  double value = 0;
  bool digits = false, dot = false;
  double scale = 1;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits = true;
      if (dot) {
        scale /= 10;
        value += (c - '0') * scale;
      } else {
        value = value * 10 + (c - '0');
      }
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      break;
    }
  }
  if (!digits) return false;
  std::string_view unit = text.substr(i);
  double mult = 0;
  if (unit.empty() || unit == "s")
    mult = 1;
  else if (unit == "m" || unit == "min")
    mult = 60;
  else if (unit == "h")
    mult = 3600;
  else if (unit == "d")
    mult = 86400;
  else if (unit == "w")
    mult = 7 * 86400;
  else
    return false;
  seconds = value * mult;
  return seconds > 0 && std::isfinite(seconds);
}

bool parse_date(std::string_view s, bool end, std::int64_t& seconds) {
  using namespace std::chrono;
  int y = 0, mo = 1, d = 1, h = 0, mi = 0, se = 0;
  enum { kYear, kMonth, kDay, kMinute, kSecond } level = kYear;
  if (!read_int(s, 4, y)) return false;
  if (eat(s, '-')) {
    if (!read_int(s, 2, mo)) return false;
    level = kMonth;
    if (eat(s, '-')) {
      if (!read_int(s, 2, d)) return false;
      level = kDay;
      if (eat(s, 'T') || eat(s, ' ')) {
        if (!read_int(s, 2, h) || !eat(s, ':') || !read_int(s, 2, mi)) return false;
        level = kMinute;
        if (eat(s, ':')) {
          if (!read_int(s, 2, se)) return false;
          level = kSecond;
        }
      }
    }
  }
  int offset = 0;
  if (level >= kMinute && !s.empty()) {
    if (eat(s, 'Z')) {
    } else if (s.front() == '+' || s.front() == '-') {
      int sign = s.front() == '-' ? -1 : 1;
      s.remove_prefix(1);
      int oh = 0, om = 0;
      if (!read_int(s, 2, oh)) return false;
      eat(s, ':');
      if (!read_int(s, 2, om)) return false;
      offset = sign * (oh * 60 + om);
    }
  }
  if (!s.empty()) return false;
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || se > 60) return false;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return false;
  sys_seconds t =
      sys_days{ymd} + hours{h} + minutes{mi} + std::chrono::seconds{se} - minutes{offset};
  if (end) {
    switch (level) {
      case kYear:
        t = sys_days{year{y + 1} / January / 1} - std::chrono::seconds{1};
        break;
      case kMonth:
        t = sys_days{(year{y} / month{static_cast<unsigned>(mo)} / 1) + months{1}} -
            std::chrono::seconds{1};
        break;
      case kDay:
        t += hours{24} - std::chrono::seconds{1};
        break;
      case kMinute:
        t += std::chrono::seconds{59};
        break;
      case kSecond:
        break;
    }
  }
  seconds = t.time_since_epoch().count();
  return true;
}

std::vector<std::string> split_list(std::string_view text, char separator) {
  std::vector<std::string> out;
  while (true) {
    std::size_t p = text.find(separator);
    std::string_view item = text.substr(0, p);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front())))
      item.remove_prefix(1);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back())))
      item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    if (p == std::string_view::npos) break;
    text.remove_prefix(p + 1);
  }
  return out;
}

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }

int report_error(std::string_view command, const Status& status) {
  std::cerr << "newsindex " << command << ": " << status.to_string() << "\n";
  return kExitFailure;
}

void add_shard_options(CLI::App* cmd, SearcherOptions& options, const std::string& partial_help) {
  cmd->add_flag("--allow-partial", options.allow_partial, partial_help);
  cmd->add_option("--remote-timeout", options.remote_timeout_ms,
                  "Milliseconds to wait for a remote shard (tcp://, stub 'remote' line) to "
                  "connect and to answer; one that does not counts as down")
      ->capture_default_str()
      ->check(CLI::Range(1u, 3600000u));
}

void add_ranking_options(CLI::App* cmd, SearcherOptions& ranking) {
  cmd->add_option("--k1", ranking.k1, "BM25 k1")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1000.0));
  cmd->add_option("--b", ranking.b, "BM25 b")->capture_default_str()->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-normlen", ranking.min_normlen,
                  "BM25: shortest normalised document length (shorter ones count as this)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1000.0));
  cmd->add_option("--weighting", ranking.weighting,
                  "Weighting scheme: bm25, lm, lm2, lmjm, qlm, dph, dlh, pl2, inl2, bb2, ifb2, ineb2")
      ->capture_default_str();
  cmd->add_option("--weighting-param", ranking.weighting_param,
                  "Parameter of --weighting (lm, qlm: mu, lmjm: lambda, pl2/inl2/...: c; 0 = default)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1e6));
  cmd->add_option("--headline-rates", ranking.headline_rates_path,
                  "Headline rates learned by 'newsindex learn-headlines' (headline words "
                  "bodies seldom use weigh less)");
  cmd->add_option("--headline-translations", ranking.headline_translations_path,
                  "Headline translations learned by 'newsindex learn-headlines' (body words "
                  "for headline words, at --translation-weight)");
  cmd->add_option("--rerank-model", ranking.rerank_model_path,
                  "Learned rerank of the top k: a model file of scripts/eval/ltr-rerank.py "
                  "(depth K; FEATURE MEAN SD WEIGHT lines) instead of the built-in one");
  cmd->add_flag("!--no-rerank", ranking.rerank,
                "Rank by the match alone, without the learned rerank of the top 10");
  cmd->add_option("--headline-rate-power", ranking.headline_rate_power,
                  "Power of the headline rates' weights (0 = off)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 100.0));
  const std::pair<const char*, double*> weight_flags[] = {
      {"--stem-weight", &ranking.stem_weight},
      {"--compound-weight", &ranking.compound_weight},
      {"--title-weight", &ranking.title_weight},
      {"--stopword-weight", &ranking.stopword_weight},
      {"--hyphen-part-weight", &ranking.hyphen_part_weight},
      {"--query-part-weight", &ranking.query_part_weight},
      {"--variant-weight", &ranking.variant_weight},
      {"--related-weight", &ranking.related_weight},
      {"--translation-weight", &ranking.translation_weight},
      {"--phrase-pair-weight", &ranking.phrase_pair_weight},
      {"--near-pair-weight", &ranking.near_pair_weight},
      {"--coord-bonus", &ranking.coord_bonus},
      {"--lead-weight", &ranking.lead_weight},
      {"--tf-floor", &ranking.tf_floor},
      {"--feedback-weight", &ranking.feedback_weight}};
  for (const auto& [flag, value] : weight_flags) {
    cmd->add_option(flag, *value, "Query-side weight (SearcherOptions; 0 = off)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1000.0));
  }
  cmd->add_option("--feedback-docs", ranking.feedback_docs,
                  "Pseudo-relevance feedback: top documents of a first pass taken as relevant "
                  "(0 = off)")
      ->capture_default_str()
      ->check(CLI::Range(0u, 1000u));
  cmd->add_option("--feedback-terms", ranking.feedback_terms,
                  "Pseudo-relevance feedback: stems added to the query")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1000u));
  cmd->add_option("--near-pair-window", ranking.near_pair_window,
                  "Window of --near-pair-weight, in positions")
      ->capture_default_str()
      ->check(CLI::Range(2, 64));
}

std::string dump_json(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace newsindex::tools
