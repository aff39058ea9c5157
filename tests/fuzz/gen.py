"""Hostile input generators driven by a ``random.Random``: the same seed gives the same input.

Used by the hypothesis tests (through :mod:`fuzz.strategies`) and by the long run
(``benchmarks/fuzz_all.py``), which regenerates a crashing input from its seed alone.
"""

from __future__ import annotations

import gzip
import json
import random

# Short Arabic news-style pieces (written for these tests, not copied from any corpus).
WORDS = (
    "قال", "أكد", "وأضاف", "نفى", "الوزير", "المتحدث", "باسم", "الحكومة", "مصادر", "مطلعة",
    "إن", "أن", "يوم", "الأحد", "الماضي", "مايو", "٢٠٢٣", "2024", "١٥", "ألف", "مليون", "دولار",
    "بحسب", "وكالة", "الأنباء", "في", "بيان", "رسمي", "عن", "الرئيس", "شهر", "رمضان", "هـ", "م",
    "عشرين", "ثلاثة", "بالمئة", "%", "كيلومتراً", "أمس", "غداً", "العام", "المقبل", "لـ", "وزارة",
    "الخارجية", "مُحَمَّد", "عبـــد", "الله", "ﻻ", "ﷲ", "د.", "أ.", "ص.ب", "ق.م", "U.S.", "Mr.",
)
MARKS = "«»“”„‟\"'‘’‹›"
PUNCT = ".،؛؟!:…-—()[]{}/\\\n\n\t  ."
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200b\u200c\u200d\ufeff\u00ad"
COMBINING = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u0301\u0308\u20dd\u0489"
EMOJI = ("😀", "🇸🇦", "👨‍👩‍👧", "🏳️‍🌈", "✊🏽", "\U0001f9ea")
OTHER_SCRIPTS = ("Hello", "Привет", "שלום", "你好", "हिन्दी", "Ελλάδα", "ﺍﻟﺴﻼﻡ", "٣٫١٤", "۱۲۳۴")
SPACES = "\u00a0\u2002\u2003\u2009\u202f\u3000\u2028\u2029\u0085\r\r\n\x0b\x0c"
SURROGATES = ("\ud800", "\udfff", "\udc80")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "iso-8859-6",
             "latin-1", "cp1252", "utf-32", "mac-arabic")


def _piece(r: random.Random, surrogates: bool) -> str:
    k = r.random()
    if k < 0.45:
        return r.choice(WORDS) + (" " if r.random() < 0.8 else "")
    if k < 0.55:
        return r.choice(MARKS)
    if k < 0.65:
        return r.choice(PUNCT)
    if k < 0.70:
        return r.choice(BIDI)
    if k < 0.75:
        return r.choice(COMBINING) * r.randint(1, 4)
    if k < 0.78:
        return r.choice(EMOJI)
    if k < 0.82:
        return r.choice(OTHER_SCRIPTS) + " "
    if k < 0.86:
        return r.choice(SPACES)
    if k < 0.88 and surrogates:
        return r.choice(SURROGATES)
    if k < 0.94:
        return str(r.randint(0, 10 ** r.randint(1, 15))) + r.choice((".", ",", "٫", "٬", "", " "))
    # any code point, including controls and private use (no surrogates unless asked)
    c = r.randint(0, 0x10FFFF)
    if 0xD800 <= c <= 0xDFFF and not surrogates:
        c = 0xFFFD
    return chr(c)


def gen_text(r: random.Random, *, max_pieces: int = 120, surrogates: bool = False) -> str:
    """Random news-like / hostile Unicode text."""
    k = r.random()
    if k < 0.04:  # a very long line
        return (r.choice(WORDS) + " ") * r.randint(2000, 12000)
    if k < 0.07:  # one repeated mark (quote and period runs stress the pairing code)
        return r.choice(MARKS + ".،") * r.randint(100, 5000)
    if k < 0.10:  # deep nesting of quotes and brackets
        n = r.randint(50, 800)
        return "قال " + "«" * n + "نص" + "»" * r.randint(0, n)
    n = r.randint(0, max_pieces)
    return "".join(_piece(r, surrogates) for _ in range(n))


