"""Numbers stage: quantities in digits or words with their counted noun or unit.

``extract_numbers(text)`` is the pure helper, ``find_numbers(doc)`` the stage (``doc.text``
only). Years and other dates are left to the dates stage: spans found by
:func:`rawi.stages.dates.extract_dates` are excluded, so the two never overlap.
"""

from __future__ import annotations

import re
from datetime import date

from rawi.model import Document, NumberMention
from rawi.stages.dates import date_spans
from rawi.stages.dates_norm import START, alternation, fold, fold_word, raw_span, scan
from rawi.stages.numbers_units import (
    APPROX_AFTER, APPROX_BEFORE, STOP_AFTER, context_words, looks_counted, singular,
)
from rawi.stages.numbers_words import (
    FRACTION, PLURAL_SCALES, SCALE, TENS, VAGUE, VAGUE_WORDS, WORDNUM, WORDS, digits_value, scale_value, tidy,
    words_value,
)

DIG = r"(?:ال)?(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(?![\d])"
DIGNUM = rf"{DIG}(?:\s*(?:{SCALE})(?!\w)(?:\s+و\s*{DIG}\s*(?:{SCALE})(?!\w))*)?"
# words with a scale may go on in digits: ثلاثة ملايين و888 ألف
CORE = rf"(?:{DIGNUM}|{WORDNUM}(?:\s+و\s*{DIG}\s*(?:{SCALE})(?!\w))*)"
APX = alternation(APPROX_BEFORE)
PCT = r"(?:\s*%|\s+(?:بالمائه|بالمئه|في\s+المائه|في\s+المئه)(?!\w))"
AFTER_NOUN_WORDS = alternation(["واحد", "واحدة", "واحدا", "اثنين", "اثنان", "اثنتين", "اثنتان"])
DEF_UNITS = alternation([w for w, (v, t) in WORDS.items() if t == "unit" and 3 <= v <= 10])

PATTERN = re.compile(fold_word(
    START + "(?:"
    rf"(?P<post>{AFTER_NOUN_WORDS}|ال(?:{DEF_UNITS})(?:\s+وال(?:{TENS}))?|الاثنين)(?!\s+من\s)"
    rf"|(?P<one>واحد|واحده)(?=\s+من\s)"
    rf"|(?:(?P<apx>{APX})\s+)?(?:"
    rf"(?P<vague>(?:ال)?(?:{VAGUE})(?:\s+(?:ال)?(?:{VAGUE}))?)"
    rf"|(?P<frac>{FRACTION})(?:\s+(?P<f_scale>{SCALE}))?(?=\s+\w)"
    rf"|(?:ما\s+)?بين\s+(?P<b1>{CORE})\s+و\s*(?P<b2>{CORE})"
    rf"|(?P<score>\d+\s*[-–]\s*صفر|صفر\s*[-–]\s*\d+)"
    rf"|(?:من\s+)?(?P<r1>{DIGNUM})\s*(?:-|–|\s(?:الي|حتي)\s)\s*(?P<r2>{DIGNUM})"
    rf"|(?P<n1>{CORE})(?P<tail>\s+و\s*{DIG}(?!\s*(?:{SCALE})(?!\w)))?)(?P<pct>{PCT})?"
    ")" + r"(?:(?<=\d)(?![\d]|[.,]\d)|(?<!\d)(?!\w))"
))

def _first_words() -> frozenset[str]:
    words = {w.split()[0] for w in WORDS} | {w.split()[0] for w in VAGUE_WORDS}
    words |= {"ال" + w for w in words}
    words |= {fold_word(a).split()[0] for a in APPROX_BEFORE} | {"بين", "ما", "من"}
    return frozenset(words)


FIRST = _first_words()

