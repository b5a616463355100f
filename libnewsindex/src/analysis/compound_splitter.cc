// analysis/compound_splitter.cc
#include "analysis/compound_splitter.h"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <unordered_map>

#include "analysis/stopwords.h"

namespace newsindex::internal::analysis {
namespace {


// Particles and prefixes: uitstoot is uit+stoot only etymologically, and
// verkeer is not ver+keer.
constexpr std::string_view kBlockedHeads[] = {
    "aan",   "af",   "achter", "bij",    "binnen", "buiten", "door",   "in",     "mee",
    "na",    "om",   "onder",  "op",     "over",   "tegen",  "toe",    "uit",    "voor",
    "weg",   "ver",  "be",     "ge",     "ont",    "her",    "er",     "te",     "terug",
    "samen", "neer", "mis",    "wan",    "vers",   "voort",  "rond",   "langs",  "tussen",
    "vooruit", "mede", "boven", "beneden",
    // Found on news text: evenwicht, transport, saamhorigheid, parttimers.
    "even", "trans", "saam", "part", "pass",
    // Superlatives of particles: achterst+raat for Achterstraat.
    "achterst", "voorst", "binnenst", "buitenst", "onderst", "bovenst", "verst"};

// Frequent lexicalised words that look like compounds (found on news text):
// zondag is not about the sun, allemaal not about a meal.
constexpr std::string_view kNeverSplit[] = {
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "allemaal", "praktijk", "parachute", "enigszins",
    // Element names: stikstof is nitrogen, not stitch+dust.
    "stikstof", "waterstof", "zuurstof", "koolstof"};

// Suffix-like words: minister is not mini+ster, vrijheid not vrij+heid.
constexpr std::string_view kBlockedTails[] = {
    "ster", "heid", "schap", "dom", "aar",  "naar", "enaar", "ing", "ling", "lijk", "lijke", "baar",
    "loos", "nis",  "tje",   "je",  "ier",  "ist",  "isme",  "teit", "achtig", "erij", "thuis",
    // Found on news text: fotograaf, instagram, transport, belangrijk(er),
    // standaard, tekortschietende, passenger.
    "graaf", "gram", "port", "rijk", "rijke", "rijker", "aard", "ende", "enger",
    // Rare words that would take the s of a linking -s- (verkeers+licht).
    "slicht", "seinde"};

constexpr std::string_view kNumerals[] = {
    "een",     "twee",    "drie",    "vier",     "vijf",    "zes",     "zeven",  "acht", "negen",
    "tien",    "elf",     "twaalf",  "twintig",  "dertig",  "veertig", "honderd", "duizend"};

// Three-letter heads and tails common in news compounds (bomaanslag,
// zeemacht, gasprijs; fietspad, snelweg, privacywet).
constexpr std::string_view kShortHeads[] = {
    "bom", "gas", "zee", "bus", "cel", "tol", "bos", "dag", "pop", "top", "web", "oog",
    "kop", "net", "vis", "zon", "wet", "ijs", "rol", "sms", "wol", "tv",  "pc",  "eu"};
constexpr std::string_view kShortTails[] = {
    "pad", "net", "bak", "man", "bed", "lid", "lek", "bad", "val", "wet", "weg", "bus", "bom",
    "zak", "pan", "pot", "kop", "dak", "dag", "hek", "bal", "bos", "gat", "rit", "vat", "web",
    "pet", "tas", "pak", "les", "kar", "kam", "oog", "bon", "fee", "ras", "lot", "lap"};

// Derivational suffixes for the "derivation of a simple word" rule.
constexpr std::string_view kSuffixes[] = {
    "tuur", "ing", "ling", "aar", "ier", "erij", "heid", "schap", "teit", "ist", "isme", "eur", "tie"};

enum WordFlag : std::uint8_t {
  kFlagBlockedHead = 1,
  kFlagBlockedTail = 2,
  kFlagNumeral = 4,
  kFlagShortHead = 8,
  kFlagShortTail = 16,
  kFlagNeverSplit = 32,
};

// The lists above as one hash table: the splitter asks for every candidate
// part, so this is on the (cold-cache) hot path.
class WordFlags {
 public:
  WordFlags() {
    add(kBlockedHeads, kFlagBlockedHead);
    add(kBlockedTails, kFlagBlockedTail);
    add(kNumerals, kFlagNumeral);
    add(kShortHeads, kFlagShortHead);
    add(kShortTails, kFlagShortTail);
    add(kNeverSplit, kFlagNeverSplit);
  }
  std::uint8_t get(std::string_view w) const {
    if (w.size() > max_len_) return 0;
    const auto it = map_.find(w);
    return it == map_.end() ? 0 : it->second;
  }

