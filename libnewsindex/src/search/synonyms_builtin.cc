// The built-in synonym list: the text of libnewsindex/data/synonyms-nl.txt
// (search_tests checks that the two stay equal).
#include "search/synonyms.h"

namespace newsindex::internal {

std::string_view builtin_synonyms_text() {
  static constexpr std::string_view kText =
      R"SYN(# Dutch news synonyms and aliases for query expansion (docs/query-syntax.md).
# One group per line: "term = alias, alias". Every form is analysed like the
# documents; multi-word forms are searched as phrases. Lines starting with '#'
# and blank lines are ignored. The library builds in this list (see
# search/synonyms_builtin.cc, kept equal to this file by a test); point
# SearcherOptions::synonyms_path at your own file to replace it.
navo = nato, noord-atlantische verdragsorganisatie
vs = verenigde staten, usa, amerika
eu = europese unie
vn = verenigde naties
om = openbaar ministerie
vk = verenigd koninkrijk, groot-brittannie
ek = europees kampioenschap
wk = wereldkampioenschap
ob = olympische spelen
who = wereldgezondheidsorganisatie
imf = internationaal monetair fonds
ecb = europese centrale bank
ep = europees parlement
knvb = koninklijke nederlandse voetbalbond
nmbs = belgische spoorwegen
ns = nederlandse spoorwegen
rivm = rijksinstituut voor volksgezondheid en milieu
cda = christen-democratisch appel
pvv = partij voor de vrijheid
vvd = volkspartij voor vrijheid en democratie
n-va = nieuw-vlaamse alliantie
ocmw = openbaar centrum voor maatschappelijk welzijn
vrt = vlaamse radio- en televisieomroep
corona = covid-19, covid, coronavirus
klimaatverandering = opwarming van de aarde
premier = minister-president, eerste minister
)SYN";
  return kText;
}

}  // namespace newsindex::internal
