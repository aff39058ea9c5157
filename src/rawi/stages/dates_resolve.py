"""Resolution of matched date expressions against the publication date and the text so far.

:class:`Resolver` has one method per alternative of :data:`dates_patterns.PATTERN`; each
returns ``(Value | None, kind)`` for a date mention or ``None`` to reject the match. It keeps
the previous resolved mention, so ``يوم 28 من الشهر ذاته`` or ``بعد شهرين`` can use it.
"""

from __future__ import annotations

import re
from datetime import date

from rawi.stages import dates_calendar as cal
from rawi.stages.dates_calendar import Value
from rawi.stages.dates_patterns import FUTURE_CUE, LEX, MONTH_RE, ORDINAL_DAYS, SENTENCE_BREAK, _squash

_WORD = re.compile(r"\w+")
# a verb with the future prefix س (سيستقبل, ستعقد) shortly before the date
_FUTURE_VERB = re.compile(r"(?<!\w)[وف]?(س[يت]\w{3,5})(?!\w)(?:\s*[,،]?\s+\w+){0,2}\s*[,،]?\s+$")
_WAS_BEFORE = re.compile(r"(?<!\w)(?:كان|كانت|وكان|وكانت)\s+(?:من\s+)?$")
SKIP = ("skip", None)  # a handler's answer: consume the match, no mention
_NAME_BEFORE_DATE = frozenset(LEX.by_type.get("name_before_date", {}))
_NOT_FUTURE_VERB = frozenset(LEX.by_type.get("not_future_verb", {}))
_ITHNAYN = {"الاثنين"}  # "Monday" and also "the two"
_PLURAL_BEFORE = re.compile(r"(?<!\w)(ال\w{2,}ين)\s+$")
_SINGULAR_IN = frozenset(LEX.by_type.get("singular_in", {}))
_NOT_AFTER_TODAY = set(LEX.by_type.get("not_after_today", {}))
_NOT_BEFORE_WD = set(LEX.by_type.get("not_before_weekday", {}))
_PREV_WORD = re.compile(r"(\w+)\s*$")
_MONTH_PREP_BEFORE = re.compile(r"(?<!\w)[وف]?(?:في|منذ|حتي|خلال|بحلول|من|الي)\s+$")
_YEAR_NEXT = re.compile(r"\s*\d{4}(?!\d)")
_DAY_UNIT = {"day": "day", "hour": "day", "week": "day", "month": "month", "year": "year"}


def _day_value(tok: str | None) -> int | None:
    if not tok:
        return None
    tok = _squash(tok)
    if tok.startswith("ال") and tok[2:].isdigit():
        tok = tok[2:]
    if tok.isdigit():
        return int(tok)
    return ORDINAL_DAYS.get(tok)


def _month_of(s: str) -> tuple[int, str, bool, int]:
    """(month, calendar, all-strict, how many names) for a matched month phrase."""
    found = [LEX.months[_squash(m.group(0))] for m in MONTH_RE.finditer(s)]
    num, calname, _ = found[0]
    return num, calname, all(f[2] for f in found), len(found)


def _is_future(norm: str, start: int, rel: str | None, after: int = 0) -> bool:
    """Whether a date at ``start`` names a coming day: a future word after it, or a future cue
    (المقرر, سيستقبل) shortly before it in the same sentence with no other date mention in
    between (``after`` is the end of the previous mention)."""
    if rel:
        key = _squash(rel)
        if key in LEX.by_type["future"]:
            return True
        if key in LEX.by_type["past"] or key in LEX.by_type["current"]:
            return False
    lo = max(0, start - 60, after)
    window = norm[lo:start]
    cut = max((m.end() for m in SENTENCE_BREAK.finditer(window)), default=0)
    cue = None
    for cue in FUTURE_CUE.finditer(window, cut):
        pass
    if cue is not None and not _WAS_BEFORE.search(window, max(0, cue.start() - 12), cue.start()):
        return True  # المقرر / اعتبارا من ..., but not كان من المقرر
    near = _FUTURE_VERB.search(norm, max(lo + cut, start - 30, after), start)
    return bool(near) and near.group(1) not in _NOT_FUTURE_VERB and not _WAS_BEFORE.search(
        norm, max(0, near.start() - 12), near.start())


def _rel_year(rel: str, pub: date) -> int | None:
    key = _squash(rel)
    if key.startswith("من "):
        key = key[3:]
    t = LEX.relative.get(key)
    if t and t[0] == "year":
        return pub.year + int(t[1])
    if key in ("هذا العام", "هذه السنه", "ذات العام", "نفس العام", "العام نفسه", "العام ذاته"):
        return pub.year
    return None


def _year_num(m: re.Match, g: str, era: str | None) -> tuple[int, bool]:
    y = int(re.search(r"\d{4}", m.group(g)).group(0))
    return y, bool(era and era.startswith("ه") or (era or "").endswith("هجره"))