APPROX_AFTER_RE = re.compile(fold_word(r"\s+(?:" + alternation(APPROX_AFTER) + r")(?!\w)"))
_NEXT_WORD = re.compile(r"\s+(\w+)")
_PREV_WORD = re.compile(r"(\w+)[\s\-]*$")
_GLUED_WORD = re.compile(r"([^\W\d_]{2,})")
_PREV_WORD_ONLY = re.compile(r"(?<!\w)(\w+)\s+$")
_SCALE_RE = re.compile(rf"({SCALE})(?!\w)")
_DIG_RE = re.compile(DIG)
_AND_HALF = re.compile(rf"\s+ونصف(?:\s+(?:ال)?(?:{SCALE}))?(?!\w)")
_WORDS_THEN_DIGITS = re.compile(r"\s+و\s*(?=\d)")
_OF_THEM = re.compile(r"\s+(?:منهم|منها|منهن|منكم|منا)(?!\w)")
_SHORT_WORDS = frozenset(fold_word(w) for w in ("ست", "خمس", "سبع", "تسع", "عشر", "ثمان"))
_NOT_AFTER_FRACTION = context_words("not_after_fraction")
_KNOWN_NOUNS = context_words("wa_noun")
_SQUARE = frozenset(fold_word(w) for w in ("مربع", "مكعب", "مربعا", "مكعبا"))

NAME_BEFORE = context_words("name_before")
_LATIN_ADJ = re.compile(r"[A-Za-z]")
_TIME_AFTER = re.compile(r"\s*(?:" + alternation(context_words("time_after")) + r")(?!\w)")
SKIP = object()
_TYPE_BEFORE = re.compile(r"(?<!\w)(?:" + alternation(context_words("type_before")) + r")(?:\s+\w+){0,3}\s+$")


def _value_of(core: str) -> float | None:
    """Value of a folded number core: digits with optional scale words, or number words
    (possibly continued in digits: ثلاثة ملايين و888 ألف)."""
    if not _DIG_RE.match(core):
        head, *rest = _WORDS_THEN_DIGITS.split(core)
        v = words_value(head)
        for part in rest:
            pv = _value_of(part)
            if v is None or pv is None:
                return None
            v += pv
        return v
    if _DIG_RE.match(core):
        total = 0.0
        for part in re.split(r"\s+و\s*", core):
            dm = _DIG_RE.match(part)
            if not dm:
                return None
            sm = _SCALE_RE.search(part, dm.end())
            v = digits_value(dm.group(0), bool(sm))
            if v is None:
                return None
            total += v * (scale_value(sm.group(1)) if sm else 1)
        return total
    return None


def _noun_after(norm: str, pos: int) -> tuple[int, str | None, int]:
    """(end of the counted noun after ``pos``, the noun folded, its folded start); the end is
    ``pos`` and the noun None when no counted noun follows."""
    m = _NEXT_WORD.match(norm, pos) or (_GLUED_WORD.match(norm, pos) if pos and norm[pos - 1].isdigit()
                                        else None)
    if not m:
        return pos, None, pos
    w = m.group(1)
    if w == "من":
        m2 = _NEXT_WORD.match(norm, m.end())
        if m2 and m2.group(1) not in STOP_AFTER and m2.group(1).isalpha() and m2.group(1) not in _NOT_NOUN:
            return m2.end(), m2.group(1), m2.start(1)
        return pos, None, pos
    if w in STOP_AFTER or w in _NOT_NOUN or not (w.isalpha() and (len(w) >= 2 or w == "م")):
        return pos, None, pos
    if w[:1] == "و" and w[1:2] in "اتين" and w not in _KNOWN_NOUNS:
        return pos, None, pos  # وأضاف, ويقول: the next clause, not a counted noun
    end = m.end()
    m3 = _NEXT_WORD.match(norm, end)
    if m3 and m3.group(1) in _SQUARE:
        end = m3.end()
    return end, w, m.start(1)


def _not_noun() -> frozenset[str]:
    from rawi.stages.dates_patterns import LEX
    words = set(LEX.months) | set(LEX.weekdays) | set(WORDS)
    for typ in ("past", "future", "current"):
        words |= set(LEX.by_type[typ])
    return frozenset(w for w in words if " " not in w)


_NOT_NOUN = _not_noun()


