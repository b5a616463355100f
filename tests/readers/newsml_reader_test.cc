// The NewsML 1.2 / NITF reader on the three agency samples in
// ../shared/testdata/wire-samples and on small fixtures.
#include "readers/newsml_reader.h"
#include "readers/normalize.h"

#include <gtest/gtest.h>

#include "readers/reader_test_util.h"
#include "testing/test_paths.h"

namespace newsindex::testing {
namespace {

std::filesystem::path wire(const char* name) {
  return shared_dir() / "testdata/wire-samples" / name;
}

std::string extra(const Article& a, const std::string& key) {
  for (const auto& [k, v] : a.extra)
    if (k == key) return v;
  return "<none>";
}

TEST(NewsmlReader, AnpNitfSample) {
  NEWSINDEX_REQUIRE_SHARED();
  const ReadResult r = read_all({wire("anp_belga.xml").string()});
  ASSERT_TRUE(r.status.ok()) << r.status.to_string();
  EXPECT_TRUE(r.skipped.empty());
  EXPECT_TRUE(r.notes.empty());
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.id, "ANPX-101218-041-v2");
  EXPECT_EQ(a.title, "FNV staat alleen met acties bij PostNL (2)");
  EXPECT_EQ(iso_date(a), "2018-12-10T09:35:49+01:00");  // FirstCreated
  EXPECT_EQ(a.source, "ANP");
  EXPECT_EQ(a.category, "ECO");
  EXPECT_EQ(a.language, "nl-NL");
  EXPECT_EQ(a.tags.front(), "ECO/ECO10");
  EXPECT_EQ(extra(a, "public_id"), "urn:newsml:anp.nl:20181210:ANPX-101218-041:2");
  // Five <p> paragraphs, whitespace collapsed.
  std::size_t paragraphs = 1, at = 0;
  while ((at = a.body.find("\n\n", at)) != std::string::npos) ++paragraphs, at += 2;
  EXPECT_EQ(paragraphs, 5u);
  EXPECT_NE(a.body.find("(ANP) - FNV kondigt werkonderbrekingen aan bij PostNL"),
            std::string::npos);
  EXPECT_NE(a.body.find(",,Het is veel te snel"), std::string::npos);
  EXPECT_EQ(a.body.find('\t'), std::string::npos);
}

TEST(NewsmlReader, BelgaLatin9SampleGivesOneArticlePerLanguage) {
  NEWSINDEX_REQUIRE_SHARED();
  const ReadResult r = read_all({wire("belga_newsml_1_2.xml").string()});
  EXPECT_TRUE(r.skipped.empty());
  EXPECT_TRUE(r.notes.empty());
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& nl = r.articles[0];
  EXPECT_EQ(nl.id, "98055798");
  EXPECT_EQ(nl.title, "Mediawatch dinsdag 29/01/2019 - VTM Nieuws - 13 uur");
  EXPECT_EQ(nl.language, "nl");
  EXPECT_EQ(nl.source, "Belga");
  EXPECT_EQ(nl.category, "CURRENT");
  // Local time without offset: Brussels winter time.
  EXPECT_EQ(iso_date(nl), "2019-01-29T12:45:50+01:00");
  EXPECT_EQ(nl.time_zone, "Europe/Brussels");
  // Escaped markup (&lt;b&gt;) is removed, runs of spaces collapsed.
  EXPECT_EQ(nl.body.rfind("Steven Van Geel gaf zich op 31 mei 2014 aan", 0), 0u) << nl.body;
  // ISO-8859-15 decoded to UTF-8.
  EXPECT_EQ(extra(nl, "country"), "België");
  const Article& fr = r.articles[1];
  EXPECT_EQ(fr.id, "98055798-fr");
  EXPECT_EQ(fr.language, "fr");
  EXPECT_NE(fr.body.find("ziekenhuis Zottegem deels geëvacueerd na brandje"), std::string::npos);
  EXPECT_NE(fr.body.find("(Comité P)"), std::string::npos);
}

TEST(NewsmlReader, BelgaRemoteSample) {
  NEWSINDEX_REQUIRE_SHARED();
  const ReadResult r = read_all({wire("belga_remote_newsml_1_2.xml").string()});
  EXPECT_TRUE(r.skipped.empty());
  EXPECT_TRUE(r.notes.empty());
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  // NewsItemId 0 and a generic PublicIdentifier: the file stem is the id.
  EXPECT_EQ(a.id, "belga_remote_newsml_1_2");
  EXPECT_EQ(a.title, "Knooppunt Schijnpoort in Antwerpen hele zomervakantie afgesloten");
  EXPECT_EQ(iso_date(a), "2019-06-03T16:02:17+02:00");
  EXPECT_EQ(a.source, "Belga");
  EXPECT_EQ(extra(a, "source_party"), "ANP/BELGA");
  EXPECT_EQ(a.lead.rfind("In Antwerpen zal het kruispunt", 0), 0u);
  // Lead component first, then the two body paragraphs.
  EXPECT_EQ(a.body.rfind(a.lead + "\n\nAuto's, vrachtverkeer", 0), 0u) << a.body;
  EXPECT_NE(a.body.find("\n\nDe werken kaderen"), std::string::npos);
  // The picture component's keywords are not the story's.
  EXPECT_EQ(std::count(a.tags.begin(), a.tags.end(), "LANDBOUW"), 0);
  EXPECT_EQ(std::count(a.tags.begin(), a.tags.end(), "MOBILITEIT"), 1);
}

TEST(NewsmlReader, BareNitfAndSeveralItems) {
  const auto dir = fresh_dir("newsml_bare");
  write_file(dir / "los.nitf",
             "<nitf><head><title>Kop uit head</title><docdata>"
             "<doc-id id-string=\"nitf-7\"/><date.issue norm=\"20200212T134800\"/>"
             "</docdata></head><body><body.head><hedline><hl1>Echte kop</hl1>"
             "</hedline><byline>Door An Peeters</byline></body.head><body.content>"
             "<p>Eerste alinea.</p><p>Tweede <b>alinea</b>.</p></body.content>"
             "</body></nitf>");
  write_file(dir / "feed.xml",
             "<?xml version=\"1.0\"?><NewsML>"
             "<NewsItem><Identification><NewsIdentifier><NewsItemId>a1</NewsItemId>"
             "</NewsIdentifier></Identification><NewsComponent><NewsLines><HeadLine>Een"
             "</HeadLine></NewsLines><ContentItem><DataContent>Tekst een.</DataContent>"
             "</ContentItem></NewsComponent></NewsItem>"
             "<NewsItem><Identification><NewsIdentifier><NewsItemId>a2</NewsItemId>"
             "</NewsIdentifier></Identification><NewsComponent><NewsLines><HeadLine>Twee"
             "</HeadLine></NewsLines></NewsComponent></NewsItem>"
             "</NewsML>");
  const ReadResult r = read_all({dir.string()});
  EXPECT_TRUE(r.skipped.empty());
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].id, "a1");
  EXPECT_EQ(r.articles[0].body, "Tekst een.");
  EXPECT_EQ(r.articles[1].id, "a2");
  EXPECT_EQ(r.articles[1].title, "Twee");
  EXPECT_EQ(r.articles[1].body, "");
  const Article& n = r.articles[2];
  EXPECT_EQ(n.id, "nitf-7");
  EXPECT_EQ(n.title, "Echte kop");
  EXPECT_EQ(n.body, "Eerste alinea.\n\nTweede alinea.");
  EXPECT_EQ(n.authors, std::vector<std::string>{"Door An Peeters"});
  EXPECT_EQ(iso_date(n), "2020-02-12T13:48:00+01:00");
}

