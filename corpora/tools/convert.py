#!/usr/bin/env python3
"""Generate the derived formats of the sample corpus from its master file.

The master is corpora/sample/jsonl/sample.jsonl (one article per line). This
script writes, next to it:

  text/     the plain-text archive format (header line ` date YYYY-MM <title> <TAG>`,
            Dutch date line, time line `13u48`, body starting `Bron: <source>`),
            one file per month plus a few one-article files; ids-text.tsv maps
            the id a reader derives from a text file to the master id;
  csv/      sample.csv with the header `datetime,title,content,category,url`
            (a subset of the articles, RFC 4180 quoting, CRLF line ends);
            ids-csv.tsv maps data row numbers to master ids;
  newsml/   four agency items as NewsML 1.2: two ANP-style items wrapping NITF
            3.3 (UTF-8) and two Belga-style items with Title/Lead/Body
            components, one of them encoded ISO-8859-15;
  ../duplicates.tsv  the planted near-duplicate groups (doc_id<TAB>group).

Python 3 standard library only. Usage:
  python3 corpora/tools/convert.py            # (re)write all derived files
  python3 corpora/tools/convert.py --check    # fail if a derived file is stale
"""

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

SAMPLE = Path(__file__).resolve().parent.parent / "sample"
MASTER = SAMPLE / "jsonl" / "sample.jsonl"

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
          "augustus", "september", "oktober", "november", "december"]

# Category -> short tag code used as the last word of a text header line.
TAGS = {
    "binnenland": "BIN", "buitenland": "BUI", "politiek": "POL",
    "economie": "ECO", "sport": "SPO", "cultuur": "CUL", "tech": "TEC",
    "justitie": "JUS", "regio": "REG", "wetenschap": "WET",
    "verkeer": "VER", "klimaat": "KLI", "weer": "WEE",
}

AGENCIES = {"ANP", "Belga"}

# Articles written to their own one-article text file (file stem = id).
SINGLE_TEXT_FILES = ["nl-2019-0003", "nl-2020-0011", "nl-2020-0042"]

# Articles in csv/sample.csv, in this order.
CSV_IDS = [
    "nl-2019-0001", "nl-2019-0002", "nl-2019-0005", "nl-2019-0008",
    "nl-2019-0011", "nl-2020-0001", "nl-2020-0005", "nl-2020-0008",
    "nl-2020-0011", "nl-2020-0017", "nl-2020-0019", "nl-2020-0022",
    "nl-2020-0027", "nl-2020-0034", "nl-2020-0036", "nl-2020-0037",
    "nl-2020-0041",
]

# NewsML items: id -> (style, encoding).
NEWSML = {
    "nl-2020-0008": ("anp", "utf-8"),
    "nl-2020-0027": ("anp", "utf-8"),
    "nl-2020-0011": ("belga", "ISO-8859-15"),
    "nl-2020-0036": ("belga", "utf-8"),
}


def load_master():
    articles = []
    with MASTER.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    articles.append(json.loads(line))
                except json.JSONDecodeError as e:
                    sys.exit(f"{MASTER}:{n}: invalid JSON: {e}")
    return articles


def paragraphs(article):
    """Lead (if any) followed by the body paragraphs."""
    paras = [p.strip() for p in article["body"].split("\n\n") if p.strip()]
    if article.get("lead"):
        paras.insert(0, article["lead"].strip())
    return paras


def local_parts(article):
    """(YYYY-MM, Dutch date line, time line) from the ISO date (local time)."""
    d = article["date"]
    year, month, day = int(d[0:4]), int(d[5:7]), int(d[8:10])
    return (d[0:7], f"{day} {MONTHS[month - 1]} {year}",
            f"{d[11:13]}u{d[14:16]}")


def text_article(article):
    ym, date_line, time_line = local_parts(article)
    title = " ".join(article["title"].split())
    header = f" date {ym} {title} {TAGS[article['category']]}"
    paras = paragraphs(article)
    source = article["source"]
    assert " " not in source, f"{article['id']}: source must be one word"
    prefix = f"Bron: {source} 1 " if source in AGENCIES else f"Bron: {source} "
    body = "\n\n".join([prefix + paras[0]] + paras[1:])
    return f"{header}\n\n{date_line}\n\n{time_line}\n\n{body}\n"


