// Query AST -> Xapian::Query, with every word analysed like the documents.
#include "search/query_builder.h"

#include <algorithm>
#include <map>

#include "index/schema.h"
#include "index/term_mapper.h"
#include "search/date_filter.h"
#include "search/query_parser.h"

namespace newsindex::internal {

using NK = QueryNode::Kind;

struct QueryBuilder::Built {
  Xapian::Query q;
  bool ok = false;
  bool filter = false;  // a boolean filter: no weight of its own
  bool optional = false;  // a kept stop word: adds weight, never matches alone
};

struct QueryBuilder::Chunk {
  struct Pos {
    std::uint32_t pos = 0;
    std::vector<std::string> words;  // kWord + kVariant terms
    std::vector<std::string> parts;  // kHyphenPart terms
    std::vector<std::string> stems;  // stems indexed as "Z" terms
    std::vector<std::string> part_stems;     // stems of non-stop kHyphenPart terms
    std::vector<std::string> compound_parts;  // kCompoundPart stems
    bool stop = false;
    bool part_stop = false;  // the kHyphenPart here is a stop word
  };
  std::vector<Pos> positions;
  bool hyphenated = false;
};

namespace {

void add_unique(std::vector<std::string>& v, std::string_view s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.emplace_back(s);
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& qs) {
  if (qs.size() == 1) return qs.front();
  return Xapian::Query(op, qs.begin(), qs.end());
}

Xapian::Query scaled(Xapian::Query q, double w) {
  return w == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, w);
}

std::string exact_term(std::string_view term, QueryField field) {
  return field == QueryField::kTitle ? title_term(term) : std::string(term);
}

// Query text of a term list at one phrase position.
bool position_query(const std::vector<std::string>& terms, QueryField field, Xapian::Query& out) {
  std::vector<Xapian::Query> qs;
  for (const std::string& t : terms) {
    std::string term = exact_term(t, field);
    if (term_fits(term)) qs.emplace_back(term);
  }
  if (qs.empty()) return false;
  out = combine(Xapian::Query::OP_OR, qs);
  return true;
}

// The terms `spell(word)` of `words` that fit in the index.
std::vector<Xapian::Query> prefixed(const std::vector<std::string>& words,
                                    std::string (*spell)(std::string_view)) {
  std::vector<Xapian::Query> out;
  for (const std::string& w : words) {
    std::string term = spell(w);
    if (term_fits(term)) out.emplace_back(term);
  }
  return out;
}

bool is_acronym(std::string_view text) {
  bool upper = false;
  for (unsigned char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') upper = true;
  }
  return upper;
}

}  // namespace

QueryBuilder::QueryBuilder(const Analyzer& analyzer, const Synonyms* synonyms,
                           BuilderOptions options, const Xapian::Database* db,
                           const RelatedForms* related)
    : analyzer_(analyzer),
      synonyms_(synonyms),
      options_(options),
      db_(db),
      related_(related),
      stream_(analyzer.stream()) {}

QueryBuilder::Chunk QueryBuilder::analyse(const std::string& text) {
  Chunk c;
  stream_->reset(text);
  while (stream_->next()) {
    const Token& t = stream_->token();
    auto it = std::find_if(c.positions.begin(), c.positions.end(),
                           [&](const Chunk::Pos& p) { return p.pos == t.position; });
    if (it == c.positions.end()) {
      c.positions.push_back({});
      it = c.positions.end() - 1;
      it->pos = t.position;
    }
    if (t.kind == TokenKind::kCompoundPart) {
      if (!t.stem.empty()) add_unique(it->compound_parts, t.stem);
    } else if (t.kind == TokenKind::kHyphenPart) {
      c.hyphenated = true;
      add_unique(it->parts, t.term);
      if (t.stopword) it->part_stop = true;
      if (indexes_stem(t)) add_unique(it->part_stems, t.stem);
    } else {
      add_unique(it->words, t.term);
      if (indexes_stem(t)) add_unique(it->stems, t.stem);
      if (t.kind == TokenKind::kWord && t.stopword) it->stop = true;
    }
  }
  std::sort(c.positions.begin(), c.positions.end(),
            [](const Chunk::Pos& a, const Chunk::Pos& b) { return a.pos < b.pos; });
  return c;
}

bool QueryBuilder::common_tf(Xapian::doccount tf) const {
  return options_.common_part_share > 0.0 && tf > options_.common_part_floor &&
         static_cast<double>(tf) >
             options_.common_part_share * static_cast<double>(db_->get_doccount());
}