def _blocked(norm: str, s: int, e: int, digits: bool) -> bool:
    """A number that is a name, an index, a time, a phone number or part of a Latin token."""
    before = norm[max(0, s - 30):s]
    if s > 0 and (_LATIN_ADJ.match(norm[s - 1]) or norm[s - 1] in "#@_/-:+×"):
        return True
    if e < len(norm) and (_LATIN_ADJ.match(norm[e]) or norm[e] in ":_/+×" or
                          (norm[e] == "-" and e + 1 < len(norm) and norm[e + 1].isalpha())):
        return True
    if re.search(r"[A-Za-z]\s*-?\s*$", before):
        return True
    if s > 0 and norm[s - 1] == "(" and norm[e:e + 1] == ")":
        return True  # (5): a rank or a reference
    if (s == 0 or norm[s - 1] == "\n") and re.match(r"\s*[-.)]", norm[e:e + 2]):
        return True  # 1- / 1. / 1) at the start of a line: a list marker
    if digits:
        if _TIME_AFTER.match(norm, e) or re.match(r"(?:ال)?0\d+(?![\d.,])", norm[s:e]):
            return True  # 0500 بتوقيت غرينتش: a clock time; 04: part of a name
        pm = _PREV_WORD.search(before)
        if pm:
            w = pm.group(1)
            stripped = w[1:] if w[:1] in "وبل" and w[1:] in NAME_BEFORE else w
            if stripped in NAME_BEFORE:
                return True
        if _TYPE_BEFORE.search(before) or (e < len(norm) and norm[e] in "\"»”'" and norm[e - 1].isdigit() and pm
                                           and not pm.group(1).isdigit()):
            return True
        if re.search(r"\d[\d\s]{6,}$", norm[max(0, s - 12):s]) or re.match(r"[\s\d]{7,}\d", norm[e:e + 12]):
            return True
    return False


def _mention(text: str, offsets, s: int, e: int, **kw) -> NumberMention:
    rs, re_ = raw_span(offsets, s, e, len(text))
    return NumberMention(rs, re_, text[rs:re_], **kw)


def extract_numbers(text: str, published: date | None = None) -> list[NumberMention]:
    """All number mentions in ``text`` (dates excluded; ``published`` only lets the date spans
    be shared with the dates stage, they do not depend on it)."""
    norm, offsets = fold(text)
    taken = [(a, b) for a, b, _ in date_spans(text, published)]
    out: list[NumberMention] = []
    last_end = [0]

    def free(s: int, e: int) -> bool:
        return s >= last_end[0] and not any(a < e and s < b for a, b in taken)

    def handle(m: re.Match) -> int | None:
        s, e = m.start(), m.end()
        if not free(s, e):
            return None
        got = _resolve(norm, m, lambda a, b: text[slice(*raw_span(offsets, a, b, len(text)))])
        if got is None:
            return None
        if got[0] is SKIP:
            return got[1]
        end, value, vmax, unit, approx, *start = got
        if start:
            s = start[0]
            if not free(s, e):
                return None
        if not free(s, end):
            end = e
        digits = bool(_DIG_RE.match(norm, m.start("n1") if m.group("n1") else m.start("r1")
                                    if m.group("r1") else s))
        if digits and _blocked(norm, s, e, True) or not digits and _blocked(norm, s, e, False):
            return None
        out.append(_mention(text, offsets, s, end, value=tidy(value), value_max=tidy(vmax),
                            unit=unit, approx=approx))
        last_end[0] = end
        return end

    scan(PATTERN, norm, FIRST, handle)
    return out


