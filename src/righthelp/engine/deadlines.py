"""Turning a pack's timescales into due times.

Working days exclude weekends and England and Wales bank holidays (the `holidays` package
computes them offline). Calendar months clamp to the month's last day (31 Jan + 1 month is
28/29 Feb).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from functools import cache

import holidays

from righthelp.framework.schema import DurationUnit


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_duration(start: datetime, amount: int, unit: DurationUnit) -> datetime:
    """The moment `amount` `unit`s after `start`."""
    if unit is DurationUnit.HOURS:
        return start + timedelta(hours=amount)
    if unit is DurationUnit.DAYS:
        return start + timedelta(days=amount)
    if unit is DurationUnit.WEEKS:
        return start + timedelta(weeks=amount)
    if unit is DurationUnit.MONTHS:
        return _add_months(start, amount)
    return _add_working_days(start, amount)


def _add_months(start: datetime, months: int) -> datetime:
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return start.replace(year=year, month=month, day=day)


def _add_working_days(start: datetime, days: int) -> datetime:
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current.date()):
            remaining -= 1
    return current