bool QueryBuilder::common(const std::string& term) const {
  if (!db_ || !(options_.common_part_share > 0.0)) return false;
  return common_tf(db_->get_termfreq(term));
}

bool QueryBuilder::absent_or_common(const std::string& term) const {
  if (!db_) return false;
  Xapian::doccount tf = db_->get_termfreq(term);
  return tf == 0 || common_tf(tf);
}

bool QueryBuilder::found_whole(const std::vector<std::string>& stems) const {
  if (!db_ || options_.whole_word_docs == 0) return false;
  return std::any_of(stems.begin(), stems.end(), [&](const std::string& s) {
    return db_->get_termfreq(stem_term(s)) >= options_.whole_word_docs;
  });
}

std::vector<std::string> QueryBuilder::stem_variants(const std::string& stem) const {
  constexpr std::size_t kShortest = 5, kLongestEnding = 3, kMostScanned = 200;
  std::vector<std::string> out;
  if (!db_ || stem.size() < kShortest) return out;
  const std::string z = stem_term(stem);
  const std::size_t prefix = z.size() - stem.size();
  std::size_t scanned = 0;
  for (Xapian::TermIterator it = db_->allterms_begin(z); it != db_->allterms_end(z); ++it) {
    if (++scanned > kMostScanned) break;
    const std::string t = *it;
    if (t.size() > z.size() && t.size() - z.size() <= kLongestEnding) out.push_back(t.substr(prefix));
  }
  for (std::size_t cut = 1; cut <= kLongestEnding && stem.size() - cut >= kShortest; ++cut) {
    std::string shorter = stem.substr(0, stem.size() - cut);
    if (db_->term_exists(stem_term(shorter))) out.push_back(std::move(shorter));
  }
  return out;
}

std::vector<std::string> QueryBuilder::related_words(const std::string& word,
                                                     const std::vector<std::string>& stems,
                                                     QueryField field) const {
  if (!related_ || !(options_.related_weight > 0.0) || field != QueryField::kText ||
      !analyzer_.options().stem || analyzer_.is_stopword(word)) {
    return {};
  }
  return related_->words_for(word, stems, analyzer_);
}

Xapian::Query QueryBuilder::related_level(const std::vector<std::string>& words) const {
  std::vector<Xapian::Query> terms;
  for (const std::string& w : words) {
    if (term_fits(w)) terms.emplace_back(w);
  }
  if (terms.empty()) return Xapian::Query();
  return scaled(combine(Xapian::Query::OP_SYNONYM, terms), options_.related_weight);
}

Xapian::Query QueryBuilder::levels(std::vector<Xapian::Query> exact,
                                   const std::vector<std::string>& stems, QueryField field) {
  std::vector<Xapian::Query> lv;
  lv.push_back(combine(Xapian::Query::OP_SYNONYM, exact));
  std::vector<Xapian::Query> z, xp;
  for (const std::string& s : stems) {
    std::string zt = field == QueryField::kTitle ? title_stem_term(s) : stem_term(s);
    if (term_fits(zt)) z.emplace_back(zt);
    std::string xt = compound_term(s);
    if (field == QueryField::kText && term_fits(xt) && !absent_or_common(xt)) {
      xp.emplace_back(xt);
    }
  }
  if (!z.empty() && options_.stem_weight > 0.0) {
    Xapian::Query zq = scaled(combine(Xapian::Query::OP_SYNONYM, z), options_.stem_weight);
    // A document with the exact form nearly always has its stem term too:
    // the exact level only adds weight where the stem matched. AND_MAYBE
    // gives the same weights as OR and reads the exact list by skipping.
    bool terms_only = std::all_of(exact.begin(), exact.end(), [](const Xapian::Query& q) {
      return q.get_type() == Xapian::Query::LEAF_TERM;
    });
    if (options_.exact_within_stem && terms_only) {
      lv.front() = Xapian::Query(Xapian::Query::OP_AND_MAYBE, zq, lv.front());
    } else {
      lv.push_back(zq);
    }
  }
  if (!xp.empty() && options_.compound_weight > 0.0) {
    lv.push_back(scaled(combine(Xapian::Query::OP_SYNONYM, xp), options_.compound_weight));
  }
  return combine(Xapian::Query::OP_OR, lv);
}