def mutate(r: random.Random, data: bytes) -> bytes:
    """Flip, insert, delete or duplicate a few bytes."""
    b = bytearray(data)
    for _ in range(r.randint(1, 8)):
        op = r.random()
        i = r.randint(0, len(b)) if b else 0
        if op < 0.3 and b:
            b[min(i, len(b) - 1)] = r.randint(0, 255)
        elif op < 0.55:
            b[i:i] = bytes(r.randint(0, 255) for _ in range(r.randint(1, 6)))
        elif op < 0.8 and b:
            del b[i:i + r.randint(1, 16)]
        elif b:
            j = r.randint(0, len(b))
            b[i:i] = b[min(i, j):max(i, j)][:256]
    return bytes(b)


def encode(r: random.Random, text: str) -> bytes:
    """Text in a random encoding (lossy where the encoding lacks a character)."""
    enc = r.choice(ENCODINGS)
    return text.encode(enc, errors="replace" if r.random() < 0.5 else "ignore")


def gen_bytes(r: random.Random) -> bytes:
    k = r.random()
    if k < 0.25:
        return bytes(r.randint(0, 255) for _ in range(r.randint(0, 600)))
    raw = encode(r, gen_text(r))
    if k < 0.5:
        raw = mutate(r, raw)
    if k > 0.9:
        raw = r.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) + raw
    return raw


# -- formats ------------------------------------------------------------------------------------

def gen_html(r: random.Random) -> str:
    k = r.random()
    if k < 0.1:  # deeply nested
        tag = r.choice(("div", "span", "p", "b", "table", "li", "a"))
        n = r.randint(200, 3000)
        return "<html><body>" + f"<{tag}>" * n + gen_text(r) + f"</{tag}>" * r.randint(0, n)
    if k < 0.15:  # unclosed tags everywhere
        return "".join(f"<{r.choice(('p', 'div', 'h1', 'li', 'td'))}>{gen_text(r, max_pieces=10)}" for _ in range(r.randint(1, 300)))
    charset = r.choice(("utf-8", "windows-1256", "iso-8859-6", "utf-16", "bogus-charset", "x-user-defined", ""))
    title = gen_text(r, max_pieces=12)
    paras = "".join(f"<p class='{r.choice(('', 'share', 'body', 'x'))}'>{gen_text(r, max_pieces=40)}</p>" for _ in range(r.randint(0, 12)))
    extra = r.choice(("", "<script>alert(1)</script>", "<style>p{}</style>", "<!-- c -->",
                      "<![CDATA[ x ]]>", "<?xml version='1.0'?>", "<!DOCTYPE html>", "&amp;&lt;&#0;&#x110000;&bogus;",
                      "<meta property='article:published_time' content='" + gen_text(r, max_pieces=3) + "'>",
                      "<time datetime='9999-99-99'>", "<svg><foreignObject><p>x</p></foreignObject></svg>"))
    html = (f"<html><head><meta charset='{charset}'><title>{title}</title>{extra}</head>"
            f"<body><article><h1>{title}</h1>{paras}</article></body></html>")
    if r.random() < 0.3:
        html = html[: r.randint(0, len(html))]
    return html


_BOMBS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    '<!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>',
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>',
)
BOMB_ENTITIES = ("&lol9;", "&xxe;", "&lol4;")


