"""Appositions after a speaker NP: the title or the name between commas.

``apposition`` works on the normalised word list (see
:class:`~rawi.stages.attribution.textutil.Tokens`) and is used by the verb frame parser.
"""

from __future__ import annotations

from rawi.stages.attribution.cues import cue_lexicon
from rawi.stages.attribution.lexicons import COMPLEMENTIZERS, lexicons
from rawi.stages.attribution.speakers import definite, head_kind, np_extent, split_role

Span = tuple[int, int]
_COMMAS = ("،", ",")


def apposition(W: list[str], src: Span, j: int, lim: int,
               role: Span | None) -> tuple[Span, int, Span | None]:
    """Appositions after the speaker NP ending at word ``j``: a title after a name
    (فرانز كلينتسيفيش، النائب الأول …، / منية الشابي، الكاتبة العامة للنقابة، / أحمد الدوري، وهو
    تاجر،) becomes the role; a name after a title (الرئيس الأمريكي، دونالد ترامب،) becomes the
    source. Word ranges in, and out: (source, the word after the apposition, role)."""
    lex = lexicons()
    forms = cue_lexicon().forms
    if not (j + 1 < lim and W[j] in _COMMAS):
        return src, j, role
    a = j + 2 if W[j + 1] in ("وهو", "وهي") else j + 1
    nxt = W[a] if a < lim else ""
    e = np_extent(W, a, lim, lex, forms, allow_pp=True)
    if a > j + 1 and e < lim and W[e] not in _COMMAS:
        # وهي من سكان البلدة،: a descriptive clause up to the next comma
        e = next((m for m in range(a + 1, min(lim, a + 12)) if W[m] in _COMMAS or W[m] in forms), e)
        if W[e] in forms:
            return src, j, role
    if not (e > a and (e >= lim or W[e] in _COMMAS or W[e] in COMPLEMENTIZERS or W[e] == ":")):
        return src, j, role
    after = e + 1 if e < lim and W[e] in _COMMAS else e
    head = head_kind(W[src[0]], lex)
    named = head != "role" or split_role(W, src[0], src[1], lex) > src[0]
    if named and not head and a == j + 1 and not head_kind(nxt, lex) and not definite(nxt):
        return src, j, role  # two names in a row: a list, not an apposition
    if named and head not in ("org", "media", "anon", "group", "document") and (
            head_kind(nxt, lex) == "role" or a > j + 1 or (not head and definite(nxt) and e - a <= 6)):
        if role is None and head != "role":
            role = (a, e)  # (a title before the name stays the role: العقيد ماهر الخطيب)
        return src, after, role
    if head == "role" and not head_kind(nxt, lex) and e - j <= 5:
        return (a, e), after, src
    if head == "role" and head_kind(nxt, lex) == "role" and a == j + 1:
        r = split_role(W, a, e, lex)  # المتحدث باسم المديرية، العقيد ماهر الخطيب،
        if a < r < e:
            return (r, e), after, src
    return src, j, role