def make_text(articles):
    files = {}
    ids = []
    by_month = {}
    for a in articles:
        if a["id"] in SINGLE_TEXT_FILES:
            files[f"{a['id']}.txt"] = text_article(a)
            ids.append((a["id"], f"{a['id']}.txt", a["id"]))
        else:
            by_month.setdefault(a["date"][0:7], []).append(a)
    for month, group in sorted(by_month.items()):
        name = f"{month}.txt"
        files[name] = "\n".join(text_article(a) for a in group)
        for n, a in enumerate(group, 1):
            ids.append((f"{month}-{n}", name, a["id"]))
    ids.sort(key=lambda row: row[2])
    files["../ids-text.tsv"] = "text_id\tfile\tid\n" + "".join(
        f"{t}\t{f}\t{i}\n" for t, f, i in ids)
    return files


def make_csv(articles):
    by_id = {a["id"]: a for a in articles}
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(["datetime", "title", "content", "category", "url"])
    ids = "row\tid\n"
    for row, aid in enumerate(CSV_IDS, 1):
        a = by_id[aid]
        d = a["date"]
        w.writerow([f"{d[0:10]} {d[11:19]}", a["title"],
                    "\n\n".join(paragraphs(a)), a["category"], a["url"]])
        ids += f"{row}\t{aid}\n"
    return {"sample.csv": out.getvalue(), "../ids-csv.tsv": ids}


def compact(d, with_zone):
    s = d[0:4] + d[5:7] + d[8:10] + "T" + d[11:13] + d[14:16] + d[17:19]
    return s + d[19:].replace(":", "") if with_zone else s


def anp_item(a, encoding):
    paras = [p for p in paragraphs(a)]
    stamp = compact(a["date"], True)
    day = a["date"][0:10].replace("-", "")
    num = int(a["id"][-4:])
    item_id = f"ANPX-{a['date'][8:10]}{a['date'][5:7]}{a['date'][2:4]}-{num:03d}"
    _, date_label, _ = local_parts(a)
    words = sum(len(p.split()) for p in paras)
    chars = sum(len(p) for p in paras)
    ps = "\n".join(f"\t\t\t\t\t\t\t\t<p>{escape(p)}</p>" for p in paras)
    year = a["date"][0:4]
    return f"""<?xml version="1.0" encoding="{encoding}"?>
<NewsML Version="1.2">
\t<NewsEnvelope>
\t\t<TransmissionId>{stamp[:15].replace('T', '')}{num:03d}</TransmissionId>
\t\t<SentFrom>
\t\t\t<Comment>News Provider</Comment>
\t\t\t<Party FormalName="Algemeen Nederlands Persbureau"/>
\t\t</SentFrom>
\t\t<DateAndTime>{stamp}</DateAndTime>
\t\t<NewsProduct FormalName="ANP Nieuws"/>
\t\t<Priority FormalName="3"/>
\t</NewsEnvelope>
\t<NewsItem>
\t\t<Identification>
\t\t\t<NewsIdentifier>
\t\t\t\t<ProviderId>ANP</ProviderId>
\t\t\t\t<DateId>{day}</DateId>
\t\t\t\t<NewsItemId>{item_id}-v1</NewsItemId>
\t\t\t\t<RevisionId PreviousRevision="0" Update="N">1</RevisionId>
\t\t\t\t<PublicIdentifier>urn:newsml:example.org:{day}:{item_id}:1</PublicIdentifier>
\t\t\t</NewsIdentifier>
\t\t\t<NameLabel/>
\t\t\t<DateLabel>{date_label}</DateLabel>
\t\t</Identification>
\t\t<NewsManagement>
\t\t\t<NewsItemType FormalName="News"/>
\t\t\t<FirstCreated>{stamp}</FirstCreated>
\t\t\t<ThisRevisionCreated>{stamp}</ThisRevisionCreated>
\t\t\t<Status FormalName="usable"/>
\t\t\t<Urgency FormalName="3"/>
\t\t</NewsManagement>
\t\t<NewsComponent Essential="no" EquivalentsList="no">
\t\t\t<NewsLines>
\t\t\t\t<HeadLine>{escape(a['title'])}</HeadLine>
\t\t\t\t<SubHeadLine/>
\t\t\t\t<ByLine/>
\t\t\t\t<ByLineTitle/>
\t\t\t\t<DateLine/>
\t\t\t\t<CopyrightLine>Sample text written for libnewsindex ({year}), CC0.</CopyrightLine>
\t\t\t\t<SlugLine>libnewsindex sample</SlugLine>
\t\t\t\t<KeywordLine>{escape(';'.join(a.get('tags', [])))}</KeywordLine>
\t\t\t</NewsLines>
\t\t\t<AdministrativeMetadata>
\t\t\t\t<Provider>
\t\t\t\t\t<Party FormalName="ANP"/>
\t\t\t\t</Provider>
\t\t\t</AdministrativeMetadata>
\t\t\t<DescriptiveMetadata>
\t\t\t\t<Language FormalName="nl-nl"/>
\t\t\t\t<Genre FormalName="{TAGS[a['category']]}"/>
\t\t\t\t<Location HowPresent="Origin">
\t\t\t\t\t<Property FormalName="Country" Value="NLD"/>
\t\t\t\t\t<Property FormalName="City" Value=""/>
\t\t\t\t</Location>
\t\t\t\t<Property FormalName="Keyword" Value={quoteattr(';'.join(a.get('tags', [])))}/>
\t\t\t\t<Property FormalName="Format" Value="nieuws2"/>
\t\t\t</DescriptiveMetadata>
\t\t\t<ContentItem>
\t\t\t\t<MediaType FormalName="Text"/>
\t\t\t\t<Format FormalName="NITF"/>
\t\t\t\t<Characteristics>
\t\t\t\t\t<Property Scheme="CharacteristicsProperty" FormalName="FormatVersion" Value="3.3"/>
\t\t\t\t\t<Property FormalName="Words" Value="{words}"/>
\t\t\t\t\t<Property FormalName="Characters" Value="{chars}"/>
\t\t\t\t</Characteristics>
\t\t\t\t<DataContent>
\t\t\t\t\t<nitf version="-//IPTC//DTD NITF 3.3//EN">
\t\t\t\t\t\t<head>
\t\t\t\t\t\t\t<title>{escape(a['title'])}</title>
\t\t\t\t\t\t</head>
\t\t\t\t\t\t<body>
\t\t\t\t\t\t\t<body.content>
{ps}
\t\t\t\t\t\t\t</body.content>
\t\t\t\t\t\t</body>
\t\t\t\t\t</nitf>
\t\t\t\t</DataContent>
\t\t\t</ContentItem>
\t\t</NewsComponent>
\t</NewsItem>
</NewsML>
"""


