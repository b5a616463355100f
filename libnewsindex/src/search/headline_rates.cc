// Headline rates: the learner's counts and the query side's weights.
#include "search/headline_rates.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <tuple>
#include <unordered_map>

#include "newsindex/headline_rates.h"
#include "search/headline_translation_model.h"
#include "search/synonyms.h"

namespace newsindex {
namespace internal {
namespace {

// "123" -> 123; false on anything else.
bool parse_count(std::string_view s, std::uint64_t& out) {
  if (s.empty() || s.size() > 18) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return true;
}

}  // namespace

Result<HeadlineRates> HeadlineRates::parse(std::string_view text, std::string_view origin) {
  struct Counts {
    std::string stem;
    std::uint64_t titles, in_body;
  };
  std::vector<Counts> rows;
  Status st = for_each_list_line(text, [&](std::string_view line, std::size_t line_no) {
    auto bad = [&](const std::string& why) {
      return Status::parse_error(std::string(origin) + ":" + std::to_string(line_no) + ": " + why);
    };
    std::size_t t1 = line.find('\t');
    std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos || t1 == 0) {
      return bad("expected 'stem<TAB>titles<TAB>in body', got '" + std::string(line) + "'");
    }
    Counts c{std::string(line.substr(0, t1)), 0, 0};
    if (!parse_count(line.substr(t1 + 1, t2 - t1 - 1), c.titles) ||
        !parse_count(line.substr(t2 + 1), c.in_body) || c.in_body > c.titles || c.titles == 0) {
      return bad("counts must be whole numbers with 0 <= in body <= titles and titles > 0, got '" +
                 std::string(line) + "'");
    }
    rows.push_back(std::move(c));
    return Status();
  });
  if (!st.ok()) return st;
  HeadlineRates hr;
  double titles = 0, in_body = 0;
  for (const Counts& c : rows) {
    titles += static_cast<double>(c.titles);
    in_body += static_cast<double>(c.in_body);
  }
  hr.mean_ = titles > 0 ? in_body / titles : 1.0;
  if (!(hr.mean_ > 0.0)) hr.mean_ = 1.0;
  for (const Counts& c : rows) {
    hr.rates_[c.stem] = (static_cast<double>(c.in_body) + kPrior * hr.mean_) /
                        (static_cast<double>(c.titles) + kPrior);
  }
  return hr;
}

Result<HeadlineRates> HeadlineRates::load(const std::string& path) {
  if (path.empty()) return HeadlineRates();
  Result<std::string> text = read_list_file(path, "headline rates file");
  if (!text.ok()) return text.status();
  return parse(*text, path);
}

double HeadlineRates::rate(std::string_view stem) const {
  auto it = rates_.find(stem);
  return it == rates_.end() ? mean_ : it->second;
}

double HeadlineRates::weight(const std::vector<std::string>& stems, double power) const {
  if (!(power > 0.0) || rates_.empty()) return 1.0;
  bool found = false;
  double best = 0.0;
  for (const std::string& s : stems) {
    auto it = rates_.find(s);
    if (it == rates_.end()) continue;
    found = true;
    best = std::max(best, it->second);
  }
  if (!found || best >= mean_) return 1.0;
  return std::pow(best / mean_, power);
}

}  // namespace internal

struct HeadlineRateLearner::Impl {
  std::shared_ptr<const Analyzer> analyzer;
  std::unique_ptr<TokenStream> stream;
  std::uint64_t articles = 0;
  struct Counts {
    std::uint64_t titles = 0, in_body = 0;
  };
  std::unordered_map<std::string, Counts> counts;
  // For the translations: stem ids, the body stems of every article
  // counted (sorted), and for each non-stop title stem the articles whose
  // body lacks it.
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::string> names;
  std::vector<std::uint32_t> df;  // bodies with the stem
  std::vector<std::vector<std::uint32_t>> bodies;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> lacking;
  // For Model 1: each article's non-stop title stems, and its first
  // kMaxSequence non-stop body stems in text order (the lead first).
  static constexpr std::size_t kMaxSequence = 2000;
  std::vector<std::vector<std::uint32_t>> titles;
  std::vector<std::vector<std::uint32_t>> sequences;

  using TranslationTable = std::map<std::string, std::vector<std::pair<std::string, double>>>;
  TranslationTable lift(const HeadlineTranslationOptions& o) const;
  TranslationTable model1(const HeadlineTranslationOptions& o) const;

  std::uint32_t id(const std::string& stem) {
    auto [it, added] = ids.emplace(stem, static_cast<std::uint32_t>(names.size()));
    if (added) {
      names.push_back(stem);
      df.push_back(0);
    }
    return it->second;
  }