def gen_trec(r: random.Random) -> str:
    head = r.choice(_BOMBS) if r.random() < 0.3 else ""
    docs = []
    for i in range(r.randint(0, 6)):
        fields = []
        for tag in r.sample(("DOCNO", "TITLE", "HEADLINE", "TEXT", "TIME", "DATE", "URL", "SRC", "CAT", "AUTHOR", "ABSTRACT", "X-Y", "a"), r.randint(0, 6)):
            body = gen_text(r, max_pieces=30)
            if r.random() < 0.3:
                body += r.choice(BOMB_ENTITIES) + "&amp;&#1575;&#x645;&#55296;&#0;&#99999999;<![CDATA[&lol;]]>"
            close = f"</{tag}>" if r.random() < 0.85 else ""
            fields.append(f"<{tag}>{body}{close}")
        close = "</DOC>" if r.random() < 0.8 else ""
        attr = r.choice(("", ' id="x"', " <"))
        docs.append(f"<DOC{attr}>" + "\n".join(fields) + close)
    text = head + "<ROOT>" * (r.random() < 0.2) + "\n".join(docs)
    if r.random() < 0.1:
        text = "<DOC>" * r.randint(100, 3000) + "<TEXT>" * r.randint(0, 500)
    return text


def _json_value(r: random.Random, depth: int = 0):
    k = r.random()
    if depth > 3 or k < 0.4:
        return gen_text(r, max_pieces=20)
    if k < 0.5:
        return r.choice((None, True, False, 0, -1, 1e308, float("nan") if r.random() < 0.1 else 3.5, 10 ** 30))
    if k < 0.75:
        return [_json_value(r, depth + 1) for _ in range(r.randint(0, 4))]
    return {gen_text(r, max_pieces=3): _json_value(r, depth + 1) for _ in range(r.randint(0, 4))}


def gen_jsonl(r: random.Random) -> str:
    lines = []
    for _ in range(r.randint(0, 8)):
        k = r.random()
        if k < 0.15:
            lines.append(gen_text(r, max_pieces=20))
            continue
        rec = {}
        for key in r.sample(("id", "title", "text", "url", "outlet", "published", "meta", "doc_id", "category", "sentences"), r.randint(0, 6)):
            rec[key] = _json_value(r) if r.random() < 0.4 else gen_text(r)
        if k < 0.25:
            lines.append(json.dumps(_json_value(r)))
        else:
            line = json.dumps(rec, ensure_ascii=r.random() < 0.5)
            lines.append(line[: r.randint(0, len(line))] if r.random() < 0.15 else line)
    if r.random() < 0.05:  # deeply nested JSON
        n = r.randint(500, 5000)
        lines.append("[" * n + "]" * n)
    if r.random() < 0.1:
        return "[" + ",".join(lines) + "]"
    return "\n".join(lines)


def gen_csv(r: random.Random) -> str:
    delim = r.choice((",", ";", "\t", "|"))
    cols = r.sample(("id", "title", "text", "url", "published", "outlet", "x"), r.randint(0, 5))
    rows = [delim.join(cols)]
    for _ in range(r.randint(0, 8)):
        cells = []
        for _ in range(r.randint(0, len(cols) + 2)):
            v = gen_text(r, max_pieces=25)
            cells.append('"' + v.replace('"', '""') + '"' if r.random() < 0.6 else v)
        rows.append(delim.join(cells))
    text = "\n".join(rows)
    if r.random() < 0.1:
        text += '\n"' + "x" * r.randint(1000, 100000)  # unterminated quoted field
    return text


def gen_format(r: random.Random, fmt: str) -> bytes:
    """Input bytes for one reader format: well-formed-ish text of that format, then encoded,
    sometimes mutated, sometimes random bytes."""
    if r.random() < 0.08:
        return gen_bytes(r)
    text = {"text": gen_text, "html": gen_html, "trec": gen_trec, "jsonl": gen_jsonl, "csv": gen_csv}[fmt](r)
    raw = text.encode("utf-8", errors="surrogatepass" if r.random() < 0.05 else "replace")
    k = r.random()
    if k < 0.15:
        raw = encode(r, text)
    elif k < 0.3:
        raw = mutate(r, raw)
    return raw


def gen_gzip(r: random.Random) -> bytes:
    """A gzip stream of a JSONL file, often truncated or corrupted."""
    raw = gzip.compress(gen_jsonl(r).encode("utf-8"))
    k = r.random()
    if k < 0.5:
        return raw[: r.randint(0, len(raw))]
    if k < 0.8:
        return mutate(r, raw)
    return raw