def belga_text_component(role, fmt, text, indent):
    pad = " " * indent
    size = len(text.encode("utf-8"))
    return f"""{pad}<NewsComponent Duid="0" xml:lang="nl">
{pad}    <Role FormalName="{role}"/>
{pad}    <DescriptiveMetadata>
{pad}        <Property FormalName="ComponentClass" Value="Text"/>
{pad}    </DescriptiveMetadata>
{pad}    <ContentItem>
{pad}        <Format FormalName="{fmt}"/>
{pad}        <Characteristics>
{pad}            <SizeInBytes>{size}</SizeInBytes>
{pad}            <Property FormalName="maxCharCount" Value="0"/>
{pad}        </Characteristics>
{pad}        <DataContent>{escape(text)}</DataContent>
{pad}    </ContentItem>
{pad}</NewsComponent>
"""


def belga_item(a, encoding):
    paras = paragraphs(a)
    stamp = compact(a["date"], False)
    title = escape(a["title"])
    keywords = "".join(
        f"                    <KeywordLine>{escape(t.upper())}</KeywordLine>\n"
        for t in a.get("tags", []))
    body = "\n".join("\t" + p for p in paras[1:])
    city = "BRUSSEL"
    if "(BELGA)" in paras[0]:
        city = paras[0].split()[0]
    return f"""<?xml version="1.0" encoding="{encoding}"?>
<NewsML>
    <Catalog Href="https://example.org/belga-like/catalog.xml"/>
    <NewsEnvelope>
        <DateAndTime>{stamp}</DateAndTime>
        <NewsService FormalName=""/>
        <NewsProduct FormalName=""/>
    </NewsEnvelope>
    <NewsItem>
        <Identification>
            <NewsIdentifier>
                <ProviderId>example.org</ProviderId>
                <DateId>{stamp}</DateId>
                <NewsItemId>{a['id'].replace('nl-', '').replace('-', '')}</NewsItemId>
                <RevisionId PreviousRevision="0" Update="N">1</RevisionId>
                <PublicIdentifier>urn:newsml:example.org</PublicIdentifier>
            </NewsIdentifier>
        </Identification>
        <NewsManagement>
            <NewsItemType FormalName="NEWS"/>
            <FirstCreated>{stamp}</FirstCreated>
            <ThisRevisionCreated>{stamp}</ThisRevisionCreated>
            <Status FormalName="USABLE"/>
        </NewsManagement>
        <NewsComponent Duid="0" xml:lang="nl">
            <NewsLines>
                <HeadLine>{title}</HeadLine>
            </NewsLines>
            <AdministrativeMetadata/>
            <DescriptiveMetadata>
                <Genre FormalName="CURRENT"/>
            </DescriptiveMetadata>
            <NewsComponent Duid="0" xml:lang="nl">
                <Role FormalName="Original"/>
                <NewsLines>
                    <DateLine/>
                    <CreditLine>BELGA</CreditLine>
                    <HeadLine>{title}</HeadLine>
                    <CopyrightLine>Sample text written for libnewsindex, CC0</CopyrightLine>
                    <NewsLine>
                        <NewsLineType FormalName="1"/>
                        <NewsLineText/>
                    </NewsLine>
{keywords}                </NewsLines>
                <AdministrativeMetadata>
                    <Provider>
                        <Party FormalName=""/>
                    </Provider>
                    <Creator>
                        <Party FormalName="SAMPLE" Topic="AUTHOR"/>
                    </Creator>
                    <Source>
                        <Party FormalName="BELGA"/>
                    </Source>
                    <Property FormalName="NewsPackage">
                        <Property FormalName="NewsService" Value="BIN"/>
                        <Property FormalName="NewsProduct" Value="{TAGS[a['category']]}"/>
                    </Property>
                    <Property FormalName="Priority" Value="3"/>
                </AdministrativeMetadata>
                <DescriptiveMetadata DateAndTime="{stamp}">
                    <SubjectCode/>
                    <Location>
                        <Property FormalName="City" Value="{escape(city)}"/>
                        <Property FormalName="Country" Value="BELGIUM"/>
                    </Location>
                </DescriptiveMetadata>
{belga_text_component("Title", "Text", a["title"], 16)}{belga_text_component("Lead", "Text", paras[0], 16)}{belga_text_component("Body", "Text", body, 16)}            </NewsComponent>
        </NewsComponent>
    </NewsItem>
</NewsML>
"""


