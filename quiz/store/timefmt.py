"""How moments and days are written in the database.

Moments are UTC text in one fixed width (``2026-11-25T17:00:00.000000+00:00``) so that string
order is time order: ``due <= ?`` and ``ORDER BY due`` work on an index without parsing, and
the file stays readable in the ``sqlite3`` shell. Days ("what day was it for the learner") are
``YYYY-MM-DD`` in the time zone of the store's clock at the moment of the answer: a streak or a
heatmap must follow the learner's midnight, not Greenwich's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

__all__ = ["day_of", "from_db", "start_of_day", "to_db"]

_FORMAT = "%Y-%m-%dT%H:%M:%S.%f+00:00"


def to_db(moment: datetime) -> str:
    """A timezone-aware moment as fixed-width UTC text; naive datetimes are a bug, refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"datetime must be timezone-aware: {moment!r}")
    return moment.astimezone(UTC).strftime(_FORMAT)


def from_db(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def day_of(moment: datetime, zone: tzinfo | None) -> date:
    """The learner's calendar day of ``moment`` in ``zone``."""
    return moment.astimezone(zone).date()


def start_of_day(day: date, zone: tzinfo | None, *, plus_days: int = 0) -> datetime:
    """The first moment of ``day`` (+ ``plus_days``) in ``zone``, as an aware datetime."""
    return datetime.combine(day + timedelta(days=plus_days), time(0), tzinfo=zone)
