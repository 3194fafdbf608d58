"""Thai text rules: Buddhist-era dates, province lists and dictionary order.

The summary, the templates' filters and the admin all use these, so the rules are
written once. Dates and collation come from pythainlp.
"""

import datetime
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from pythainlp.util import collate

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
    """Format a date as the department writes it: "11 มิถุนายน 2564".

    Written out here (as pythainlp's thai_strftime "%-d %B %Y" writes it, tests/test_thai.py) because pages
    format a date per row and thai_strftime costs about fifty times more."""
    if value is None:
        return ""
    return f"{value.day} {THAI_MONTHS[value.month - 1]} {value.year + BE_OFFSET}"


def thai_short_date(value: datetime.date | datetime.datetime | None) -> str:
    """Format a date with the abbreviated month: "11 มิ.ย. 2564" (thai_strftime "%-d %b %Y")."""
    if value is None:
        return ""
    return f"{value.day} {THAI_MONTHS_SHORT[value.month - 1]} {value.year + BE_OFFSET}"


def thai_datetime(value: datetime.datetime | None) -> str:
    """Format a moment as "11 มิถุนายน 2564 เวลา 14:05 น."."""
    if value is None:
        return ""
    return f"{thai_date(value)} เวลา {value:%H:%M} น."


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


# --- typed dates ---------------------------------------------------------------------

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
# Years typed as Buddhist-era from this one on; from CE_FIRST_YEAR up to it, as Gregorian (typed by habit).
BE_FIRST_YEAR = 2400
CE_FIRST_YEAR = 1900
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(\d{1,2})\s+(\S+?)\s*(\d{2}|\d{4})$")


class DateTypoError(ValueError):
    """A typed date that cannot be read; the message says why."""


def _month_of(word: str) -> int | None:
    word = word.replace("พ.ศ.", "").strip()
    for number, (name, short) in enumerate(zip(THAI_MONTHS, THAI_MONTHS_SHORT, strict=True), start=1):
        if word in (name, short, short.replace(".", "")):
            return number
    return None


def _ce_year(year: int, digits: int) -> int:
    """The Gregorian year of a typed one: 2570 (BE), 70 (BE 2570) or 2027 (CE, typed by habit)."""
    if digits == 2:
        return ce_year(2500 + year)
    if year >= BE_FIRST_YEAR:
        return ce_year(year)
    if year >= CE_FIRST_YEAR:
        return year
    raise DateTypoError("year")


def parse_thai_date(text: str) -> datetime.date:
    """Read a date typed the Thai way: "31/01/2570", "31-1-70", "31 มกราคม 2570", or ISO "2570-01-31".

    A four-digit year from 2400 on is Buddhist-era; one from 1900 to 2399 is taken as the
    Gregorian year people type by habit, so "31/01/2027" is the same day as "31/01/2570".
    Raises DateTypoError ("format", "year" or "day") when the text is not such a date.
    """
    text = " ".join((text or "").translate(_THAI_DIGITS).replace("พ.ศ.", " ").split())
    if match := _NUMERIC.match(text):
        day, month, year = match.groups()
    elif match := _ISO.match(text):
        year, month, day = match.groups()
    elif (match := _WORDS.match(text)) and _month_of(match.group(2)):
        day, month, year = match.group(1), str(_month_of(match.group(2))), match.group(3)
    else:
        raise DateTypoError("format")
    gregorian = _ce_year(int(year), len(year))
    try:
        return datetime.date(gregorian, int(month), int(day))
    except ValueError:
        raise DateTypoError("day") from None


def format_be_date(value: datetime.date) -> str:
    """A date as typed in the portal's forms: "31/01/2570"."""
    return f"{value.day:02d}/{value.month:02d}/{be_year(value.year)}"
