// Token -> term mapping shared by the writer and the query builder.
#include "index/term_mapper.h"

#include "analysis/token_stream.h"
#include "index/schema.h"

namespace newsindex::internal {

// Every analysed term fits in a Xapian term with any prefix put on it here.
static_assert(analysis::kMaxTermBytes + schema::kPrefixTitleStem.size() <= schema::kMaxTermBytes);
static_assert(analysis::kMaxTermBytes + schema::kPrefixCompoundPart.size() <=
              schema::kMaxTermBytes);

namespace {
std::string join(std::string_view prefix, std::string_view text) {
  std::string t;
  t.reserve(prefix.size() + text.size());
  t.append(prefix);
  t.append(text);
  return t;
}
}  // namespace

std::string stem_term(std::string_view stem) { return join(schema::kPrefixStem, stem); }
std::string title_term(std::string_view term) { return join(schema::kPrefixTitle, term); }
std::string title_stem_term(std::string_view stem) {
  return join(schema::kPrefixTitleStem, stem);
}
std::string lead_stem_term(std::string_view stem) {
  return join(schema::kPrefixLeadStem, stem);
}
std::string compound_term(std::string_view stem) {
  return join(schema::kPrefixCompoundPart, stem);
}

bool term_fits(std::string_view term) {
  return !term.empty() && term.size() <= schema::kMaxTermBytes;
}

bool indexes_stem(const Token& token) {
  return !token.stopword && token.kind != TokenKind::kCompoundPart && !token.stem.empty();
}

bool TermMapper::fill(std::string_view prefix, std::string_view text) {
  if (text.empty() || prefix.size() + text.size() > schema::kMaxTermBytes) return false;
  buf_.assign(prefix);
  buf_.append(text);
  return true;
}

void TermMapper::post(DocSink& doc, std::string_view prefix, std::string_view text,
                      Xapian::termpos pos, Xapian::termcount wdf) {
  if (!fill(prefix, text)) return;
  doc.add_posting(buf_, pos, wdf);
  ++added_;
}

void TermMapper::term(DocSink& doc, std::string_view prefix, std::string_view text,
                      Xapian::termcount wdf) {
  if (!fill(prefix, text)) return;
  doc.add_term(buf_, wdf);
  ++added_;
}

int TermMapper::add(DocSink& doc, const Token& token, Field field) {
  added_ = 0;
  const bool title = field == Field::kTitle;
  const Xapian::termcount wdf = title                 ? weights_.title
                                : field == Field::kLead ? weights_.lead
                                                        : 1;
  const Xapian::termpos pos = token.position;
  if (token.kind == TokenKind::kCompoundPart) {
    // No position: parts are matched as words, never in phrases.
    term(doc, schema::kPrefixCompoundPart, token.stem, wdf);
    return added_;
  }
  post(doc, "", token.term, pos, wdf);
  if (indexes_stem(token)) term(doc, schema::kPrefixStem, token.stem, wdf);
  if (field == Field::kLead && weights_.lead_terms && indexes_stem(token)) {
    term(doc, schema::kPrefixLeadStem, token.stem, 1);
  }
  if (title) {
    post(doc, schema::kPrefixTitle, token.term, pos, 1);
    if (indexes_stem(token)) term(doc, schema::kPrefixTitleStem, token.stem, 1);
  }
  return added_;
}

}  // namespace newsindex::internal
