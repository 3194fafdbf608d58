"""Golden summaries of the department's other meetings (tests/golden/meeting_kinds.py): each reads, paragraph
by paragraph, as the department writes it — in the Word export and on the web page alike."""

import io

import docx
import pytest
from django.utils import timezone

from meetings import exports, summary
from meetings.models import FollowUpMeeting
from tests.golden import meeting_kinds as golden
from tests.golden import setup
from tests.test_summary_golden import _html_paragraphs
from tests.test_summary_golden import _word_paragraphs as shown_paragraphs

pytestmark = pytest.mark.django_db


def word_paragraphs(tree) -> list[str]:
    """The Word file's paragraphs as Word shows them (list numbers and bullets included)."""
    document = docx.Document(io.BytesIO(exports.to_docx(tree, exports.DocumentInfo("", timezone.now()))))
    return shown_paragraphs(document)


def web_paragraphs(tree) -> list[str]:
    return _html_paragraphs(tree)


def _built(meeting) -> dict:
    return summary.build(FollowUpMeeting.objects.get(pk=meeting.pk))


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (setup.meeting_a, golden.A_TEXT),
        (setup.meeting_b, golden.B_TEXT),
        (setup.meeting_c, golden.C_TEXT),
        (setup.meeting_d, golden.D_TEXT),
    ],
    ids=["quarterly-on-site-numbered", "monthly-deputy-dg-three-issues", "one-province-figures", "presentation-order"],
)
def test_the_meeting_reads_as_the_department_writes_it(inspector, make, expected):
    tree = _built(make(inspector))
    assert word_paragraphs(tree) == expected
    assert web_paragraphs(tree) == expected


def test_one_province_meeting_names_only_that_province(inspector):
    tree = _built(setup.meeting_c(inspector))
    assert tree["provinces"] == ["พิจิตร"] and tree["missing"] == []  # กำแพงเพชร reported, but does not take part


def test_without_presentation_order_the_zones_official_order_then_dictionary_order(inspector):
    from provinces.models import Province

    meeting = setup.meeting_d(inspector)
    meeting.province_rows.all().delete()
    assert _built(meeting)["provinces"] == ["กำแพงเพชร", "นครสวรรค์", "พิจิตร", "อุทัยธานี"]  # Thai dictionary order
    for place, name in enumerate(["นครสวรรค์", "อุทัยธานี"], start=1):  # as an administrator set it
        Province.objects.filter(name_th=name).update(zone_position=place)
    assert _built(meeting)["provinces"] == ["นครสวรรค์", "อุทัยธานี", "กำแพงเพชร", "พิจิตร"]


def test_several_purposes_are_numbered_with_the_place_after_them(inspector):
    meeting = setup.meeting_a(inspector)
    meeting.purpose = "ติดตามผลการดำเนินงาน\n2) แลกเปลี่ยนเรียนรู้ระหว่างจังหวัด"
    meeting.save()
    blocks = _built(meeting)["blocks"]
    assert [(b["kind"], b.get("number"), b["text"]) for b in blocks[1:5]] == [
        ("paragraph", None, "วัตถุประสงค์เพื่อ"),
        ("purpose", 1, "ติดตามผลการดำเนินงาน"),
        ("purpose", 2, "แลกเปลี่ยนเรียนรู้ระหว่างจังหวัด"),
        ("paragraph", None, f"โดยจัดประชุม ณ {golden.A_PLACE} ตามประเด็น ดังนี้"),
    ]
    assert word_paragraphs(_built(meeting))[3:5] == ["1) ติดตามผลการดำเนินงาน", "2) แลกเปลี่ยนเรียนรู้ระหว่างจังหวัด"]


def test_an_edited_title_and_a_free_section(inspector):
    meeting = setup.meeting_d(inspector)
    meeting.title = "สรุปผลการประชุมติดตามงานเขตตรวจราชการที่ 18"
    meeting.save()
    meeting.topics.create(position=5, kind="free", title="ข้อสั่งการของประธาน", body="- เร่งรัดการเบิกจ่าย\n- รายงานผลทุกเดือน")
    tree = _built(meeting)
    text = word_paragraphs(tree)
    assert text[0] == "สรุปผลการประชุมติดตามงานเขตตรวจราชการที่ 18"
    assert "3) ข้อสั่งการของประธาน" in text
    assert text[-3:] == ["3. ข้อสั่งการของประธาน", "- เร่งรัดการเบิกจ่าย", "- รายงานผลทุกเดือน"]


def test_a_quarter_4_workshop_looks_to_the_next_fiscal_year(inspector):
    meeting = setup.meeting_d(inspector)
    meeting.period = setup.period(2564, 4)
    meeting.save()
    assert "ในไตรมาสที่ 1 ของปีงบประมาณ พ.ศ. 2565 ต่อไป" in " ".join(word_paragraphs(_built(meeting)))


def test_the_numbering_is_edited_not_enforced(inspector):
    meeting = setup.meeting_a(inspector)
    meeting.number = 1  # the zone's first workshop of the year was held in Q2
    meeting.save()
    assert word_paragraphs(_built(meeting))[0].endswith("ครั้งที่ 1/2564")
    meeting.number = None
    meeting.save()
    assert word_paragraphs(_built(meeting))[0].endswith("(ไตรมาส 2) ปีงบประมาณ 2564")


def test_figures_of_several_provinces_are_named_by_province(inspector):
    from reports.models import FindingFigure

    meeting = setup.meeting_a(inspector)
    for finding, target in zip(
        meeting.period.reports.get(province__name_th="กำแพงเพชร").findings.all(), ["1250.50"], strict=False
    ):
        FindingFigure.objects.create(finding=finding, target=target, result="1000", unit="แปลง")
    item = next(b["text"] for b in _built(meeting)["blocks"] if b["key"] == "s1-1")
    assert "ผลการดำเนินงาน จังหวัดกำแพงเพชร เป้าหมาย 1,250.5 แปลง ดำเนินการแล้ว 1,000 แปลง (ร้อยละ 80) โดยจะเป็น" in item
