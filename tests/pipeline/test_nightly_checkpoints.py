from datetime import date

from edgar_atm.pipeline.checkpoints import (
    MAX_MISSING_WEEKDAYS,
    DayWalk,
    business_days,
    nightly_start,
    parse_checkpoint,
    previous_business_day,
)


def test_previous_business_day_skips_weekends():
    assert previous_business_day(date(2022, 10, 3)) == date(2022, 9, 30)   # Monday -> Friday
    assert previous_business_day(date(2022, 10, 4)) == date(2022, 10, 3)
    assert previous_business_day(date(2022, 10, 2)) == date(2022, 9, 30)   # Sunday -> Friday


def test_business_days_are_weekdays_in_order():
    days = list(business_days(date(2020, 3, 13), date(2020, 3, 18)))
    assert days == [date(2020, 3, 13), date(2020, 3, 16), date(2020, 3, 17), date(2020, 3, 18)]
    assert list(business_days(date(2020, 3, 18), date(2020, 3, 17))) == []


def test_start_rechecks_the_bookmark_then_since_then_previous_business_day():
    today = date(2022, 10, 4)
    assert nightly_start(date(2022, 9, 28), date(2022, 1, 3), today) == date(2022, 9, 28)
    assert nightly_start(None, date(2022, 9, 1), today) == date(2022, 9, 1)
    assert nightly_start(None, None, today) == date(2022, 10, 3)


def test_damaged_bookmark_is_treated_as_absent():
    assert parse_checkpoint("2022-10-03") == date(2022, 10, 3)
    assert parse_checkpoint("") is None
    assert parse_checkpoint("yesterday") is None
    assert parse_checkpoint(None) is None


def test_walk_passes_a_holiday_when_a_later_day_is_published():
    # 2018-11-22 (Thanksgiving) has no daily index; 11-23 does.
    walk = DayWalk(start=date(2018, 11, 21), today=date(2018, 11, 27), checkpoint=date(2018, 11, 21))
    published = {date(2018, 11, 21), date(2018, 11, 23), date(2018, 11, 26)}
    moves = []
    for day in walk.days():
        if day in published:
            moves.append(walk.day_completed(day))
        else:
            walk.day_missing(day)
    # Re-checking the bookmark day does not move it; the holiday is passed by the next day.
    assert moves == [None, date(2018, 11, 23), date(2018, 11, 26)]
    assert walk.checkpoint == date(2018, 11, 26)
    assert walk.missing == [date(2018, 11, 22), date(2018, 11, 27)]


def test_walk_stops_after_several_unpublished_weekdays_and_keeps_the_bookmark():
    # A first run from an old --since against a mirror whose newest index is 2020-03-18.
    walk = DayWalk(start=date(2020, 3, 16), today=date(2020, 6, 30))
    visited = []
    for day in walk.days():
        visited.append(day)
        if day <= date(2020, 3, 18):
            walk.day_completed(day)
        else:
            walk.day_missing(day)
    assert walk.checkpoint == date(2020, 3, 18)
    assert walk.finished
    assert len(visited) == 3 + MAX_MISSING_WEEKDAYS       # not every weekday up to June


def test_walk_never_moves_the_bookmark_backwards():
    walk = DayWalk(start=date(2022, 10, 3), today=date(2022, 10, 5), checkpoint=date(2022, 10, 4))
    assert walk.day_completed(date(2022, 10, 3)) is None
    assert walk.checkpoint == date(2022, 10, 4)
