// Near-duplicate detection: MinHash basics, the containment rule (tables),
// hand-made wire rewrites and non-pairs (text written for these tests), the
// controlled edits of the evaluation, and the planted duplicate groups of
// corpora/sample (precision/recall over pairs).
#include "dedup/minhash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "dedup/edits.h"
#include "index/cluster_index.h"
#include "index/document_builder.h"
#include "index/index_test_util.h"
#include "index/schema.h"
#include "testing/fake_analyzer.h"
#include "index/xapian_writer.h"
#include "newsindex/reader.h"
#include "newsindex/searcher.h"
#include "testing/articles.h"
#include "testing/test_paths.h"

namespace newsindex::internal::dedup {
namespace {

Signature signature_of(const std::string& text) {
  Shingler s;
  std::istringstream in(text);
  std::string w;
  while (in >> w) s.add_word(w);
  Signature sig{};
  EXPECT_TRUE(s.signature(sig));
  return sig;
}

const char* kStory =
    "De NAVO is bereid haar trainingsmissie in Irak uit te breiden zei secretaris-generaal "
    "Stoltenberg woensdag na afloop van een overleg met de ministers van Defensie in Brussel "
    "De bondgenoten willen meer Iraakse militairen opleiden zodat terreurgroep IS geen kans "
    "krijgt om opnieuw sterker te worden in het land";

TEST(MinHash, SimilarTextsHaveSimilarSignatures) {
  std::string edited = kStory;
  edited.replace(edited.find("woensdag"), 8, "donderdag");
  edited += " Dat meldt persbureau Belga";
  double same = estimate_jaccard(signature_of(kStory), signature_of(kStory));
  double near = estimate_jaccard(signature_of(kStory), signature_of(edited));
  double other = estimate_jaccard(
      signature_of(kStory),
      signature_of("Het KNMI waarschuwt voor zware windstoten in het hele land zondag en "
                   "maandag kan het verkeer ernstige hinder ondervinden van omgewaaide bomen "
                   "en de treinen rijden minder vaak"));
  EXPECT_EQ(same, 1.0);
  EXPECT_GE(near, 0.6);
  EXPECT_TRUE(same_story(signature_of(kStory), signature_of(edited)));
  EXPECT_LT(other, 0.2);
}

TEST(MinHash, ShortTextsHaveNoSignature) {
  Shingler s;
  for (const char* w : {"kort", "bericht", "zonder", "inhoud"}) s.add_word(w);
  Signature sig{};
  EXPECT_FALSE(s.signature(sig));
}

TEST(MinHash, EncodingRoundTripsAndBandKeysAreStable) {
  Signature sig = signature_of(kStory);
  sig.outlet = name_hash("Belga");
  sig.title = 0x8000000000000001ULL;
  Signature back{};
  std::string bytes = encode(sig);
  EXPECT_EQ(bytes.size(), 2u * kHashes + 2 + 4 + 8);
  ASSERT_TRUE(decode(bytes, back));
  EXPECT_EQ(sig, back);
  EXPECT_GT(sig.shingles, 40u);
  EXPECT_FALSE(decode("short", back));
  // A value of an older database (hashes only) decodes with an unknown count.
  ASSERT_TRUE(decode(bytes.substr(0, 2 * kHashes), back));
  EXPECT_EQ(back.mins, sig.mins);
  EXPECT_EQ(back.shingles, 0u);
  EXPECT_EQ(back.outlet, 0u);
  EXPECT_EQ(back.title, 0u);
  BandKeys keys = band_keys(sig);
  // Fixed seeds: the same text gives the same keys in every run and build.
  EXPECT_EQ(band_keys(signature_of(kStory)), keys);
  // The band number is mixed in: equal rows in different bands differ.
  Signature flat{};
  BandKeys flat_keys = band_keys(flat);
  EXPECT_NE(flat_keys[0], flat_keys[1]);
}

// Two signatures that agree on `agree` hashes, with the given shingle counts.
std::pair<Signature, Signature> synthetic(int agree, std::uint16_t na, std::uint16_t nb) {
  Signature a{}, b{};
  for (int i = 0; i < kHashes; ++i) {
    a.mins[i] = static_cast<std::uint16_t>(i);
    b.mins[i] = static_cast<std::uint16_t>(i < agree ? i : 1000 + i);
  }
  a.shingles = na;
  b.shingles = nb;
  return {a, b};
}

TEST(MinHash, ContainmentFromJaccardAndLengths) {
  struct Case {
    int agree;
    std::uint16_t na, nb;
    double containment;
    bool same;
  };
  const Case cases[] = {
      {60, 40, 40, 1.0, true},
      {30, 40, 40, 2 * 0.5 / 1.5, false},        // J 0.5, equal length: 0.67
      {36, 40, 40, 2 * 0.6 / 1.6, true},         // J 0.6, equal length: 0.75 >= 0.70
      {15, 25, 100, 1.0, true},                  // short (25 < 30): 0.82, and contained
      {15, 50, 200, 1.0, true},                  // 3 paragraphs of 12: contained
      {12, 50, 200, 0.2 * 250 / (1.2 * 50), true},  // 0.83
      {7, 50, 400, (7.0 / 60) * 450 / ((1 + 7.0 / 60) * 50), false},  // 0.94, but under
                                                                     // kMinAgree: too noisy
      {45, 20, 20, 2 * 0.75 / 1.75, true},       // short: 0.857 >= 0.82
      {40, 20, 20, 2 * (40.0 / 60) / (1 + 40.0 / 60), false},  // short: 0.80 < 0.82
      {36, 0, 40, 0.75, true},                   // old signature: former rule, J >= 0.6
      {35, 0, 40, 2 * (35.0 / 60) / (1 + 35.0 / 60), false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::Message() << c.agree << " " << c.na << "/" << c.nb);
    auto [a, b] = synthetic(c.agree, c.na, c.nb);
    EXPECT_NEAR(estimate_containment(a, b), c.containment, 1e-9);
    EXPECT_NEAR(estimate_containment(b, a), c.containment, 1e-9);
    EXPECT_EQ(same_story(a, b), c.same);
  }
}

// Wire rewrites of one story fold into one cluster; different stories that
// share a template or a press conference do not. Text written for this test.
// Each case: articles in input order, and the expected cluster of each as
// the index of the article whose key it gets ("0 0 1").
struct RewriteCase {
  const char* name;
  std::vector<std::pair<std::string, std::string>> articles;  // title, body
  const char* clusters;
  const char* outlet = "";  // of every article
};

const char* kBelga =
    "De politie heeft vandaag in Antwerpen een man van 34 opgepakt die verdacht wordt van "
    "een reeks inbraken in de binnenstad. Bij een huiszoeking vonden de speurders juwelen, "
    "laptops en ruim tienduizend euro aan contant geld. De verdachte wordt morgen "
    "voorgeleid bij de onderzoeksrechter.";

const char* kBelgaShort =
    "De politie heeft vandaag in Antwerpen een inbreker opgepakt. Hij had juwelen en laptops "
    "bij zich. Hij wordt morgen voorgeleid.";

const char* kIntro =
    "Een snelle update vanuit de wereld van de sterren: in deze rubriek vind je elke dag de "
    "laatste nieuwtjes, de meest besproken foto's en de leukste filmpjes van bekende "
    "Nederlanders en internationale beroemdheden.";

const char* kStrike[] = {
    "In de haven van Rotterdam ligt sinds maandagochtend het werk stil op alle containerterminals.",
    "De vakbond legde het werk neer nadat het overleg over een nieuwe cao zondagavond was vastgelopen.",
    "Volgens de werkgevers liggen er inmiddels ruim veertig zeeschepen te wachten voor de kust.",
    "De bond eist een loonsverhoging van vijf procent en een vroegpensioen voor havenwerkers met zware beroepen.",
    "Een woordvoerder van de terminals noemt die eisen onbetaalbaar in een markt waar Antwerpen en Hamburg de prijzen drukken.",
    "Vervoerders waarschuwen dat de voorraden in supermarkten binnen een week kunnen opraken als de staking aanhoudt.",
    "Het ministerie van Infrastructuur zegt de situatie nauwlettend te volgen maar wil zich niet in het conflict mengen.",
    "Bij de poort van de Maasvlakte stonden dinsdag honderden stakers met spandoeken en vlaggen.",
    "Een van hen vertelde dat hij al twaalf jaar nachtdiensten draait en zijn lichaam dat begint te merken.",
    "De rechter in Den Haag buigt zich woensdag over een kort geding dat de werkgevers hebben aangespannen.",
    "Zij willen dat de staking wordt verboden omdat die volgens hen de hele economie schade toebrengt.",
    "De vakbond laat weten de uitspraak af te wachten en tot die tijd door te gaan met de acties.",
};

std::string strike(int from, int to, const char* sep = "\n\n") {
  std::string out;
  for (int i = from; i < to; ++i) {
    if (i > from) out += sep;
    out += kStrike[i];
  }
  return out;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

std::vector<RewriteCase> rewrite_cases() {
  const std::string belga = kBelga;
  const std::string title = "Man opgepakt voor reeks inbraken in Antwerpen";
  const std::string strike_title = "Havenstaking legt Rotterdam plat";
  const std::string conference =
      "Dat zei minister Jansen van Justitie vrijdag op zijn wekelijkse persconferentie na de "
      "ministerraad in Den Haag.";
  return {
      // The case: as is, with a dateline and one word changed, with
      // a sentence appended.
      {"belga three copies",
       {{title, belga},
        {title, "ANTWERPEN - " + replaced(belga, "vandaag", "dinsdag")},
        {title, belga + " Dat meldt het parket."}},
       "0 0 0"},
      {"short belga three copies",
       {{"Inbreker opgepakt in Antwerpen", kBelgaShort},
        {"Inbreker opgepakt in Antwerpen",
         "ANTWERPEN - " + replaced(kBelgaShort, "vandaag", "dinsdag")},
        {"Inbreker opgepakt in Antwerpen", std::string(kBelgaShort) + " Dat meldt het parket."}},
       "0 0 0"},
      {"belga re-titled and cut",
       {{title, belga},
        {"Inbreker binnenstad Antwerpen gearresteerd", belga},
        {title, belga.substr(0, belga.rfind(" De verdachte"))}},
       "0 0 0"},
      {"long story: headline and lead rewritten, byline, truncated to 3 of 12 paragraphs",
       {{strike_title, strike(0, 12)},
        {"Staking in Rotterdamse haven: schepen wachten op zee", strike(0, 12)},
        {strike_title,
         "Alle containerterminals in Rotterdam liggen sinds maandag stil door een staking.\n\n" +
             strike(1, 12)},
        {strike_title, "Door onze redactie\n\n" + strike(0, 12)},
        {strike_title, strike(0, 3)},
        {strike_title, strike(0, 12, " ")}},
       "0 0 0 0 0 0"},
      // Two stories from one press conference: the standing sentence is shared.
      {"one press conference, two stories",
       {{"Jansen: meer geld voor wijkagenten",
         "Het kabinet trekt volgend jaar honderd miljoen euro extra uit voor wijkagenten in "
         "de grote steden. " + conference +
             " Volgens Jansen moeten er binnen vier jaar vijfhonderd agenten bij komen. De "
             "politiebond noemt het bedrag een druppel op een gloeiende plaat."},
        {"Jansen wil snellere uitzetting van veroordeelde asielzoekers",
         "Asielzoekers die in Nederland zijn veroordeeld voor een misdrijf moeten sneller "
         "het land worden uitgezet. " + conference +
             " Jansen wil daarvoor afspraken maken met de landen van herkomst. "
             "Vluchtelingenwerk spreekt van symboolpolitiek."}},
       "0 1"},
      // Daily reports in one template.
      {"weather reports of two days",
       {{"Weerbericht: bewolkt met later regen",
         "Vandaag is het in het noorden bewolkt en valt er later op de dag regen. In het "
         "zuiden blijft het droog met af en toe zon. De middagtemperatuur ligt tussen 11 en "
         "14 graden. Er staat een matige wind uit het zuidwesten. Morgen is het wisselend "
         "bewolkt en droog."},
        {"Weerbericht: zonnig en zacht",
         "Vandaag is het in het hele land zonnig en droog. Aan zee trekken in de middag enkele "
         "wolkenvelden binnen. De middagtemperatuur ligt tussen 17 en 20 graden. Er staat een "
         "zwakke wind uit het oosten. Morgen is het opnieuw zonnig en nog iets warmer."}},
       "0 1"},
      {"league results of two rounds",
       {{"Uitslagen eredivisie speelronde 12",
         "In de eredivisie won Ajax zondag met 3-1 van FC Utrecht. PSV speelde met 1-1 gelijk "
         "tegen AZ. Feyenoord verloor met 2-0 bij FC Twente. Heracles won met 2-1 van Vitesse. "
         "Ajax blijft koploper met twee punten voorsprong op PSV."},
        {"Uitslagen eredivisie speelronde 13",
         "In de eredivisie won PSV zondag met 4-0 van Heracles. Ajax speelde met 2-2 gelijk "
         "tegen Feyenoord. AZ verloor met 1-0 bij Vitesse. FC Utrecht won met 3-2 van FC "
         "Twente. PSV neemt de koppositie over met een punt voorsprong op Ajax."}},
       "0 1"},
      // A series' standing intro under unrelated headlines: from the fourth
      // teaser on (three earlier titles) it is standing text and no longer
      // joins; the first three were joined before the series was known.
      {"series intro under unrelated headlines",
       {{"Zangeres verrast fans met nieuw album", kIntro},
        {"Acteur trouwt in Toscane", kIntro},
        {"Presentator stopt na twintig jaar", kIntro},
        {"Voetballer opent restaurant", kIntro},
        {"Schrijfster wint prijs", kIntro}},
       "0 0 0 3 4",
       "De Telegraaf"},
      // A live blog under successive headlines that share words stays one.
      {"live blog under successive headlines",
       {{"LIVE | Tijdrit Vuelta: Kelderman onderweg", kIntro},
        {"LIVE | Tijdrit Vuelta: Cavagna voorlopig snelste", kIntro},
        {"LIVE | Tijdrit Vuelta: Roglic op weg naar rode trui", kIntro},
        {"LIVE | Tijdrit Vuelta: toppers onderweg", kIntro},
        {"LIVE | Tijdrit Vuelta: Roglic wint", kIntro}},
       "0 0 0 0 0",
       "AD"},
  };
}

TEST(WireRewrites, CopiesFoldAndTemplatedStoriesStayApart) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().to_string();
  for (const RewriteCase& c : rewrite_cases()) {
    SCOPED_TRACE(c.name);
    DocumentBuilder builder(*analyzer, /*index_title=*/true);
    ClusterIndex clusters(nullptr);
    BuiltDocument built;
    std::string got;
    std::map<std::string, int> first;  // cluster key -> index of its article
    for (std::size_t i = 0; i < c.articles.size(); ++i) {
      Article a = testing::make_article("a" + std::to_string(i), c.articles[i].first,
                                        c.articles[i].second);
      a.outlet = c.outlet;
      builder.build(a, built);
      ASSERT_TRUE(built.has_signature);
      std::string key = clusters.assign(built.id, built.signature, built.bands);
      first.emplace(key, static_cast<int>(i));
      if (!got.empty()) got += ' ';
      got += std::to_string(first[key]);
    }
    EXPECT_EQ(got, c.clusters);
  }
}

// End to end, as the issue tried it: the three copies indexed by the writer,
// then a search with collapse shows one hit that stands for three.
TEST(WireRewrites, SearchWithCollapseShowsTheThreeBelgaCopiesOnce) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().to_string();
  for (const char* story : {kBelga, kBelgaShort}) {
    SCOPED_TRACE(story);
    const std::string db = testing::fresh_dir("dedup_belga_collapse").string();
    const std::string body = story;
    {
      auto w = XapianIndexWriter::open(db, {}, *analyzer);
      ASSERT_TRUE(w.ok()) << w.status().to_string();
      const std::string title = "Inbreker opgepakt in Antwerpen";
      ASSERT_TRUE((*w)->add(testing::make_article("belga", title, body)).ok());
      ASSERT_TRUE((*w)->add(testing::make_article(
                                "krant-1", title,
                                "ANTWERPEN - " + replaced(body, "vandaag", "dinsdag")))
                      .ok());
      ASSERT_TRUE(
          (*w)->add(testing::make_article("krant-2", title, body + " Dat meldt het parket."))
              .ok());
      ASSERT_TRUE((*w)->commit().ok());
    }
    auto s = Searcher::open({db});
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    SearchRequest r;
    r.query = "inbreker Antwerpen";
    auto all = (*s)->search(r);
    ASSERT_TRUE(all.ok()) << all.status().to_string();
    EXPECT_EQ(all->hits.size(), 3u);
    r.collapse = true;
    auto one = (*s)->search(r);
    ASSERT_TRUE(one.ok()) << one.status().to_string();
    ASSERT_EQ(one->hits.size(), 1u);
    EXPECT_EQ(one->hits[0].duplicates, 2u);
    // The hit's copies can be listed: the other two, oldest first.
    const std::string shown = one->hits[0].id;
    auto copies = (*s)->copies(shown);
    ASSERT_TRUE(copies.ok()) << copies.status().to_string();
    std::vector<std::string> ids;
    for (const Hit& h : copies->hits) ids.push_back(h.id);
    std::vector<std::string> others;
    for (const char* id : {"belga", "krant-1", "krant-2"}) {
      if (id != shown) others.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, others);
    EXPECT_EQ(copies->estimate, 2u);
    EXPECT_EQ((*s)->copies("no-such-id").status().code(), StatusCode::kNotFound);
  }
}

TEST(WireRewrites, CopiesAreListedOldestFirstAndOnlyForTheirStory) {
  const std::string db = testing::fresh_dir("dedup_copies_order").string();
  {
    auto w = IndexWriter::open(db);
    ASSERT_TRUE(w.ok()) << w.status().to_string();
    const std::string body = kBelga;
    const std::int64_t t0 = 1581508800;
    const struct {
      const char* id;
      std::int64_t at;
      std::string body;
    } articles[] = {{"late", t0 + 7200, body + " Dat meldt het parket."},
                    {"early", t0, body},
                    {"middle", t0 + 3600, "ANTWERPEN - " + body},
                    {"other", t0, "Morgen wordt het zonnig en droog aan de kust, met een "
                                  "zwakke tot matige wind uit het oosten en maxima rond twintig "
                                  "graden in het binnenland."}};
    for (const auto& a : articles) {
      Article art = testing::make_article(a.id, "Inbreker opgepakt in Antwerpen", a.body);
      art.timestamp = a.at;
      ASSERT_TRUE((*w)->add(art).ok());
    }
    ASSERT_TRUE((*w)->commit().ok());
  }
  auto s = Searcher::open({db});
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  const struct {
    const char* id;
    std::vector<std::string> copies;
  } cases[] = {{"late", {"early", "middle"}},
               {"early", {"middle", "late"}},
               {"middle", {"early", "late"}},
               {"other", {}}};
  for (const auto& c : cases) {
    auto got = (*s)->copies(c.id);
    ASSERT_TRUE(got.ok()) << got.status().to_string();
    std::vector<std::string> ids;
    for (const Hit& h : got->hits) ids.push_back(h.id);
    EXPECT_EQ(ids, c.copies) << c.id;
  }
  auto limited = (*s)->copies("late", 1);
  ASSERT_TRUE(limited.ok());
  ASSERT_EQ(limited->hits.size(), 1u);
  EXPECT_EQ(limited->hits[0].id, "early");
}

TEST(ControlledEdits, RecipesApplyAsDocumented) {
  struct Case {
    const char* edits;
    const char* title;
    const char* body;
    const char* want_title;
    const char* want_body;  // nullptr: the edit does not fit
  };
  const Case cases[] = {
      {"dateline=ANTWERPEN", "T", "Het is zo. Dat blijft.", "T",
       "ANTWERPEN - Het is zo. Dat blijft."},
      {"undateline", "T", "DEN HAAG (ANP) - Het is zo.", "T", "Het is zo."},
      {"undateline", "T", "Het is zo - of niet.", "T", nullptr},
      {"byline=Door X", "T", "Een.", "T", "Door X\n\nEen."},
      {"title", "Drie woorden hier", "B.", "hier woorden Drie", "B."},
      {"word=2:dinsdag", "T", "Hij kwam vandaag  niet.", "T", "Hij dinsdag vandaag  niet."},
      {"word=9:x", "T", "Te kort.", "T", nullptr},
      {"append=Dat meldt het parket.", "T", "Een. ", "T", "Een. Dat meldt het parket."},
      {"cut=1", "T", "Een. Twee! Drie? Vier.", "T", "Een. Twee! Drie?"},
      {"cut=1", "T", "Een. Twee.", "T", nullptr},
      {"cut=1", "T", "Om 3 uur. 4 man kwamen. Zij gingen. Einde.", "T",
       "Om 3 uur. 4 man kwamen. Zij gingen."},
      {"lead", "T", "Een twee drie. Vier. Vijf.", "T", "drie. twee Een Vier. Vijf."},
      {"truncate=2", "T", "P1.\n\nP2.\nP3.", "T", "P1.\n\nP2."},
      {"truncate=3", "T", "P1.\n\nP2.\nP3.", "T", nullptr},
      {"dateline=GENT;word=1:Zij;append=Klaar.", "T", "Hij komt.", "T",
       "Zij - Hij komt. Klaar."},
      {"nonsense", "T", "B.", "T", nullptr},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.edits);
    Article a = testing::make_article("x", c.title, c.body);
    a.lead = "stale";
    Status st = apply_edits(c.edits, a);
    if (c.want_body == nullptr) {
      EXPECT_FALSE(st.ok());
      continue;
    }
    ASSERT_TRUE(st.ok()) << st.to_string();
    EXPECT_EQ(a.title, c.want_title);
    EXPECT_EQ(a.body, c.want_body);
    EXPECT_EQ(a.lead, "");
    EXPECT_EQ(a.id, "x");
  }
}