  // The stems a search for a word can meet as words (not compound parts);
  // those of stop words also into `stop`, the others in text order onto
  // `order`.
  std::set<std::string> stems(std::string_view text, std::set<std::string>& stop,
                              std::vector<std::string>& order) {
    std::set<std::string> out;
    stream->reset(text);
    while (stream->next()) {
      const Token& t = stream->token();
      if (t.kind == TokenKind::kCompoundPart || t.stem.empty()) continue;
      out.emplace(t.stem);
      if (t.stopword) {
        stop.emplace(t.stem);
      } else {
        order.emplace_back(t.stem);
      }
    }
    return out;
  }
};

HeadlineRateLearner::HeadlineRateLearner(std::shared_ptr<const Analyzer> analyzer)
    : impl_(std::make_unique<Impl>()) {
  impl_->analyzer = std::move(analyzer);
  impl_->stream = impl_->analyzer->stream();
}

HeadlineRateLearner::~HeadlineRateLearner() = default;

void HeadlineRateLearner::add(const Article& article) {
  if (article.title.empty() || (article.body.empty() && article.lead.empty())) return;
  std::set<std::string> stop;
  std::vector<std::string> title_order, body_order;
  std::set<std::string> title = impl_->stems(article.title, stop, title_order);
  if (title.empty()) return;
  std::set<std::string> body;
  if (!article.lead.empty() && article.body.find(article.lead) == std::string::npos) {
    body = impl_->stems(article.lead, stop, body_order);
  }
  body.merge(impl_->stems(article.body, stop, body_order));
  ++impl_->articles;
  const auto article_no = static_cast<std::uint32_t>(impl_->bodies.size());
  std::vector<std::uint32_t> body_ids;
  for (const std::string& s : body) {
    if (stop.count(s)) continue;
    std::uint32_t i = impl_->id(s);
    ++impl_->df[i];
    body_ids.push_back(i);
  }
  std::sort(body_ids.begin(), body_ids.end());
  impl_->bodies.push_back(std::move(body_ids));
  std::vector<std::uint32_t> sequence;
  for (const std::string& s : body_order) {
    if (sequence.size() == Impl::kMaxSequence) break;
    if (!stop.count(s)) sequence.push_back(impl_->id(s));
  }
  impl_->sequences.push_back(std::move(sequence));
  std::vector<std::uint32_t> title_ids;
  for (const std::string& s : title) {
    Impl::Counts& c = impl_->counts[s];
    ++c.titles;
    if (!stop.count(s)) title_ids.push_back(impl_->id(s));
    if (body.count(s)) {
      ++c.in_body;
    } else if (!stop.count(s)) {
      impl_->lacking[impl_->id(s)].push_back(article_no);
    }
  }
  impl_->titles.push_back(std::move(title_ids));
}

namespace {

// The highest ids by `count` among those with count >= `min`, at most `most`.
std::vector<bool> most_frequent(const std::vector<std::uint64_t>& count, std::uint64_t min,
                                std::size_t most) {
  std::vector<std::uint32_t> ids;
  for (std::uint32_t i = 0; i < count.size(); ++i) {
    if (count[i] >= min) ids.push_back(i);
  }
  if (ids.size() > most) {
    std::nth_element(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(most), ids.end(),
                     [&](std::uint32_t a, std::uint32_t b) {
                       return count[a] != count[b] ? count[a] > count[b] : a < b;
                     });
    ids.resize(most);
  }
  std::vector<bool> keep(count.size(), false);
  for (std::uint32_t i : ids) keep[i] = true;
  return keep;
}

}  // namespace

HeadlineRateLearner::Impl::TranslationTable HeadlineRateLearner::Impl::lift(
    const HeadlineTranslationOptions& o) const {
  const double n = static_cast<double>(bodies.size());
  TranslationTable out;
  std::unordered_map<std::uint32_t, std::uint32_t> co;
  for (const auto& [w, articles] : lacking) {
    if (articles.size() < o.min_titles) continue;
    co.clear();
    for (std::uint32_t a : articles) {
      for (std::uint32_t v : bodies[a]) {
        if (static_cast<double>(df[v]) <= o.max_share * n) ++co[v];
      }
    }
    const double titles = static_cast<double>(counts.at(names[w]).titles);
    std::vector<std::tuple<double, std::uint32_t, double>> best;  // score, v, p
    for (const auto& [v, c] : co) {
      if (c < o.min_titles) continue;
      const double lift = (c / static_cast<double>(articles.size())) / (df[v] / n);
      if (lift < o.min_lift) continue;
      const double p = c / titles;
      best.emplace_back(p * std::log(lift), v, p);
    }
    std::sort(best.begin(), best.end(), [&](const auto& a, const auto& b) {
      return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b)
                                              : names[std::get<1>(a)] < names[std::get<1>(b)];
    });
    if (best.size() > o.per_stem) best.resize(o.per_stem);
    for (const auto& [score, v, p] : best) out[names[w]].emplace_back(names[v], p);
  }
  return out;
}

