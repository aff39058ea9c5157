"""Calendar arithmetic for date resolution: ISO values, shifts, thirds of a period, Hijri."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class Value:
    """A resolved date: ``start``..``end`` (inclusive) shown at ``gran`` (day, month, year)."""

    start: date
    end: date
    gran: str  # day | month | year

    def iso(self) -> str:
        a, b = fmt(self.start, self.gran), fmt(self.end, self.gran)
        return a if a == b else f"{a}/{b}"

    @property
    def granularity(self) -> str:
        return self.gran if fmt(self.start, self.gran) == fmt(self.end, self.gran) else "range"


def fmt(d: date, gran: str) -> str:
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def day(d: date) -> Value:
    return Value(d, d, "day")


def month(y: int, m: int) -> Value:
    return Value(date(y, m, 1), month_end(y, m), "month")


def year(y: int) -> Value:
    return Value(date(y, 1, 1), date(y, 12, 31), "year")


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def shift(v: Value, n: int, unit: str) -> Value:
    """``v`` moved by ``n`` units (day, week, month, year, hour), kept at ``v``'s granularity."""
    d = v.start
    if unit == "day":
        d = d + timedelta(days=n)
    elif unit == "hour":
        d = d + timedelta(days=int(n / 24) if abs(n) >= 24 else 0)
    elif unit == "week":
        d = d + timedelta(weeks=n)
    elif unit == "month":
        d = add_months(d, n)
    elif unit == "year":
        d = add_months(d, 12 * n)
    gran = v.gran
    if unit == "month" and gran == "day" and v.start == v.end:
        gran = "day"
    if gran == "year":
        return year(d.year)
    if gran == "month":
        return month(d.year, d.month)
    return day(d)


def iso_week(d: date, offset: int = 0) -> Value:
    monday = d - timedelta(days=d.weekday()) + timedelta(weeks=offset)
    return Value(monday, monday + timedelta(days=6), "day")


def part(v: Value, which: str) -> Value:
    """First, middle or last third (``begin``/``mid``/``end``) of a month, year or week."""
    s, e = v.start, v.end
    if v.gran == "year" or (s.month == 1 and s.day == 1 and e.month == 12 and e.day == 31):
        bounds = {"begin": (1, 4), "mid": (5, 8), "end": (9, 12)}[which]
        return Value(date(s.year, bounds[0], 1), month_end(s.year, bounds[1]), "day")
    if v.gran == "month" or (s.day == 1 and e == month_end(s.year, s.month)):
        if which == "begin":
            return Value(s, date(s.year, s.month, 10), "day")
        if which == "mid":
            return Value(date(s.year, s.month, 11), date(s.year, s.month, 20), "day")
        return Value(date(s.year, s.month, 21), e, "day")
    n = (e - s).days + 1
    if n == 7:
        a, b = {"begin": (0, 1), "mid": (2, 4), "end": (5, 6)}[which]
        return Value(s + timedelta(days=a), s + timedelta(days=b), "day")
    return v


def weekday_before(ref: date, iso_wd: int) -> date:
    """The most recent day with ISO weekday ``iso_wd`` on or before ``ref``."""
    return ref - timedelta(days=(ref.isoweekday() - iso_wd) % 7)


def weekday_after(ref: date, iso_wd: int) -> date:
    """The next day with ISO weekday ``iso_wd`` strictly after ``ref``."""
    return ref + timedelta(days=(iso_wd - ref.isoweekday() - 1) % 7 + 1)


def day_month_before(ref: date, m: int, d: int, future: bool = False) -> date | None:
    """The most recent (or, with ``future``, the next) ``d``/``m`` relative to ``ref``."""
    step = 1 if future else -1
    for y in range(ref.year, ref.year + 5 * step, step):  # five years cover 29 February
        try:
            cand = date(y, m, d)
        except ValueError:
            continue
        if (cand >= ref) if future else (cand <= ref):
            return cand
    return None


# Tabular (arithmetical) Islamic calendar: good to a day or two against the observed one.
_HIJRI_EPOCH = 1948439  # Julian day number of 1 Muharram 1 AH


def hijri_to_gregorian(y: int, m: int, d: int) -> date:
    jdn = d + ((59 * (m - 1) + 1) // 2) + 354 * (y - 1) + (3 + 11 * y) // 30 + _HIJRI_EPOCH - 1
    return date.fromordinal(jdn - 1721425)


def gregorian_to_hijri(g: date) -> tuple[int, int, int]:
    jdn = g.toordinal() + 1721425
    y = (30 * (jdn - _HIJRI_EPOCH) + 10646) // 10631
    while hijri_to_gregorian(y, 1, 1) > g:
        y -= 1
    m = 12
    while hijri_to_gregorian(y, m, 1) > g:
        m -= 1
    return y, m, (g - hijri_to_gregorian(y, m, 1)).days + 1


def hijri_month(y: int, m: int) -> Value:
    start = hijri_to_gregorian(y, m, 1)
    nxt = hijri_to_gregorian(y + (m == 12), m % 12 + 1, 1)
    return Value(start, nxt - timedelta(days=1), "day")


def hijri_year(y: int) -> Value:
    return Value(hijri_to_gregorian(y, 1, 1), hijri_to_gregorian(y + 1, 1, 1) - timedelta(days=1), "day")