std::map<std::string, std::string> clusters_of(const std::string& db) {
  std::map<std::string, std::string> out;
  Xapian::Database d(db);
  for (auto t = d.allterms_begin("Q"); t != d.allterms_end("Q"); ++t) {
    Xapian::Document doc = d.get_document(*d.postlist_begin(*t));
    out[(*t).substr(1)] = doc.get_value(schema::kSlotCollapse);
  }
  return out;
}

// In both write paths: bulk mode reloads its cluster table after each
// commit (lazily, on the next article), so a copy added after a commit must
// still find the first copy.
TEST(ClusterIndex, WireCopiesShareTheFirstCopysKeyAcrossCommitsAndSessions) {
  for (bool bulk : {false, true}) {
    SCOPED_TRACE(bulk ? "bulk" : "plain");
    std::string db = testing::fresh_dir(bulk ? "dedup_clusters_bulk" : "dedup_clusters").string();
    WriterOptions o;
    o.bulk = bulk;
    o.threads = 2;
    std::string copy = kStory;
    copy.replace(copy.find("woensdag"), 8, "gisteren");
    std::string copy2 = std::string("BRUSSEL ") + kStory + " (Belga)";
    {
      auto w = XapianIndexWriter::open(db, o, testing::FakeAnalyzer::make());
      ASSERT_TRUE(w.ok());
      ASSERT_TRUE((*w)->add(testing::make_article("belga-1", "NAVO", kStory)).ok());
      ASSERT_TRUE((*w)->add(testing::make_article("other-1", "Storm",
                                                  "Het KNMI waarschuwt voor zware windstoten "
                                                  "in het hele land zondag en maandag"))
                      .ok());
      ASSERT_TRUE((*w)->commit().ok());
      ASSERT_TRUE((*w)->add(testing::make_article("krant-1", "NAVO breidt uit", copy)).ok());
      ASSERT_TRUE((*w)->commit().ok());
    }
    {  // a later session finds the committed copies through their signatures
      auto w = XapianIndexWriter::open(db, o, testing::FakeAnalyzer::make());
      ASSERT_TRUE(w.ok());
      ASSERT_TRUE((*w)->add(testing::make_article("krant-2", "NAVO", copy2)).ok());
      // Re-adding the first copy keeps its own key (it does not match itself).
      ASSERT_TRUE((*w)->add(testing::make_article("belga-1", "NAVO", kStory)).ok());
      ASSERT_TRUE((*w)->commit().ok());
    }
    auto c = clusters_of(db);
    EXPECT_EQ(c["belga-1"], "belga-1");
    EXPECT_EQ(c["krant-1"], "belga-1");
    EXPECT_EQ(c["krant-2"], "belga-1");
    EXPECT_EQ(c["other-1"], "other-1");
  }
}

