from datetime import datetime

from righthelp.engine.deadlines import add_duration, is_working_day
from righthelp.framework.schema import DurationUnit


def test_working_days_skip_weekends_and_bank_holidays():
    # Thu 24 Dec 2026 + 2 working days: Fri 25 (Christmas) and Mon 28 (Boxing Day
    # substitute) are bank holidays, so Tue 29 then Wed 30.
    start = datetime(2026, 12, 24, 9, 0)
    assert add_duration(start, 2, DurationUnit.WORKING_DAYS) == datetime(2026, 12, 30, 9, 0)
    assert not is_working_day(datetime(2026, 12, 25).date())


def test_months_clamp_to_month_end():
    assert add_duration(datetime(2026, 1, 31), 1, DurationUnit.MONTHS) == datetime(2026, 2, 28)


def test_hours_days_weeks():
    start = datetime(2026, 11, 23, 9, 0)
    assert add_duration(start, 3, DurationUnit.HOURS) == datetime(2026, 11, 23, 12, 0)
    assert add_duration(start, 20, DurationUnit.DAYS) == datetime(2026, 12, 13, 9, 0)
    assert add_duration(start, 6, DurationUnit.WEEKS) == datetime(2027, 1, 4, 9, 0)