Xapian::Query QueryBuilder::extras(Xapian::Query base, const Chunk& c,
                                   const std::vector<std::string>& forms,
                                   const std::vector<std::string>& stems, QueryField field) {
  if (field != QueryField::kText) return base;
  std::vector<Xapian::Query> lv{std::move(base)};
  if (options_.title_weight > 0.0) {
    std::vector<Xapian::Query> title = prefixed(forms, title_term);
    if (!title.empty()) {
      lv.push_back(scaled(levels(std::move(title), stems, QueryField::kTitle),
                          options_.title_weight));
    }
  }
  if (options_.lead_weight > 0.0) {
    std::vector<Xapian::Query> lead = prefixed(stems, lead_stem_term);
    if (!lead.empty()) {
      lv.push_back(scaled(combine(Xapian::Query::OP_SYNONYM, lead), options_.lead_weight));
    }
  }
  if (options_.hyphen_part_weight > 0.0 && c.hyphenated) {
    // "IS-terroristen": also "terroristen" on its own (stop-word parts skipped).
    std::vector<Xapian::Query> parts;
    for (const Chunk::Pos& p : c.positions) {
      if (p.part_stop || p.parts.empty()) continue;
      std::vector<Xapian::Query> exact;
      for (const std::string& t : p.parts) {
        if (term_fits(t)) exact.emplace_back(t);
      }
      if (!exact.empty()) parts.push_back(levels(std::move(exact), p.part_stems, field));
    }
    if (!parts.empty()) {
      lv.push_back(scaled(combine(Xapian::Query::OP_OR, parts), options_.hyphen_part_weight));
    }
  }
  // "depressie": also "depressief" and "depressiev", which the stemmer
  // leaves apart (not without stemming: "regering" must not find "regeringen").
  if (options_.variant_weight > 0.0 && analyzer_.options().stem) {
    std::vector<Xapian::Query> variants;
    for (const std::string& s : stems) {
      for (const std::string& v : stem_variants(s)) {
        if (std::find(stems.begin(), stems.end(), v) != stems.end()) continue;
        std::string zt = stem_term(v);
        if (term_fits(zt)) variants.emplace_back(zt);
      }
    }
    if (!variants.empty()) {
      lv.push_back(scaled(combine(Xapian::Query::OP_SYNONYM, variants), options_.variant_weight));
    }
  }
  // "liep": also "lopen", "gelopen"; "drie": also "3" (search/related_forms.h).
  if (!forms.empty()) {
    Xapian::Query related = related_level(related_words(forms.front(), stems, field));
    if (!related.empty()) lv.push_back(related);
  }
  // "opgepakt": also "aangehouden", a body word learned from the archive's
  // headlines (search/headline_translations.h).
  if (options_.translations && options_.translation_weight > 0.0) {
    std::vector<Xapian::Query> alt;
    for (const std::string& s : stems) {
      const HeadlineTranslations::Targets* t = options_.translations->find(s);
      if (!t) continue;
      for (const auto& [v, share] : *t) {
        if (std::find(stems.begin(), stems.end(), v) != stems.end()) continue;
        std::string zt = stem_term(v);
        if (term_fits(zt)) alt.push_back(scaled(Xapian::Query(zt), share));
      }
    }
    if (!alt.empty()) {
      lv.push_back(scaled(combine(Xapian::Query::OP_OR, alt), options_.translation_weight));
    }
  }
  // "betaalmunt": also "munt" as a word (Z) or a document compound part (XP),
  // unless the word is found in enough documents as it is. A word without
  // such parts (most) costs no term-frequency lookup: each is a B-tree read.
  auto other_part = [&](const Chunk::Pos& p) {
    return std::any_of(p.compound_parts.begin(), p.compound_parts.end(), [&](const std::string& s) {
      return std::find(stems.begin(), stems.end(), s) == stems.end();
    });
  };
  if (options_.query_part_weight > 0.0 &&
      std::any_of(c.positions.begin(), c.positions.end(), other_part) && !found_whole(stems)) {
    std::vector<Xapian::Query> parts;
    for (const Chunk::Pos& p : c.positions) {
      for (const std::string& s : p.compound_parts) {
        if (std::find(stems.begin(), stems.end(), s) != stems.end()) continue;
        std::string zt = stem_term(s);
        if (common(zt)) continue;  // "zaak", "land": long lists, little weight
        std::vector<Xapian::Query> alt;
        if (term_fits(zt)) alt.emplace_back(zt);
        std::string xt = compound_term(s);
        if (term_fits(xt)) alt.emplace_back(xt);
        if (!alt.empty()) parts.push_back(combine(Xapian::Query::OP_SYNONYM, alt));
      }
    }
    if (!parts.empty()) {
      lv.push_back(scaled(combine(Xapian::Query::OP_OR, parts), options_.query_part_weight));
    }
  }
  return combine(Xapian::Query::OP_OR, lv);
}

