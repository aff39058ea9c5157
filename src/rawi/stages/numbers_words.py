"""Arabic number words and digit strings to values (``ثلاثة وعشرين ألفا`` → 23000)."""

from __future__ import annotations

import math
import re

from rawi.stages.dates_norm import alternation, fold_word, load_tsv

def _load() -> tuple[dict[str, tuple[float, str]], frozenset[str]]:
    """(folded word -> (value, type)) and the vague plurals, from number_words.tsv."""
    words: dict[str, tuple[float, str]] = {}
    vague: set[str] = set()
    for row in load_tsv("number_words.tsv", 3):
        key = " ".join(fold_word(row[0]).split())
        if row[2] == "vague":
            vague.add(key)
        elif row[2] != "ordinal":
            words.setdefault(key, (float(row[1]), row[2]))
    return words, frozenset(vague)


WORDS, VAGUE_WORDS = _load()
_BY_TYPE: dict[str, frozenset[str]] = {
    t: frozenset(w for w, (_, tt) in WORDS.items() if tt == t) for t in {t for _, t in WORDS.values()}
}

CARDINAL = alternation(_BY_TYPE["unit"] | _BY_TYPE["ten"] | _BY_TYPE["hundred"] | _BY_TYPE["teen_part"])
SCALE = alternation(_BY_TYPE["scale"] | _BY_TYPE["dual"])
VAGUE = alternation({w for w in VAGUE_WORDS if " " not in w})
FRACTION = alternation(_BY_TYPE["fraction"])
WORD = rf"(?:{CARDINAL}|{SCALE})"
# a run of number words joined by spaces and the conjunction و
WORDNUM = rf"(?:{WORD})(?:(?:\s+و\s*|\s+)(?:{WORD}))*"
TENS = alternation(_BY_TYPE["ten"])
PLURAL_SCALES = frozenset(fold_word(w) for w in ("آلاف", "ملايين", "مليارات", "بلايين", "تريليونات"))
_TOKEN = re.compile(rf"(?:(?<=\s)و|^و)?({WORD})(?!\w)")


def words_value(s: str) -> float | None:
    """Value of a folded run of number words, or None if it is not a well-formed number."""
    total, cur, prev_t = 0.0, 0.0, ""
    toks = [m.group(1) for m in _TOKEN.finditer(s)]
    if not toks:
        return None
    if toks[0] in PLURAL_SCALES:
        return None
    for tok in toks:
        v, t = WORDS[" ".join(tok.split())]
        if t == "teen_part":
            cur += v
        elif t in ("unit", "ten"):
            if v == 10 and prev_t in ("unit", "teen_part") and 0 < cur % 10 < 10 and tok.startswith("عشر"):
                cur += 10
            else:
                cur += v
        elif t == "hundred":
            cur = cur * v if v == 100 and 0 < cur < 10 else cur + v
        elif t == "scale":
            total += (cur or 1) * v
            cur = 0
        elif t == "dual":
            total += v if cur == 0 else cur * v / 2
            cur = 0
        prev_t = t
    return total + cur


def digits_value(s: str, before_scale: bool) -> float | None:
    """Value of a folded digit string with , or . separators."""
    s = s[2:] if s.startswith("ال") else s
    if sum(ch.isdigit() for ch in s) > 15:
        return None  # a code or an identifier, not a quantity
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s) and not before_scale:
        return float(s.replace(".", ""))
    if re.fullmatch(r"\d+,\d{1,2}", s):
        return float(s.replace(",", "."))
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def scale_value(s: str) -> float:
    v, t = WORDS[" ".join(s.split())]
    return v / 2 if t == "dual" else v


def tidy(v: float | None) -> float | int | None:
    """An int when the value is whole (up to float noise), else the float rounded to 6 places."""
    if v is None or not math.isfinite(v):
        return None
    r = round(v)
    if abs(v - r) <= 1e-9 * max(1.0, abs(v)):
        return int(r)
    return round(v, 6) if abs(v) >= 1 else v