// The table remembers at most `window` articles, in two generations of
// window / 2: a copy within window / 2 articles of the first copy still
// folds into it, a copy more than `window` articles later does not, and the
// table never holds more than the window. 0 remembers everything.
TEST(ClusterIndex, RemembersTheLastWindowArticles) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().to_string();
  DocumentBuilder builder(*analyzer, /*index_title=*/true);
  BuiltDocument built;
  // Filler i: twelve words of its own ("kaba", "kabe", ...: letters from i).
  auto filler = [](int i) {
    std::string text;
    for (int w = 0; w < 12; ++w) {
      int n = i * 12 + w;
      std::string word = "k";
      do {
        word += "aeiou"[n % 5];
        word += "bdfgklmnprst"[(n / 5) % 12];
        n /= 60;
      } while (n > 0);
      text += word + "en ";
    }
    return text;
  };
  struct Case {
    std::uint32_t window;
    int between;  // articles between the first copy and the second
    bool folds;
  };
  for (const Case& c : std::vector<Case>{
           {4, 1, true}, {4, 4, false}, {100, 49, true}, {100, 100, false}, {0, 300, true}}) {
    SCOPED_TRACE("window " + std::to_string(c.window) + ", " + std::to_string(c.between) +
                 " between");
    ClusterIndex clusters(nullptr, c.window);
    auto assign = [&](const std::string& id, const std::string& body) {
      builder.build(testing::make_article(id, "NAVO", body), built);
      EXPECT_TRUE(built.has_signature);
      return clusters.assign(built.id, built.signature, built.bands);
    };
    ASSERT_EQ(assign("belga-1", kStory), "belga-1");
    for (int i = 0; i < c.between; ++i) {
      const std::string id = "filler-" + std::to_string(i);
      ASSERT_EQ(assign(id, filler(i)), id);  // no filler matches another
      if (c.window != 0) {
        ASSERT_LE(clusters.size(), c.window);
      }
    }
    EXPECT_EQ(assign("krant-1", std::string("BRUSSEL ") + kStory + " (Belga)"),
              c.folds ? "belga-1" : "krant-1");
  }
}