QueryBuilder::Built QueryBuilder::word(const QueryNode& n, BuiltQuery& out, bool positional) {
  Built b;
  Chunk c = analyse(n.text);
  if (c.positions.empty()) return b;
  const Chunk::Pos& first = c.positions.front();
  // "de", "het": in nearly every article (kept at stopword_weight when > 0).
  const bool stop_word = !positional && !keep_stopwords_ && c.positions.size() == 1 &&
                         first.stop && n.occur != Occur::kMust;
  if (stop_word && !(options_.stopword_weight > 0.0)) return b;
  if (stop_word && db_ && options_.stopword_max_share < 1.0 && !first.words.empty() &&
      static_cast<double>(db_->get_termfreq(first.words.front())) >
          options_.stopword_max_share * static_cast<double>(db_->get_doccount())) {
    return b;
  }
  if (positional) {
    // NEAR takes plain terms only (Xapian 1.4): the forms at the first position.
    std::vector<std::string> terms = first.words;
    for (const std::string& p : first.parts) add_unique(terms, p);
    Xapian::Query q;
    if (!position_query(terms, n.field, q)) return b;
    if (positive_) {
      for (const std::string& t : terms) out.highlight.terms.insert(t);
    }
    b.ok = true;
    weighted_ = weighted_ || positive_;
    b.q = q;
    return b;
  }
  std::vector<Xapian::Query> exact;
  std::vector<std::string> stems;
  std::vector<std::string> forms;  // single exact terms, for the title level
  if (c.positions.size() == 1) {
    std::vector<std::string> terms = first.words;
    for (const std::string& p : first.parts) add_unique(terms, p);
    forms = terms;
    for (const std::string& t : terms) {
      std::string term = exact_term(t, n.field);
      if (term_fits(term)) exact.emplace_back(term);
    }
    stems = first.stems;
  } else {
    // "INF-verdrag": the whole and closed forms, or the parts as a phrase;
    // "v.s." and other multi-word chunks: a phrase.
    if (c.hyphenated) {
      forms = first.words;
      for (const std::string& t : first.words) {
        std::string term = exact_term(t, n.field);
        if (term_fits(term)) exact.emplace_back(term);
      }
      stems = first.stems;
    }
    std::vector<Xapian::Query> seq;
    for (const Chunk::Pos& p : c.positions) {
      Xapian::Query q;
      if (position_query(p.parts.empty() ? p.words : p.parts, n.field, q)) seq.push_back(q);
    }
    if (seq.size() > 1) {
      exact.emplace_back(
          Xapian::Query::OP_PHRASE, seq.begin(), seq.end(),
          static_cast<Xapian::termcount>(c.positions.back().pos - c.positions.front().pos + 1));
    } else if (seq.size() == 1) {
      exact.push_back(seq.front());
    }
  }
  if (exact.empty()) return b;
  // A kept stop word only adds weight: it is not highlighted (snippets stay
  // those of the words that matter) nor spell-checked.
  if (positive_ && !stop_word) {
    for (const Chunk::Pos& p : c.positions) {
      for (const std::string& t : p.words) out.highlight.terms.insert(t);
      for (const std::string& t : p.parts) out.highlight.terms.insert(t);
      for (const std::string& s : p.stems) out.highlight.stems.insert(s);
    }
    if (c.positions.size() == 1 && n.field == QueryField::kText && !first.words.empty()) {
      out.words.push_back(first.words.front());
    }
  }
  b.ok = true;
  weighted_ = weighted_ || positive_;
  b.q = extras(levels(exact, stems, n.field), c, forms, stems, n.field);
  if (positive_ && !stop_word && !forms.empty()) {
    // A hit found through "lopen" for "liep" shows it highlighted.
    for (std::string& w : related_words(forms.front(), stems, n.field)) {
      out.highlight.terms.insert(std::move(w));
    }
  }
  // "Column", "Commentaar": headline words bodies seldom use weigh less.
  if (options_.headline_rates && n.field == QueryField::kText) {
    b.q = scaled(b.q, options_.headline_rates->weight(stems, options_.headline_rate_power));
  }
  if (stop_word) {
    b.q = scaled(b.q, options_.stopword_weight);
    b.optional = true;
  }
  return b;
}

std::vector<Xapian::Query> QueryBuilder::phrase_positions(const QueryNode& n, BuiltQuery* out,
                                                          std::uint32_t* span) {
  Chunk c = analyse(n.text);
  std::vector<Xapian::Query> seq;
  for (const Chunk::Pos& p : c.positions) {
    std::vector<std::string> terms = p.words;
    for (const std::string& t : p.parts) add_unique(terms, t);
    Xapian::Query q;
    if (position_query(terms, n.field, q)) seq.push_back(q);
    if (out && positive_) {
      for (const std::string& t : terms) out->highlight.terms.insert(t);
    }
  }
  if (span && !c.positions.empty()) {
    *span = c.positions.back().pos - c.positions.front().pos + 1;
  }
  return seq;
}