class Resolver:
    """Resolves the matches of one text, left to right."""

    def __init__(self, norm: str, pub: date | None) -> None:
        self.norm = norm
        self.pub = pub
        self.last: Value | None = None
        self.last_day: Value | None = None  # the last mention resolved to a single day
        self.last_pos = 0  # folded end of the last resolved mention
        self.last_year: tuple[int, int] | None = None  # (year, end) of the last year written in digits
        self.day_memo: dict[tuple[int, int], int] = {}  # (month, day) -> year already resolved
        self.month_year: dict[int, int] = {}  # month -> year of its last mention with a year

    def remember(self, value: Value, end: int) -> None:
        """Note a resolved mention ending at folded offset ``end`` as the anchor for later ones."""
        self.last, self.last_pos = value, end
        if value.gran == "day" and value.start == value.end:
            self.last_day = value

    def month_expr(self, m: re.Match) -> tuple[Value | None, str] | None:
        mon_s = m.group("m_mon")
        num, calname, strict, names = _month_of(mon_s)
        d1, d2 = _day_value(m.group("m_d1")), _day_value(m.group("m_d2"))
        yr, rel, mod = m.group("m_yr"), m.group("m_rel"), m.group("m_mod")
        if strict and names < 2 and not (d1 or yr or m.group("m_sh") or rel or m.group("m_mon2")
                                         or m.group("m_wk") or mod
                                         or _MONTH_PREP_BEFORE.search(self.norm, max(0, m.start() - 8),
                                                                      m.start())):
            return None
        if d1 and not yr and not rel:
            prev = _PREV_WORD.search(self.norm, max(0, m.start() - 20), m.start())
            if prev and prev.group(1) in _NAME_BEFORE_DATE:
                return SKIP  # فريق 14 آذار, ثورة 25 يناير: a name, not a date
        if (d1 and d1 > 31) or (d2 and d1 and d2 <= d1):
            d2 = None
        kind = "relative" if mod and rel and not yr else "absolute"
        hijri = calname == "hijri"
        year: int | None = None
        if yr:
            year, era_h = _year_num(m, "m_yr", m.group("m_era"))
            hijri = hijri or era_h
        elif rel:
            year = _rel_year(rel, self.pub) if self.pub else None
            if year is None and self.pub and _squash(rel) in LEX.by_type["current"]:
                year = self.pub.year
        num2 = _month_of(m.group("m_mon2"))[0] if m.group("m_mon2") else None
        if hijri:
            future = bool(rel) and _squash(rel) in LEX.by_type["future"]
            return self._hijri(num, year, d1, future), kind
        if year is None and not rel:
            year = self.day_memo.get((num, d1)) if d1 else None
            if year is None:
                year = self.month_year.get(num)
            if year is None and self.last_year is not None and self.last_year[1] == self.last_pos \
                    and m.start() - self.last_pos < 150:
                year = self.last_year[0]  # في أيار/مايو من عام 1958 ... في تموز/يوليو
        if year is None:
            if self.pub is None:
                return (None, kind)
            future = _is_future(self.norm, m.start(), rel, self.last_pos)
            if d1:
                d = cal.day_month_before(self.pub, num, d1, future)
                if not future and not rel and d is not None:
                    # a day-month without year almost a year back is more likely the coming one
                    nxt = cal.day_month_before(self.pub, num, d1, True)
                    if nxt and (self.pub - d).days >= 300 and (nxt - self.pub).days <= 60:
                        d = nxt
                if d is None:
                    return (None, kind)
                year = d.year
            else:
                ref = self.pub.year * 12 + self.pub.month
                cand = self.pub.year * 12 + num
                if future:
                    year = self.pub.year + (cand <= ref if rel else cand < ref)
                else:
                    year = self.pub.year - (cand > ref)
        if yr:
            self.month_year[num] = year
            self.last_year = (year, m.end())
        if d1:
            self.day_memo[(num, d1)] = year
        try:
            if m.group("m_wk"):
                return self._week_of_month(year, num, m.group("m_wk")), kind
            if d1:
                v = Value(date(year, num, d1), date(year, num, d2 or d1), "day")
            elif num2:
                y2 = year + (num2 < num)
                v = Value(date(year, num, 1), cal.month_end(y2, num2), "month")
            else:
                v = cal.month(year, num)
        except ValueError:
            return (None, kind)
        if mod:
            v = cal.part(v, LEX.by_type["modifier"][_squash(mod)])
        return v, kind

    def _week_of_month(self, year: int, num: int, wk: str) -> Value:
        which = _squash(wk).split()[-1]
        end = cal.month_end(year, num)
        if which == "الاخير":
            return Value(date(year, num, end.day - 6), end, "day")
        idx = {"الاول": 0, "الثاني": 1, "الثالث": 2, "الرابع": 3}[which]
        return Value(date(year, num, 1 + 7 * idx), date(year, num, 7 + 7 * idx), "day")

    def _hijri(self, num: int, year: int | None, d1: int | None, future: bool = False) -> Value | None:
        if year is None:
            if self.pub is None:
                return None
            hy, hm, _ = cal.gregorian_to_hijri(self.pub)
            if future:
                year = hy if num > hm else hy + 1
            else:
                year = hy if num <= hm else hy - 1
        if 1800 <= year <= 2100:  # رمضان 2018: a Hijri month named with its Gregorian year
            hy, hm, _ = cal.gregorian_to_hijri(date(year, 1, 1))
            year = hy if num >= hm else hy + 1
        if not 1 <= year <= 1600:
            return None
        if d1:
            try:
                return cal.day(cal.hijri_to_gregorian(year, num, d1))
            except (ValueError, OverflowError):
                return None
        return cal.hijri_month(year, num)

    def weekday_expr(self, m: re.Match) -> tuple[Value | None, str] | None:
        wd_s = _squash(m.group("w_wd"))
        before = self.norm[max(0, m.start() - 30):m.start()]
        if wd_s in _ITHNAYN and not m.group("w_dp") and not m.group("w_today"):
            pl = _PLURAL_BEFORE.search(before)
            if pl and pl.group(1) not in _SINGULAR_IN:
                return None  # الضابطين الاثنين: "the two officers"
        prev = _PREV_WORD.search(before)
        if prev and prev.group(1) in _NOT_BEFORE_WD and not m.group("w_dp"):
            return None
        if self.pub is None:
            return None, "relative"
        iso = LEX.weekdays[wd_s]
        rel = m.group("w_rel")
        if m.group("w_today") == "امس":
            d = cal.shift(cal.day(self.pub), -1, "day").start
        elif _is_future(self.norm, m.start(), rel, self.last_pos) and not (rel and _squash(rel) in LEX.by_type["past"]):
            d = cal.weekday_after(self.pub, iso) if rel else \
                (self.pub if self.pub.isoweekday() == iso else cal.weekday_after(self.pub, iso))
        else:
            d = cal.weekday_before(self.pub, iso)
            if rel and _squash(rel) in LEX.by_type["past"] and d == self.pub:
                d = cal.shift(cal.day(d), -7, "day").start  # السبت الماضي written on a Saturday
        v = cal.day(d)
        if m.group("w_wd2"):
            iso2 = LEX.weekdays[_squash(m.group("w_wd2"))]
            if iso2 == iso % 7 + 1:
                dp = _squash(m.group("w_dp") or "")
                if dp.startswith("منتصف"):
                    v = cal.day(cal.shift(v, 1, "day").start)
                else:
                    v = Value(d, cal.shift(v, 1, "day").start, "day")
        return v, "relative"

    def dom_expr(self, m: re.Match) -> tuple[Value | None, str]:
        d = _day_value(m.group("o_d"))
        which = _squash(m.group("o_m"))
        base: Value | None
        if any(w in which for w in ("ذاته", "نفسه", "نفس", "ذات")):
            base = self.last
        elif self.pub is None:
            base = None
        elif any(w in which for w in LEX.by_type["past"]):
            base = cal.month(*divmod_month(self.pub, -1))
        elif any(w in which for w in LEX.by_type["future"]):
            base = cal.month(*divmod_month(self.pub, 1))
        else:
            base = cal.month(self.pub.year, self.pub.month)
        if base is None or d is None:
            return None, "relative"
        try:
            return cal.day(date(base.start.year, base.start.month, d)), "relative"
        except ValueError:
            return None, "relative"

    def ago_expr(self, m: re.Match) -> tuple[Value | None, str] | None:
        unit_s = _squash(m.group("a_u"))
        arg = LEX.by_type["unit"][unit_s].split()
        unit, count = arg[0], int(arg[1]) if len(arg) > 1 else None
        n_s = m.group("a_n")
        if n_s:
            n = int(n_s) if n_s.isdigit() else LEX.cardinals.get(_squash(n_s))
            if n is None or count is not None:
                return None
        elif count is not None:
            n = count
        elif unit_s in ("يوم", "اسبوع", "شهر", "عام", "سنه", "ساعه"):
            n = 1
        else:
            return None  # قبل أيام: vague
        before = self.norm[max(0, m.start() - 12):m.start()]
        if re.search(r"(?:يوما|عاما|شهرا|ساعه|سنه)\s+$", before):
            return None  # يوما بعد يوم
        if unit == "hour" and m.group("a_of") is None:
            return None  # بعد ثلاث ساعات: a duration within the day, not a date
        if not m.group("a_n") and _YEAR_NEXT.match(self.norm, m.end("a_u")):
            return None  # بعد عام 2025: the year is the date
        sign = -1 if m.group("a_dir") == "قبل" else 1
        if m.group("a_of") is not None:
            # "N units before/after <event>": the event is dated only by a date in the same sentence
            if self.last is None or SENTENCE_BREAK.search(self.norm, self.last_pos, m.start()):
                return None if unit == "hour" else (None, "relative")  # hours: a duration
            base = self.last
        elif sign > 0 and self.last is not None:
            base = self.last
        else:
            base = cal.day(self.pub) if self.pub else None
        if base is None:
            return None, "relative"
        if base is not self.last:
            base = Value(base.start, base.end, _DAY_UNIT[unit])
        return cal.shift(base, sign * n, unit), "relative"

    def season_expr(self, m: re.Match) -> tuple[Value | None, str]:
        a, b = (int(x) for x in LEX.by_type["season"][_squash(m.group("s_name"))].split("-"))
        if m.group("s_yr"):
            year, kind = int(re.search(r"\d{4}", m.group("s_yr")).group(0)), "absolute"
        elif self.pub is None:
            return None, "relative"
        else:
            kind = "relative"
            rel = _squash(m.group("s_rel"))
            year = _rel_year(rel, self.pub)
            if year is None:
                year = self.pub.year
                if rel in LEX.by_type["past"] and self.pub.month <= b:
                    year -= 1
                elif rel in LEX.by_type["future"] and self.pub.month >= a:
                    year += 1
        if a > b:  # winter: December of the year before to February
            return Value(date(year - 1, a, 1), cal.month_end(year, b), "month"), kind
        return Value(date(year, a, 1), cal.month_end(year, b), "month"), kind

    def rel_expr(self, m: re.Match) -> tuple[Value | None, str] | None:
        word = _squash(m.group("r_word"))
        typ, arg = LEX.relative[word]
        if word == "اليوم":
            nxt = _WORD.match(self.norm, m.end() + 1) if m.end() < len(self.norm) else None
            if nxt and nxt.group(0) in _NOT_AFTER_TODAY:
                return None
        v: Value | None = None
        if typ == "vague":
            return None, "relative"
        if typ in ("same", "next"):
            if self.last is None:
                return None, "relative"
            if typ == "same":
                base = self.last
                if arg == "day":
                    base = self.last_day
                    if base is None:
                        return None, "relative"
                v = {"day": base, "month": cal.month(base.start.year, base.start.month),
                     "year": cal.year(base.start.year)}[arg]
            else:
                v = cal.day(cal.shift(cal.day(self.last.start), int(arg), "day").start)
        elif self.pub is None:
            return None, "relative"
        elif typ == "day":
            v = cal.day(cal.shift(cal.day(self.pub), int(arg), "day").start)
        elif typ == "week":
            v = cal.iso_week(self.pub, int(arg))
        elif typ == "month":
            v = cal.month(*divmod_month(self.pub, int(arg)))
        elif typ == "year":
            v = cal.year(self.pub.year + int(arg))
        elif typ == "earlier":
            period = {"month": cal.month(self.pub.year, self.pub.month), "week": cal.iso_week(self.pub),
                      "year": cal.year(self.pub.year)}[arg]
            end = cal.shift(cal.day(self.pub), -1, "day").start
            v = Value(period.start, max(period.start, end), "day")
        mod = m.group("r_mod")
        if mod and v is not None:
            if typ not in ("week", "month", "year", "same"):
                return None
            v = cal.part(v, LEX.by_type["modifier"][_squash(mod)])
        return v, "relative"

    def year_expr(self, m: re.Match) -> tuple[Value | None, str] | None:
        y, hijri = _year_num(m, "y_y", m.group("y_era"))
        kw, mod = m.group("y_kw"), m.group("y_mod")
        self.last_year = (y, m.end())
        if not (kw or mod or m.group("y_era")) and not 1800 <= y <= 2099:
            return None
        if hijri or (not kw and y < 1500 and m.group("y_era")):
            v = cal.hijri_year(y)
        else:
            v = cal.year(y)
            if m.group("y_y2"):
                y2 = int(m.group("y_y2"))
                if y2 > y:
                    v = Value(date(y, 1, 1), date(y2, 12, 31), "year")
        if mod:
            v = cal.part(v, LEX.by_type["modifier"][_squash(mod)])
        return v, "absolute"

    def num_expr(self, m: re.Match) -> tuple[Value | None, str] | None:
        try:
            if m.group("ny"):
                return cal.day(date(int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))), "absolute"
            return cal.day(date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))), "absolute"
        except ValueError:
            return None


def divmod_month(d: date, n: int) -> tuple[int, int]:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return y, m + 1


