"""Speaker noun phrases: where they end, their appositive role, and what kind of speaker.

Works on the normalised word list of :class:`~rawi.stages.attribution.textutil.Tokens`.
The grammar is a small state machine over Arabic NP structure: a head (title, institution,
name), genitives after a construct noun, definite and nisba adjectives, names (with بن, أبو,
عبد, آل links), a quoted outlet name after a media head, ``باسم`` + NP.
"""

from __future__ import annotations

from rawi.stages.attribution.lexicons import (
    ADJ_EXTRA, COMPLEMENTIZERS, MANNER, NAME_LINKS, PARTICLES, PREPOSITIONS, TIME_WORDS, Lexicons,
)
from rawi.stages.attribution.textutil import QUOTE_CHARS

_NISBA_ENDINGS = ("ي", "ية", "يين", "يون", "يان", "يتين", "يتان", "يه")
MAX_NP = 14
_DEMONSTRATIVES = frozenset(("هذا", "هذه", "ذلك", "تلك", "هؤلاء"))
_VERB_PREFIXES = ("يت", "تت", "يست", "تست")  # imperfect verbs, not names


def is_punct(w: str) -> bool:
    return not (w[0].isalnum() or w[0] == "_")


_BARE: dict[str, str] = {}
_HEAD: dict[str, str] = {}


def bare(w: str) -> str:
    """Strip a conjunction و/ف and the article ال (or لل) for lexicon look-ups (memoised)."""
    b = _BARE.get(w)
    if b is None:
        b = _BARE[w] = _bare(w)
        if len(_BARE) > 200_000:
            _BARE.clear()
    return b


def _bare(w: str) -> str:
    if len(w) > 3 and w[0] in "وف" and (w[1:3] == "ال" or w[1:4] == "لل"):
        w = w[1:]
    if w.startswith("ال") and len(w) > 3:
        return w[2:]
    if w.startswith("لل") and len(w) > 3:
        return w[2:]
    return w


def definite(w: str) -> bool:
    return (w.startswith("ال") and len(w) > 3) or (w.startswith(("وال", "فال")) and len(w) > 4)


def is_adj(w: str) -> bool:
    if w in ADJ_EXTRA:
        return True
    b = bare(w)
    return len(b) >= 4 and b.endswith(_NISBA_ENDINGS) and not b.endswith("اي")


def head_kind(w: str, lex: Lexicons) -> str:
    """role | org | group | document | construct | media | anon | '' for a head word (memoised;
    the lexicons are loaded once per process)."""
    k = _HEAD.get(w)
    if k is None:
        k = _HEAD[w] = _head_kind(w, lex)
        if len(_HEAD) > 200_000:
            _HEAD.clear()
    return k


def _head_kind(w: str, lex: Lexicons) -> str:
    if w in lex.anon_heads or bare(w) in lex.anon_heads:
        return "anon"
    if w in lex.media_heads or w in lex.media_names:
        return "media"
    k = lex.roles.get(w) or lex.roles.get(bare(w)) or lex.roles.get("ال" + bare(w))
    if not k and w.endswith(("ها", "هم")) and len(w) > 5 and lex.roles.get(w[:-2]) == "role":
        k = "role"  # مديرها العام, رئيسهم: a title with a possessive pronoun
    if not k and w.endswith("ة") and len(w) > 4:
        # a feminine title: الكاتبة العامة, المديرة, الوزيرة (the lexicon lists the masculine)
        k = lex.roles.get(w[:-1]) or lex.roles.get(bare(w)[:-1])
        k = k if k == "role" else ""
    return k or ""


def stop_word(w: str, cue_forms: dict) -> bool:
    """A word that cannot be inside a speaker NP."""
    f = cue_forms.get(w)
    return (w in COMPLEMENTIZERS or w in TIME_WORDS or w in MANNER or (f is not None and f.kind != "noun")
            or (w in PARTICLES and w not in NAME_LINKS))