QueryBuilder::Built QueryBuilder::phrase(const QueryNode& n, BuiltQuery& out) {
  Built b;
  std::uint32_t span = 0;
  std::vector<Xapian::Query> seq = phrase_positions(n, &out, &span);
  if (seq.empty()) return b;
  b.ok = true;
  weighted_ = weighted_ || positive_;
  if (seq.size() == 1) {
    b.q = seq.front();  // "missie": this form only, no stems
  } else {
    b.q = Xapian::Query(Xapian::Query::OP_PHRASE, seq.begin(), seq.end(),
                        static_cast<Xapian::termcount>(std::max<std::size_t>(span, seq.size())));
  }
  return b;
}

QueryBuilder::Built QueryBuilder::wildcard(const QueryNode& n, BuiltQuery& out) {
  Built b;
  stream_->reset(n.text);
  std::string prefix;
  while (stream_->next()) {
    if (stream_->token().kind == TokenKind::kWord) {
      prefix = std::string(stream_->token().term);
      break;
    }
  }
  if (prefix.empty()) return b;
  std::string pattern = exact_term(prefix, n.field);
  if (!term_fits(pattern)) return b;
  if (positive_) out.highlight.prefixes.push_back(prefix);
  b.ok = true;
  weighted_ = weighted_ || positive_;
  if (!db_) {
    b.q = Xapian::Query(Xapian::Query::OP_WILDCARD, pattern, options_.wildcard_limit,
                        Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT, Xapian::Query::OP_SYNONYM);
    return b;
  }
  // Expanded here, over the whole database, rather than by OP_WILDCARD:
  // Xapian 1.4 expands a wildcard in each sub-database on its own, so over
  // shards every shard kept its own most frequent terms and weighed the
  // synonym by its own statistics ("woningbouw*" scored 5.95 over 4 shards
  // against 4.05 in one database). The same rule: the wildcard_limit most
  // frequent terms (ties by term), in term order.
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  for (auto t = db_->allterms_begin(pattern); t != db_->allterms_end(pattern); ++t) {
    found.emplace_back(t.get_termfreq(), *t);
  }
  if (options_.wildcard_limit > 0 && found.size() > options_.wildcard_limit) {
    std::partial_sort(found.begin(), found.begin() + options_.wildcard_limit, found.end(),
                      [](const auto& x, const auto& y) {
                        return x.first != y.first ? x.first > y.first : x.second < y.second;
                      });
    found.resize(options_.wildcard_limit);
    std::sort(found.begin(), found.end(),
              [](const auto& x, const auto& y) { return x.second < y.second; });
  }
  std::vector<Xapian::Query> terms;
  for (const auto& [tf, term] : found) terms.emplace_back(term);
  b.q = terms.empty() ? Xapian::Query::MatchNothing
                      : Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
  return b;
}

QueryBuilder::Built QueryBuilder::filter(const QueryNode& n, BuiltQuery& out) {
  Built b;
  b.filter = true;
  if (n.kind == NK::kDate) {
    DateRange r;
    if (!parse_date_range(n.text, r)) {
      out.warnings.push_back("datum:" + n.text +
                             ": not a date (use 2020-02-12, 2020-02, 2020 or "
                             "2020-02..2020-03); ignored");
      return b;
    }
    b.ok = true;
    if (r.lo.empty()) {
      b.q = Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, r.hi);
    } else if (r.hi.empty()) {
      b.q = Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, r.lo);
    } else {
      b.q = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, r.lo, r.hi);
    }
    return b;
  }
  std::string_view prefix = n.field == QueryField::kSource   ? schema::kPrefixSource
                            : n.field == QueryField::kOutlet ? schema::kPrefixOutlet
                                                             : schema::kPrefixCategory;
  std::string value = schema::filter_value(n.text);
  if (value.empty()) return b;
  b.ok = true;
  b.q = Xapian::Query(schema::boolean_term(prefix, value));
  return b;
}

