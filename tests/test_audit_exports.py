"""Audit: the Word export survives control characters pasted into reports or the summary's text.

XML 1.0 forbids most C0 control characters, and python-docx refuses them with a ValueError,
so one stray character pasted from Word (a table's cell mark \\x07, a soft line break \\x0b)
used to turn the download into a server error.
"""

import io

import docx
import pytest
from django.urls import reverse

from meetings.forms import draft_hash
from tests import review_factories as make

pytestmark = pytest.mark.django_db


def _docx_text(content: bytes) -> str:
    return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(content)).paragraphs)


@pytest.fixture
def quarter(geography):
    return make.period(2564, 3)


def test_a_control_character_in_a_finding_does_not_break_the_word_download(client, inspector, quarter):
    report = make.submitted("ขอนแก่น", quarter)
    make.shortfall(report, "โครงการทดสอบอักขระ", problems="ขาดงบประมาณ\x07ต่อเนื่อง")
    meeting = make.meeting(inspector, quarter)
    client.force_login(inspector)
    response = client.get(reverse("meetings:docx", args=[meeting.pk]))
    assert response.status_code == 200
    text = _docx_text(response.content)
    assert "ขาดงบประมาณ" in text and "ต่อเนื่อง" in text
    assert "\x07" not in text


def test_a_soft_line_break_typed_in_the_summary_becomes_a_line_break(client, inspector, quarter):
    make.submitted("ขอนแก่น", quarter)
    meeting = make.meeting(inspector, quarter)
    client.force_login(inspector)
    data = {"draft_hash": draft_hash(meeting.draft)}
    data.update({f"block_{block['key']}": block["text"] for block in meeting.draft["blocks"]})
    data["block_intro"] = "บรรทัดแรก\x0bบรรทัดสอง"
    assert client.post(reverse("meetings:edit_text", args=[meeting.pk]), data).status_code == 302
    for name in ("docx", "pdf"):
        assert client.get(reverse(f"meetings:{name}", args=[meeting.pk])).status_code == 200
    text = _docx_text(client.get(reverse("meetings:docx", args=[meeting.pk])).content)
    assert "บรรทัดแรก\nบรรทัดสอง" in text
