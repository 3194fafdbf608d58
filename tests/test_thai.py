"""The Thai text rules: dates, lists, counts, numbering and dictionary order."""

import datetime
import random

from inspection_portal.lib import thai


def test_be_and_ce_years():
    assert thai.be_year(2021) == 2564
    assert thai.ce_year(2564) == 2021


def test_thai_date_is_day_month_name_and_buddhist_era_year():
    assert thai.thai_date(datetime.date(2021, 6, 11)) == "11 มิถุนายน 2564"
    assert thai.thai_date(datetime.date(2020, 10, 1)) == "1 ตุลาคม 2563"
    assert thai.thai_date(None) == ""


def test_thai_short_date_and_datetime():
    assert thai.thai_short_date(datetime.date(2021, 6, 11)) == "11 มิ.ย. 2564"
    assert thai.thai_datetime(datetime.datetime(2021, 6, 11, 14, 5)) == "11 มิถุนายน 2564 เวลา 14:05 น."


def test_join_thai_puts_and_before_the_last_name_only():
    assert thai.join_thai([]) == ""
    assert thai.join_thai(["ก"]) == "ก"
    assert thai.join_thai(["นครสวรรค์", "ร้อยเอ็ด"]) == "นครสวรรค์ และร้อยเอ็ด"
    assert thai.join_thai(["ก", "ข", "ค"]) == "ก ข และค"
    assert thai.join_thai(["ก", "", "ค"]) == "ก และค"


def test_province_list_says_the_word_province_once():
    assert thai.province_list([]) == ""
    assert thai.province_list(["กาฬสินธุ์"]) == "จังหวัดกาฬสินธุ์"
    assert thai.province_list(["นครสวรรค์", "ร้อยเอ็ด"]) == "จังหวัดนครสวรรค์ และร้อยเอ็ด"
    names = ["ขอนแก่น", "มหาสารคาม", "กำแพงเพชร", "พิจิตร", "อุทัยธานี"]
    assert thai.province_list(names) == "จังหวัดขอนแก่น มหาสารคาม กำแพงเพชร พิจิตร และอุทัยธานี"


def test_province_count_as_the_seed_writes_it():
    assert thai.province_count(["กาฬสินธุ์"]) == "จำนวน 1 จังหวัด คือ จังหวัดกาฬสินธุ์"
    assert thai.province_count(["นครสวรรค์", "ร้อยเอ็ด"]) == "จำนวน 2 จังหวัด ได้แก่ จังหวัดนครสวรรค์ และร้อยเอ็ด"
    five = ["ขอนแก่น", "มหาสารคาม", "กำแพงเพชร", "พิจิตร", "อุทัยธานี"]
    assert thai.province_count(five) == "จำนวน 5 จังหวัด ได้แก่ จังหวัดขอนแก่น มหาสารคาม กำแพงเพชร พิจิตร และอุทัยธานี"
    assert thai.province_count([]) == ""


def test_numbered_numbers_several_points_and_leaves_one_alone():
    assert thai.numbered([]) == ""
    assert thai.numbered(["พื้นที่"]) == "พื้นที่"
    assert thai.numbered(["พื้นที่", "ทักษะ"]) == "1) พื้นที่ 2) ทักษะ"
    assert thai.numbered(["ก", "", "ข", "ค"]) == "1) ก 2) ข 3) ค"


def test_quoted_uses_typographic_quotes():
    assert thai.quoted(" สืบสาน อนุรักษ์ ") == "\u201cสืบสาน อนุรักษ์\u201d"
    assert thai.quoted("  ") == ""


def test_split_points_drops_typed_bullets_and_numbers_but_not_figures():
    text = "1) พื้นที่ดำเนินงาน\n2. เจ้าหน้าที่ขาดทักษะ\n\n- งบประมาณ  ล่าช้า\n• อื่น ๆ\n1.5 ล้านบาท\n2564 ปีแรก"
    assert thai.split_points(text) == [
        "พื้นที่ดำเนินงาน",
        "เจ้าหน้าที่ขาดทักษะ",
        "งบประมาณ ล่าช้า",
        "อื่น ๆ",
        "1.5 ล้านบาท",
        "2564 ปีแรก",
    ]
    assert thai.split_points("") == []
    assert thai.split_points(None) == []


def test_unique_keeps_first_order():
    assert thai.unique(["ข", "ก", "ข", "ค", "ก"]) == ["ข", "ก", "ค"]


def test_sorted_thai_is_dictionary_order_not_code_points():
    names = ["เพชรบุรี", "พะเยา", "แพร่", "ภูเก็ต", "กาฬสินธุ์", "ขอนแก่น", "ไม่มี", "มหาสารคาม"]
    assert sorted(names)[-3:] == ["เพชรบุรี", "แพร่", "ไม่มี"]  # code points put the leading vowels last
    assert thai.sorted_thai(names) == ["กาฬสินธุ์", "ขอนแก่น", "พะเยา", "เพชรบุรี", "แพร่", "ภูเก็ต", "มหาสารคาม", "ไม่มี"]


def test_sorted_thai_does_not_depend_on_input_order():
    names = ["อุทัยธานี", "พิจิตร", "นครสวรรค์", "กำแพงเพชร", "เลย", "โคก", "ใหม่", "ไก่", "ไก้"]
    expected = thai.sorted_thai(names)
    for seed in range(5):
        shuffled = names[:]
        random.Random(seed).shuffle(shuffled)
        assert thai.sorted_thai(shuffled) == expected


def test_sorted_by_zone_orders_by_zone_then_dictionary_order():
    rows = [(18, "อุทัยธานี"), (12, "ร้อยเอ็ด"), (18, "กำแพงเพชร"), (12, "กาฬสินธุ์"), (3, "เชียงใหม่"), (12, "ขอนแก่น")]
    ordered = thai.sorted_by_zone(rows, zone=lambda row: row[0], name=lambda row: row[1])
    assert [name for _zone, name in ordered] == ["เชียงใหม่", "กาฬสินธุ์", "ขอนแก่น", "ร้อยเอ็ด", "กำแพงเพชร", "อุทัยธานี"]


def test_sorted_by_zone_puts_the_zones_official_order_first_then_dictionary_order():
    # Zone 18's regulation lists นครสวรรค์ first; provinces without a place follow in dictionary order.
    rows = [(18, "อุทัยธานี", None), (18, "นครสวรรค์", 1), (18, "กำแพงเพชร", None), (18, "พิจิตร", 2), (12, "ขอนแก่น", None)]
    ordered = thai.sorted_by_zone(rows, zone=lambda row: row[0], name=lambda row: row[1], position=lambda row: row[2])
    assert [name for _zone, name, _place in ordered] == ["ขอนแก่น", "นครสวรรค์", "พิจิตร", "กำแพงเพชร", "อุทัยธานี"]


def test_dates_are_written_as_pythainlp_writes_them():
    """thai_date and thai_short_date are written out for speed; they say what thai_strftime says, every day."""
    import datetime

    from pythainlp.util import thai_strftime

    from inspection_portal.lib import thai

    day = datetime.date(2019, 1, 1)
    while day < datetime.date(2031, 1, 1):
        moment = datetime.datetime(day.year, day.month, day.day, 23, 59)
        assert thai.thai_date(day) == thai.thai_date(moment) == thai_strftime(moment, "%-d %B %Y")
        assert thai.thai_short_date(day) == thai_strftime(moment, "%-d %b %Y")
        day += datetime.timedelta(days=1)