def _closing_quote(W: list[str], j: int, lim: int) -> int:
    for k in range(j + 1, min(lim, j + 8)):
        if W[k] in QUOTE_CHARS or W[k] == ")":
            return k
    return -1


def np_extent(W: list[str], i: int, lim: int, lex: Lexicons, cue_forms: dict,
              allow_pp: bool = False, first: str | None = None, coord: bool = False) -> int:
    """End (exclusive) of the noun phrase that starts at word ``i``; ``i`` if none.

    ``allow_pp``: keep a ``في``/``من`` phrase after a role, anonymous or group head
    (مصادر في المعارضة, السفير الروسي في واشنطن).
    """
    lim = min(lim, len(W), i + MAX_NP)
    if first is not None and i < lim:
        W = W[:i] + [first] + W[i + 1:lim]  # the word without a proclitic (لوكالة → وكالة)
    if i + 1 < lim and W[i] in _DEMONSTRATIVES and definite(W[i + 1]):
        # هذا الموقع, هذه الصحيفة: the demonstrative opens a definite NP
        e = np_extent(W, i + 1, lim, lex, cue_forms, allow_pp, coord=coord)
        return e if e > i + 1 else i
    if i >= lim or is_punct(W[i]) and W[i] not in QUOTE_CHARS or stop_word(W[i], cue_forms):
        return i
    if W[i] in PREPOSITIONS or W[i].startswith(("بال", "لل", "كال")):
        return i
    kind0 = head_kind(W[i], lex)
    j = i
    # a name that starts with the article is known by its link word (الهادي بن سالم)
    mode = "name" if not kind0 and (not definite(W[i]) or i + 1 < lim and W[i + 1] in _FILIATION) else "head"
    expect_gen = False
    is_def = definite(W[i])
    has_role = kind0 == "role"
    names = 0
    while j < lim:
        w = W[j]
        if w == "#" and j + 1 < lim and not is_punct(W[j + 1]):
            j += 1  # a hashtag: #سلطان_بن_سحيم
            continue
        if is_punct(w):
            if w in QUOTE_CHARS or w == "(":
                # a quoted or bracketed name right after a head: وكالة "رويترز", قناة (سي.إن.إن)
                k = _closing_quote(W, j, lim)
                prev_k = head_kind(W[j - 1], lex) if j > i else ""
                if k > j + 1 and (j == i or prev_k == "media" or (prev_k == "org" and not definite(W[j - 1]))
                                  or (has_role and mode == "head" and k - j <= 4)):
                    j = k + 1
                    expect_gen = False
                    continue
            if w == "-" and j + 1 < lim and not is_punct(W[j + 1]) and j > i:
                j += 2
                continue
            break
        if coord and w == "و" and j > i and j + 1 < lim and not is_punct(W[j + 1]):
            j += 1  # روسيا و #إيران
            mode, expect_gen = "name", True
            continue
        if j > i and stop_word(w, cue_forms):
            break
        if j > i and w[0] == "ل" and len(w) > 2 and (w[1:] in lex.media_first or head_kind(w[1:], lex) == "media"):
            break  # لوكالة, لرويترز, لبي بي سي: a conduit, not the speaker
        if j > i and w in PREPOSITIONS:
            if allow_pp and w in ("في", "من", "لدي") and kind0 in ("role", "anon", "group", "org") \
                    and j + 1 < lim and not is_punct(W[j + 1]) and bare(W[j + 1]) not in lex.channels:
                j += 1
                expect_gen = True
                continue
            break
        if j == i:
            expect_gen = mode == "head" and not definite(w) or w == "باسم"
            if mode == "name":
                names = 1
                expect_gen = w in NAME_LINKS
            j += 1
            continue
        if w == "باسم":
            j += 1
            expect_gen = True
            continue
        if expect_gen:
            k = head_kind(w, lex)
            is_def = is_def or definite(w)
            has_role = has_role or k == "role"
            # an indefinite noun before a definite one is itself in construct (جمعية أولياء التلاميذ)
            expect_gen = not definite(w) and (bool(k) or w.endswith("ة") or w in NAME_LINKS or (
                mode == "head" and j + 1 < lim and definite(W[j + 1]) and not is_adj(W[j + 1])
                and not stop_word(W[j + 1], cue_forms) and not is_adj(w)))
            if mode == "name":
                names += 1
            j += 1
            continue
        if w[0] in "وف" and len(w) > 4 and definite(w[1:]) and mode == "head" and j > i + 1:
            # coordination inside a genitive chain: لجنة الأمن والدفاع
            j += 1
            continue
        if w[0] == "و" and len(w) > 3 and (head_kind(w[1:], lex) or head_kind(w[1:].replace("ته", "ة"), lex)
                                           or w[1:] in lex.media_names or definite(w[1:])):
            # two speakers joined by و: بوتين وحكومته, رويترز وصحيفة …
            mode = "head"
            kind0 = head_kind(w[1:], lex) or kind0
            expect_gen = not definite(w[1:])
            j += 1
            continue
        if w.startswith("ل") and not definite(w) and len(w) > 3 and mode == "head" and \
                kind0 in ("org", "role") and head_kind(w[1:], lex) not in ("media",) and \
                bare(w[1:]) not in lex.channels and w[1:] not in lex.media_names:
            # genitive with ل: المرصد السوري لحقوق الإنسان, النائب الأول لرئيس اللجنة
            j += 1
            expect_gen = True
            continue
        if definite(w):
            if mode == "head" and (is_adj(w) or w in ("الابيض",) or (has_role and w.startswith("الم") and len(w) > 5 and not w.endswith("ة")
                                                                       and not head_kind(w, lex))):
                j += 1
                continue
            if mode == "name" and (W[j - 1] in NAME_LINKS or is_adj(w)):
                j += 1
                names = 9 if W[j - 2] not in NAME_LINKS else names  # no name words after an adjective
                continue
            if mode == "name" and _family_name(W, j, lim, names, lex, cue_forms, has_role):
                j += 1  # كريم الزين, ماهر الخطيب: a family name with the article
                names = 9
                continue
            break
        # an indefinite word: an adjective only while the NP is indefinite (مسؤول روسي, not
        # الرئيس الروسي سيرغي)
        if is_adj(w) and mode == "head" and not is_def:
            j += 1
            continue
        if mode == "head" and has_role and is_def:
            mode = "name"  # the name after a title: الرئيس الأمريكي دونالد ترامب
            names = 1
            expect_gen = w in NAME_LINKS
            j += 1
            continue
        if mode == "name" and (w in ("احد", "احدي") or w.startswith(_VERB_PREFIXES)):
            break  # لويك غلافاني أحد المنسقين; تعهد … يتوجه
        if mode == "name" and names < 4 and not w.startswith("لل") and not (w.endswith("ة") and names >= 1 and W[j - 1] not in NAME_LINKS):
            names += 1
            expect_gen = w in NAME_LINKS
            j += 1
            continue
        break
    return j


