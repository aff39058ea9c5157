"""The date grammar: lexicons loaded once and compiled into one regex over folded text.

Alternatives (tried in this order at each position, leftmost match wins):
``num`` numeric dates (14/4/2018, 2018-04-14), ``mon`` expressions built on a month name
(with day, weekday, range, year or a past/future word, or a part-of-period modifier),
``wd`` weekdays (with day part, اليوم, a second night day, a past/future word), ``dom``
a day of a relative month (يوم 28 من الشهر ذاته), ``ago`` قبل / بعد + a duration, ``season``,
``rel`` relative words from relative_dates.tsv (with an optional modifier), ``yr`` years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rawi.stages.dates_norm import END, START, alternation, fold_word, load_tsv


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, tuple[int, str, bool]]  # folded name -> (number, calendar, strict)
    weekdays: dict[str, int]
    relative: dict[str, tuple[str, str]]  # folded phrase -> (type, argument)
    by_type: dict[str, dict[str, str]]  # type -> folded phrase -> argument
    ordinals: dict[str, int]
    cardinals: dict[str, int]


def _squash(s: str) -> str:
    return " ".join(s.split())


def load_lexicon() -> Lexicon:
    months = {}
    for row in load_tsv("months.tsv", 5):
        months[_squash(fold_word(row[0]))] = (int(row[1]), row[2], row[4] == "strict")
    weekdays = {fold_word(r[0]): int(r[1]) for r in load_tsv("weekdays.tsv")}
    relative: dict[str, tuple[str, str]] = {}
    by_type: dict[str, dict[str, str]] = {}
    for row in load_tsv("relative_dates.tsv", 3):
        key = _squash(fold_word(row[0]))
        by_type.setdefault(row[1], {})[key] = row[2]
        if row[1] in ("day", "week", "month", "year", "same", "next", "earlier", "vague"):
            relative[key] = (row[1], row[2])
    ordinals: dict[str, int] = {}
    cardinals: dict[str, int] = {}
    for row in load_tsv("number_words.tsv", 3):
        if row[2] == "ordinal":
            ordinals[fold_word(row[0])] = int(row[1])
        elif row[2] in ("unit", "ten"):
            cardinals[fold_word(row[0])] = int(row[1])
    return Lexicon(months, weekdays, relative, by_type, ordinals, cardinals)


LEX = load_lexicon()


def _ordinal_days() -> dict[str, int]:
    """Day-of-month ordinals: الأول … العاشر, الحادي عشر … التاسع عشر, العشرين … الحادي والثلاثين."""
    units = {w: v for w, v in LEX.ordinals.items() if v < 10 and w.startswith("ال") and w != "الاولي"}
    out = dict(units)
    out["العاشر"] = 10
    out["اول"] = 1
    for w, v in units.items():
        if v == 1 and w != "الحادي":
            continue
        out[f"{w} عشر"] = 10 + v
        out[f"{w} والعشرين"] = 20 + v
    out["العشرين"] = 20
    out["الثلاثين"] = 30
    out["الحادي والثلاثين"] = 31
    out.pop("الحادي", None)
    return out


ORDINAL_DAYS = _ordinal_days()

SEP = r"\s*(?:[/\\\-–(]|\s)\s*"
MON = alternation(set(LEX.months))
MONX = rf"(?:{MON})(?:{SEP}(?:{MON})\)?)?"
WD = alternation(set(LEX.weekdays))
DAYNUM = r"(?:ال)?(?:[12]\d|3[01]|0?[1-9])(?!\d)"
DAYORD = alternation(set(ORDINAL_DAYS))
DAY = rf"(?:{DAYNUM}|{DAYORD})"
def _era(name: str) -> str:
    return rf"(?:\s*(?P<{name}>م|ه|ميلادي(?:ه)?|هجري(?:ه)?|للميلاد|للهجره)(?!\w))?"

YEARNUM = r"(?<!\d)(?:1[0-9]\d\d|20\d\d)(?!\d)"
YEARKW = r"(?:(?:عام|العام|عامي|العامين|سنه|السنه|سنتي|لعام|للعام)\s+)"
PAST = alternation(set(LEX.by_type["past"]) | set(LEX.by_type["future"]) | set(LEX.by_type["current"]))
RELYEAR = r"(?:من\s+)?(?:(?:هذا|ذات|نفس)\s+العام|هذه\s+السنه|العام\s+(?:نفسه|ذاته)|" + "|".join(
    re.escape(k) for k, v in LEX.relative.items() if v[0] == "year" and " " in k) + ")"
MOD = alternation(set(LEX.by_type["modifier"]))
DAYPART = alternation(set(LEX.by_type["daypart"]))
REL = alternation(set(LEX.relative))
UNIT = alternation(set(LEX.by_type["unit"]))
CARD = alternation({w for w, v in LEX.cardinals.items() if 2 <= v})
SEASON = alternation(set(LEX.by_type["season"]))
RANGE = r"\s*(?:-|–|الى|حتى|و)\s*"
WEEKPART = r"الاسبوع\s+(?:الاول|الثاني|الثالث|الرابع|الاخير)"

PATTERN = re.compile(fold_word(
    START + "(?:"
    # numeric: day/month/year or ISO
    rf"(?P<num>(?P<nd>[12]\d|3[01]|0?[1-9])[/.\-](?P<nm>1[0-2]|0?[1-9])[/.\-](?P<ny>(?:19|20)\d\d)"
    rf"|(?P<iy>(?:19|20)\d\d)-(?P<im>1[0-2]|0[1-9])-(?P<id>[12]\d|3[01]|0[1-9]))(?!\d)"
    # month-based
    rf"|(?P<mon>(?:(?P<m_mod>{MOD})\s+(?:من\s+)?)?(?:(?:يوم\s+)?(?P<m_wd>{WD})\s*[,،]?\s+)?"
    rf"(?:(?P<m_dp>{DAYPART})\s+)?"
    rf"(?:(?P<m_wk>{WEEKPART})\s+من\s+|(?P<m_d1>{DAY})(?:{RANGE}(?P<m_d2>{DAY}))?(?:\s+من)?(?:\s+|(?<=\d)))?"
    rf"(?:(?P<m_sh>شهر|شهري)\s+)?(?P<m_mon>{MONX})(?:{RANGE}(?P<m_mon2>{MONX}))?"
    rf"(?:\s*[,،]?\s*(?P<m_yr>(?:من\s+)?{YEARKW}?{YEARNUM}){_era('m_era')}|\s+(?P<m_rel>{RELYEAR}|{PAST}))?)"
    # weekday-based
    rf"|(?P<wd>(?:(?P<w_today>اليوم|امس)\s+)?(?:(?P<w_dp>{DAYPART})\s+)?(?P<w_wd>{WD})"
    rf"(?:(?:\s*[-–/]?\s*|\s+(?:الي|علي)\s+)(?P<w_wd2>{WD}))?(?:\s+(?P<w_rel>{PAST}))?)"
    # day of a relative month
    rf"|(?P<dom>(?:(?P<o_dp>{DAYPART})\s+)?(?P<o_d>{DAY})\s+(?:من\s+)?"
    r"(?P<o_m>الشهر\s+(?:ذاته|نفسه|الجاري|الحالي|الماضي|المنصرم|الفائت|المقبل|القادم)|(?:هذا|نفس|ذات)\s+الشهر"
    r"|الجاري|الحالي))"
    # before / after a duration
    rf"|(?P<ago>(?P<a_dir>قبل|بعد)\s+(?:(?P<a_n>\d{{1,3}}|{CARD})\s+)?(?P<a_u>{UNIT})"
    r"(?:\s+(?P<a_one>واحد|واحده))?(?:\s+(?P<a_of>من|على))?)"
    # seasons
    rf"|(?P<season>(?:فصل\s+)?(?P<s_name>{SEASON})\s+(?:(?P<s_yr>{YEARKW}?{YEARNUM})|(?P<s_rel>{RELYEAR}|{PAST})))"
    # relative words
    rf"|(?P<rel>(?:(?P<r_mod>{MOD})\s+(?:من\s+)?)?(?:(?P<r_dp>{DAYPART})\s+)?(?P<r_word>{REL}))"
    # years
    rf"|(?P<yr>(?:(?P<y_mod>{MOD})\s+(?:من\s+)?)?(?P<y_kw>{YEARKW})?(?P<y_y>{YEARNUM}){_era('y_era')}"
    rf"(?:(?:{RANGE}|/)(?P<y_y2>{YEARNUM}))?)"
    ")" + END
))

MONTH_RE = re.compile(MON)
WEEKDAY_RE = re.compile(WD)
FUTURE_CUE = re.compile(START + "(?:" + alternation(set(LEX.by_type["future_cue"])) + ")" + END)
SENTENCE_BREAK = re.compile(r"[.!?؟\n]")


def _first_words() -> frozenset[str]:
    phrases = set(LEX.months) | set(LEX.weekdays) | set(ORDINAL_DAYS) | set(LEX.relative)
    for typ in ("modifier", "daypart", "season"):
        phrases |= set(LEX.by_type[typ])
    words = {p.split()[0] for p in phrases}
    return frozenset(words | {"شهر", "شهري", "فصل", "قبل", "بعد", "عام", "العام", "سنه", "السنه",
                              "لعام", "للعام", "عامي", "العامين", "سنتي", "امس", "اليوم", "الاسبوع", "هذا", "هذه", "نفس", "ذات"})


FIRST = _first_words()