QueryBuilder::Built QueryBuilder::synonym_group(std::size_t group, QueryField field,
                                                BuiltQuery& out) {
  std::vector<Xapian::Query> exact;
  std::vector<std::string> stems;
  for (const Synonyms::Form& form : synonyms_->group(group)) {
    std::vector<Xapian::Query> seq;
    for (const std::string& t : form) {
      std::string term = exact_term(t, field);
      if (term_fits(term)) seq.emplace_back(term);
      if (positive_) out.highlight.terms.insert(t);
    }
    if (seq.size() != form.size() || seq.empty()) continue;
    if (seq.size() == 1) {
      exact.push_back(seq.front());
      if (!analyzer_.is_stopword(form.front())) {
        std::string s = analyzer_.stem(form.front());
        if (!s.empty()) {
          add_unique(stems, s);
          if (positive_) out.highlight.stems.insert(s);
        }
      }
    } else {
      exact.emplace_back(Xapian::Query::OP_PHRASE, seq.begin(), seq.end(),
                         static_cast<Xapian::termcount>(seq.size()));
    }
  }
  Built b;
  if (exact.empty()) return b;
  b.ok = true;
  weighted_ = weighted_ || positive_;
  b.q = levels(exact, stems, field);
  // "VS" (= "amerika"): also "amerikaanse", the related forms of the
  // group's single words.
  std::vector<std::string> words;
  for (const Synonyms::Form& form : synonyms_->group(group)) {
    if (form.size() != 1) continue;
    for (std::string& w : related_words(form.front(), stems, field)) add_unique(words, w);
  }
  Xapian::Query related = related_level(words);
  if (!related.empty()) {
    b.q = Xapian::Query(Xapian::Query::OP_OR, b.q, related);
    if (positive_) out.highlight.terms.insert(words.begin(), words.end());
  }
  return b;
}

QueryBuilder::Built QueryBuilder::seq(const QueryNode& n, BuiltQuery& out) {
  std::vector<Xapian::Query> should, must, mustnot;
  std::vector<Xapian::Query> maybe;  // kept stop words: weight, never a match
  std::map<QueryField, std::vector<Xapian::Query>> filters;
  const auto& kids = n.children;
  std::vector<std::vector<std::string>> forms(kids.size());
  std::vector<bool> formed(kids.size(), false);
  std::vector<std::size_t> consumed_at(kids.size(), 0);  // words each clause took
  const bool seq_positive = positive_;
  auto form_of = [&](std::size_t k) -> const std::vector<std::string>& {
    if (!formed[k]) {
      forms[k] = synonym_form(kids[k].text, *stream_);
      formed[k] = true;
    }
    return forms[k];
  };
  for (std::size_t i = 0; i < kids.size();) {
    const QueryNode& c = kids[i];
    Built b;
    std::size_t consumed = 1;
    bool saved_positive = positive_;
    if (c.occur == Occur::kMustNot) positive_ = false;
    if (synonyms_ && c.kind == NK::kWord && c.field != QueryField::kDate) {
      // The longest synonym form over whole consecutive words of one kind:
      // "verenigde staten" -> vs.
      std::vector<std::string> terms;
      std::vector<std::size_t> ends;  // term count after each word
      for (std::size_t k = i; k < kids.size() && k < i + 8; ++k) {
        const QueryNode& w = kids[k];
        if (w.kind != NK::kWord || w.field != c.field || w.occur != c.occur) break;
        const auto& f = form_of(k);
        terms.insert(terms.end(), f.begin(), f.end());
        ends.push_back(terms.size());
      }
      std::size_t group = 0;
      std::size_t len = synonyms_->match(terms, 0, group);
      auto end = std::find(ends.begin(), ends.end(), len);
      bool stop_needs_caps = len == 1 && analyzer_.is_stopword(terms.front());
      if (len > 0 && end != ends.end() && (!stop_needs_caps || is_acronym(c.text))) {
        consumed = static_cast<std::size_t>(end - ends.begin()) + 1;
        b = synonym_group(group, c.field, out);
        if (positive_) {
          for (std::size_t k = i; k < i + consumed; ++k) {
            if (form_of(k).size() == 1 && c.field == QueryField::kText) {
              out.words.push_back(form_of(k).front());
            }
          }
        }
      }
    }
    if (!b.ok && consumed == 1) b = c.kind == NK::kWord ? word(c, out, false) : node(c, out);
    positive_ = saved_positive;
    consumed_at[i] = b.ok ? consumed : 0;
    i += consumed;
    if (!b.ok) continue;
    if (b.filter && c.occur != Occur::kMustNot) {
      filters[c.field].push_back(b.q);
      continue;
    }
    switch (c.occur) {
      case Occur::kShould:
        if (b.optional) {
          maybe.push_back(b.q);
        } else {
          (options_.default_operator == DefaultOperator::kAnd ? must : should).push_back(b.q);
        }
        break;
      case Occur::kMust:
        must.push_back(b.q);
        break;
      case Occur::kMustNot:
        mustnot.push_back(b.q);
        break;
    }
  }
  // "de missie": "de" adds weight to the documents "missie" matches, but
  // matches none itself (under OR or AND), so the match set, its estimate and
  // the facet counts stay those of the other words, and a stop word's long
  // posting list is only skipped through.
  if (must.empty() && should.empty()) {
    should = std::move(maybe);
    maybe.clear();
  }
  Built b;
  bool have = true;
  if (!must.empty()) {
    b.q = combine(Xapian::Query::OP_AND, must);
    if (!should.empty()) {
      b.q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, b.q, combine(Xapian::Query::OP_OR, should));
    }
  } else if (!should.empty()) {
    b.q = combine(Xapian::Query::OP_OR, should);
  } else {
    have = false;
  }
  if (have && !maybe.empty()) {
    b.q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, b.q, combine(Xapian::Query::OP_OR, maybe));
  }
  if (have && seq_positive &&
      (options_.phrase_pair_weight > 0.0 || options_.near_pair_weight > 0.0)) {
    Xapian::Query prox = proximity(kids, consumed_at);
    if (!prox.empty()) b.q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, b.q, prox);
  }
  if (!filters.empty()) {
    std::vector<Xapian::Query> per_field;
    for (const auto& [field, qs] : filters) per_field.push_back(combine(Xapian::Query::OP_OR, qs));
    Xapian::Query f = combine(Xapian::Query::OP_AND, per_field);
    b.q = have ? Xapian::Query(Xapian::Query::OP_FILTER, b.q, f)
               : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, f, 0.0);
    have = true;
  }
  if (!mustnot.empty()) {
    if (!have) b.q = Xapian::Query::MatchAll;
    b.q = Xapian::Query(Xapian::Query::OP_AND_NOT, b.q, combine(Xapian::Query::OP_OR, mustnot));
    have = true;
  }
  b.ok = have;
  return b;
}

