"""The Thai government fiscal calendar.

A fiscal year runs 1 October – 30 September and is named by the Buddhist-era year in
which it ends: FY 2564 = 1 Oct 2020 – 30 Sep 2021. Q1 is Oct–Dec, Q2 Jan–Mar,
Q3 Apr–Jun, Q4 Jul–Sep.
"""

import datetime
from calendar import monthrange

from inspection_portal.lib.thai import be_year, ce_year

QUARTERS = (1, 2, 3, 4)
# First month of each quarter, in the calendar year it falls in relative to the
# fiscal year's end year (-1 for the October that opens the fiscal year).
_QUARTER_START = {1: (-1, 10), 2: (0, 1), 3: (0, 4), 4: (0, 7)}


def fiscal_year_of(day: datetime.date) -> int:
    """Return the Buddhist-era fiscal year a day falls in."""
    end_year = day.year + 1 if day.month >= 10 else day.year
    return be_year(end_year)


def quarter_of(day: datetime.date) -> int:
    """Return the fiscal quarter (1–4) a day falls in."""
    return ((day.month - 10) % 12) // 3 + 1


def period_of(day: datetime.date) -> tuple[int, int]:
    """Return (fiscal year BE, quarter) of a day."""
    return fiscal_year_of(day), quarter_of(day)


def quarter_bounds(fiscal_year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    """Return the first and last day of a fiscal quarter."""
    if quarter not in QUARTERS:
        raise ValueError(f"quarter must be 1–4, not {quarter!r}")
    year_shift, month = _QUARTER_START[quarter]
    year = ce_year(fiscal_year) + year_shift
    last_month = month + 2
    return datetime.date(year, month, 1), datetime.date(year, last_month, monthrange(year, last_month)[1])


def fiscal_year_bounds(fiscal_year: int) -> tuple[datetime.date, datetime.date]:
    """Return the first and last day of a fiscal year."""
    return quarter_bounds(fiscal_year, 1)[0], quarter_bounds(fiscal_year, 4)[1]


def previous_quarter(fiscal_year: int, quarter: int) -> tuple[int, int]:
    """The quarter before: Q1 of FY N follows Q4 of FY N-1."""
    return (fiscal_year, quarter - 1) if quarter > 1 else (fiscal_year - 1, 4)


def quarters_back(fiscal_year: int, quarter: int, steps: int) -> tuple[int, int]:
    """The quarter `steps` quarters before (fiscal year, quarter)."""
    for _step in range(steps):
        fiscal_year, quarter = previous_quarter(fiscal_year, quarter)
    return fiscal_year, quarter