// A database written before issue 18 has 120-byte signatures (no shingle
// count, outlet or title): they still load and match new copies by the
// former rule (Jaccard >= 0.6); a copy of unknown relative length (a
// truncation) does not match them.
TEST(ClusterIndex, SignaturesOfAnOlderDatabaseMatchByTheFormerRule) {
  std::string db = testing::fresh_dir("dedup_old_signatures").string();
  const std::string title = "Havenstaking legt Rotterdam plat";
  {
    auto w = XapianIndexWriter::open(db, {}, testing::FakeAnalyzer::make());
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->add(testing::make_article("old-1", title, strike(0, 12))).ok());
    ASSERT_TRUE((*w)->commit().ok());
  }
  {  // what the former writer stored
    Xapian::WritableDatabase d(db, Xapian::DB_OPEN);
    Xapian::docid id = *d.postlist_begin("Qold-1");
    Xapian::Document doc = d.get_document(id);
    const std::string value = doc.get_value(schema::kSlotMinhash);
    ASSERT_EQ(value.size(), 2u * kHashes + 14);
    doc.add_value(schema::kSlotMinhash, value.substr(0, 2 * kHashes));
    d.replace_document(id, doc);
    d.set_metadata("newsindex.dedup", "shingle=3 hashes=60 bands=20x3 threshold=0.60");
    d.commit();
  }
  {
    auto w = XapianIndexWriter::open(db, {}, testing::FakeAnalyzer::make());
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->add(testing::make_article("new-1", title, strike(0, 3))).ok());
    ASSERT_TRUE((*w)->add(testing::make_article(
                              "new-2", title,
                              replaced(strike(0, 12), "maandagochtend", "maandag")))
                    .ok());
    ASSERT_TRUE((*w)->commit().ok());
  }
  auto c = clusters_of(db);
  EXPECT_EQ(c["new-1"], "new-1");  // the truncation: length of old-1 unknown
  EXPECT_EQ(c["new-2"], "old-1");  // a word changed: Jaccard above 0.6
  Xapian::Database d(db);
  EXPECT_EQ(d.get_metadata("newsindex.dedup"), "shingle=3 hashes=60 bands=20x3 threshold=0.60");
}