Xapian::Query QueryBuilder::proximity(const std::vector<QueryNode>& kids,
                                      const std::vector<std::size_t>& consumed) {
  // Walks the plain free-text words in query order: each one with a single
  // position (no hyphen group, no synonym phrase) pairs with the one before
  // it; a stop word that was dropped widens the pair's phrase window; any
  // other clause breaks the chain.
  std::vector<Xapian::Query> pairs;
  Xapian::Query prev;
  Xapian::termcount gap = 0;
  for (std::size_t i = 0; i < kids.size(); ++i) {
    const QueryNode& n = kids[i];
    const bool plain = n.kind == NK::kWord && n.field == QueryField::kText &&
                       n.occur != Occur::kMustNot && consumed[i] <= 1;
    if (!plain) {
      prev = Xapian::Query();
      gap = 0;
      continue;
    }
    Chunk c = analyse(n.text);
    if (c.positions.empty()) continue;  // punctuation only
    const Chunk::Pos& p = c.positions.front();
    if (consumed[i] == 0) {
      // Not searched: a dropped stop word counts as a gap, anything else
      // breaks the chain.
      if (c.positions.size() == 1 && p.stop) {
        ++gap;
      } else {
        prev = Xapian::Query();
        gap = 0;
      }
      continue;
    }
    Xapian::Query cur;
    if (c.positions.size() != 1 || !position_query(p.words, QueryField::kText, cur)) {
      prev = Xapian::Query();
      gap = 0;
      continue;
    }
    if (!prev.empty()) {
      const Xapian::Query two[] = {prev, cur};
      if (options_.phrase_pair_weight > 0.0) {
        pairs.push_back(scaled(Xapian::Query(Xapian::Query::OP_PHRASE, two, two + 2, 2 + gap),
                               options_.phrase_pair_weight));
      }
      if (options_.near_pair_weight > 0.0) {
        pairs.push_back(scaled(Xapian::Query(Xapian::Query::OP_NEAR, two, two + 2,
                                             std::max<Xapian::termcount>(
                                                 options_.near_pair_window, 2 + gap)),
                               options_.near_pair_weight));
      }
    }
    prev = cur;
    gap = 0;
  }
  if (pairs.empty()) return Xapian::Query();
  return combine(Xapian::Query::OP_OR, pairs);
}

