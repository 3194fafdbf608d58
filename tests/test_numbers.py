"""inspection_portal/lib/numbers.py: figures without needless decimals, with thousands separators."""

from decimal import Decimal, InvalidOperation

import pytest

from inspection_portal.lib.numbers import format_number, parse_number, percent


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("516.00"), "516"),
        (Decimal("500"), "500"),
        (Decimal("1250.50"), "1,250.5"),
        (Decimal("1234567.25"), "1,234,567.25"),
        (Decimal("0.00"), "0"),
        (Decimal("-1500.00"), "-1,500"),
        (12, "12"),
        (Decimal("96.9"), "96.9"),
        (Decimal("100.0"), "100"),
        (Decimal("1E+3"), "1,000"),
        (None, ""),
    ],
)
def test_format_number(value, text):
    assert format_number(value) == text


def test_percent_is_rounded_to_one_decimal_half_up():
    assert format_number(percent(500, 516)) == "96.9"
    assert format_number(percent(12, 12)) == "100"
    assert format_number(percent(Decimal("1"), Decimal("8"))) == "12.5"
    assert format_number(percent(Decimal("1"), Decimal("16"))) == "6.3"  # 6.25 rounds up
    assert percent(5, 0) is None and percent(None, 5) is None and percent(5, None) is None


@pytest.mark.parametrize(
    ("text", "value"), [("1,250.5", Decimal("1250.5")), (" 516 ", Decimal("516")), ("1 000", 1000)]
)
def test_parse_number_reads_separators(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1,2,x", "NaN", "Infinity"])
def test_parse_number_refuses_what_is_not_a_number(text):
    with pytest.raises(InvalidOperation):
        parse_number(text)