def make_newsml(articles):
    by_id = {a["id"]: a for a in articles}
    files = {}
    for aid, (style, encoding) in NEWSML.items():
        a = by_id[aid]
        xml = anp_item(a, encoding) if style == "anp" else belga_item(a, encoding)
        codec = "iso8859_15" if encoding.upper() == "ISO-8859-15" else "utf-8"
        # strict: every character must exist in the declared encoding
        files[f"{aid}.xml"] = xml.encode(codec)
    return files


def make_duplicates(articles):
    rows = [(a["id"], a["near_duplicate_group"]) for a in articles
            if a.get("near_duplicate_group")]
    rows.sort(key=lambda r: (r[1], r[0]))
    return "doc_id\tgroup\n" + "".join(f"{i}\t{g}\n" for i, g in rows)


def outputs():
    articles = load_master()
    out = {}
    for name, text in make_text(articles).items():
        out[(SAMPLE / "text" / name).resolve()] = text.encode("utf-8")
    for name, text in make_csv(articles).items():
        out[(SAMPLE / "csv" / name).resolve()] = text.encode("utf-8")
    for name, data in make_newsml(articles).items():
        out[SAMPLE / "newsml" / name] = data
    out[SAMPLE / "duplicates.tsv"] = make_duplicates(articles).encode("utf-8")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="only check that the derived files are up to date")
    args = ap.parse_args()
    stale = []
    for path, data in outputs().items():
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    if stale:
        for p in stale:
            print(f"stale: {p}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
