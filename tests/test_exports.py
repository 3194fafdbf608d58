"""The Word and PDF exports of a summary tree: their text, font, page and speed."""

import io
import re
import time

import docx
import pypdf
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from meetings import exports, summary
from meetings.models import FollowUpMeeting
from tests.summary_factories import load_seed
from tests.test_summary import national_quarter

pytestmark = pytest.mark.django_db

SEED_GROUPS = [
    "จำนวน 5 จังหวัด ได้แก่ จังหวัดขอนแก่น มหาสารคาม กำแพงเพชร พิจิตร และอุทัยธานี",
    "จำนวน 2 จังหวัด ได้แก่ จังหวัดร้อยเอ็ด และนครสวรรค์",
    "จำนวน 1 จังหวัด คือ จังหวัดกาฬสินธุ์",
    "จังหวัดมหาสารคาม และพิจิตร นำเสนอ “ผลการดำเนินงานการบริหารจัดการหนี้กองทุนพัฒนาบทบาทสตรี”",
    "จังหวัดร้อยเอ็ด และนครสวรรค์ นำเสนอ",
    "จังหวัดอุทัยธานี นำเสนอ “สืบสาน อนุรักษ์ศิลป์ผ้าถิ่นไทย ดำรงไว้ในแผ่นดิน”",
]

# Thai vowel and tone marks written above or below a consonant; PDF text extraction may
# drop or move them (and split sara am), so PDF text is compared without them.
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def _comparable(text: str) -> str:
    return _MARKS.sub("", text.replace("\u0e33", "\u0e32")).translate({ord(c): None for c in " \n\t\r"})


@pytest.fixture
def tree(inspector):
    return summary.build(load_seed(inspector))


# --- Word ----------------------------------------------------------------------------


def _document(data: bytes):
    return docx.Document(io.BytesIO(data))


def test_docx_holds_the_seeds_groupings_in_reading_order(tree):
    paragraphs = [paragraph.text for paragraph in _document(exports.to_docx(tree)).paragraphs]

    assert paragraphs[0] == tree["title"]
    assert paragraphs[1].startswith("วันที่ 11 มิถุนายน 2564 นางสาวชนมณัฐ รอดบุญธรรม ผู้ตรวจราชการกรม")
    body = "\n".join(paragraphs)
    positions = [body.index(group) for group in SEED_GROUPS]
    assert positions == sorted(positions)
    items = [text for text in paragraphs if text.startswith("- ")]
    assert len(items) == len(tree["section1"]) + len(tree["section2"]) == 9
    assert paragraphs[1:] == [
        f"- {block['text']}" if block["kind"] == "item" else summary.number_prefix(block) + block["text"]
        for block in tree["blocks"]
    ]
    assert "1) งาน/โครงการ/กิจกรรม ที่ดำเนินการไม่บรรลุเป้าหมาย หรือยังไม่ประสบผลสำเร็จเท่าที่ควร" in paragraphs
    assert any(text.startswith("2. งาน/โครงการ/กิจกรรม ที่จังหวัดอื่นสามารถเรียนรู้") for text in paragraphs)