HeadlineRateLearner::Impl::TranslationTable HeadlineRateLearner::Impl::model1(
    const HeadlineTranslationOptions& o) const {
  const double n = static_cast<double>(bodies.size());
  const auto vocabulary = static_cast<std::uint32_t>(names.size());
  // Each side's most frequent stems: titles, then bodies.
  std::vector<std::uint64_t> title_count(vocabulary, 0), body_count(df.begin(), df.end());
  for (std::uint32_t i = 0; i < vocabulary; ++i) {
    auto it = counts.find(names[i]);
    if (it != counts.end()) title_count[i] = it->second.titles;
  }
  const std::vector<bool> title_side = most_frequent(title_count, o.min_titles, o.max_stems);
  const std::vector<bool> body_side = most_frequent(body_count, o.min_titles, o.max_stems);
  std::vector<internal::AlignedPair> pairs;
  pairs.reserve(titles.size());
  for (std::size_t a = 0; a < titles.size(); ++a) {
    internal::AlignedPair p;
    for (std::uint32_t w : titles[a]) {
      if (title_side[w]) p.title.push_back(w);
    }
    if (p.title.empty()) continue;
    std::size_t length = sequences[a].size();
    if (o.body_stems != 0) length = std::min<std::size_t>(length, o.body_stems);
    std::vector<std::uint32_t> seq(sequences[a].begin(),
                                   sequences[a].begin() + static_cast<std::ptrdiff_t>(length));
    std::sort(seq.begin(), seq.end());
    for (std::size_t i = 0; i < seq.size();) {
      std::size_t j = i;
      while (j < seq.size() && seq[j] == seq[i]) ++j;
      if (body_side[seq[i]]) p.body.emplace_back(seq[i], static_cast<std::uint32_t>(j - i));
      i = j;
    }
    pairs.push_back(std::move(p));
  }
  // Never w itself (the query has it) nor a stem too common to keep; the
  // forward table keeps every entry (a translation model needs t(w | w)).
  const std::size_t per_row = o.forward_table ? vocabulary : o.per_stem;
  const std::vector<internal::TranslationModel1::Row> rows = internal::TranslationModel1::train(
      pairs, vocabulary, o.em_iterations, per_row, std::max(o.floor, 0.0001), o.lacking_only,
      [&](std::uint32_t w, std::uint32_t v) {
        return o.forward_table || (v != w && static_cast<double>(df[v]) <= o.max_share * n);
      },
      o.forward_table);
  TranslationTable out;
  for (std::uint32_t w = 0; w < vocabulary; ++w) {
    for (const auto& [v, p] : rows[w]) out[names[w]].emplace_back(names[v], p);
  }
  return out;
}

std::string HeadlineRateLearner::translations_text(std::uint32_t min_titles,
                                                   std::uint32_t per_stem,
                                                   double min_lift, double max_share) const {
  HeadlineTranslationOptions o;
  o.method = HeadlineTranslationOptions::Method::kLift;
  o.min_titles = min_titles;
  o.per_stem = per_stem;
  o.min_lift = min_lift;
  o.max_share = max_share;
  return translations_text(o);
}

std::string HeadlineRateLearner::translations_text(const HeadlineTranslationOptions& o) const {
  const bool model1 = o.method == HeadlineTranslationOptions::Method::kModel1;
  const Impl::TranslationTable out = model1 ? impl_->model1(o) : impl_->lift(o);
  std::string text = !model1 ? "# newsindex headline translations: title stem, body stem, share "
                               "of the titles ("
                     : o.forward_table ? "# newsindex IBM Model 1 table: title stem, body stem, "
                                         "t(title stem | body stem) ("
                                       : "# newsindex headline translations (IBM Model 1): title "
                                         "stem, body stem, p(body stem | title stem) (";
  text += std::to_string(impl_->articles) + " articles)\n";
  char buf[32];
  for (const auto& [w, vs] : out) {
    if (w[0] == '#' || w.find_first_of("\t\n\r") != std::string::npos) continue;
    for (const auto& [v, p] : vs) {
      if (v.find_first_of("\t\n\r") != std::string::npos) continue;
      std::snprintf(buf, sizeof buf, o.forward_table ? "%.6f" : "%.4f", p);
      text += w + "\t" + v + "\t" + buf + "\n";
    }
  }
  return text;
}

std::uint64_t HeadlineRateLearner::articles() const { return impl_->articles; }

std::string HeadlineRateLearner::text(std::uint32_t min_titles) const {
  std::map<std::string, Impl::Counts> sorted;
  for (const auto& [stem, c] : impl_->counts) {
    if (c.titles >= min_titles && stem[0] != '#' &&
        stem.find_first_of("\t\n\r") == std::string::npos) {
      sorted.emplace(stem, c);
    }
  }
  std::string out =
      "# newsindex headline rates: stem, titles with it, of those with it in the body (" +
      std::to_string(impl_->articles) + " articles)\n";
  for (const auto& [stem, c] : sorted) {
    out += stem + "\t" + std::to_string(c.titles) + "\t" + std::to_string(c.in_body) + "\n";
  }
  return out;
}

}  // namespace newsindex
