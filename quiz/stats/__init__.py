"""Progress figures for the stats screen and ``quiz stats --json``: computed from one read
snapshot of the store (:mod:`quiz.stats.collect`) into plain values
(:mod:`quiz.stats.figures`)."""

from quiz.stats.collect import FORECAST_DAYS, collect_stats, compute_stats
from quiz.stats.figures import (
    BankStats,
    DayActivity,
    ForecastDay,
    PeriodActivity,
    Retention,
    Stats,
    TagStats,
    streak_days,
    weekly,
)

__all__ = [
    "FORECAST_DAYS",
    "BankStats",
    "DayActivity",
    "ForecastDay",
    "PeriodActivity",
    "Retention",
    "Stats",
    "TagStats",
    "collect_stats",
    "compute_stats",
    "streak_days",
    "weekly",
]