def test_docx_is_a4_with_official_margins_and_sarabun_16_for_thai_too(tree):
    document = _document(exports.to_docx(tree))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    margins = (section.top_margin, section.left_margin, section.right_margin, section.bottom_margin)
    assert [round(margin.cm, 2) for margin in margins] == [2.5, 3.0, 2.0, 2.0]

    runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
    assert runs
    for run in runs:
        fonts = run._r.rPr.rFonts
        assert {fonts.get(qn(f"w:{name}")) for name in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Sarabun"}
        assert run.font.size == Pt(16)
        assert run._r.rPr.find(qn("w:szCs")).get(qn("w:val")) == "32"
    normal = document.styles["Normal"]
    assert normal.font.name == "Sarabun" and normal.font.size == Pt(16)
    assert normal.element.rPr.rFonts.get(qn("w:cs")) == "Sarabun"


def test_docx_bolds_the_title_and_headings_and_indents_items(tree):
    paragraphs = _document(exports.to_docx(tree)).paragraphs
    by_text = {paragraph.text: paragraph for paragraph in paragraphs}
    assert all(run.bold for run in paragraphs[0].runs)
    heading = next(f"1. {block['text']}" for block in tree["blocks"] if block["key"] == "s1")
    assert all(run.bold for run in by_text[heading].runs)
    item = next(paragraph for paragraph in paragraphs if paragraph.text.startswith("- "))
    assert not any(run.bold for run in item.runs)
    assert item.paragraph_format.left_indent > by_text[heading].paragraph_format.first_line_indent > 0


def test_docx_keeps_the_line_breaks_of_an_edited_text(tree):
    tree["blocks"][1]["text"] = "บรรทัดแรก\nบรรทัดที่สอง"
    document = _document(exports.to_docx(tree))
    paragraph = document.paragraphs[2]
    assert paragraph.text == "บรรทัดแรก\nบรรทัดที่สอง"
    assert paragraph._p.xpath(".//w:br")


# --- PDF -------------------------------------------------------------------------------


def _reader(data: bytes) -> pypdf.PdfReader:
    assert data.startswith(b"%PDF-")
    return pypdf.PdfReader(io.BytesIO(data))


def _text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_holds_the_seeds_groupings(tree):
    text = _comparable(_text(_reader(exports.to_pdf(tree))))

    for group in SEED_GROUPS:
        assert _comparable(group) in text
    for province in tree["provinces"]:
        assert _comparable(province) in text
    assert _comparable("รวมทั้งหมด 8 จังหวัด") in text
    assert _comparable("11 มิถุนายน 2564") in text
    positions = [text.index(_comparable(group)) for group in SEED_GROUPS]
    assert positions == sorted(positions)


def test_pdf_is_a4_with_sarabun_embedded(tree):
    reader = _reader(exports.to_pdf(tree))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (595, 842)
    embedded = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            if "/FontFile2" in descriptor:
                embedded.add(str(font["/BaseFont"]).split("+")[-1])
    assert embedded == {"Sarabun", "Sarabun-Bold"}


def test_pdf_prints_markup_typed_in_an_edit_as_text(tree):
    tree["blocks"][1]["text"] = 'ข้อความ <img src="http://example.invalid/x.png"> <b>ตัวหนา</b>'
    text = _text(_reader(exports.to_pdf(tree)))
    assert '<img src="http://example.invalid/x.png">' in text
    assert "<b>" in text


def test_print_page_without_pdf_fonts_points_at_the_static_files(tree):
    from django.template.loader import render_to_string

    html = render_to_string("meetings/summary/print.html", {"tree": tree})
    assert "/static/fonts/sarabun/Sarabun_400Regular.ttf" in html
    assert "file://" not in html
    assert "size: A4" in html
    assert html.count('class="summary-item ') == 9


# --- speed -----------------------------------------------------------------------------


def test_a_national_quarter_builds_and_exports_quickly(inspector, capsys):
    meeting = FollowUpMeeting.objects.get(pk=national_quarter(inspector).pk)

    started = time.perf_counter()
    tree = summary.build(meeting)
    built = time.perf_counter()
    word = exports.to_docx(tree)
    worded = time.perf_counter()
    pdf = exports.to_pdf(tree)
    done = time.perf_counter()

    with capsys.disabled():
        print(
            f"\nnational summary ({len(tree['provinces'])} provinces): build {built - started:.3f} s, "
            f"docx {worded - built:.3f} s, pdf {done - worded:.3f} s ({len(_reader(pdf).pages)} pages)"
        )
    assert len(tree["provinces"]) == 76
    assert built - started < 1.0
    assert worded - built < 1.0
    assert done - worded < 5.0  # measured about 0.3 s; generous for slow CI machines
    assert _comparable("รวมทั้งหมด 76 จังหวัด") in _comparable(_text(_reader(pdf)))
    assert len(_document(word).paragraphs) == len(tree["blocks"]) + 1
