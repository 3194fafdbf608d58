"""Thai text rules: Buddhist-era dates, province lists and dictionary order.

The summary, the templates' filters and the admin all use these, so the rules are
written once. Dates and collation come from pythainlp.
"""

import datetime
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from pythainlp.util import collate, thai_strftime

T = TypeVar("T")

BE_OFFSET = 543
PROVINCE_WORD = "จังหวัด"
AND_WORD = "และ"


def be_year(year: int) -> int:
    """Return the Buddhist-era year of a Gregorian year."""
    return year + BE_OFFSET


def ce_year(be: int) -> int:
    """Return the Gregorian year of a Buddhist-era year."""
    return be - BE_OFFSET


def thai_date(value: datetime.date | datetime.datetime | None) -> str:
    """Format a date as the department writes it: "11 มิถุนายน 2564"."""
    if value is None:
        return ""
    return thai_strftime(_as_datetime(value), "%-d %B %Y")


def thai_short_date(value: datetime.date | datetime.datetime | None) -> str:
    """Format a date with the abbreviated month: "11 มิ.ย. 2564"."""
    if value is None:
        return ""
    return thai_strftime(_as_datetime(value), "%-d %b %Y")


def thai_datetime(value: datetime.datetime | None) -> str:
    """Format a moment as "11 มิถุนายน 2564 เวลา 14:05 น."."""
    if value is None:
        return ""
    return f"{thai_date(value)} เวลา {value:%H:%M} น."


def _as_datetime(value: datetime.date | datetime.datetime) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value
    return datetime.datetime(value.year, value.month, value.day)


def join_thai(items: Sequence[str]) -> str:
    """Join names the Thai way: "ก", "ก และข", "ก ข และค"."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return " ".join(items[:-1]) + f" {AND_WORD}" + items[-1]


def province_list(names: Sequence[str]) -> str:
    """Name provinces with the word จังหวัด once: "จังหวัดนครสวรรค์ และร้อยเอ็ด"."""
    joined = join_thai(names)
    return f"{PROVINCE_WORD}{joined}" if joined else ""


def sorted_thai(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """Sort items by a Thai text in dictionary order (leading vowels do not sort first).

    Texts that collate equal (they differ only in tone marks) fall back to code-point
    order, so the result never depends on the order the items came in.
    """
    items = list(items)
    rank = {text: position for position, text in enumerate(collate(sorted({key(item) for item in items})))}
    return sorted(items, key=lambda item: rank[key(item)])


def sorted_by_zone(
    items: Iterable[T],
    zone: Callable[[T], int],
    name: Callable[[T], str],
    position: Callable[[T], int | None] | None = None,
) -> list[T]:
    """Sort by zone number, then by an official position within the zone when given (items without one
    come after), then by the Thai dictionary order of a name: the documents' province order."""

    def key(item: T) -> tuple:
        place = position(item) if position is not None else None
        return (zone(item), place is None, place or 0)

    return sorted(sorted_thai(items, key=name), key=key)


def province_count(names: Sequence[str]) -> str:
    """Count and name provinces: "จำนวน 2 จังหวัด ได้แก่ จังหวัดก และข", or "จำนวน 1 จังหวัด คือ จังหวัดก"."""
    names = [name for name in names if name]
    if not names:
        return ""
    lead = "คือ" if len(names) == 1 else "ได้แก่"
    return f"จำนวน {len(names)} {PROVINCE_WORD} {lead} {province_list(names)}"


def numbered(points: Sequence[str]) -> str:
    """Number points as the department's reports do: "1) ก 2) ข"; a single point goes unnumbered."""
    points = [point for point in points if point]
    if len(points) <= 1:
        return "".join(points)
    return " ".join(f"{number}) {point}" for number, point in enumerate(points, start=1))


def quoted(text: str) -> str:
    """Put a title in Thai typographic quotes: “…”."""
    return f"\u201c{text.strip()}\u201d" if text and text.strip() else ""


_POINT_MARKER = re.compile(r"^\s*(?:[-\u2013\u2022*]|\(?\d{1,2}[.)])\s+")


def split_points(text: str) -> list[str]:
    """The points of a text typed one per line, without the bullets or numbers typed before them."""
    points = []
    for line in (text or "").splitlines():
        point = " ".join(_POINT_MARKER.sub("", line).split())
        if point:
            points.append(point)
    return points


def unique(texts: Iterable[str]) -> list[str]:
    """The texts without repeats, in the order they first came."""
    return list(dict.fromkeys(texts))