// Pairwise precision/recall of the cluster keys against the planted groups
// in corpora/sample/duplicates.tsv (docs/index-format.md reports them).
TEST(ClusterIndex, PlantedDuplicatesInTheSampleCorpus) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().to_string();
  const auto sample = testing::source_dir() / "corpora" / "sample";
  std::ifstream tsv(sample / "duplicates.tsv");
  if (!tsv) {
    GTEST_SKIP() << "corpora/sample/duplicates.tsv missing";
  }
  std::map<std::string, std::string> truth;
  std::string line;
  std::getline(tsv, line);  // header
  while (std::getline(tsv, line)) {
    auto tab = line.find('\t');
    if (tab != std::string::npos) truth[line.substr(0, tab)] = line.substr(tab + 1);
  }
  std::string db = testing::fresh_dir("dedup_sample").string();
  {
    auto w = XapianIndexWriter::open(db, {}, *analyzer);
    ASSERT_TRUE(w.ok());
    Status st = testing::add_corpus(**w, {(sample / "jsonl").string()});
    ASSERT_TRUE(st.ok()) << st.to_string();
  }
  auto c = clusters_of(db);
  ASSERT_GE(c.size(), 50u);
  std::vector<std::string> ids;
  for (const auto& [id, key] : c) ids.push_back(id);
  int tp = 0, fp = 0, fn = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    for (std::size_t j = i + 1; j < ids.size(); ++j) {
      bool predicted = c[ids[i]] == c[ids[j]];
      bool actual = truth.count(ids[i]) && truth.count(ids[j]) && truth[ids[i]] == truth[ids[j]];
      tp += predicted && actual;
      fp += predicted && !actual;
      fn += !predicted && actual;
      if (predicted != actual) {
        std::cout << (predicted ? "false pair: " : "missed pair: ") << ids[i] << " " << ids[j]
                  << '\n';
      }
    }
  }
  double precision = tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0;
  double recall = tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0;
  std::cout << "sample duplicate pairs: tp=" << tp << " fp=" << fp << " fn=" << fn
            << " precision=" << precision << " recall=" << recall << '\n';
  EXPECT_GE(precision, 0.9);
  EXPECT_GE(recall, 0.8);
}

}  // namespace
}  // namespace newsindex::internal::dedup
