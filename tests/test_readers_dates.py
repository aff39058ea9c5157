"""Publication timestamps."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rawi.readers.dates import parse_published


@pytest.mark.parametrize("value,iso", [
    ("Sat, 14 Apr 2018 02:49:02 GMT", "2018-04-14T02:49:02+00:00"),
    ("Sat, 14 Apr 2018 03:23:29 +0400", "2018-04-14T03:23:29+04:00"),
    ("14 Apr 2018 03:23:29 -0000", "2018-04-14T03:23:29+00:00"),
    ("2018-04-14T02:49:02Z", "2018-04-14T02:49:02+00:00"),
    ("2018-04-14T05:49:02+03:00", "2018-04-14T05:49:02+03:00"),
    ("2018-04-14 02:49", "2018-04-14T02:49:00+00:00"),
    ("2018-04-14", "2018-04-14T00:00:00+00:00"),
    ("14/04/2018", "2018-04-14T00:00:00+00:00"),
    ("٢٠١٨/٠٤/١٤", "2018-04-14T00:00:00+00:00"),
    ("14 April 2018", "2018-04-14T00:00:00+00:00"),
    ("1523674142", "2018-04-14T02:49:02+00:00"),
])
def test_readers_dates_formats(value, iso):
    dt = parse_published(value)
    assert dt.tzinfo is not None and dt.isoformat() == iso


def test_readers_dates_default_timezone_only_for_naive_values():
    assert parse_published("2018-04-14 10:00", "Asia/Riyadh").utcoffset() == timedelta(hours=3)
    assert parse_published("2018-04-14T10:00+01:00", "Asia/Riyadh").utcoffset() == timedelta(hours=1)
    assert parse_published("Sat, 14 Apr 2018 02:49:02 GMT", "Asia/Riyadh").utcoffset() == timedelta(0)


@pytest.mark.parametrize("value", ["", "   ", "yesterday", "2018-13-45", "قبل ساعتين"])
def test_readers_dates_unparseable_raises_value_error(value):
    with pytest.raises(ValueError):
        parse_published(value)


def test_readers_dates_unknown_zone_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown time zone"):
        parse_published("2018-04-14", "Mars/Olympus")


@settings(max_examples=300, deadline=None)
@given(
    day=st.integers(1, 31), month=st.sampled_from(["Jan", "feb", "MAR", "Apr", "Jun", "Sep", "Dec"]),
    year=st.integers(1990, 2030), hour=st.integers(0, 23), minute=st.integers(0, 59),
    second=st.none() | st.integers(0, 59), weekday=st.sampled_from(["", "Sat, ", "Tue,"]),
    zone_=st.sampled_from(["GMT", "UT", "UTC", "Z", "+0000", "-0000", "+0400", "-0130", "+0545"]),
)
def test_readers_dates_rfc2822_fast_path_agrees_with_the_email_parser(day, month, year, hour, minute, second, weekday, zone_):
    from datetime import timezone as tz
    from email.utils import parsedate_to_datetime

    value = f"{weekday}{day:02d} {month} {year} {hour:02d}:{minute:02d}{'' if second is None else f':{second:02d}'} {zone_}"
    try:
        expected = parsedate_to_datetime(value)
    except ValueError:
        with pytest.raises(ValueError):
            parse_published(value)
        return
    expected = expected if expected.tzinfo is not None else expected.replace(tzinfo=tz.utc)
    got = parse_published(value)
    assert got == expected and got.utcoffset() == expected.utcoffset()
