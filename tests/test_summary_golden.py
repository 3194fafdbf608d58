"""The golden test: the seed's eight reports give the seed's groupings (shared/seed/000_2ef2f8912e7e00b9.txt).

The demo's meeting (meetings/demo.py, the seed's workshop) must also come out word for word
as it did before meetings learnt other kinds: tests/golden/seed_meeting.txt is that text,
as the Word export wrote it then, paragraph by paragraph.
"""

import io
import re
from pathlib import Path

import docx
import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from meetings import demo, exports, summary
from tests.summary_factories import (
    CHANGE_LEADERS,
    COC_PROBLEM,
    COORDINATION_CENTRE,
    FOOD_SECURITY,
    KHOK_NONG_NA,
    KNN_AREA,
    KNN_SKILLS,
    POOR_HOUSEHOLDS,
    THAI_TEXTILES,
    WDF_PROBLEM,
    WOMEN_FUND,
    load_seed,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(inspector):
    return summary.build(load_seed(inspector))


def _blocks(tree) -> dict[str, dict]:
    return {block["key"]: block for block in tree["blocks"]}


def test_header_names_the_inspector_mode_zones_and_eight_provinces(tree):
    header = _blocks(tree)["header"]["text"]
    assert header.startswith("วันที่ 11 มิถุนายน 2564 นางสาวชนมณัฐ รอดบุญธรรม ผู้ตรวจราชการกรม ")
    assert (
        "ดำเนินการประชุมเชิงปฏิบัติการตรวจติดตามผลการดำเนินงานของหน่วยรับตรวจรายไตรมาส (ไตรมาส 3) "
        "ผ่านระบบห้องประชุมออนไลน์ (ZOOM Meeting) "
        "เขตตรวจราชการที่ 12 กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนกลาง "
        "และเขตตรวจราชการที่ 18 กลุ่มจังหวัดภาคเหนือตอนล่าง 2 "
        "ประกอบด้วย จังหวัดกาฬสินธุ์ ขอนแก่น มหาสารคาม ร้อยเอ็ด กำแพงเพชร นครสวรรค์ พิจิตร และอุทัยธานี "
        "รวมทั้งหมด 8 จังหวัด"
    ) in header
    assert tree["provinces"] == ["กาฬสินธุ์", "ขอนแก่น", "มหาสารคาม", "ร้อยเอ็ด", "กำแพงเพชร", "นครสวรรค์", "พิจิตร", "อุทัยธานี"]
    assert tree["missing"] == []
    assert tree["date"] == "2021-06-11" and tree["date_th"] == "11 มิถุนายน 2564"
    assert [zone["number"] for zone in tree["zones"]] == [12, 18]


def test_purpose_topics_and_headings_follow_the_seed(tree):
    blocks = _blocks(tree)
    assert blocks["purpose"]["text"].startswith("วัตถุประสงค์เพื่อ ติดตามผลการดำเนินงานตามนโยบายสำคัญเร่งด่วน")
    assert "ประจำปี พ.ศ. 2564 ไตรมาส 3" in blocks["purpose"]["text"]
    assert blocks["topic-1"]["text"] == "งาน/โครงการ/กิจกรรม ที่ดำเนินการไม่บรรลุเป้าหมาย หรือยังไม่ประสบผลสำเร็จเท่าที่ควร"
    assert blocks["topic-2"]["text"] == "งาน/โครงการ/กิจกรรม ที่จังหวัดอื่นสามารถเรียนรู้และนำไปเป็นแบบอย่างได้"
    assert (blocks["topic-1"]["number"], blocks["topic-2"]["number"]) == (1, 2)
    assert blocks["intro"]["text"].endswith("ในไตรมาสที่ 4 ต่อไป สามารถสรุปได้ดังนี้")
    assert blocks["s1"]["text"].startswith("งาน/โครงการ/กิจกรรม ที่ดำเนินการไม่บรรลุเป้าหมาย")
    assert blocks["s2"]["text"].startswith("งาน/โครงการ/กิจกรรม ที่จังหวัดอื่นสามารถเรียนรู้")
    assert (blocks["s1"]["number"], blocks["s2"]["number"]) == (1, 2)
    assert [block["key"] for block in tree["blocks"]][:6] == ["header", "purpose", "topic-1", "topic-2", "intro", "s1"]


def test_section1_groups_khok_nong_na_then_womens_fund_then_the_coordination_centre(tree):
    assert [(group["project"], group["provinces"]) for group in tree["section1"]] == [
        (KHOK_NONG_NA, ["ขอนแก่น", "มหาสารคาม", "กำแพงเพชร", "พิจิตร", "อุทัยธานี"]),
        (WOMEN_FUND, ["ร้อยเอ็ด", "นครสวรรค์"]),
        (COORDINATION_CENTRE, ["กาฬสินธุ์"]),
    ]
    assert [group["count"] for group in tree["section1"]] == [5, 2, 1]
    assert [group["problems"] for group in tree["section1"]] == [[KNN_AREA, KNN_SKILLS], [WDF_PROBLEM], [COC_PROBLEM]]


def test_section1_texts_read_like_the_seed(tree):
    blocks = _blocks(tree)
    assert blocks["s1-1"]["text"].startswith(
        f"{KHOK_NONG_NA} จำนวน 5 จังหวัด ได้แก่ จังหวัดขอนแก่น มหาสารคาม กำแพงเพชร พิจิตร และอุทัยธานี "
        f"โดยจะเป็นปัญหาเกี่ยวกับ 1) {KNN_AREA} 2) {KNN_SKILLS} "
    )
    assert blocks["s1-2"]["text"].startswith(
        f"{WOMEN_FUND} จำนวน 2 จังหวัด ได้แก่ จังหวัดร้อยเอ็ด และนครสวรรค์ โดยจะเป็นปัญหาเกี่ยวกับ {WDF_PROBLEM} "
    )
    assert blocks["s1-2"]["text"].count(WDF_PROBLEM) == 1  # two provinces, one problem: said once, unnumbered
    assert blocks["s1-3"]["text"].startswith(f"{COORDINATION_CENTRE} จำนวน 1 จังหวัด คือ จังหวัดกาฬสินธุ์ ")
    assert "การแพร่ระบาดของโรคติดเชื้อไวรัสโคโรนา" in blocks["s1-2"]["text"]
    assert "ขอรับการสนับสนุนจากหน่วยงานภาคีที่เกี่ยวข้อง" in blocks["s1-1"]["text"]
    assert "s1-4" not in blocks and "s1-none" not in blocks


def test_section2_has_every_best_practice_of_the_seed_with_its_provinces(tree):
    assert [(item["project"], item["provinces"]) for item in tree["section2"]] == [
        (KHOK_NONG_NA, ["กาฬสินธุ์"]),
        (FOOD_SECURITY, ["ขอนแก่น"]),
        (WOMEN_FUND, ["มหาสารคาม", "พิจิตร"]),
        (CHANGE_LEADERS, ["ร้อยเอ็ด", "นครสวรรค์"]),
        (POOR_HOUSEHOLDS, ["กำแพงเพชร"]),
        (THAI_TEXTILES, ["อุทัยธานี"]),
    ]
    texts = [block["text"] for block in tree["blocks"] if block["key"].startswith("s2-")]
    assert texts[0].startswith("จังหวัดกาฬสินธุ์ นำเสนอ “โคก หนอง นา ก้องจิราภาส เป็นได้มากกว่าเกษตรกรรม” ")
    assert texts[2].startswith("จังหวัดมหาสารคาม และพิจิตร นำเสนอ “ผลการดำเนินงานการบริหารจัดการหนี้กองทุนพัฒนาบทบาทสตรี”")
    assert texts[3].startswith(
        "จังหวัดร้อยเอ็ด และนครสวรรค์ นำเสนอ “การดำเนินงานโครงการเสริมสร้างและพัฒนาผู้นำการเปลี่ยนแปลง ปี 2564”"
    )
    assert texts[5].startswith("จังหวัดอุทัยธานี นำเสนอ “สืบสาน อนุรักษ์ศิลป์ผ้าถิ่นไทย ดำรงไว้ในแผ่นดิน”")
    assert texts[2].count("ออกแบบแนวทางการดำเนินงาน") == 1  # the same text from two provinces, said once


def test_the_tree_is_plain_json_data(tree):
    import json

    assert json.loads(json.dumps(tree)) == tree
    assert tree["version"] == summary.TREE_VERSION


# --- the same groupings from the demo data (meetings/demo.py, what `make run` shows) ------------

SEED_SECTION1 = [
    ("โคก หนอง นา", ["ขอนแก่น", "มหาสารคาม", "กำแพงเพชร", "พิจิตร", "อุทัยธานี"]),
    ("กองทุนพัฒนาบทบาทสตรี", ["ร้อยเอ็ด", "นครสวรรค์"]),
    ("ศอช.", ["กาฬสินธุ์"]),
]
SEED_SECTION2 = [
    (["กาฬสินธุ์"], "โคก หนอง นา ก้องจิราภาส เป็นได้มากกว่าเกษตรกรรม"),
    (["ขอนแก่น"], "สานพลังผักปลอดภัย"),
    (["มหาสารคาม", "พิจิตร"], "ผลการดำเนินงานการบริหารจัดการหนี้กองทุนพัฒนาบทบาทสตรี"),
    (["ร้อยเอ็ด", "นครสวรรค์"], "การดำเนินงานโครงการเสริมสร้างและพัฒนาผู้นำการเปลี่ยนแปลง ปี 2564"),
    (["กำแพงเพชร"], "ครัวเรือนเด็กยากจน"),
    (["อุทัยธานี"], "สืบสาน อนุรักษ์ศิลป์ผ้าถิ่นไทย ดำรงไว้ในแผ่นดิน"),
]


SEED_MEETING_TEXT = Path(__file__).parent / "golden" / "seed_meeting.txt"


def _html_paragraphs(tree) -> list[str]:
    html = render_to_string("meetings/summary/_body.html", {"tree": tree})
    paragraphs = re.findall(r"<(?:p|h2|li)[^>]*>(.*?)</(?:p|h2|li)>", html, re.S)
    paragraphs = [re.sub(r"<span[^>]*>(.*?)</span>", r"\1", paragraph) for paragraph in paragraphs]
    return [tree["title"]] + [re.sub(r"<br>", "\n", paragraph).replace("&quot;", '"') for paragraph in paragraphs]


def _word_paragraphs(document) -> list[str]:
    """Each paragraph as Word shows it: a list paragraph with its number ("1) ") or bullet ("- ") first."""
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    formats = {
        a.get(qn("w:abstractNumId")): a.find(f"{qn('w:lvl')}/{qn('w:lvlText')}").get(qn("w:val"))
        for a in numbering.findall(qn("w:abstractNum"))
    }
    lists, counters, shown = {}, {}, []
    for num in numbering.findall(qn("w:num")):
        start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        lists[num.get(qn("w:numId"))] = (
            formats[num.find(qn("w:abstractNumId")).get(qn("w:val"))],
            int(start.get(qn("w:val"))) if start is not None else 1,
        )
    for paragraph in document.paragraphs:
        properties = paragraph._p.pPr
        if properties is None or properties.numPr is None:
            shown.append(paragraph.text)
            continue
        num_id = str(properties.numPr.numId.val)
        text, start = lists[num_id]
        counters[num_id] = counters.get(num_id, start - 1) + 1
        shown.append(f"{text.replace('%1', str(counters[num_id]))} {paragraph.text}")
    return shown


def test_the_demo_meeting_reads_word_for_word_as_before(demo_tree):
    expected = SEED_MEETING_TEXT.read_text(encoding="utf-8").rstrip("\n").split("\n")
    document = docx.Document(io.BytesIO(exports.to_docx(demo_tree, exports.DocumentInfo("", timezone.now()))))
    assert _word_paragraphs(document) == expected
    assert _html_paragraphs(demo_tree) == expected


@pytest.fixture
def demo_tree(geography):
    meeting = demo.load()["meeting"]
    return summary.build(type(meeting).objects.get(pk=meeting.pk))


def test_demo_data_gives_the_seeds_groupings(demo_tree):
    section1 = demo_tree["section1"]
    assert [(entry["provinces"], entry["count"]) for entry in section1] == [
        (provinces, len(provinces)) for _name, provinces in SEED_SECTION1
    ]
    for entry, (name, _provinces) in zip(section1, SEED_SECTION1, strict=True):
        assert name in entry["project"]
        assert entry["problems"]
    assert len(section1[0]["problems"]) == 2  # the seed's 1) land and permits 2) missing skills
    blocks = {block["key"]: block["text"] for block in demo_tree["blocks"]}
    assert "จำนวน 5 จังหวัด ได้แก่ จังหวัดขอนแก่น มหาสารคาม กำแพงเพชร พิจิตร และอุทัยธานี" in blocks["s1-1"]
    assert "จำนวน 2 จังหวัด ได้แก่ จังหวัดร้อยเอ็ด และนครสวรรค์" in blocks["s1-2"]
    assert "จำนวน 1 จังหวัด คือ จังหวัดกาฬสินธุ์" in blocks["s1-3"]

    section2 = demo_tree["section2"]
    assert [entry["provinces"] for entry in section2] == [provinces for provinces, _title in SEED_SECTION2]
    for entry, (_provinces, title) in zip(section2, SEED_SECTION2, strict=True):
        assert any(title in text for text in entry["titles"]), (entry["titles"], title)
    assert blocks["s2-3"].startswith("จังหวัดมหาสารคาม และพิจิตร นำเสนอ “")
