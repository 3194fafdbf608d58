"""Numbers as the department writes them: thousands separated, no needless decimals.

"516" not "516.00", "1,250.5" not "1250.50", "ร้อยละ 96.9", "ร้อยละ 100". Forms, report
pages, the review and the summary all format through here (templates through the
`number` filter of reports/templatetags/numbers.py).
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

PERCENT_PLACES = Decimal("0.1")


def format_number(value) -> str:
    """A figure with thousands separators and without trailing zero decimals; "" for None."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not number.is_finite():
        return str(value)
    if number == number.to_integral_value():
        return f"{number.quantize(Decimal(1)):,}"
    text = f"{number.normalize():,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent(part, whole) -> Decimal | None:
    """`part` as a percentage of `whole`, rounded to one decimal (half up); None when it cannot be said."""
    if part is None or whole is None:
        return None
    whole = Decimal(str(whole))
    if not whole:
        return None
    return (Decimal(str(part)) * 100 / whole).quantize(PERCENT_PLACES, rounding=ROUND_HALF_UP)


def parse_number(text: str) -> Decimal:
    """A number typed with or without thousands separators ("1,250.5", "1 250"); raises InvalidOperation."""
    cleaned = str(text).strip().replace(",", "").replace(" ", "").replace("\u00a0", "")
    number = Decimal(cleaned)
    if not number.is_finite():
        raise InvalidOperation(text)
    return number