QueryBuilder::Built QueryBuilder::node(const QueryNode& n, BuiltQuery& out) {
  auto as_query = [](const Built& b) {
    return b.filter ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, b.q, 0.0) : b.q;
  };
  switch (n.kind) {
    case NK::kWord: {
      if (!synonyms_) return word(n, out, false);
      QueryNode one;  // a sequence of one, so that synonyms apply
      one.kind = NK::kSeq;
      one.children.push_back(n);
      return seq(one, out);
    }
    case NK::kPhrase:
      return phrase(n, out);
    case NK::kWildcard:
      return wildcard(n, out);
    case NK::kFilter:
    case NK::kDate:
      return filter(n, out);
    case NK::kSeq:
      return seq(n, out);
    case NK::kMatchAll: {
      Built b;
      b.ok = true;
      b.q = Xapian::Query::MatchAll;
      return b;
    }
    case NK::kAnd:
    case NK::kOr: {
      std::vector<Xapian::Query> qs;
      for (const QueryNode& c : n.children) {
        Built cb = node(c, out);
        if (cb.ok) qs.push_back(as_query(cb));
      }
      Built b;
      if (qs.empty()) return b;
      b.ok = true;
      b.q = combine(n.kind == NK::kAnd ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, qs);
      return b;
    }
    case NK::kAndNot: {
      Built left = node(n.children.front(), out);
      bool saved = positive_;
      positive_ = false;
      std::vector<Xapian::Query> rights;
      for (std::size_t i = 1; i < n.children.size(); ++i) {
        Built r = node(n.children[i], out);
        if (r.ok) rights.push_back(as_query(r));
      }
      positive_ = saved;
      if (rights.empty()) return left;
      Built b;
      b.ok = true;
      b.q = Xapian::Query(Xapian::Query::OP_AND_NOT,
                          left.ok ? as_query(left) : Xapian::Query::MatchAll,
                          combine(Xapian::Query::OP_OR, rights));
      return b;
    }
    case NK::kNear: {
      // Xapian 1.4 NEAR takes terms (or ORs of terms) only: a phrase inside
      // contributes its words to the NEAR and must also match as a phrase.
      std::vector<Xapian::Query> qs, phrases;
      for (const QueryNode& c : n.children) {
        if (c.kind == NK::kPhrase) {
          Built pb = phrase(c, out);
          if (!pb.ok) continue;
          std::vector<Xapian::Query> pos = phrase_positions(c);
          qs.insert(qs.end(), pos.begin(), pos.end());
          if (pos.size() > 1) phrases.push_back(pb.q);
        } else {
          Built cb = word(c, out, true);
          if (cb.ok) qs.push_back(cb.q);
        }
      }
      Built b;
      if (qs.empty()) return b;
      b.ok = true;
      if (qs.size() == 1) {
        b.q = qs.front();
      } else {
        Xapian::termcount window =
            std::max<Xapian::termcount>(n.window, static_cast<Xapian::termcount>(qs.size()));
        b.q = Xapian::Query(Xapian::Query::OP_NEAR, qs.begin(), qs.end(), window);
      }
      if (!phrases.empty()) {
        phrases.insert(phrases.begin(), b.q);
        b.q = combine(Xapian::Query::OP_AND, phrases);
      }
      return b;
    }
  }
  return {};
}

bool QueryBuilder::all_stopwords(const QueryNode& root) {
  // True when every positive word is a stop word and nothing else searches
  // text: "de", "het een" must still find something.
  bool any_word = false;
  bool other = false;
  auto visit = [&](auto&& self, const QueryNode& n) -> void {
    if (n.occur == Occur::kMustNot) return;
    switch (n.kind) {
      case NK::kWord: {
        Chunk c = analyse(n.text);
        if (c.positions.empty()) return;
        if (c.positions.size() == 1 && c.positions.front().stop) {
          any_word = true;
        } else {
          other = true;
        }
        return;
      }
      case NK::kPhrase:
      case NK::kWildcard:
        other = true;
        return;
      default:
        break;
    }
    std::size_t count = n.kind == NK::kAndNot ? 1 : n.children.size();
    for (std::size_t i = 0; i < count; ++i) self(self, n.children[i]);
  };
  visit(visit, root);
  return any_word && !other;
}

BuiltQuery QueryBuilder::build(const QueryNode& root) {
  BuiltQuery out;
  positive_ = true;
  if (is_empty_query(root)) {
    out.browse = true;
    out.query = Xapian::Query::MatchAll;
    return out;
  }
  keep_stopwords_ = all_stopwords(root);
  weighted_ = false;
  Built b = node(root, out);
  if (!b.ok) {
    out.nothing = true;
    out.warnings.push_back("the query has no searchable words");
    return out;
  }
  out.query = b.filter ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, b.q, 0.0) : b.q;
  out.browse = !weighted_;  // only filters or exclusions: newest first
  return out;
}

}  // namespace newsindex::internal
