"""Publication timestamps: RFC 2822, ISO 8601 and plain dates, always timezone-aware."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_RFC2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
# The common shape of RFC 2822 (every ANT timestamp), built directly: email.utils is ~10x slower.
_RFC2822_PLAIN = re.compile(r"(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2})"
                            r"(?::(\d{2}))?\s+(?:(GMT|UTC?|Z)|([+-])(\d{2})(\d{2}))")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                        "oct", "nov", "dec"), 1)}
_EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$|^\d{13}$")
_ISO_Z = re.compile(r"(?<=\d)[zZ]$")
_PLAIN_FORMATS = (
    "%Y/%m/%d", "%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%d/%m/%Y", "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S", "%d-%m-%Y", "%d.%m.%Y", "%Y.%m.%d", "%d %B %Y", "%d %b %Y",
    "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%d %B %Y %H:%M", "%Y%m%d",
)


@lru_cache(maxsize=64)
def zone(name: str) -> tzinfo:
    """The tzinfo for an IANA zone name ("UTC" gives ``timezone.utc``)."""
    if name.upper() in ("UTC", "GMT", "Z"):
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


def _aware(dt: datetime, default_tz: str) -> datetime:
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=zone(default_tz))


def _rfc2822_plain(m: re.Match[str]) -> datetime:
    day, month, year, hour, minute, second, _, sign, hh, mm = m.groups()
    offset = timedelta(hours=int(hh), minutes=int(mm)) if sign else timedelta(0)
    if sign == "-":
        offset = -offset
    tz = timezone.utc if not offset else timezone(offset)
    return datetime(int(year), _MONTHS[month.lower()], int(day), int(hour), int(minute),
                    int(second or 0), tzinfo=tz)


def parse_published(value: str, default_tz: str = "UTC") -> datetime:
    """Parse a publication timestamp into a timezone-aware datetime.

    Accepts RFC 2822 (``Sat, 14 Apr 2018 02:49:02 GMT``), ISO 8601 with or without a zone
    (``2018-04-14T02:49:02+03:00``, ``2018-04-14 02:49``, ``2018-04-14``), Unix epoch seconds
    and common plain dates (``14/04/2018``, ``14 April 2018``). A value without a zone is taken
    to be in ``default_tz``. Raises ValueError for anything else.
    """
    raw = value
    zone(default_tz)  # an unknown zone is an error even when the value carries its own
    value = str(value).strip().translate(_EASTERN_DIGITS)
    if not value:
        raise ValueError("empty timestamp")
    m = _RFC2822_PLAIN.fullmatch(value)
    if m is not None and m.group(2).lower() in _MONTHS:
        try:
            return _rfc2822_plain(m)
        except ValueError:
            pass  # e.g. 31 Feb: the general parser reports it
    if _RFC2822.match(value):
        try:
            dt = parsedate_to_datetime(value)
            # RFC 2822 "-0000" means UTC with no local zone known; never the default zone.
            return dt if dt.tzinfo is not None else dt.replace(tzinfo=timezone.utc)
        except (TypeError, ValueError, IndexError):
            pass
    if _EPOCH.match(value):
        seconds = float(value) / (1000 if len(value) == 13 else 1)
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    try:
        return _aware(datetime.fromisoformat(_ISO_Z.sub("+00:00", value)), default_tz)
    except ValueError:
        pass
    for fmt in _PLAIN_FORMATS:
        try:
            return _aware(datetime.strptime(value, fmt), default_tz)
        except ValueError:
            continue
    raise ValueError(f"unrecognised timestamp {raw!r} (expected RFC 2822, ISO 8601 or a plain date)")
