"""The fiscal calendar and Thai dates at every boundary."""

import datetime

import pytest

from inspection_portal.lib.thai import thai_date
from reports.fiscal import fiscal_year_bounds, fiscal_year_of, period_of, quarter_bounds, quarter_of

D = datetime.date


@pytest.mark.parametrize(
    "day,expected",
    [
        (D(2020, 9, 30), (2563, 4)),
        (D(2020, 10, 1), (2564, 1)),
        (D(2020, 12, 31), (2564, 1)),
        (D(2021, 1, 1), (2564, 2)),
        (D(2021, 3, 31), (2564, 2)),
        (D(2021, 4, 1), (2564, 3)),
        (D(2021, 6, 11), (2564, 3)),
        (D(2021, 6, 30), (2564, 3)),
        (D(2021, 7, 1), (2564, 4)),
        (D(2021, 9, 30), (2564, 4)),
        (D(2021, 10, 1), (2565, 1)),
        (D(2024, 2, 29), (2567, 2)),
    ],
)
def test_period_of_every_boundary(day, expected):
    assert period_of(day) == expected
    assert (fiscal_year_of(day), quarter_of(day)) == expected


@pytest.mark.parametrize(
    "quarter,start,end",
    [
        (1, D(2020, 10, 1), D(2020, 12, 31)),
        (2, D(2021, 1, 1), D(2021, 3, 31)),
        (3, D(2021, 4, 1), D(2021, 6, 30)),
        (4, D(2021, 7, 1), D(2021, 9, 30)),
    ],
)
def test_quarter_bounds_of_fy_2564(quarter, start, end):
    assert quarter_bounds(2564, quarter) == (start, end)


def test_fiscal_year_2564_is_october_2020_to_september_2021():
    assert fiscal_year_bounds(2564) == (D(2020, 10, 1), D(2021, 9, 30))


def test_leap_february_ends_on_the_29th_in_q2():
    assert quarter_bounds(2567, 2) == (D(2024, 1, 1), D(2024, 3, 31))
    assert period_of(D(2024, 2, 29)) == period_of(D(2024, 3, 1)) == (2567, 2)


def test_bounds_and_period_agree_on_every_day_of_a_year():
    day = D(2023, 10, 1)
    while day <= D(2024, 9, 30):
        start, end = quarter_bounds(*period_of(day))
        assert start <= day <= end
        day += datetime.timedelta(days=1)


@pytest.mark.parametrize("quarter", [0, 5])
def test_a_quarter_outside_1_to_4_is_refused(quarter):
    with pytest.raises(ValueError):
        quarter_bounds(2564, quarter)


@pytest.mark.parametrize(
    "day,text",
    [
        (D(2021, 6, 11), "11 มิถุนายน 2564"),
        (D(2020, 9, 30), "30 กันยายน 2563"),
        (D(2020, 10, 1), "1 ตุลาคม 2563"),
        (D(2020, 12, 31), "31 ธันวาคม 2563"),
        (D(2021, 1, 1), "1 มกราคม 2564"),
        (D(2021, 3, 31), "31 มีนาคม 2564"),
        (D(2021, 4, 1), "1 เมษายน 2564"),
        (D(2021, 6, 30), "30 มิถุนายน 2564"),
        (D(2021, 7, 1), "1 กรกฎาคม 2564"),
        (D(2024, 2, 29), "29 กุมภาพันธ์ 2567"),
    ],
)
def test_thai_dates_at_the_boundaries(day, text):
    assert thai_date(day) == text