TEST(NewsmlReader, Helpers) {
  EXPECT_EQ(internal::agency_name("BELGA"), "Belga");
  EXPECT_EQ(internal::agency_name("belga.be"), "Belga");
  EXPECT_EQ(internal::agency_name("www.belga.be"), "Belga");
  EXPECT_EQ(internal::agency_name("ANP/BELGA"), "ANP/Belga");
  EXPECT_EQ(internal::agency_name("Algemeen Nederlands Persbureau"), "ANP");
  EXPECT_EQ(internal::agency_name("Persdienst Gent"), "Persdienst Gent");
  EXPECT_TRUE(internal::is_known_agency("belga.be"));
  EXPECT_TRUE(internal::is_known_agency("ANP/BELGA"));
  EXPECT_FALSE(internal::is_known_agency("example.org"));
  EXPECT_FALSE(internal::is_known_agency(""));
  EXPECT_EQ(internal::normalize_language("nl-nl"), "nl-NL");
  EXPECT_EQ(internal::normalize_language("NL_be"), "nl-BE");
  EXPECT_EQ(internal::clean_wire_text("Steven <b>Van Geel</b>  gaf"), "Steven Van Geel gaf");
  EXPECT_EQ(internal::clean_wire_text("a < b en c > d"), "a < b en c > d");
}

}  // namespace
}  // namespace newsindex::testing
