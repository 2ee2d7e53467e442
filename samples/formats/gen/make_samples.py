#!/usr/bin/env python3
"""Writes the format samples in samples/formats/ (standard library only).

Run from anywhere: python3 samples/formats/gen/make_samples.py
The prose is our own short wire-style copy about diplomatic visits, meetings and calls.
"""
import io
import os
import zipfile

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Fixed timestamp for zip entries, so the generated files are byte-for-byte reproducible.
STAMP = (2024, 1, 1, 0, 0, 0)


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def zip_bytes(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


EML = """From: Lena Vos <lena.vos@wire.example>
To: desk@wire.example
Subject: Dutch and Kenyan foreign ministers meet in Nairobi
Date: Tue, 12 Mar 2024 18:45:00 +0300
Message-ID: <sample-0001@wire.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

NAIROBI, March 12 (Example Wire) - Dutch Foreign Minister Hanke Bruins
Slot met her Kenyan counterpart Musalia Mudavadi in Nairobi on Tuesday,
the first visit by a Dutch foreign minister to Kenya in six years.

The two ministers discussed trade, climate finance and the situation in
Sudan, and agreed to hold a bilateral consultation in The Hague in June.
"""

MBOX = """From desk@wire.example Mon Jan 15 08:00:00 2024
From: Example Wire Desk <desk@wire.example>
Subject: Kazakh foreign minister meets Chinese envoy in Astana
Date: Mon, 15 Jan 2024 13:00:00 +0600
Content-Type: text/plain; charset=utf-8

ASTANA, Jan 15 (Example Wire) - Kazakhstan's foreign minister met China's
special envoy for Central Asia in Astana on Monday to discuss transit routes.

From desk@wire.example Tue Jan 16 09:30:00 2024
From: Example Wire Desk <desk@wire.example>
Subject: Uzbek president to visit Seoul in June
Date: Tue, 16 Jan 2024 09:30:00 +0500
Content-Type: text/html; charset=utf-8

<html><body><p>TASHKENT, Jan 16 (Example Wire) - Uzbekistan's president will pay a state visit to South Korea in June, his press office said on Tuesday.</p></body></html>
"""

MD = """---
title: "Brazil and Argentina agree to revive trade talks"
date: 2023-08-14T09:30:00-03:00
author: Pedro Alves
source: Example Wire
url: https://wire.example/2023/08/14/brazil-argentina-talks
---

# Brazil and Argentina agree to revive trade talks

BRASILIA, Aug 14 (Example Wire) - Brazilian President Luiz Inacio Lula da Silva
received Argentine Foreign Minister Santiago Cafiero at the Planalto palace on
Monday, and the two sides agreed to **revive** talks on a customs accord.

Cafiero will return to Brasilia in October for a meeting of the joint trade
commission, a spokesman for the Argentine foreign ministry said.
"""

JSON = """{
  "articles": [
    {
      "id": "wire-2022-0411-01",
      "headline": "Finnish president calls Swedish prime minister on NATO bid",
      "datePublished": "2022-04-11T16:20:00+03:00",
      "author": {"name": "Aino Laine"},
      "publisher": {"name": "Example Wire"},
      "url": "https://wire.example/2022/04/11/finland-sweden-call",
      "body": "HELSINKI, April 11 (Example Wire) - Finnish President Sauli Niinisto spoke by telephone with Swedish Prime Minister Magdalena Andersson on Monday about the two countries' path towards NATO membership.\\n\\nThe leaders agreed to stay in close contact and to coordinate their timetables, Niinisto's office said in a statement."
    },
    {
      "id": "wire-2022-0412-02",
      "headline": "Japanese defence minister to visit Manila",
      "datePublished": "2022-04-12",
      "body": "<p>TOKYO, April 12 (Example Wire) - Japanese Defence Minister Nobuo Kishi will visit Manila next week for talks with his Philippine counterpart, the defence ministry said on Tuesday.</p><p>The visit will be the first of its kind since 2019.</p>"
    }
  ]
}
"""

JSONL = """{"title": "Chilean and Peruvian foreign ministers meet at border", "date": "2021-09-03", "text": "ARICA, Chile, Sept 3 (Example Wire) - The foreign ministers of Chile and Peru met at the Chacalluta border crossing on Friday to discuss migration and the reopening of the frontier.\\n\\nThey agreed to set up a working group that will meet every month.", "url": "https://wire.example/2021/09/03/chile-peru"}
{"title": "Canadian trade minister heads to Seoul", "published_at": "2021-09-06T07:00:00Z", "content": "OTTAWA, Sept 6 (Example Wire) - Canada's trade minister will travel to Seoul next week to meet South Korean officials about critical minerals, her office said on Monday."}
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Example Wire - Diplomacy</title>
<link>https://wire.example/diplomacy</link>
<description>Diplomatic news from Example Wire</description>
<item>
<title>Indonesian and Australian leaders hold talks in Jakarta</title>
<link>https://wire.example/2023/07/04/indonesia-australia</link>
<guid>https://wire.example/2023/07/04/indonesia-australia</guid>
<pubDate>Tue, 04 Jul 2023 14:05:00 +0700</pubDate>
<dc:creator>Budi Santoso</dc:creator>
<description>&lt;p&gt;JAKARTA, July 4 (Example Wire) - Indonesian President Joko Widodo hosted Australian Prime Minister Anthony Albanese at the Bogor palace on Tuesday.&lt;/p&gt;&lt;p&gt;The two leaders discussed electric-vehicle supply chains.&lt;/p&gt;</description>
</item>
<item>
<title>Egypt's foreign minister to visit Ankara</title>
<link>https://wire.example/2023/07/05/egypt-turkey</link>
<pubDate>Wed, 05 Jul 2023 09:00:00 +0200</pubDate>
<content:encoded><![CDATA[<p>CAIRO, July 5 (Example Wire) - Egyptian Foreign Minister Sameh Shoukry will travel to Ankara on Thursday for talks with Turkish officials, the foreign ministry said.</p>]]></content:encoded>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Example Wire Atom</title>
<id>urn:example:wire</id>
<updated>2020-11-20T12:00:00Z</updated>
<entry>
<title>Moroccan and Spanish officials meet in Rabat</title>
<link rel="alternate" href="https://wire.example/2020/11/20/morocco-spain"/>
<id>urn:example:wire:2020-11-20-1</id>
<published>2020-11-20T11:30:00+01:00</published>
<updated>2020-11-20T12:00:00Z</updated>
<author><name>Youssef Amrani</name></author>
<content type="html">&lt;p&gt;RABAT, Nov 20 (Example Wire) - Senior Moroccan and Spanish officials met in Rabat on Friday to prepare a high-level meeting planned for December.&lt;/p&gt;</content>
</entry>
</feed>
"""

CP1252 = (
    "Portuguese premier receives Angolan president in Lisbon\r\n"
    "By Joao Sa\r\n"
    "Nov 8, 2022 10:15 AM WET\r\n"
    "\r\n"
    "LISBON, Nov 8 (Example Wire) - Portugal\u2019s prime minister received Angola\u2019s "
    "president at S\u00e3o Bento palace on Tuesday for talks on energy and the "
    "\u201cstrategic partnership\u201d between the two countries.\r\n"
    "\r\n"
    "The leaders signed an accord on double taxation, the caf\u00e9-side news "
    "conference heard.\r\n"
)

UTF16 = (
    "German chancellor speaks with Polish president\n"
    "Date: 2019-10-02\n"
    "\n"
    "BERLIN, Oct 2 (Example Wire) - The German chancellor spoke by telephone with "
    "the Polish president on Wednesday about the anniversary of the outbreak of the "
    "Second World War, a government spokesman said.\n"
    "\n"
    "Both sides agreed to meet in Warsaw before the end of the year.\n"
)

HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Irish foreign minister visits Washington | Example Wire</title>
<meta property="og:title" content="Irish foreign minister visits Washington">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2024-03-15T19:40:00-04:00">
<link rel="canonical" href="https://wire.example/2024/03/15/ireland-us">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="share-bar"><a href="#">Share on X</a> <a href="#">Email</a></div>
<article>
<h1>Irish foreign minister visits Washington</h1>
<p class="byline">By Siobhan Kelly</p>
<p>WASHINGTON, March 15 (Example Wire) - Ireland's foreign minister met the U.S. Secretary of State at the State Department on Friday, ahead of St Patrick's Day celebrations at the White House.</p>
<aside class="read-next"><p>READ NEXT: Markets close higher</p></aside>
<p>The two discussed the situation in Gaza and support for Ukraine, the Irish Department of Foreign Affairs said.</p>
</article>
<footer><p>&copy; Example Wire. All rights reserved.</p></footer>
</body></html>
"""

DOCX_DOCUMENT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Vietnamese and Thai prime ministers meet in Hanoi</w:t></w:r></w:p>
<w:p><w:r><w:t>By Minh Tran</w:t></w:r></w:p>
<w:p><w:r><w:t>June 9, 2023</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">HANOI, June 9 (Example Wire) - Vietnamese Prime Minister Pham Minh Chinh </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>received</w:t></w:r><w:r><w:t xml:space="preserve"> his Thai counterpart in Hanoi on Friday for talks on rice exports &amp; tourism.</w:t></w:r></w:p>
<w:p><w:r><w:t>The two leaders agreed to meet again at the ASEAN summit in September.</w:t></w:r></w:p>
<w:sectPr/>
</w:body>
</w:document>
"""

DOCX_CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
<dc:title>Vietnamese and Thai prime ministers meet in Hanoi</dc:title>
<dc:creator>Minh Tran</dc:creator>
</cp:coreProperties>
"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>
"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>
"""


def docx():
    return zip_bytes(
        [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("word/document.xml", DOCX_DOCUMENT),
            ("docProps/core.xml", DOCX_CORE),
        ]
    )


def pdf():
    """A one-page PDF with a text layer (Helvetica), with a correct xref table."""
    lines = [
        "South African president visits Abuja",
        "",
        "ABUJA, Feb 21, 2023 (Example Wire) - South Africa's president arrived in",
        "Abuja on Tuesday for a two-day state visit, his office said.",
        "",
        "He will meet Nigeria's president to discuss trade and regional security.",
    ]
    ops = ["BT", "/F1 11 Tf", "14 TL", "72 720 Td"]
    for line in lines:
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append("(%s) Tj T*" % esc)
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title (South African president visits Abuja) /CreationDate (D:20230221120000+01'00') >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def main():
    write("visit-nairobi.eml", EML)
    write("desk.mbox", MBOX)
    write("talks-brasilia.md", MD)
    write("calls-helsinki.json", JSON)
    write("meetings-arica.jsonl", JSONL)
    write("diplomacy.rss", RSS)
    write("rabat.atom", ATOM)
    write("lisbon-cp1252.txt", CP1252.encode("cp1252"))
    write("berlin-utf16.txt", b"\xff\xfe" + UTF16.encode("utf-16-le"))
    write("washington.html", HTML)
    write("hanoi.docx", docx())
    write("abuja.pdf", pdf())
    inner = zip_bytes([("nested/rabat.atom", ATOM)])
    write(
        "bundle.zip",
        zip_bytes(
            [
                ("bundle/washington.html", HTML),
                ("bundle/talks-brasilia.md", MD),
                ("bundle/photo.png", b"\x89PNG\r\n\x1a\n"),
                ("bundle/inner.zip", inner),
            ]
        ),
    )


if __name__ == "__main__":
    main()
