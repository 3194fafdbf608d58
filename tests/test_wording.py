"""meetings/wording.py: the phrases of the summary that the golden meetings do not reach."""

import datetime
from decimal import Decimal

from meetings import wording
from meetings.wording import Figure


def test_month_names_and_the_month_after_across_the_year():
    assert wording.month_name(datetime.date(2020, 12, 1)) == "ธันวาคม พ.ศ. 2563"
    assert wording.next_period(True, 1, 2564, datetime.date(2020, 12, 1)) == "ในเดือนมกราคม พ.ศ. 2564"
    assert wording.next_period(False, 3, 2564, None) == "ในไตรมาสที่ 4"


def test_a_figure_says_what_it_has():
    assert wording.figure(Figure("", Decimal("516.00"), Decimal("500.00"), "แปลง")) == (
        "เป้าหมาย 516 แปลง ดำเนินการแล้ว 500 แปลง (ร้อยละ 96.9)"
    )
    assert wording.figure(Figure("ระยะที่ 1", Decimal("1500"), None, "ครัวเรือน")) == "ระยะที่ 1 เป้าหมาย 1,500 ครัวเรือน"
    assert wording.figure(Figure("", None, Decimal("12.50"), "")) == "ดำเนินการแล้ว 12.5"
    assert wording.figure(Figure("", Decimal("0"), Decimal("3"), "ราย")) == "เป้าหมาย 0 ราย ดำเนินการแล้ว 3 ราย"
    assert wording.figure(Figure("", Decimal("8"), Decimal("8"), "แห่ง")).endswith("(ร้อยละ 100)")


def test_figures_of_a_group_without_any_say_nothing():
    assert wording.figures([("พิจิตร", [])], name_provinces=False) == ""


def test_whose_meeting_a_few_provinces_of_a_zone():
    zone = wording.Zone(18, "เขตตรวจราชการที่ 18", "กลุ่มจังหวัดภาคเหนือตอนล่าง 2")
    assert wording._whose([zone], ["กำแพงเพชร", "พิจิตร"], whole_zones=False) == (
        "จังหวัดกำแพงเพชร และพิจิตร ในเขตตรวจราชการที่ 18 (กลุ่มจังหวัดภาคเหนือตอนล่าง 2) รวม 2 จังหวัด"
    )
    assert wording._whose([wording.Zone(1, "เขตตรวจราชการที่ 1", "")], ["ลพบุรี"], whole_zones=True) == (
        "เขตตรวจราชการที่ 1 ซึ่งมีจังหวัดลพบุรี รวมทั้งหมด 1 จังหวัด"
    )


def test_presenters_mixed_with_provinces():
    assert wording.presenters(["มหาสารคาม", "พิจิตร"], [None, None]) == "จังหวัดมหาสารคาม และพิจิตร"
    assert wording.presenters(["มหาสารคาม", "พิจิตร"], [None, "นายสมศักดิ์ รักดี พัฒนาการจังหวัดพิจิตร"]) == (
        "จังหวัดมหาสารคาม และนายสมศักดิ์ รักดี พัฒนาการจังหวัดพิจิตร"
    )


def test_online_after_several_purposes():
    assert wording.after_purposes("", "ตามประเด็น") == "โดยประชุมตามประเด็น ดังนี้"


# Review defect 6: a place typed with its own "ณ" gave "ณ ณ โรงแรม…" in the summary.
def test_a_place_typed_with_its_own_na_is_said_once():
    lead = "ตามประเด็น"
    for typed in ["ณ โรงแรมเจริญธานี", "  ณ  โรงแรมเจริญธานี", "ณโรงแรมเจริญธานี", "โรงแรมเจริญธานี"]:
        assert wording.one_purpose("ติดตามผล", typed, lead) == "วัตถุประสงค์เพื่อ ติดตามผล ณ โรงแรมเจริญธานี ตามประเด็น"
        assert wording.after_purposes(typed, lead).startswith("โดยจัดประชุม ณ โรงแรมเจริญธานี ตามประเด็น")
    # A place whose first word begins with ณ keeps it.
    assert wording.place_name("ณรงค์ฮอลล์") == "ณรงค์ฮอลล์"