 private:
  template <std::size_t N>
  void add(const std::string_view (&list)[N], std::uint8_t flag) {
    for (std::string_view w : list) {
      map_[w] |= flag;
      max_len_ = std::max(max_len_, w.size());
    }
  }
  std::unordered_map<std::string_view, std::uint8_t> map_;
  std::size_t max_len_ = 0;
};

bool has(std::string_view w, std::uint8_t flag) {
  static const WordFlags flags;
  return (flags.get(w) & flag) != 0;
}

bool ends_with(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

CompoundSplitter::CompoundSplitter(std::shared_ptr<const Dictionary> dict)
    : dict_(std::move(dict)) {}

bool CompoundSplitter::ok_head_word(std::string_view h) const {
  if (h.size() < 3 || !word(h)) return false;
  if (has(h, kFlagBlockedHead) || has(h, kFlagNumeral) || is_dutch_stopword(h)) return false;
  if (h.size() == 3 && !has(h, kFlagShortHead)) return false;
  if (ends_with(h, "dt")) return false;  // a verb form: grondt+roepen
  return true;
}

bool CompoundSplitter::ok_tail(std::string_view t) const {
  if (t.size() < 3) return false;
  if (t.size() == 3 && !has(t, kFlagShortTail)) return false;
  if (!word(t)) return false;
  return !(has(t, kFlagBlockedTail) || has(t, kFlagNumeral) || is_dutch_stopword(t));
}

// The forms a head `h` (followed by tail `t`) may stand for.
void CompoundSplitter::heads(std::string_view h, std::string_view t,
                             std::vector<std::string>& out) const {
  out.clear();
  if (has(h, kFlagBlockedHead)) return;
  const bool ends_s = ends_with(h, "s");
  const std::string_view no_s = ends_s ? h.substr(0, h.size() - 1) : std::string_view();
  if (ends_s && has(no_s, kFlagBlockedHead)) return;
  const bool h_word = word(h);
  if (ends_s && h.size() >= 4 && t.size() >= 4) {
    // kleding+stukken, not kledings+tukken; rente+stand, not rentes+tand:
    // when the s can start the tail, it does.
    std::string st = "s";
    st += t;
    if (ok_tail(st)) return;
  }
  // vredes+akkoord is vrede and levens+verwachting is leven (genitive -s
  // after -e, -en, -el, -er); but kruis+weg is kruis, not krui.
  const bool genitive = ends_s && (ends_with(no_s, "e") || ends_with(no_s, "en") ||
                                   ends_with(no_s, "el") || ends_with(no_s, "er"));
  const bool linking_s = ends_s && !ends_with(no_s, "s") && ok_head_word(no_s);
  if (linking_s && (genitive || !h_word)) out.emplace_back(no_s);
  if (h_word && ok_head_word(h)) out.emplace_back(h);
  if (linking_s && !genitive && h_word) out.emplace_back(no_s);
  // Linking -en- (when the plural itself is not listed).
  if (ends_with(h, "en") && !word(h) && ok_head_word(h.substr(0, h.size() - 2)))
    out.emplace_back(h);
  // Linking -er-: kinder+boek is kind (whose stem override is "kinder").
  if (ends_with(h, "er") && h.size() > 4) {
    const std::string_view base = h.substr(0, h.size() - 2);
    std::string plural(base);
    plural += "eren";
    if (word(plural) && ok_head_word(base)) out.emplace_back(base);
  }
  // Linking -e- after a doubled consonant: zonne+paneel is zon.
  if (ends_with(h, "e") && h.size() >= 5 && h[h.size() - 2] == h[h.size() - 3]) {
    const std::string_view base = h.substr(0, h.size() - 2);
    std::string plural(h.substr(0, h.size() - 1));
    plural += "en";
    if (word(plural) && word(base)) out.emplace_back(base);
  }
}

bool CompoundSplitter::split_rec(std::string_view w, int depth,
                                 std::vector<std::string>& best) const {
  best.clear();
  if (w.size() < 6) return false;
  // Two parts always beat more, so look for those first; the tail check
  // comes before the (costlier) head check.
  // key: (last tail is short, -head length): smaller wins.
  std::pair<bool, long> best_key{};
  bool found = false;
  std::vector<std::string> hs;
  for (std::size_t i = 3; i + 3 <= w.size(); ++i) {
    if (is_continuation(w[i])) continue;
    const std::string_view t = w.substr(i);
    if (!ok_tail(t)) continue;
    const std::string_view h = w.substr(0, i);
    heads(h, t, hs);
    if (hs.empty()) continue;
    const std::pair<bool, long> key{t.size() == 3, -static_cast<long>(h.size())};
    if (found && !(key < best_key)) continue;
    found = true;
    best_key = key;
    best.assign({hs.front(), std::string(t)});
  }
  if (found || depth >= 1) return found;
  // A tail that is no word may split once more: stikstof+uitstoot inside
  // a longer word.
  std::vector<std::string> tails;
  std::tuple<std::size_t, bool, long> best_key3{};
  for (std::size_t i = 3; i + 6 <= w.size(); ++i) {
    if (is_continuation(w[i])) continue;
    const std::string_view t = w.substr(i);
    if (word(t)) continue;
    const std::string_view h = w.substr(0, i);
    heads(h, t, hs);
    if (hs.empty() || !split_rec(t, depth + 1, tails)) continue;
    const auto key = std::make_tuple(tails.size() + 1, tails.back().size() == 3,
                                     -static_cast<long>(h.size()));
    if (found && !(key < best_key3)) continue;
    found = true;
    best_key3 = key;
    best.clear();
    best.push_back(hs.front());
    best.insert(best.end(), tails.begin(), tails.end());
  }
  return found;
}

// leiding = leid+ing, handelaar = handel+aar: a derivation of a word that
// does not split itself is not a compound.
bool CompoundSplitter::derived(std::string_view w) const {
  std::vector<std::string> scratch;
  for (std::string_view s : kSuffixes) {
    if (!ends_with(w, s) || w.size() <= s.size() + 2) continue;
    const std::string_view b = w.substr(0, w.size() - s.size());
    if (word(b) && !split_rec(b, 0, scratch)) return true;
    if (b.size() > 2 && b[b.size() - 1] == b[b.size() - 2]) {
      const std::string_view u = b.substr(0, b.size() - 1);  // redd+ing -> red
      if (word(u) && !split_rec(u, 0, scratch)) return true;
    }
  }
  return false;
}

// kantoren (kantoor), bedragen (bedrag), salarissen (salaris): a plural or
// inflection of a listed word that does not split is not a compound.
bool CompoundSplitter::inflection_of_simple_word(std::string_view w) const {
  std::vector<std::string> scratch;
  auto simple = [&](const std::string& b) { return word(b) && !split_rec(b, 0, scratch); };
  if (ends_with(w, "en") && w.size() > 5) {
    const std::string b(w.substr(0, w.size() - 2));
    if (simple(b)) return true;
    const char last = b[b.size() - 1], before = b[b.size() - 2];
    if (last == before && simple(b.substr(0, b.size() - 1))) return true;
    if (!is_vowel(last) && is_vowel(before)) {
      std::string d = b.substr(0, b.size() - 1);
      d += before;
      d += last;
      if (simple(d)) return true;
    }
    if (last == 'z' && simple(b.substr(0, b.size() - 1) + "s")) return true;
    if (last == 'v' && simple(b.substr(0, b.size() - 1) + "f")) return true;
  }
  // kinderen, eieren, bladeren: plural -eren.
  if (ends_with(w, "eren") && w.size() > 6 && simple(std::string(w.substr(0, w.size() - 4))))
    return true;
  if (ends_with(w, "s") && simple(std::string(w.substr(0, w.size() - 1)))) return true;
  // Verb forms: koppelt (koppel+t), verstedelijkte (verstedelijk+te).
  if (ends_with(w, "t") && simple(std::string(w.substr(0, w.size() - 1)))) return true;
  for (std::string_view past : {"te", "de", "ten", "den"}) {
    if (ends_with(w, past) && w.size() > past.size() + 3 &&
        simple(std::string(w.substr(0, w.size() - past.size()))))
      return true;
  }
  if (ends_with(w, "e") && simple(std::string(w.substr(0, w.size() - 1)))) return true;
  return false;
}

bool CompoundSplitter::split(std::string_view w, std::vector<std::string>& parts) const {
  parts.clear();
  if (w.size() < kMinWordBytes || !dict_) return false;
  if (has(w, kFlagNeverSplit)) return false;
  // Most words have no split at all; the guards run only when one is found.
  if (!split_rec(w, 0, parts)) return false;
  if (derived(w) || inflection_of_simple_word(w)) {
    parts.clear();
    return false;
  }
  return true;
}

}  // namespace newsindex::internal::analysis