def _resolve(norm: str, m: re.Match, raw):
    """(end, value, value_max, unit, approx[, start]) for one match, or None to drop it.
    ``raw(a, b)`` gives the raw text of a folded span (units keep the text's spelling)."""
    e = m.end()
    approx = bool(m.group("apx"))
    pct = m.group("pct")
    if m.group("post"):
        num = m.group("post")
        if _OF_THEM.match(norm, e) and not num.startswith("ال"):
            return e, words_value(num), None, None, False  # اثنتين منهن
        pm = _PREV_WORD_ONLY.search(norm, max(0, m.start() - 40), m.start())
        if not pm:
            return None
        noun = pm.group(1)
        if not num.startswith("واحد") and not (noun.startswith("ال") or looks_counted(noun)
                                               or re.search(r"(?:ان|ين)$", noun)):
            return None  # وقتل اثنتين: a verb before the number word, not its counted noun
        if noun in STOP_AFTER or noun in _NOT_NOUN or not noun.isalpha() or len(noun) < 2:
            return None
        if num.startswith("ال") and not noun.startswith("ال"):
            return None
        v = words_value(re.sub(r"(?<!\S)(و?)ال", r"\1", num))
        return e, v, None, singular(raw(pm.start(1), pm.end(1))), False, pm.start(1)
    if m.group("one"):
        return e, 1, None, None, False
    if m.group("score"):
        return SKIP, e
    vmax = None
    if m.group("vague"):
        value, approx = None, True
        end, noun, ns = _noun_after(norm, e)
        if noun and not (noun.startswith("ال") or norm[e:end].lstrip().startswith("من")):
            end, noun, ns = e, None, e
    elif m.group("frac"):
        value = WORDS[m.group("frac")][0]
        if m.group("f_scale"):
            value *= scale_value(m.group("f_scale"))
        end, noun, ns = _noun_after(norm, e)
        if noun is None or noun in _NOT_AFTER_FRACTION:
            return None
    else:
        if m.group("b1") or m.group("r1"):
            g1, g2 = ("b1", "b2") if m.group("b1") else ("r1", "r2")
            value, vmax = _value_of(m.group(g1)), _value_of(m.group(g2))
            sm = _SCALE_RE.search(m.group(g2))
            if value is not None and sm and not _SCALE_RE.search(m.group(g1)):
                value *= scale_value(sm.group(1))  # بين 70 و80 مليون: the scale is shared
            if value is None or vmax is None or vmax <= value:
                return SKIP, m.end()  # a score (4-1) or an identifier: consume it, say nothing
            if m.group("r1") and vmax <= 20 and not pct and _noun_after(norm, e)[1] is None \
                    and re.match(r"\d+\s*-", m.group(0)):
                return SKIP, m.end()  # 1-2 with nothing counted: a score
        else:
            core = m.group("n1")
            value = _value_of(core)
            if m.group("tail"):
                tv = digits_value(m.group("tail").strip()[1:].strip(), False)
                sm = _SCALE_RE.search(core)
                if value is None or tv is None or not sm or sm.end() != len(core.rstrip()) \
                        or tv >= scale_value(sm.group(1)):
                    e, pct = m.end("n1"), None  # الـ9 والـ16: two numbers, not 9 thousand and 16
                else:
                    value += tv
            if value is None:
                if core.split()[0] in PLURAL_SCALES:
                    value, approx = None, True
                else:
                    return None
            words_only = not _DIG_RE.match(core)
            if core == "ست" and m.start() > 0 and norm[m.start() - 1] == "ل":
                return None  # لست: "you are not"
            first = WORDS.get(core.split()[0], (0, ""))[1] if words_only else ""
            if first == "teen_part" and "عشر" not in core:
                return None
            if words_only and " " not in core.strip() and not pct and first in ("unit", "ten"):
                end, noun, ns = _noun_after(norm, e)
                if noun is None and (_OF_THEM.match(norm, e) or (core.endswith("ه") and core not in _SHORT_WORDS)):
                    return e, value, None, None, approx  # ثلاثة منهم; مقابل سبعة في صفوف ...
                partitive = noun is not None and norm[e:ns].strip() == "من"  # ثمان من القباب
                if noun is None or not (looks_counted(noun) or partitive) and (
                        len(noun) < 3 or core in _SHORT_WORDS):
                    return None
        if pct:
            end, noun, ns = e, None, e
        else:
            end, noun, ns = _noun_after(norm, e)
    if noun:
        noun = raw(ns, ns + len(noun))
    hm = _AND_HALF.match(norm, end) if value is not None and not vmax else None
    if hm:  # ثلاث ساعات ونصف, مليون ونصف (المليون) دولار
        sm = _SCALE_RE.search(m.group("n1") or "") if m.group("n1") else None
        value += 0.5 * (scale_value(sm.group(1)) if sm and sm.end() == len(m.group("n1")) else 1)
        end = hm.end()
        if noun is None:
            end2, noun2, ns2 = _noun_after(norm, end)
            if noun2:
                end, noun = end2, raw(ns2, ns2 + len(noun2))
    unit = "%" if pct else (singular(noun) if noun else None)
    am = APPROX_AFTER_RE.match(norm, end)
    if am:
        end, approx = am.end(), True
    return end, value, vmax, unit, approx


def find_numbers(doc: Document) -> Document:
    """The numbers stage: ``doc.numbers`` from ``doc.text``."""
    pub = doc.published.date() if doc.published is not None else None
    return doc.evolve(numbers=tuple(extract_numbers(doc.text, pub)))