_FILIATION = frozenset(("بن", "ابن", "بنت", "ولد"))  # links that follow a given name (الهادي بن سالم)
_NOUN_ENDINGS = ("ة", "ات", "اء")
_PLURAL_ENDINGS = ("ون", "ين")  # sound plurals when the stem is long (المحتجين), not الزين, الحسين


def _family_name(W: list[str], j: int, lim: int, names: int, lex: Lexicons, cue_forms: dict,
                 titled: bool = False) -> bool:
    """Whether the definite word ``W[j]`` after one or two given-name words is a family name
    (هالة السعدي, كريم الزين) rather than the verb's object (نفى غولن الاتهامات): it has no noun
    ending, is no lexicon head, and the NP ends right after it (punctuation, a complementizer,
    a preposition, a time word or a cue) unless a title opened the NP (النائب طارق البزاز)."""
    w = W[j]
    if not 1 <= names <= 2 or W[j - 1] in NAME_LINKS or definite(W[j - 1]) or w.startswith(("وال", "فال")):
        return False
    b = w[2:]
    if len(b) < 3 or b.endswith(_NOUN_ENDINGS) or (len(b) >= 6 and b.endswith(_PLURAL_ENDINGS)) \
            or head_kind(w, lex) or w in TIME_WORDS:
        return False
    if j + 1 >= lim or titled:
        return True
    nxt = W[j + 1]
    return (is_punct(nxt) or nxt in COMPLEMENTIZERS or nxt in PREPOSITIONS or nxt in TIME_WORDS
            or nxt in NAME_LINKS or nxt in ("قوله", "قولها") or (nxt in cue_forms and cue_forms[nxt].kind != "noun"))


