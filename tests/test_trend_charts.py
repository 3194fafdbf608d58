"""The trend charts' geometry (trends/charts.py) and the workbook writer (trends/xlsx.py)."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from trends import charts, xlsx
from trends.tables import Table


@pytest.mark.parametrize("value, top", [(0, 1), (1, 1), (3, 5), (8, 10), (11, 20), (77, 100), (230, 500)])
def test_axis_tops_are_round(value, top):
    assert charts._nice_max(value) == top


def test_stacked_columns_are_as_tall_as_their_totals():
    chart = charts.stacked_columns("t", [("ไตรมาส 1", "2564"), ("ไตรมาส 2", "2564")], [("a", [2, 0]), ("b", [3, 1])])
    first = [rect for rect in chart.rects if rect.x < chart.plot_left + 72]
    assert [rect.title for rect in first] == ["a: 2", "b: 3"]
    assert sum(rect.height for rect in first) == pytest.approx(200)  # 5 of an axis topped at 5
    assert first[1].y + first[1].height == pytest.approx(first[0].y)  # stacked, the first series at the bottom
    assert [label.text for label in chart.labels] == ["ไตรมาส 1", "2564", "ไตรมาส 2", "2564"]
    assert [rect.title for rect in chart.rects if rect not in first] == ["b: 1"]  # no bar for a zero


def test_horizontal_bars_cut_long_labels_but_title_them_in_full():
    name = "ก" * 60
    chart = charts.horizontal_bars("t", [(name, 3), ("ข", 1)])
    assert chart.rects[0].width == pytest.approx(3 * chart.rects[1].width)
    assert chart.labels[0].text == "ก" * 39 + "…" and chart.rects[0].title == f"{name}: 3"


def test_sparkline_leaves_a_gap_for_no_number():
    chart = charts.sparkline([Decimal("100"), None, Decimal("50")])
    assert len(chart.rects) == 2 and chart.rects[0].height == 2 * chart.rects[1].height


def test_workbook_keeps_text_as_text_and_numbers_as_numbers():
    table = Table("x", "ตาราง: ทดสอบ/หนึ่ง", ["ชื่อ", "จำนวน", "ร้อยละ"], [["=1+1", 5, Decimal("12.5")], ["ข", 0, None]])
    book = load_workbook(io.BytesIO(xlsx.workbook([table])))
    sheet = book.worksheets[0]
    assert sheet.title == "ตาราง  ทดสอบ หนึ่ง"  # characters sheet names may not hold
    assert sheet["A1"].value == "ตาราง: ทดสอบ/หนึ่ง" and sheet["B2"].value == "จำนวน"
    assert sheet["A3"].value == "=1+1" and sheet["A3"].data_type == "s"
    assert (sheet["B3"].value, sheet["C3"].value, sheet["C4"].value) == (5, 12.5, None)
