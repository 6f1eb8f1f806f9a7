"""Calendar arithmetic for label dates.

Conventions (documented in :func:`shelflife.markets.label`):

- **Months are calendar months with the day clipped to the month end**: 31 January plus one
  month is 28 February (29 in a leap year); 29 February plus twelve months is 28 February.
- **Days are added as days**: the production day is day 0, so 15 January plus 60 days is
  16 March.
- **A month-year date means the last day of that month, a year date the last day of that
  year.** A label never means a later date than the computed one, so when the computed
  date is not the last day of its month (year), the printed month (year) is the previous
  one (:func:`truncate`).
"""

from __future__ import annotations

import calendar
import datetime
import functools

__all__ = ["add_months", "last_day_of_month", "truncate", "max_days_in_months"]


def last_day_of_month(year: int, month: int) -> datetime.date:
    """The last day of ``month`` in ``year``.

    Examples
    --------
    >>> last_day_of_month(2024, 2)
    datetime.date(2024, 2, 29)
    """
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def add_months(date: datetime.date, months: int) -> datetime.date:
    """Add calendar months, clipping the day to the end of the target month.

    Examples
    --------
    >>> add_months(datetime.date(2023, 1, 31), 1)
    datetime.date(2023, 2, 28)
    >>> add_months(datetime.date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)
    >>> add_months(datetime.date(2024, 2, 29), 12)
    datetime.date(2025, 2, 28)
    """
    index = date.year * 12 + (date.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return datetime.date(year, month0 + 1, min(date.day, last))


def truncate(end: datetime.date, precision: str) -> datetime.date:
    """The last date a label printed at ``precision`` may mean without passing ``end``.

    ``"day"``: ``end`` itself. ``"month"``: the last day of ``end``'s month if ``end`` is
    that day, otherwise the last day of the month before. ``"year"``: 31 December of
    ``end``'s year if ``end`` is that day, otherwise 31 December of the year before.

    Examples
    --------
    >>> truncate(datetime.date(2026, 10, 15), "month")
    datetime.date(2026, 9, 30)
    >>> truncate(datetime.date(2026, 9, 30), "month")
    datetime.date(2026, 9, 30)
    >>> truncate(datetime.date(2028, 1, 15), "year")
    datetime.date(2027, 12, 31)
    """
    if precision == "day":
        return end
    if precision == "month":
        last = last_day_of_month(end.year, end.month)
        return end if end == last else end.replace(day=1) - datetime.timedelta(days=1)
    if precision == "year":
        last = datetime.date(end.year, 12, 31)
        return end if end == last else datetime.date(end.year - 1, 12, 31)
    raise ValueError(f"unknown precision {precision!r}")


@functools.lru_cache(maxsize=1024)
def max_days_in_months(months: int) -> int:
    """The longest run of ``months`` calendar months, in days, over every start date.

    Used to state a shelf life in whole months without ever exceeding a duration in days:
    ``n`` months are safe for ``d`` days when ``max_days_in_months(n) <= d``. The search
    covers a four-year cycle (leap years included), which contains every month pattern.

    Examples
    --------
    >>> max_days_in_months(1), max_days_in_months(3), max_days_in_months(12)
    (31, 92, 366)
    """
    if months <= 0:
        return 0
    start = datetime.date(2024, 1, 1)
    best = 0
    for offset in range(4 * 366):
        d = start + datetime.timedelta(days=offset)
        best = max(best, (add_months(d, months) - d).days)
    return best