def split_role(W: list[str], i: int, e: int, lex: Lexicons) -> int:
    """Index where the name starts inside a title+name NP ``W[i:e]``; ``i`` when there is no title
    or no name (the whole NP is then the source)."""
    if head_kind(W[i], lex) != "role":
        return i
    expect_gen = not definite(W[i])
    seen_def = definite(W[i])
    j = i + 1
    while j < e:
        w = W[j]
        if w == "#":
            j += 1
            continue
        if w == "#" and j + 1 < lim and not is_punct(W[j + 1]):
            j += 1  # a hashtag: #سلطان_بن_سحيم
            continue
        if is_punct(w):
            if w in QUOTE_CHARS or w == "(":
                k = _closing_quote(W, j, e + 1)
                j = (k + 1) if k > j else j + 1
                continue
            j += 1
            continue
        if w == "باسم" or (w.startswith("ل") and not definite(w) and head_kind(w[1:], lex)):
            expect_gen = True
            j += 1
            continue
        if w in ("في", "من", "لدي"):
            expect_gen = True  # السفير لدى إسرائيل
            j += 1
            continue
        if w.startswith("ل") and not definite(w) and len(w) > 3 and j + 2 < e and definite(W[j + 1]):
            expect_gen = True  # مفوض الأمم المتحدة السامي لحقوق الإنسان
            j += 1
            continue
        if expect_gen:
            expect_gen = not definite(w) and (bool(head_kind(w, lex)) or w.endswith("ة"))
            seen_def = seen_def or definite(w)
            j += 1
            continue
        if definite(w) and j + 1 < e and W[j + 1] in _FILIATION and seen_def:
            return j  # وزير التربية الهادي بن سالم: a name that starts with the article
        if definite(w) or (is_adj(w) and not seen_def) or (w[0] in "وف" and definite(w[1:])) or head_kind(w, lex):
            seen_def = seen_def or definite(w)
            j += 1
            continue
        return j if j < e else i
    return i


def classify(words: list[str], lex: Lexicons, has_name: bool) -> tuple[str, bool]:
    """(source_type, anonymous) for the speaker NP ``words`` (normalised)."""
    if len(words) > 1 and words[0] in _DEMONSTRATIVES | {"احد", "احدي"}:
        words = words[1:]  # هذا الموقع; أحد السكان is classed by السكان
    if not words:
        return "organization", False
    text = " ".join(words)
    first = words[0]
    k = head_kind(first, lex)
    if k == "anon" or lex.anon_phrase_re.search(text):
        return "anonymous", True
    if k == "media" or (lex.media_re.fullmatch(text) is not None):
        if first in ("وكالة", "الوكالة") and len(words) > 1 and words[1] not in ("الانباء", "انباء") \
                and not any(w in lex.media_names or w in '"“”«»' for w in words[1:]):
            return "organization", False
        return "media", False
    if has_name:
        return "person", False
    if text in lex.countries:
        return "organization", False
    if k == "role":
        return "official", False
    if k == "group":
        return "group", False
    if k == "document":
        return "document", False
    if k in ("org", "construct"):
        return "organization", False
    if definite(first):
        return "organization", False
    return "person", False
