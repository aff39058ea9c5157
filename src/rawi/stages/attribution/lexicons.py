"""The attribution stage's lexicons (data files in ``rawi/lexicons``), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rawi.stages.attribution.cues import read_tsv, trie_regex
from rawi.stages.attribution.textutil import fold

# Closed grammatical classes (grammar, not vocabulary: kept in code).
COMPLEMENTIZERS = frozenset(fold(w) for w in (
    "أن", "إن", "بأن", "وأن", "وإن", "أنه", "إنه", "أنها", "إنها", "بأنه", "بأنها", "أنهم", "إنهم",
    "بأنهم", "أنهما", "إنهما", "أنهن", "إنهن", "أنّ", "إنّ", "ان", "انه", "انها", "بان", "بانه", "ألا",
    "أنني", "إنني", "بأنني", "أننا", "إننا", "لأن", "إنّه", "فإن", "فإنه", "فإنها", "وإنه", "وإنها",
))
PREPOSITIONS = frozenset(fold(w) for w in (
    "في", "على", "إلى", "الى", "من", "عن", "مع", "عبر", "خلال", "أمام", "بعد", "قبل", "منذ", "حول",
    "لدى", "ضد", "نحو", "بين", "عند", "وفي", "وعلى", "ومن", "أثناء", "إثر", "عقب", "فيما", "بشأن",
    "ل", "ب", "ك",
))
TIME_WORDS = frozenset(fold(w) for w in (
    "اليوم", "أمس", "الأمس", "غدا", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس",
    "الجمعة", "السبت", "صباح", "مساء", "ليل", "ليلة", "ظهر", "فجر", "يوم", "الماضي", "الماضية",
    "مؤخرا", "سابقا", "لاحقا", "أيضا", "كذلك", "بدوره", "بدورها", "بدورهم", "وقتها", "حينها",
    "صباحا", "مساء", "الليلة", "فجرا", "ظهرا", "عصر", "ذاته", "نفسه", "نفسها",
    "ثم", "قد", "لقد", "وقد", "فقد", "كما", "أيضاً", "ومؤخرا", "وأمس", "واليوم", "مجددا", "مرارا",
    "بوضوح", "صراحة", "حينئذ", "آنذاك", "بالقول", "رسميا", "علنا",
))
ADVERBIAL_PHRASES = tuple(tuple(fold(w) for w in p.split()) for p in (
    "في البداية", "في وقت سابق", "في السابق", "في وقت لاحق", "من جديد", "مرة أخرى", "في حينه",
    "في الوقت نفسه", "في الوقت ذاته", "في هذا السياق", "في هذا الصدد", "من جهته", "من جهتها",
    "من ناحيته", "من ناحيتها", "بدوره", "بدورها", "في المقابل", "أكثر من مرة", "مرارا وتكرارا",
))
MANNER = frozenset(fold(w) for w in ("بشكل", "بصورة", "بلهجة", "بنبرة", "بطريقة", "بلغة"))
NEGATIONS = frozenset(fold(w) for w in ("لم", "لا", "لن", "ما", "ليس", "قد", "لقد", "وقد", "كان", "وكان"))
PARTICLES = frozenset(fold(w) for w in (
    "و", "ف", "ثم", "أو", "أم", "لكن", "لكن", "بل", "حتى", "إذا", "إذ", "لو", "كي", "لكي", "هل",
    "الذي", "التي", "الذين", "والذي", "والتي", "والذين", "اللذين", "اللتين", "اللذان", "ما", "ماذا", "من", "هذا", "هذه", "ذلك",
    "تلك", "هؤلاء", "هو", "هي", "هم", "هما", "نحن", "أنا", "كل", "بعض", "أي", "غير", "عدم", "لم",
    "لا", "لن", "قد", "كان", "كانت", "وكان", "وكانت", "يكون", "تكون", "إنما", "أما", "وأما", "بينما",
    "حيث", "كما", "عندما", "لما", "إلا", "سوى", "وهو", "وهي", "وهم", "ولكن", "لكنه", "لكنها", "ليس",
    "ليست", "عليه", "عليها", "منه", "منها", "له", "لها", "لهم", "به", "بها", "فيه", "فيها", "عنه",
    "عنها", "إليه", "ذاته", "نفسه", "وقال", "هناك", "هنا", "الآن", "بعدما", "بعد", "قبل", "جدا",
    "لنا", "لي", "لكم", "إلينا", "علينا", "لديه", "لديها", "لدينا", "إنه", "أنه",
    "قوله", "قولها", "قولهم", "قولهما", "تأكيده", "تأكيدها", "تحذيره", "تحذيرها",
    "نشره", "نشرته", "نشرها", "أصدره", "أصدرته", "أصدرها", "أعده", "أعدته", "أعدها", "بثه", "بثته",
    "أورده", "أوردته", "نقلته", "نقله", "تلاه", "تلته", "وزعته", "وزعه",
))
NAME_LINKS = frozenset(fold(w) for w in ("بن", "ابن", "بنت", "آل", "أبو", "أبي", "عبد", "أم", "ولد", "دي", "دو", "فان", "فون", "لو", "لا", "دا"))
ADJ_EXTRA = frozenset(fold(w) for w in (
    "العام", "العامة", "الأول", "الأولى", "السابق", "السابقة", "الخاص", "الخاصة", "الأعلى", "الكبرى",
    "الجديد", "الجديدة", "الدائم", "الدائمة", "المساعد", "التنفيذي", "الأسبق", "الحالي", "المكلف",
    "الثاني", "المتحدة", "المركزي", "المستقلة", "الأعلى", "الوطني", "المطلع", "المطلعة", "مطلع",
    "مطلعة", "مسؤول", "مسؤولة", "رفيع", "رفيعة", "بارز", "بارزة", "كبير", "كبار", "آخر", "أخرى",
    "آخرون", "آخرين", "مقرب", "مقربة", "مقربون", "رسمي", "رسمية", "المسؤول", "العليا", "الأميركي",
    "عيان", "محلية", "محلي", "أمنية", "أمني", "عسكرية", "عسكري", "دبلوماسية", "دبلوماسي", "طبية",
    "متطابقة", "موثوقة", "خاصة", "عليم", "عليمة", "أوروبي", "غربي", "غربية", "عربي", "عربية",
    "سابق", "سابقة", "جديد", "جديدة", "أخرى", "عديدة", "متعددة", "أولية", "إعلامية", "صحفية",
    "صحافية", "مستقلة", "دولية", "حقوقية", "كثيرة", "عدة", "مختلفة", "متزايدة", "بارزون", "أجانب",
))


@dataclass(frozen=True, slots=True)
class Lexicons:
    roles: dict[str, str]  # normalised word/phrase -> role|org|group|document|construct
    anon_heads: frozenset[str]
    anon_phrase_re: re.Pattern[str]
    channels: frozenset[str]
    media_heads: frozenset[str]
    media_names: frozenset[str]
    media_re: re.Pattern[str]
    media_first: frozenset[str]
    stance_res: tuple[tuple[str, re.Pattern[str]], ...]  # (stance, regex) in precedence order
    head_re: re.Pattern[str]  # role heads and indefinite institution/media heads (pre-pass)
    countries: frozenset[str]  # Arabic country names (CLDR, via babel), normalised
    phrases: dict[str, str]  # according_to / in_document phrases
    phrase_first: frozenset[str]  # first words of the phrases, with and without و/ف
    phrase_re: re.Pattern[str]


def _alt(words: list[str], clitic: bool = False) -> re.Pattern[str]:
    """Whole-word alternation of ``words`` (optionally after a proclitic و ف ب ل)."""
    pre = r"[وفبل]?" if clitic else ""
    return re.compile(r"(?<![\w])" + pre + "(?:" + trie_regex(sorted(set(words))) + r")(?![\w])")


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """Load every lexicon the stage uses (cached)."""
    roles = {fold(w): k for w, k in read_tsv("roles.tsv", 2)}
    anon = read_tsv("anonymous_sources.tsv", 2)
    media = read_tsv("media.tsv", 2)
    # "وفقا ل" is written "وفقا لـ" or joined to the source ("وفقا لوزارة"): match the
    # phrase without its final ل; the candidate finder then expects the ل.
    phrases = {}
    for p, k in read_tsv("cue_phrases.tsv", 2):
        p = fold(p)
        phrases[p[:-2] if p.endswith(" ل") else p] = k
    stance_rows = [(fold(p), k or "deny") for p, k in read_tsv("denial_phrases.tsv", 2)]
    media_names = [fold(w) for w, k in media if k == "name"]
    try:
        from babel import Locale
        countries = frozenset(fold(n) for n in Locale("ar").territories.values())
    except Exception:  # babel without CLDR data: headlines are then not checked for places
        countries = frozenset()
    heads = [w for w, k in roles.items() if k == "role" and " " not in w]
    heads += [w for w, k in roles.items() if k == "org" and " " not in w]
    heads += [fold(w) for w, k in media if k == "head" and " " not in w and not w.startswith("ال")]
    return Lexicons(
        head_re=re.compile(r"(?<![\w])[وف]?(?:" + trie_regex(sorted(set(heads))) + r")(?![\w])"),
        countries=countries,
        roles=roles,
        anon_heads=frozenset(fold(w) for w, k in anon if k == "head"),
        anon_phrase_re=_alt([fold(w) for w, k in anon if k == "phrase"]),
        channels=frozenset(fold(r[0]) for r in read_tsv("channels.tsv", 1)),
        media_heads=frozenset(fold(w) for w, k in media if k == "head"),
        media_names=frozenset(media_names),
        media_re=_alt(media_names),
        media_first=frozenset(n.split()[0] for n in media_names),
        stance_res=tuple((k, _alt([p for p, kk in stance_rows if kk == k], clitic=True))
                         for k in ("deny", "accuse", "demand", "opinion")
                         if any(kk == k for _, kk in stance_rows)),
        phrases=phrases,
        phrase_first=frozenset(p + w for w in {x.split()[0] for x in phrases} for p in ("", "و", "ف")),
        phrase_re=re.compile(r"(?<![\w])[وف]?(?:" + trie_regex(sorted(phrases)) + r")(?![\w])"),
    )
